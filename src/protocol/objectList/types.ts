/**
 * Object lists ("Encod", spec §7): the parameters of every command are a list of typed objects
 * (type, id, value). This file defines the objects, the limits that every encoder and decoder
 * enforces, and the checks that say which values the two wire formats can represent.
 */
import {ipv4ToNumber, requireUnsigned} from '../bytes';
import {ProtocolError} from '../errors';

/**
 * One object of a list (spec §7, types table). `id` says which parameter it is; ids are scoped to
 * the command and may repeat.
 *
 * - 0: a number (u32)
 * - 1: a 64-bit value (u64)
 * - 2: an IPv4 address and port
 * - 3: a string: its bytes, without the terminating NUL
 * - 4: a blob of bytes
 * - 5: a nested list
 * - 6: a list of u32 numbers
 */
export type ObjectItem =
  | {type: 0; id: number; value: number}
  | {type: 1; id: number; value: bigint}
  | {type: 2; id: number; value: {ip: string; port: number}}
  | {type: 3; id: number; value: Uint8Array}
  | {type: 4; id: number; value: Uint8Array}
  | {type: 5; id: number; value: ObjectItem[]}
  | {type: 6; id: number; value: number[]};

/**
 * Where one decoded object lies in the input, for views that highlight an object's bytes. Offsets
 * are absolute in the decoder's input. `path` gives the object's index in its list, from the
 * top-level list down (`[2, 0]`: the first object inside the third top-level object).
 *
 * In a raw list, `[start, end)` is exactly the object's type byte, id and value. In a compressed
 * list the range coder has no byte boundaries: `[start, end)` are the bytes the decoder had read
 * when the object began and ended, and `tail` the bytes its value takes in the raw tail (types 1,
 * 2 and 4).
 */
export interface ObjectItemSpan {
  path: readonly number[];
  item: ObjectItem;
  start: number;
  end: number;
  tail?: {start: number; end: number};
}

/** Receives each decoded object with its span, nested objects before the list that holds them. */
export type ObjectItemSpanListener = (span: ObjectItemSpan) => void;

/** The two wire formats: 0x41 raw (§7.1) and 0x42 compressed (§7.3). */
export type ObjectListFormat = 'raw' | 'compressed';

/** The first byte of a raw list (spec §7.1). */
export const RAW_LIST_MARKER = 0x41;
/** The first byte of a compressed list (spec §7.3). */
export const COMPRESSED_LIST_MARKER = 0x42;

/**
 * Limits of every object-list encoder and decoder, so that hostile input can neither exhaust memory
 * nor recurse without end. They are far above anything in real traffic (the largest sample list is
 * 641 bytes, nested one level) and allow lists of many megabytes.
 */
export const OBJECT_LIST_LIMITS = {
  /** Deepest nesting of lists: the top-level list is depth 0, a list inside it depth 1, and so on. */
  maxDepth: 32,
  /** Most objects in one list and all its nested lists, each number of a type-6 list counting as one. */
  maxItems: 1_000_000,
  /** Longest string (type 3) in bytes, without its NUL. */
  maxStringLength: 1 << 20,
  /** Longest blob (type 4) in bytes. */
  maxBlobLength: 1 << 24,
} as const;

const MAX_UINT64 = 0xffff_ffff_ffff_ffffn;

/**
 * Counts objects against `OBJECT_LIST_LIMITS.maxItems` across one encode or decode, nested lists
 * included.
 *
 * @example new ItemBudget().take(OBJECT_LIST_LIMITS.maxItems + 1, 4) // throws "too many objects… (at offset 4)"
 */
export class ItemBudget {
  private remaining: number = OBJECT_LIST_LIMITS.maxItems;

  /** Takes `count` items from the budget; `offset` locates the problem when decoding. */
  take(count: number, offset?: number): void {
    if (count > this.remaining) {
      throw new ProtocolError(`too many objects: a list may hold at most ${OBJECT_LIST_LIMITS.maxItems} objects and numbers in all`, offset);
    }
    this.remaining -= count;
  }
}

/**
 * Keeps track of where an encoder is in a tree of lists, so that an error can name the object at
 * fault (`items[2].value[0]`) without building that text for every object that is fine. Indexes
 * are found only when an error occurs, in the caller's arrays (the compressed encoder sorts a copy).
 *
 * @example
 * const path = new ItemPath();
 * path.run(() => { path.enter(items); path.at(items[2]); requireItemHeader(items[2]); }); // "items[2]: the id must be…"
 */
export class ItemPath {
  private readonly lists: (readonly unknown[])[] = [];
  private readonly items: unknown[] = [];

  /** Starts walking `list`, one level deeper. */
  enter(list: readonly unknown[]): void {
    this.lists.push(list);
    this.items.push(undefined);
  }
  /** Marks `item` of the current list as the one being encoded. */
  at(item: unknown): void {
    this.items[this.items.length - 1] = item;
  }
  leave(): void {
    this.lists.pop();
    this.items.pop();
  }

