/**
 * Raw object lists, 0x41 (spec §7.1): `0x41 varint(count)` then each object as `type u8,
 * varint(id), value`. Objects keep their order and ids may repeat. Unlike 0x42, a 64-bit value is
 * big-endian and an IP:port is in network order (spec §7 table).
 */
import {numberToIpv4, readUint16BE, readUint32BE, requireBytes, requireUnsigned, writeUint16BE, writeUint32BE} from '../bytes';
import {ProtocolError} from '../errors';
import {decodeVarint} from '../varint';
import {ByteWriter} from './byteWriter';
import {decodeCompressedListAt} from './compressed';
import {
  COMPRESSED_LIST_MARKER,
  ItemBudget,
  ItemPath,
  type ObjectItemSpanListener,
  OBJECT_LIST_LIMITS,
  type ObjectItem,
  RAW_LIST_MARKER,
  requireAddress,
  requireBlob,
  requireItemArray,
  requireItemHeader,
  requireNumberArray,
  requireStringBytes,
  requireUint64,
} from './types';

class RawListEncoder {
  readonly output = new ByteWriter(256);
  readonly path = new ItemPath();
  private readonly budget = new ItemBudget();
  private readonly scratch = new Uint8Array(8);

  /** Writes a complete list; a nested list (type 5) gets its own 0x41 header, as FakeSkype writes it. */
  writeList(items: ObjectItem[], depth: number): void {
    requireItemArray(items, depth);
    this.path.enter(items);
    const output = this.output;
    output.writeByte(RAW_LIST_MARKER);
    output.writeVarint(items.length);
    for (const item of items) {
      this.path.at(item);
      requireItemHeader(item);
      this.budget.take(1);
      output.writeByte(item.type);
      output.writeVarint(item.id);
      this.writeValue(item, depth);
    }
    this.path.leave();
  }

  private writeValue(item: ObjectItem, depth: number): void {
    const output = this.output;
    const scratch = this.scratch;
    switch (item.type) {
      case 0:
        requireUnsigned(item.value, 32, 'a type-0 value');
        output.writeVarint(item.value);
        break;
      case 1:
        requireUint64(item.value);
        writeUint32BE(scratch, 0, Number(item.value >> 32n));
        writeUint32BE(scratch, 4, Number(item.value & 0xffff_ffffn));
        output.writeBytes(scratch);
        break;
      case 2:
        writeUint32BE(scratch, 0, requireAddress(item.value));
        writeUint16BE(scratch, 4, item.value.port);
        output.writeBytes(scratch.subarray(0, 6));
        break;
      case 3:
        requireStringBytes(item.value);
        output.writeBytes(item.value);
        output.writeByte(0);
        break;
      case 4:
        requireBlob(item.value);
        output.writeVarint(item.value.length);
        output.writeBytes(item.value);
        break;
      case 5:
        this.writeList(item.value, depth + 1);
        break;
      case 6:
        requireNumberArray(item.value);
        this.budget.take(item.value.length);
        output.writeVarint(item.value.length);
        for (const number of item.value) output.writeVarint(number);
        break;
    }
  }
}

/**
 * Encodes a raw object list (0x41), objects in the order given.
 *
 * @param items the objects; nested lists are type 5 and are written as complete 0x41 lists
 * @returns the list, from its 0x41 marker
 * @throws ProtocolError for a value the format cannot carry (ids or numbers beyond 32 bits, bigint
 *   beyond 64 bits, ports beyond 16 bits, bad IPv4 text, a NUL inside a string, nesting too deep…),
 *   naming the object at fault
 * @example
 * bytesToHex(encodeRawObjectList([{type: 0, id: 0, value: 201}, {type: 0, id: 5, value: 100}])) // '41020000c901000564'
 */
export function encodeRawObjectList(items: ObjectItem[]): Uint8Array {
  const encoder = new RawListEncoder();
  return encoder.path.run(() => {
    encoder.writeList(items, 0);
    return encoder.output.toBytes();
  });
}

/**
 * Decodes raw lists from one input, keeping the read position. A nested list that starts with 0x42
 * is accepted and decoded as a compressed list, as O'Neil's decoder does (spec §7.1), although
 * encoders (ours, FakeSkype's, O'Neil's) always nest 0x41.
 */
