import {formatValue} from './format';

/** Raised by a failing `expect`: the message says what was expected and what came instead. */
export class ExpectationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpectationError';
  }
}

function deepEqual(left: unknown, right: unknown): boolean {
  if (Object.is(left, right)) return true;
  if (ArrayBuffer.isView(left) && ArrayBuffer.isView(right)) {
    const a = left as unknown as ArrayLike<number>;
    const b = right as unknown as ArrayLike<number>;
    return left.constructor === right.constructor && a.length === b.length && Array.from(a).every((item, index) => item === b[index]);
  }
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  return (
    leftKeys.length === rightKeys.length &&
    leftKeys.every((key) => deepEqual((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]))
  );
}

const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : formatValue(value, 1));

/**
 * A small assertion helper for exercises and learners' own checks:
 * `expect(actual).toBe(expected)`, `.toEqual`, `.toBeTruthy`, `.toBeCloseTo`, `.toThrow`.
 */
export function expect(actual: unknown) {
  const fail = (message: string): never => {
    throw new ExpectationError(message);
  };
  return {
    toBe(expected: unknown) {
      if (!Object.is(actual, expected)) fail(`expected ${shown(expected)}, got ${shown(actual)}`);
    },
    toEqual(expected: unknown) {
      if (!deepEqual(actual, expected)) fail(`expected ${shown(expected)}, got ${shown(actual)}`);
    },
    toBeTruthy() {
      if (!actual) fail(`expected a true value, got ${shown(actual)}`);
    },
    toBeCloseTo(expected: number, digits = 2) {
      if (typeof actual !== 'number' || !(Math.abs(actual - expected) < 10 ** -digits / 2)) {
        fail(`expected ${expected} to ${digits} decimal places, got ${shown(actual)}`);
      }
    },
    toThrow(pattern?: string | RegExp) {
      if (typeof actual !== 'function') fail('toThrow needs a function to call');
      try {
        (actual as () => unknown)();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (pattern !== undefined && !(typeof pattern === 'string' ? message.includes(pattern) : pattern.test(message))) {
          fail(`expected an error matching ${String(pattern)}, got "${message}"`);
        }
        return;
      }
      fail('expected the function to throw, but it returned');
    },
  };
}
