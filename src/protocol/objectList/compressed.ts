/**
 * Compressed object lists, 0x42 (spec §7.3): the list structure, ids, types, numbers and strings go
 * through the range coder with static models; the bytes of 64-bit values (type 1), IP:port (type 2)
 * and blobs (type 4) follow as a raw tail, in the order their objects were coded. Lists are coded
 * sorted by id at every level, so decoding returns them sorted.
 */
import {numberToIpv4, requireUnsigned} from '../bytes';
import {ProtocolError} from '../errors';
import {ByteWriter} from './byteWriter';
import {CHARACTER_CLASSES, CHARACTER_TABLES, CLASS_OF_BYTE, decodeInteger, encodeInteger, INDEX_OF_BYTE, M1, M2, NEXT_CLASS_TABLES, SYMBOL_TABLE} from './models';
import {RangeDecoder, RangeEncoder, type RangeCoderObserver} from './rangeCoder';
import {
  ItemBudget,
  ItemPath,
  OBJECT_LIST_LIMITS,
  type ObjectItem,
  type ObjectItemSpan,
  type ObjectItemSpanListener,
  requireAddress,
  requireBlob,
  requireItemArray,
  requireItemHeader,
  requireNumberArray,
  requireStringBytes,
  requireUint64,
} from './types';

/** Options of the compressed codec. */
export interface CompressedCodingOptions {
  /** Sees every symbol the range coder codes or decodes. Default: none. */
  observer?: RangeCoderObserver;
}

/** Options of the compressed decoder. */
export interface CompressedDecodingOptions extends CompressedCodingOptions {
  /** Where the list starts in `bytes` (its 0x42 marker). Default: 0. */
  offset?: number;
  /** Sees each object with the bytes it takes, once the whole list is decoded. Default: none. */
  onItem?: ObjectItemSpanListener;
}

/** The initial move-to-front order of the 7 types (spec §7.3.4). */
const INITIAL_TYPE_ORDER = [0, 4, 3, 5, 2, 6, 1];
/** How many (id, type) pairs of the previous list at a slot are remembered for repeat prediction. */
const HISTORY_SIZE = 16;
/** Depths 2 and deeper share the last slot. */
const LAST_SLOT = 2;
const EMPTY = new Uint8Array(0);

/**
 * The coding state of one depth slot, alive for a whole 0x42 blob (spec §7.3.4): the move-to-front
 * order of types and the (id, type) pairs of the first objects of the last list coded at the slot.
 */
class SlotState {
  readonly typeOrder = Uint8Array.from(INITIAL_TYPE_ORDER);
  readonly historyIds = new Float64Array(HISTORY_SIZE);
  readonly historyTypes = new Uint8Array(HISTORY_SIZE);
  historyLength = 0;

  /** Moves `type` to the front and returns the position it had. */
  moveToFront(type: number): number {
    const order = this.typeOrder;
    let position = 0;
    while (order[position] !== type) position++;
    for (let index = position; index > 0; index--) order[index] = order[index - 1];
    order[0] = type;
    return position;
  }

  remember(id: number, type: number): void {
    if (this.historyLength < HISTORY_SIZE) {
      this.historyIds[this.historyLength] = id;
      this.historyTypes[this.historyLength] = type;
      this.historyLength++;
    }
  }
}

const newSlots = (): SlotState[] => [new SlotState(), new SlotState(), new SlotState()];

/**
 * The order in which the compressed coder writes a list's objects (spec §7.3.4): their positions in
 * `items`, sorted by id, stably. A decoder returns them in this order, so views use it to map a
 * decoded object back to the one the caller gave.
 *
 * @example compressedCodingOrder([{type: 0, id: 5, value: 1}, {type: 0, id: 0, value: 2}, {type: 0, id: 5, value: 3}]) // [1, 0, 2]
 */
export function compressedCodingOrder(items: readonly ObjectItem[]): number[] {
  return items.map((_, index) => index).sort((left, right) => items[left].id - items[right].id || left - right);
}

/** `items` in coding order; the same array when it already is. Checks every object's type and id. */
function sortedById(items: ObjectItem[], path: ItemPath): ObjectItem[] {
  let sorted = true;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    path.at(item);
    requireItemHeader(item);
    if (index > 0 && item.id < items[index - 1].id) sorted = false;
  }
  return sorted ? items : compressedCodingOrder(items).map((position) => items[position]);
}

