import {ProtocolError} from './errors';

const HEX_DIGITS = '0123456789abcdef';

/**
 * Parses hexadecimal text into bytes. Spaces, tabs and newlines between digits are ignored, so
 * bytes copied from a hex dump work as they are.
 *
 * @example hexToBytes('7f4e 02') // Uint8Array [0x7f, 0x4e, 0x02]
 */
export function hexToBytes(hex: string): Uint8Array {
  if (typeof hex !== 'string') throw new ProtocolError('expected hexadecimal text');
  const bytes = new Uint8Array(hex.length >> 1);
  let count = 0;
  let high = -1;
  let highOffset = 0;
  for (let offset = 0; offset < hex.length; offset++) {
    const character = hex[offset];
    if (character === ' ' || character === '\n' || character === '\r' || character === '\t') continue;
    const digit = HEX_DIGITS.indexOf(character.toLowerCase());
    if (digit < 0) throw new ProtocolError(`expected a hexadecimal digit, found ${JSON.stringify(character)}`, offset);
    if (high < 0) {
      high = digit;
      highOffset = offset;
    } else {
      bytes[count++] = (high << 4) | digit;
      high = -1;
    }
  }
  if (high >= 0) throw new ProtocolError('odd number of hexadecimal digits: the last byte has only one digit', highOffset);
  return bytes.slice(0, count);
}

/**
 * Formats bytes as lowercase hexadecimal without separators.
 *
 * @example bytesToHex(new Uint8Array([0x42, 0x15])) // '4215'
 */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX_DIGITS[byte >> 4] + HEX_DIGITS[byte & 15];
  return hex;
}

/** Joins byte arrays into one. @example concatBytes(hexToBytes('7f4e'), hexToBytes('02')) // 7f 4e 02 */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Throws unless `value` is a Uint8Array; `what` names it for the message. @example requireByteArray('7f', 'the datagram') // throws */
export function requireByteArray(value: unknown, what: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new ProtocolError(`${what} must be bytes (a Uint8Array), got ${value === null ? 'null' : typeof value}`);
}

/**
 * Throws unless `length` bytes are available at `offset`; `what` names the field for the message.
 *
 * @example requireBytes(hexToBytes('7f4e'), 1, 4, 'IV') // throws "truncated IV: expected 4 bytes, found 1 (at offset 1)"
 */
export function requireBytes(bytes: Uint8Array, offset: number, length: number, what: string): void {
  if (offset + length > bytes.length) {
    throw new ProtocolError(`truncated ${what}: expected ${length} byte${length === 1 ? '' : 's'}, found ${Math.max(0, bytes.length - offset)}`, offset);
  }
}

/** Reads a big-endian 16-bit number. @example readUint16BE(hexToBytes('7f4e02'), 0) // 0x7f4e */
export function readUint16BE(bytes: Uint8Array, offset: number, what = '16-bit field'): number {
  requireBytes(bytes, offset, 2, what);
  return (bytes[offset] << 8) | bytes[offset + 1];
}

/** Reads a big-endian 32-bit number. @example readUint32BE(hexToBytes('118ac037'), 0) // 0x118ac037 */
export function readUint32BE(bytes: Uint8Array, offset: number, what = '32-bit field'): number {
  requireBytes(bytes, offset, 4, what);
  return ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
}

/** Writes a big-endian 16-bit number. @example writeUint16BE(header, 0, 0x7f4e) */
export function writeUint16BE(target: Uint8Array, offset: number, value: number): void {
  target[offset] = value >>> 8;
  target[offset + 1] = value & 0xff;
}

/** Writes a big-endian 32-bit number. @example writeUint32BE(header, 3, 0x118ac037) */
export function writeUint32BE(target: Uint8Array, offset: number, value: number): void {
  target[offset] = value >>> 24;
  target[offset + 1] = (value >>> 16) & 0xff;
  target[offset + 2] = (value >>> 8) & 0xff;
  target[offset + 3] = value & 0xff;
}

/** Throws unless `value` is an integer from 0 to 2^bits − 1; `what` names it. @example requireUnsigned(0x10000, 16, 'packet id') // throws */
export function requireUnsigned(value: number, bits: 8 | 16 | 32, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 2 ** bits - 1) {
    throw new ProtocolError(`${what} must be a whole number from 0 to ${2 ** bits - 1}, got ${String(value)}`);
  }
}

/**
 * Parses dotted-quad IPv4 text into its 32-bit number (`a<<24 | b<<16 | c<<8 | d`).
 *
 * @example ipv4ToNumber('24.98.66.80') // 0x18624250
 */
export function ipv4ToNumber(ip: string): number {
  const parts = typeof ip === 'string' ? ip.split('.') : [];
  if (parts.length !== 4 || parts.some((part) => !/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255)) {
    throw new ProtocolError(`expected an IPv4 address such as 192.168.1.2, got ${JSON.stringify(ip)}`);
  }
  return parts.reduce((number, part) => ((number << 8) | Number(part)) >>> 0, 0);
}

/** Formats a 32-bit number as dotted-quad IPv4 text. @example numberToIpv4(0x18624250) // '24.98.66.80' */
export function numberToIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}
