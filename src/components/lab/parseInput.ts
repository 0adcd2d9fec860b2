/**
 * Parsers for what learners type into the lab widgets: hex bytes, IPv4 addresses and unsigned
 * numbers. They never throw: a result is a value or a problem that says what is wrong and where
 * (a character position, counted from 1 as a reader counts), which `problemMessage` turns into words.
 * Hex and IPv4 parsing itself is the protocol library's; these add the where and the why.
 */
import {bytesToHex, hexToBytes, ipv4ToNumber, ProtocolError, seedToHex} from '@site/src/protocol';

export type InputProblem =
  | {kind: 'empty'}
  | {kind: 'hexCharacter'; character: string; position: number}
  | {kind: 'oddHexDigits'; position: number}
  | {kind: 'tooLong'; length: number; maximum: number}
  | {kind: 'tooShort'; length: number; minimum: number}
  | {kind: 'ipv4Parts'; count: number}
  | {kind: 'ipv4Part'; part: number; text: string}
  | {kind: 'number'; text: string}
  | {kind: 'range'; text: string; maximum: number};

export type ParseResult<T> = {ok: true; value: T} | {ok: false; problem: InputProblem};

const problem = <T>(found: InputProblem): ParseResult<T> => ({ok: false, problem: found});

/**
 * Hex bytes. Besides the whitespace the library skips, colons, commas, dashes and "0x" prefixes are
 * read as separators, so dumps from Wireshark, C arrays and debuggers paste as they are.
 *
 * @example parseHexInput('7f:4e 0x02') // {ok: true, value: Uint8Array [0x7f, 0x4e, 0x02]}
 */
export function parseHexInput(text: string, limits: {minimum?: number; maximum?: number} = {}): ParseResult<Uint8Array> {
  // Same length as the text, so the library's character offsets stay right.
  const separated = text.replace(/0x(?=[0-9a-fA-F])/g, '  ').replace(/[:,;-]/g, ' ');
  if (separated.trim() === '') return problem({kind: 'empty'});
  let bytes: Uint8Array;
  try {
    bytes = hexToBytes(separated);
  } catch (error) {
    if (!(error instanceof ProtocolError) || error.offset === undefined) throw error;
    const character = text[error.offset];
    return /[0-9a-fA-F]/.test(character)
      ? problem({kind: 'oddHexDigits', position: error.offset + 1})
      : problem({kind: 'hexCharacter', character, position: error.offset + 1});
  }
  if (limits.maximum !== undefined && bytes.length > limits.maximum) return problem({kind: 'tooLong', length: bytes.length, maximum: limits.maximum});
  if (limits.minimum !== undefined && bytes.length < limits.minimum) return problem({kind: 'tooShort', length: bytes.length, minimum: limits.minimum});
  return {ok: true, value: bytes};
}

/**
 * A dotted-quad IPv4 address, returned as the text the library takes.
 *
 * @example parseIpv4Input(' 24.98.66.80 ') // {ok: true, value: '24.98.66.80'}
 */
export function parseIpv4Input(text: string): ParseResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') return problem({kind: 'empty'});
  const parts = trimmed.split('.');
  if (parts.length !== 4) return problem({kind: 'ipv4Parts', count: parts.length});
  try {
    ipv4ToNumber(trimmed);
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    const bad = parts.findIndex((part) => !/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255);
    return problem({kind: 'ipv4Part', part: bad + 1, text: parts[bad]});
  }
  return {ok: true, value: trimmed};
}

/**
 * An unsigned number of `bits` bits, in decimal or with a 0x prefix in hex.
 *
 * @example parseUnsignedInput('0x7f4e', 16) // {ok: true, value: 32590}
 */
export function parseUnsignedInput(text: string, bits: 8 | 16 | 32): ParseResult<number> {
  const trimmed = text.trim();
  if (trimmed === '') return problem({kind: 'empty'});
  const hex = /^0x([0-9a-fA-F]+)$/.exec(trimmed);
  if (!hex && !/^[0-9]+$/.test(trimmed)) return problem({kind: 'number', text: trimmed});
  const value = hex ? parseInt(hex[1], 16) : Number(trimmed);
  const maximum = 2 ** bits - 1;
  if (!Number.isSafeInteger(value) || value > maximum) return problem({kind: 'range', text: trimmed, maximum});
  return {ok: true, value};
}

/** A 32-bit value as the 0x-prefixed 8 hex digits the widgets show and accept. @example hex32(0x22d81c40) // '0x22d81c40' */
export const hex32 = (value: number) => `0x${seedToHex(value >>> 0)}`;
/** An 8-bit value as 0x-prefixed 2 hex digits. @example hex8(0x2) // '0x02' */
export const hex8 = (value: number) => `0x${value.toString(16).padStart(2, '0')}`;
/** A 16-bit value as 0x-prefixed 4 hex digits. @example hex16(0x7f4e) // '0x7f4e' */
export const hex16 = (value: number) => `0x${value.toString(16).padStart(4, '0')}`;
/**
 * Bytes as learners read and type them into the hex fields: two hex digits a byte, a space between
 * bytes (parseHexInput reads it back).
 *
 * @example spacedHex(Uint8Array.of(0x04, 0xda, 0x01)) // '04 da 01'
 */
export const spacedHex = (bytes: Uint8Array) => bytesToHex(bytes).replace(/(..)(?!$)/g, '$1 ');