class CompressedListEncoder {
  private readonly slots = newSlots();
  private readonly tail = new ByteWriter();
  private readonly budget = new ItemBudget();
  readonly path = new ItemPath();
  private readonly coder: RangeEncoder;

  constructor(
    private readonly output: ByteWriter,
    observer?: RangeCoderObserver,
  ) {
    this.coder = new RangeEncoder(output, observer);
  }

  /** Codes the top-level list, flushes the coder, then appends the raw tail. */
  encode(items: ObjectItem[]): Uint8Array {
    this.encodeList(items, 0);
    this.coder.finish();
    this.output.writeBytes(this.tail.view());
    return this.output.toBytes();
  }

  private encodeList(items: ObjectItem[], depth: number): void {
    requireItemArray(items, depth);
    this.path.enter(items);
    const coder = this.coder;
    const sorted = sortedById(items, this.path);
    const slot = this.slots[Math.min(depth, LAST_SLOT)];
    // Repeat prediction: the first objects may have the ids and types of the previous list at this slot.
    let repeat = 0;
    if (depth > 0 && slot.historyLength > 0) {
      const limit = Math.min(slot.historyLength, sorted.length);
      while (repeat < limit && sorted[repeat].id === slot.historyIds[repeat] && sorted[repeat].type === slot.historyTypes[repeat]) repeat++;
      encodeInteger(coder, M1, repeat, 'repeat count');
    }
    slot.historyLength = 0;
    let lastId = 0;
    for (let index = 0; index < sorted.length; index++) {
      const item = sorted[index];
      this.path.at(item);
      this.budget.take(1);
      const delta = item.id - lastId;
      const position = slot.moveToFront(item.type);
      slot.remember(item.id, item.type);
      // Repeated objects have no header at all; the decoder takes id and type from its history.
      if (index >= repeat) {
        if (position === 0) {
          coder.encodeSymbol(SYMBOL_TABLE, Math.min(delta, 5) + 1, 'list symbol');
          if (delta >= 5) encodeInteger(coder, M1, delta - 5, 'id delta');
        } else {
          coder.encodeSymbol(SYMBOL_TABLE, position + 6, 'list symbol');
          encodeInteger(coder, M1, delta, 'id delta');
        }
      }
      this.encodeValue(item, depth);
      lastId = item.id;
    }
    coder.encodeSymbol(SYMBOL_TABLE, 0, 'list symbol');
    this.path.leave();
  }

  private encodeValue(item: ObjectItem, depth: number): void {
    const coder = this.coder;
    switch (item.type) {
      case 0:
        requireUnsigned(item.value, 32, 'a type-0 value');
        encodeInteger(coder, M2, item.value, 'number');
        break;
      case 1: {
        requireUint64(item.value);
        // Little-endian, without its trailing zero bytes (spec §7 table).
        const low = Number(item.value & 0xffff_ffffn);
        const high = Number(item.value >> 32n);
        const length = high !== 0 ? 8 - (Math.clz32(high) >>> 3) : low !== 0 ? 4 - (Math.clz32(low) >>> 3) : 0;
        encodeInteger(coder, M2, length, 'u64 length');
        for (let index = 0; index < length; index++) this.tail.writeByte(index < 4 ? (low >>> (8 * index)) & 0xff : (high >>> (8 * (index - 4))) & 0xff);
        break;
      }
      case 2: {
        const ip = requireAddress(item.value);
        const port = item.value.port;
        // Both little-endian here, unlike in 0x41: 81.236.228.111:42764 is 6f e4 ec 51 0c a7.
        this.tail.writeByte(ip & 0xff);
        this.tail.writeByte((ip >>> 8) & 0xff);
        this.tail.writeByte((ip >>> 16) & 0xff);
        this.tail.writeByte(ip >>> 24);
        this.tail.writeByte(port & 0xff);
        this.tail.writeByte(port >>> 8);
        break;
      }
      case 3:
        requireStringBytes(item.value);
        this.encodeString(item.value);
        break;
      case 4:
        requireBlob(item.value);
        encodeInteger(coder, M2, item.value.length, 'blob length');
        this.tail.writeBytes(item.value);
        break;
      case 5:
        this.encodeList(item.value, depth + 1);
        break;
      case 6:
        requireNumberArray(item.value);
        this.budget.take(item.value.length);
        encodeInteger(coder, M2, item.value.length, 'array count');
        for (const number of item.value) encodeInteger(coder, M2, number, 'array number');
        break;
    }
  }

