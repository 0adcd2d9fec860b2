import {requireByteArray, requireUnsigned} from './bytes';
import {ProtocolError} from './errors';

/**
 * Encodes an unsigned 32-bit number as a varint (unsigned LEB128): 7 bits a byte, least significant
 * group first, the top bit set on every byte but the last.
 *
 * @example encodeVarint(300) // Uint8Array [0xac, 0x02]
 */
export function encodeVarint(value: number): Uint8Array {
  const bytes: number[] = [];
  writeVarint(value, (byte) => bytes.push(byte));
  return Uint8Array.from(bytes);
}

/**
 * The bytes of `value`'s varint handed to `writeByte` one at a time: an encoder writing thousands of
 * them into one buffer allocates nothing per number.
 */
export function writeVarint(value: number, writeByte: (byte: number) => void): void {
  requireUnsigned(value, 32, 'a varint');
  let rest = value;
  while (rest >= 0x80) {
    writeByte((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  writeByte(rest);
}

/**
 * Decodes a varint at `offset`; `length` is the number of bytes it took. At most 5 bytes and 32 bits.
 *
 * @example decodeVarint(hexToBytes('ff ff ff ff 0f')) // { value: 4294967295, length: 5 }
 */
export function decodeVarint(bytes: Uint8Array, offset = 0): {value: number; length: number} {
  requireByteArray(bytes, 'the varint input');
  if (!Number.isInteger(offset) || offset < 0) throw new ProtocolError(`offset must be a whole number, got ${offset}`);
  let value = 0;
  // The fifth byte may carry only the top 4 bits, so the loop always ends by index 4.
  for (let index = 0; ; index++) {
    const position = offset + index;
    if (position >= bytes.length) throw new ProtocolError('truncated varint: the input ends before its last byte', position);
    const byte = bytes[position];
    if (index === 4 && byte > 0x0f) throw new ProtocolError('varint larger than 32 bits', position);
    value += (byte & 0x7f) * 2 ** (7 * index);
    if (byte < 0x80) return {value, length: index + 1};
  }
}
