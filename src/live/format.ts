import {bytesToHex} from '../protocol';

/**
 * Turns any value into readable text for the output log, the way a console would: strings as they
 * are at the top level, bytes as hex, bigints with `n`, nested objects up to a depth, cycles marked.
 */
const MAX_DEPTH = 4;
const MAX_ENTRIES = 50;
const MAX_BYTES_SHOWN = 64;

export function formatValue(value: unknown, depth = 0, seen = new Set<object>()): string {
  if (typeof value === 'string') return depth === 0 ? value : JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (typeof value === 'symbol') return value.toString();
  if (value === null || typeof value !== 'object') return String(value);
  if (seen.has(value)) return '[Circular]';
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Uint8Array) return formatBytes(value);
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? '[Array]' : '[Object]';
  seen.add(value);
  try {
    const inner = (item: unknown) => formatValue(item, depth + 1, seen);
    if (Array.isArray(value)) return `[${limited(value, inner)}]`;
    if (value instanceof Map) return `Map(${value.size}) {${limited([...value], ([key, item]) => `${inner(key)} => ${inner(item)}`)}}`;
    if (value instanceof Set) return `Set(${value.size}) {${limited([...value], inner)}}`;
    if (ArrayBuffer.isView(value)) return `${value.constructor.name} [${limited(Array.from(value as unknown as ArrayLike<number>), inner)}]`;
    const entries = Object.entries(value).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${inner(item)}`);
    const name = value.constructor && value.constructor !== Object ? `${value.constructor.name} ` : '';
    return `${name}{${limited(entries, (entry) => entry)}}`;
  } finally {
    seen.delete(value);
  }
}

function limited<T>(items: T[], show: (item: T) => string): string {
  const shown = items.slice(0, MAX_ENTRIES).map(show);
  if (items.length > MAX_ENTRIES) shown.push(`… ${items.length - MAX_ENTRIES} more`);
  return shown.length ? ` ${shown.join(', ')} ` : '';
}

function formatBytes(bytes: Uint8Array): string {
  const hex = bytesToHex(bytes.subarray(0, MAX_BYTES_SHOWN)).replace(/(..)(?=.)/g, '$1 ');
  const more = bytes.length > MAX_BYTES_SHOWN ? ` … ${bytes.length - MAX_BYTES_SHOWN} more` : '';
  return `Uint8Array(${bytes.length}) [${hex}${more}]`;
}

/** A console line: arguments formatted and joined with spaces. */
export function formatArguments(values: unknown[]): string {
  return values.map((value) => formatValue(value)).join(' ');
}