  /** Spec §7.3.5: each byte and the final NUL as a class given the previous class, then an index. */
  private encodeString(bytes: Uint8Array): void {
    const coder = this.coder;
    // Local names for the tables: an imported binding can cost a getter call on every use in
    // CommonJS and webpack output, and this loop runs once per character.
    const classOfByte = CLASS_OF_BYTE;
    const indexOfByte = INDEX_OF_BYTE;
    const nextClassTables = NEXT_CLASS_TABLES;
    const characterTables = CHARACTER_TABLES;
    let previousClass = 0;
    for (let index = 0; index <= bytes.length; index++) {
      const byte = index < bytes.length ? bytes[index] : 0;
      const characterClass = classOfByte[byte];
      coder.encodeSymbol(nextClassTables[previousClass], characterClass, 'string class');
      const table = characterTables[characterClass];
      if (table !== undefined) coder.encodeSymbol(table, indexOfByte[byte], 'string char');
      previousClass = characterClass;
    }
  }
}

/**
 * Encodes a compressed object list (0x42). Objects are coded sorted by id (stably) at every level.
 *
 * @param items the objects; nested lists are type 5
 * @param options `observer` sees every symbol of the range coder
 * @returns the list, from its 0x42 marker to the end of its raw tail
 * @throws ProtocolError for a value the format cannot carry (ids or numbers beyond 32 bits, bigint
 *   beyond 64 bits, ports beyond 16 bits, bad IPv4 text, a NUL inside a string, nesting too deep…),
 *   naming the object at fault
 * @example
 * bytesToHex(encodeCompressedObjectList([])) // '4215'
 * bytesToHex(encodeCompressedObjectList([{type: 0, id: 0, value: 1481}, {type: 0, id: 5, value: 12}])) // '4234b6219eb8'
 */
export function encodeCompressedObjectList(items: ObjectItem[], options: CompressedCodingOptions = {}): Uint8Array {
  const encoder = new CompressedListEncoder(new ByteWriter(256), options.observer);
  return encoder.path.run(() => encoder.encode(items));
}

