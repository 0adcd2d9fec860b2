// Test support for the live runtime's tests.

/** An in-memory Storage that can be told to be full. */
export function memoryStorage(options: {full?: boolean} = {}): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      if (options.full) throw new DOMException('quota', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