class RawListDecoder {
  offset: number;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly budget: ItemBudget,
    private readonly onItem?: ObjectItemSpanListener,
  ) {
    this.offset = start;
  }

  private readVarint(): number {
    const {value, length} = decodeVarint(this.bytes, this.offset);
    this.offset += length;
    return value;
  }

  readList(depth: number, path: readonly number[]): ObjectItem[] {
    const bytes = this.bytes;
    if (depth > OBJECT_LIST_LIMITS.maxDepth) {
      throw new ProtocolError(`lists nested too deeply: at most ${OBJECT_LIST_LIMITS.maxDepth} levels below the top-level list`, this.offset);
    }
    requireBytes(bytes, this.offset, 1, 'raw object list');
    if (bytes[this.offset] !== RAW_LIST_MARKER) {
      throw new ProtocolError(`expected a raw object list (0x41), found 0x${bytes[this.offset].toString(16).padStart(2, '0')}`, this.offset);
    }
    this.offset++;
    const count = this.readVarint();
    const items: ObjectItem[] = [];
    for (let index = 0; index < count; index++) {
      requireBytes(bytes, this.offset, 1, 'object type');
      const start = this.offset;
      const type = bytes[this.offset];
      if (type > 6) throw new ProtocolError(`unknown object type ${type} (types are 0 to 6)`, this.offset);
      this.budget.take(1, this.offset);
      this.offset++;
      const id = this.readVarint();
      const itemPath = this.onItem ? [...path, index] : path;
      const item = this.readValue(type, id, depth, itemPath);
      items.push(item);
      this.onItem?.({path: itemPath, item, start, end: this.offset});
    }
    return items;
  }

  private readValue(type: number, id: number, depth: number, path: readonly number[]): ObjectItem {
    const bytes = this.bytes;
    const offset = this.offset;
    switch (type) {
      case 0:
        return {type, id, value: this.readVarint()};
      case 1: {
        requireBytes(bytes, offset, 8, 'type-1 value');
        this.offset += 8;
        return {type, id, value: (BigInt(readUint32BE(bytes, offset)) << 32n) | BigInt(readUint32BE(bytes, offset + 4))};
      }
      case 2:
        requireBytes(bytes, offset, 6, 'IP:port');
        this.offset += 6;
        return {type, id, value: {ip: numberToIpv4(readUint32BE(bytes, offset)), port: readUint16BE(bytes, offset + 4)}};
      case 3: {
        const end = bytes.indexOf(0, offset);
        if (end < 0) throw new ProtocolError('truncated string: no terminating NUL before the end of the input', bytes.length);
        if (end - offset > OBJECT_LIST_LIMITS.maxStringLength) {
          throw new ProtocolError(`string of ${end - offset} bytes is longer than the limit of ${OBJECT_LIST_LIMITS.maxStringLength}`, offset);
        }
        this.offset = end + 1;
        return {type, id, value: bytes.slice(offset, end)};
      }
      case 4: {
        const length = this.readVarint();
        if (length > OBJECT_LIST_LIMITS.maxBlobLength) {
          throw new ProtocolError(`blob of ${length} bytes is longer than the limit of ${OBJECT_LIST_LIMITS.maxBlobLength}`, offset);
        }
        requireBytes(bytes, this.offset, length, 'blob');
        this.offset += length;
        return {type, id, value: bytes.slice(this.offset - length, this.offset)};
      }
      case 5: {
        requireBytes(bytes, offset, 1, 'nested list');
        if (bytes[offset] !== COMPRESSED_LIST_MARKER) return {type, id, value: this.readList(depth + 1, path)};
        const nested = decodeCompressedListAt(bytes, offset, depth + 1, this.budget, {onItem: this.onItem, path});
        this.offset += nested.length;
        return {type, id, value: nested.items};
      }
      default: {
        const count = this.readVarint();
        // Each number takes at least one byte: refuse a count the input cannot hold before looping.
        requireBytes(bytes, this.offset, count, 'type-6 list');
        this.budget.take(count, this.offset);
        const numbers: number[] = [];
        for (let index = 0; index < count; index++) numbers.push(this.readVarint());
        return {type: 6, id, value: numbers};
      }
    }
  }
}

/**
 * Decodes a raw object list (0x41). Bytes after the list are left alone: `length` says how many it
 * took.
 *
 * @param bytes the list, from its 0x41 marker
 * @param options `onItem` sees each object with the bytes it takes
 * @returns the objects, in wire order, and the number of bytes the list took
 * @throws ProtocolError for truncated or malformed input, or input beyond `OBJECT_LIST_LIMITS`, with
 *   the byte offset of the problem
 * @example
 * decodeRawObjectList(hexToBytes('41 01 00 2e 00')) // { items: [{type: 0, id: 46, value: 0}], length: 5 }
 */
export function decodeRawObjectList(bytes: Uint8Array, options: {onItem?: ObjectItemSpanListener} = {}): {items: ObjectItem[]; length: number} {
  if (!(bytes instanceof Uint8Array)) throw new ProtocolError('expected the bytes of an object list (a Uint8Array)');
  const decoder = new RawListDecoder(bytes, 0, new ItemBudget(), options.onItem);
  const items = decoder.readList(0, []);
  return {items, length: decoder.offset};
}