class CompressedListDecoder {
  private readonly slots = newSlots();
  private readonly coder: RangeDecoder;
  // Repeated headers are copied out of the history before a nested list at the same slot replaces it.
  private readonly repeatIds = new Float64Array(HISTORY_SIZE * (OBJECT_LIST_LIMITS.maxDepth + 1));
  private readonly repeatTypes = new Uint8Array(HISTORY_SIZE * (OBJECT_LIST_LIMITS.maxDepth + 1));
  private readonly tailItems: ObjectItem[] = [];
  // Only with a span listener: each object's span, in the order the objects were completed.
  private readonly spans: ObjectItemSpan[] = [];
  private readonly tailSpans = new Map<ObjectItem, ObjectItemSpan>();
  private readonly tailLengths: number[] = [];
  private tailLength = 0;
  private readonly text = new ByteWriter();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly start: number,
    private readonly baseDepth: number,
    private readonly budget: ItemBudget,
    observer?: RangeCoderObserver,
    private readonly onItem?: ObjectItemSpanListener,
    private readonly basePath: readonly number[] = [],
  ) {
    this.coder = new RangeDecoder(bytes, start, observer);
  }

  decode(): {items: ObjectItem[]; length: number} {
    const items = this.decodeList(0, this.basePath);
    let offset = this.coder.finish();
    for (let index = 0; index < this.tailItems.length; index++) {
      const item = this.tailItems[index];
      const length = this.tailLengths[index];
      if (offset + length > this.bytes.length) {
        throw new ProtocolError(`truncated compressed object list: its tail needs ${length} bytes for the type-${item.type} object with id ${item.id}, found ${Math.max(0, this.bytes.length - offset)}`, offset);
      }
      this.fillFromTail(item, offset, length);
      const span = this.tailSpans.get(item);
      if (span) span.tail = {start: offset, end: offset + length};
      offset += length;
    }
    if (this.onItem) for (const span of this.spans) this.onItem(span);
    return {items, length: offset - this.start};
  }

  private decodeList(depth: number, path: readonly number[]): ObjectItem[] {
    if (this.baseDepth + depth > OBJECT_LIST_LIMITS.maxDepth) {
      throw new ProtocolError(`lists nested too deeply: at most ${OBJECT_LIST_LIMITS.maxDepth} levels below the top-level list`, this.coder.offset);
    }
    const coder = this.coder;
    const slot = this.slots[Math.min(depth, LAST_SLOT)];
    let repeat = 0;
    const repeatBase = depth * HISTORY_SIZE;
    if (depth > 0 && slot.historyLength > 0) {
      repeat = decodeInteger(coder, M1, 'repeat count');
      if (repeat > slot.historyLength) {
        throw new ProtocolError(`corrupt compressed object list: repeat count ${repeat} but only ${slot.historyLength} objects remembered`, this.coder.offset);
      }
      for (let index = 0; index < repeat; index++) {
        this.repeatIds[repeatBase + index] = slot.historyIds[index];
        this.repeatTypes[repeatBase + index] = slot.historyTypes[index];
      }
    }
    slot.historyLength = 0;
    const items: ObjectItem[] = [];
    let lastId = 0;
    for (let index = 0; ; index++) {
      const start = this.coder.offset;
      let id: number;
      let type: number;
      if (index < repeat) {
        id = this.repeatIds[repeatBase + index];
        type = this.repeatTypes[repeatBase + index];
        slot.moveToFront(type);
      } else {
        const symbol = coder.decodeSymbol(SYMBOL_TABLE, 'list symbol');
        if (symbol === 0) break;
        let delta: number;
        if (symbol <= 6) {
          type = slot.typeOrder[0];
          delta = symbol <= 5 ? symbol - 1 : 5 + decodeInteger(coder, M1, 'id delta');
        } else {
          type = slot.typeOrder[symbol - 6];
          slot.moveToFront(type);
          delta = decodeInteger(coder, M1, 'id delta');
        }
        id = lastId + delta;
        if (id > 0xffff_ffff) throw new ProtocolError(`corrupt compressed object list: an id of ${id}, beyond 32 bits`, this.coder.offset);
      }
      this.budget.take(1, this.coder.offset);
      slot.remember(id, type);
      const itemPath = this.onItem ? [...path, index] : path;
      const item = this.decodeValue(type, id, depth, itemPath);
      items.push(item);
      if (this.onItem) this.recordSpan({path: itemPath, item, start, end: this.coder.offset});
      lastId = id;
    }
    return items;
  }

  private recordSpan(span: ObjectItemSpan): void {
    this.spans.push(span);
    if (span.item.type === 1 || span.item.type === 2 || span.item.type === 4) this.tailSpans.set(span.item, span);
  }

  private decodeValue(type: number, id: number, depth: number, path: readonly number[]): ObjectItem {
    const coder = this.coder;
    switch (type) {
      case 0:
        return {type, id, value: decodeInteger(coder, M2, 'number')};
      case 1: {
        const length = decodeInteger(coder, M2, 'u64 length');
        if (length > 8) throw new ProtocolError(`corrupt compressed object list: a 64-bit value of ${length} bytes`, this.coder.offset);
        return this.queueTail({type, id, value: 0n}, length);
      }
      case 2:
        return this.queueTail({type, id, value: {ip: '0.0.0.0', port: 0}}, 6);
      case 3:
        return {type, id, value: this.decodeString()};
      case 4: {
        const length = decodeInteger(coder, M2, 'blob length');
        if (length > OBJECT_LIST_LIMITS.maxBlobLength) {
          throw new ProtocolError(`blob of ${length} bytes is longer than the limit of ${OBJECT_LIST_LIMITS.maxBlobLength}`, this.coder.offset);
        }
        return this.queueTail({type, id, value: EMPTY}, length);
      }
      case 5:
        return {type, id, value: this.decodeList(depth + 1, path)};
      default: {
        // Type 6: the move-to-front order holds nothing but the types 0 to 6.
        const count = decodeInteger(coder, M2, 'array count');
        this.budget.take(count, this.coder.offset);
        const numbers: number[] = [];
        for (let index = 0; index < count; index++) numbers.push(decodeInteger(coder, M2, 'array number'));
        return {type: 6, id, value: numbers};
      }
    }
  }

  /** Remembers that `item` takes its value from the next `length` bytes of the tail. */
  private queueTail(item: ObjectItem, length: number): ObjectItem {
    this.tailLength += length;
    // The tail starts at most 3 bytes before the read position: fail now if it cannot fit.
    if (this.coder.offset - 3 + this.tailLength > this.bytes.length) {
      throw new ProtocolError(`truncated compressed object list: its tail needs ${this.tailLength} bytes`, this.coder.offset);
    }
    this.tailItems.push(item);
    this.tailLengths.push(length);
    return item;
  }

  private fillFromTail(item: ObjectItem, offset: number, length: number): void {
    const bytes = this.bytes;
    if (item.type === 1) {
      let low = 0;
      let high = 0;
      for (let index = 0; index < length; index++) {
        if (index < 4) low |= bytes[offset + index] << (8 * index);
        else high |= bytes[offset + index] << (8 * (index - 4));
      }
      item.value = (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
    } else if (item.type === 2) {
      const ip = (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0;
      item.value = {ip: numberToIpv4(ip), port: bytes[offset + 4] | (bytes[offset + 5] << 8)};
    } else if (item.type === 4) {
      item.value = bytes.slice(offset, offset + length);
    }
  }

  private decodeString(): Uint8Array {
    const coder = this.coder;
    const text = this.text;
    // Local names for the tables, as in encodeString.
    const nextClassTables = NEXT_CLASS_TABLES;
    const characterTables = CHARACTER_TABLES;
    const characterClasses = CHARACTER_CLASSES;
    text.clear();
    let previousClass = 0;
    for (;;) {
      const characterClass = coder.decodeSymbol(nextClassTables[previousClass], 'string class');
      const table = characterTables[characterClass];
      const byte = characterClasses[characterClass][table === undefined ? 0 : coder.decodeSymbol(table, 'string char')];
      if (byte === 0) return text.toBytes();
      if (text.length === OBJECT_LIST_LIMITS.maxStringLength) {
        throw new ProtocolError(`string longer than the limit of ${OBJECT_LIST_LIMITS.maxStringLength} bytes`, this.coder.offset);
      }
      text.writeByte(byte);
      previousClass = characterClass;
    }
  }
}

/**
 * Decodes the compressed object list (0x42) at `start` of `bytes`. Used by the raw decoder for a
 * nested list that starts with 0x42, with the depth and item budget of the enclosing list.
 *
 * @example decodeCompressedListAt(hexToBytes('41 01 05 07 4215'), 4, 1, new ItemBudget()) // { items: [], length: 2 }
 */
export function decodeCompressedListAt(
  bytes: Uint8Array,
  start: number,
  baseDepth: number,
  budget: ItemBudget,
  options: {observer?: RangeCoderObserver; onItem?: ObjectItemSpanListener; path?: readonly number[]} = {},
): {items: ObjectItem[]; length: number} {
  return new CompressedListDecoder(bytes, start, baseDepth, budget, options.observer, options.onItem, options.path).decode();
}

/**
 * Decodes a compressed object list (0x42). Bytes after the list are left alone: `length` says how
 * many it took, raw tail included. Lists come out sorted by id at every level.
 *
 * @param bytes the list, from its 0x42 marker (at `options.offset`, default 0)
 * @param options `observer` sees every decoded symbol; `onItem` each object with its bytes; `offset` is where the list starts
 * @returns the objects and the number of bytes the list took
 * @throws ProtocolError for truncated or corrupt input, or input beyond `OBJECT_LIST_LIMITS`, with
 *   the byte offset where the decoder was
 * @example
 * decodeCompressedObjectList(hexToBytes('4234b6219eb8'))
 * // { items: [{type: 0, id: 0, value: 1481}, {type: 0, id: 5, value: 12}], length: 6 }
 */
export function decodeCompressedObjectList(bytes: Uint8Array, options: CompressedDecodingOptions = {}): {items: ObjectItem[]; length: number} {
  if (!(bytes instanceof Uint8Array)) throw new ProtocolError('expected the bytes of an object list (a Uint8Array)');
  const start = options.offset ?? 0;
  if (!Number.isInteger(start) || start < 0) throw new ProtocolError(`offset must be a whole number, got ${String(start)}`);
  return decodeCompressedListAt(bytes, start, 0, new ItemBudget(), options);
}
