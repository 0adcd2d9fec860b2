/**
 * Learners' edits of code cells, kept in the browser's localStorage under the page, the cell and a
 * hash of the lesson's original code, so that a changed lesson is noticed rather than silently mixed
 * with an old edit. Nothing here throws: storage can be full, disabled or damaged, and the learner's
 * text must survive all three.
 */
const PREFIX = 'skype-notebook:edit:';

export type StoredEdit = {code: string; status: 'edited' | 'stale'; storedOriginal?: string};
type Record_ = {version: 1; originalHash: string; original: string; code: string; savedAt: number};

/** FNV-1a over the UTF-16 code units: enough to notice that a lesson's code changed. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The browser's localStorage, or null where there is none (the server) or it may not be used. */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // access itself throws when storage is disabled
  }
}

const keyOf = (pagePath: string, cellId: string) => `${PREFIX}${pagePath}#${cellId}`;

export function loadEdit(pagePath: string, cellId: string, original: string, storage = browserStorage()): {edit: StoredEdit | null; problem?: string} {
  if (!storage) return {edit: null, problem: 'Your browser does not let this page keep edits (storage is disabled), so edits last only until you leave.'};
  let raw: string | null;
  try {
    raw = storage.getItem(keyOf(pagePath, cellId));
  } catch {
    return {edit: null, problem: 'Saved edits could not be read from browser storage.'};
  }
  if (raw === null) return {edit: null};
  let record: Partial<Record_>;
  try {
    record = JSON.parse(raw);
  } catch {
    record = {};
  }
  if (record.version !== 1 || typeof record.code !== 'string' || typeof record.originalHash !== 'string') {
    // Keep the damaged entry under another key instead of deleting what may be someone's work.
    try {
      storage.setItem(`${keyOf(pagePath, cellId)}:damaged`, raw);
      storage.removeItem(keyOf(pagePath, cellId));
    } catch {
      // nothing more can be done; the message below still tells the learner
    }
    return {edit: null, problem: 'A saved edit of this cell was damaged and could not be loaded; its raw text is kept in browser storage under a ":damaged" key.'};
  }
  if (record.originalHash === hashText(original)) return {edit: {code: record.code, status: 'edited'}};
  return {edit: {code: record.code, status: 'stale', storedOriginal: record.original}};
}

export function saveEdit(pagePath: string, cellId: string, original: string, code: string, storage = browserStorage()): {problem?: string} {
  if (!storage) return {problem: 'This edit is not saved: browser storage is disabled. Copy your code somewhere safe before leaving.'};
  try {
    if (code === original) {
      storage.removeItem(keyOf(pagePath, cellId));
    } else {
      const record: Record_ = {version: 1, originalHash: hashText(original), original, code, savedAt: Date.now()};
      storage.setItem(keyOf(pagePath, cellId), JSON.stringify(record));
    }
    return {};
  } catch (error) {
    const full = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
    return {
      problem: full
        ? 'This edit is not saved: browser storage is full. Your code is still in the editor; copy it somewhere safe, or clear old edits.'
        : 'This edit is not saved: browser storage refused it. Your code is still in the editor.',
    };
  }
}

export function clearEdit(pagePath: string, cellId: string, storage = browserStorage()): void {
  try {
    storage?.removeItem(keyOf(pagePath, cellId));
  } catch {
    // a failed removal leaves the old edit, which the next save overwrites
  }
}