  /** Runs `encode`, prefixing the message of any ProtocolError with the path of the object at fault. */
  run<T>(encode: () => T): T {
    try {
      return encode();
    } catch (error) {
      if (!(error instanceof ProtocolError) || this.lists.length === 0) throw error;
      const path = this.lists
        .map((list, level) => {
          const index = this.items[level] === undefined ? '' : `[${list.indexOf(this.items[level])}]`;
          return level === 0 ? `items${index}` : `.value${index}`;
        })
        .join('');
      throw new ProtocolError(`${path}: ${error.message}`);
    }
  }
}

/**
 * Throws unless `items` is an array and `depth` within `OBJECT_LIST_LIMITS.maxDepth`.
 *
 * @example requireItemArray({}, 0) // throws "expected an array of objects, got object"
 */
export function requireItemArray(items: unknown, depth: number): asserts items is ObjectItem[] {
  if (!Array.isArray(items)) throw new ProtocolError(`expected an array of objects, got ${typeof items}`);
  if (depth > OBJECT_LIST_LIMITS.maxDepth) {
    throw new ProtocolError(`lists nested too deeply: at most ${OBJECT_LIST_LIMITS.maxDepth} levels below the top-level list`);
  }
}

/**
 * Throws unless `item` has a known type and a 32-bit id.
 *
 * @example requireItemHeader({type: 7, id: 0, value: 0}) // throws "the type must be a whole number from 0 to 6, got 7"
 */
export function requireItemHeader(item: unknown): asserts item is ObjectItem {
  if (typeof item !== 'object' || item === null) throw new ProtocolError(`expected an object {type, id, value}, got ${String(item)}`);
  const {type, id} = item as {type: unknown; id: unknown};
  if (typeof type !== 'number' || !Number.isInteger(type) || type < 0 || type > 6) {
    throw new ProtocolError(`the type must be a whole number from 0 to 6, got ${String(type)}`);
  }
  requireUnsigned(id as number, 32, 'the id');
}

/**
 * Throws unless `value` is an unsigned 64-bit bigint (type 1).
 *
 * @example requireUint64(2n ** 64n) // throws "a type-1 value must be a bigint from 0 to 2^64 − 1, …"
 */
export function requireUint64(value: unknown): asserts value is bigint {
  if (typeof value !== 'bigint' || value < 0n || value > MAX_UINT64) {
    throw new ProtocolError(`a type-1 value must be a bigint from 0 to 2^64 − 1, got ${String(value)}`);
  }
}

/**
 * Checks an IP:port value (type 2) and returns the address as its 32-bit number (`a<<24 | … | d`).
 *
 * @example requireAddress({ip: '81.236.228.111', port: 42764}) // 0x51ece46f
 */
export function requireAddress(value: unknown): number {
  if (typeof value !== 'object' || value === null) throw new ProtocolError('a type-2 value must be {ip, port}');
  const {ip, port} = value as {ip: unknown; port: unknown};
  requireUnsigned(port as number, 16, 'the port');
  return ipv4ToNumber(ip as string);
}

/**
 * Throws unless `value` is the bytes of a string (type 3): no NUL inside, within the length limit.
 *
 * @example requireStringBytes(Uint8Array.of(0x61, 0, 0x62)) // throws "a string cannot contain a NUL byte…"
 */
export function requireStringBytes(value: unknown): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new ProtocolError('a type-3 value must be a Uint8Array of the string\'s bytes');
  if (value.length > OBJECT_LIST_LIMITS.maxStringLength) {
    throw new ProtocolError(`string of ${value.length} bytes is longer than the limit of ${OBJECT_LIST_LIMITS.maxStringLength}`);
  }
  const nul = value.indexOf(0);
  if (nul >= 0) throw new ProtocolError(`a string cannot contain a NUL byte (found one at index ${nul}): NUL ends it on the wire`);
}

/**
 * Throws unless `value` is a blob (type 4) within the length limit.
 *
 * @example requireBlob([1, 2]) // throws "a type-4 value must be a Uint8Array"
 */
export function requireBlob(value: unknown): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new ProtocolError('a type-4 value must be a Uint8Array');
  if (value.length > OBJECT_LIST_LIMITS.maxBlobLength) {
    throw new ProtocolError(`blob of ${value.length} bytes is longer than the limit of ${OBJECT_LIST_LIMITS.maxBlobLength}`);
  }
}

/**
 * Throws unless `value` is an array of u32 numbers (type 6).
 *
 * @example requireNumberArray([16, -1]) // throws "each number of a type-6 list must be a whole number…"
 */
export function requireNumberArray(value: unknown): asserts value is number[] {
  if (!Array.isArray(value)) throw new ProtocolError('a type-6 value must be an array of numbers');
  for (const number of value) requireUnsigned(number as number, 32, 'each number of a type-6 list');
}
