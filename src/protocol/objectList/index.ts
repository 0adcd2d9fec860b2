/**
 * Object lists, the "Encod" layer (spec §7): the parameters of every command. The first byte selects
 * the format (the "4142" dispatcher, spec §7.2): 0x41 raw, 0x42 compressed. Skype compressed nearly
 * everything: 51 of the 57 distinct lists of the 2006 capture are 0x42.
 */
import {ProtocolError} from '../errors';
import {decodeCompressedObjectList, encodeCompressedObjectList} from './compressed';
import {decodeRawObjectList, encodeRawObjectList} from './raw';
import {COMPRESSED_LIST_MARKER, type ObjectItem, type ObjectItemSpanListener, type ObjectListFormat, RAW_LIST_MARKER} from './types';

export {compressedCodingOrder, decodeCompressedObjectList, encodeCompressedObjectList, type CompressedCodingOptions, type CompressedDecodingOptions} from './compressed';
export {decodeRawObjectList, encodeRawObjectList} from './raw';
export {
  COMPRESSED_LIST_MARKER,
  OBJECT_LIST_LIMITS,
  RAW_LIST_MARKER,
  type ObjectItem,
  type ObjectItemSpan,
  type ObjectItemSpanListener,
  type ObjectListFormat,
} from './types';
export {FrequencyTable, RangeDecoder, RangeEncoder, type CodingContext, type RangeCoderObserver, type RangeCoderStep} from './rangeCoder';
export {CHARACTER_CLASSES, CHARACTER_TABLES, M1, M2, NEXT_CLASS_TABLES, SYMBOL_TABLE, type IntegerModel} from './models';

/**
 * Encodes an object list in the given format: 'raw' (0x41, objects in the order given) or
 * 'compressed' (0x42, objects sorted by id at every level).
 *
 * @throws ProtocolError for an unknown format or a value the format cannot carry
 * @example
 * bytesToHex(encodeObjectList([{type: 0, id: 46, value: 0}], 'raw')) // '4101002e00'
 * bytesToHex(encodeObjectList([], 'compressed')) // '4215'
 */
export function encodeObjectList(items: ObjectItem[], format: ObjectListFormat): Uint8Array {
  if (format === 'raw') return encodeRawObjectList(items);
  if (format === 'compressed') return encodeCompressedObjectList(items);
  throw new ProtocolError(`the format must be 'raw' or 'compressed', got ${JSON.stringify(format)}`);
}

/**
 * Decodes the object list at the start of `bytes`, raw or compressed by its first byte. Bytes after
 * the list are left alone: `length` says how many it took. `options.onItem` sees each object with
 * the bytes it takes (see {@link ObjectItemSpan}).
 *
 * @throws ProtocolError for a first byte other than 0x41 or 0x42, and for truncated, corrupt or
 *   oversized lists, with the byte offset of the problem
 * @example
 * decodeObjectList(hexToBytes('41 02 00 00 c9 01 00 05 64'))
 * // { format: 'raw', items: [{type: 0, id: 0, value: 201}, {type: 0, id: 5, value: 100}], length: 9 }
 */
export function decodeObjectList(bytes: Uint8Array, options: {onItem?: ObjectItemSpanListener} = {}): {format: ObjectListFormat; items: ObjectItem[]; length: number} {
  if (!(bytes instanceof Uint8Array)) throw new ProtocolError('expected the bytes of an object list (a Uint8Array)');
  if (bytes.length === 0) throw new ProtocolError('expected an object list: found no bytes', 0);
  if (bytes[0] === RAW_LIST_MARKER) return {format: 'raw', ...decodeRawObjectList(bytes, options)};
  if (bytes[0] === COMPRESSED_LIST_MARKER) return {format: 'compressed', ...decodeCompressedObjectList(bytes, {onItem: options.onItem})};
  throw new ProtocolError(`expected an object list starting with 0x41 (raw) or 0x42 (compressed), found 0x${bytes[0].toString(16).padStart(2, '0')}`, 0);
}
