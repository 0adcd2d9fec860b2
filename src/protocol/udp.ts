/**
 * UDP datagrams (protocol.md §2). Every datagram starts with a packet id (u16 BE) and a func byte
 * whose type is `func & 0x8F`; the other bits look random (§2.1).
 *
 * ```
 * type 2    payload   iv u32 | crc u32 | ciphertext       seed = udpCrcSeed(src, dst, id) XOR iv
 * type 3    resend    count u8 | challenge u32 | dest_ip u32 | crc u32 | ciphertext
 *                                                         seed = id XOR challenge (no CRC seed)
 * type 5/7  NAck      ip u32 | challenge u32              (clear, 11 bytes)
 * type 0xF  fragment  in_reply_to u16 | frag u8 | 0x02 | iv u32 | crc u32 | ciphertext
 *                                                         seed as type 2, with the outer id
 * type 0xD  audio     layout unknown
 * ```
 *
 * `crc` is Skype's CRC-32 of the plaintext; the ciphertext is the plaintext XOR the RC4 keystream
 * of `engine.expand(seed)`.
 */
import {concatBytes, ipv4ToNumber, requireByteArray, numberToIpv4, readUint16BE, readUint32BE, requireBytes, requireUnsigned, writeUint16BE, writeUint32BE} from './bytes';
import {skypeCrc32, udpCrcSeed} from './crc32';
import {ProtocolError} from './errors';
import {type KeyEngine, nextIv, requireKeyEngine} from './keyEngine';
import {Rc4} from './rc4';

/** The packet types of §2, as `func & 0x8F`. */
export const UDP_TYPES = {payload: 0x02, resend: 0x03, nack: 0x05, natRepeat: 0x07, audio: 0x0d, fragment: 0x0f} as const;

/** The names of each type's fields, in wire order, as {@link udpFieldLayout} gives them. */
export interface UdpFieldNames {
  payload: 'packetId' | 'func' | 'iv' | 'crc' | 'ciphertext';
  resend: 'packetId' | 'func' | 'count' | 'challenge' | 'destinationIp' | 'crc' | 'ciphertext';
  nack: 'packetId' | 'func' | 'ip' | 'challenge';
  fragment: 'packetId' | 'func' | 'inReplyTo' | 'fragmentIndex' | 'blockMarker' | 'iv' | 'crc' | 'ciphertext';
  audio: 'packetId' | 'func' | 'body';
  unknown: 'packetId' | 'func' | 'body';
}

/** A field of any datagram type. */
export type UdpFieldName = UdpFieldNames[keyof UdpFieldNames];

/** Bytes [start, end) of a datagram, and the field they hold. */
export interface UdpFieldSpan<Field extends UdpFieldName = UdpFieldName> {
  field: Field;
  start: number;
  end: number;
}

// The header of each type, field and size in wire order. The parser reads at these offsets, the
// encoders write at them and udpFieldLayout reports them: they are written down only here.
const START_OF_FRAME = [['packetId', 2], ['func', 1]] as const; // §2.1
const HEADER_FIELDS = {
  payload: [...START_OF_FRAME, ['iv', 4], ['crc', 4]], // §2.2
  resend: [...START_OF_FRAME, ['count', 1], ['challenge', 4], ['destinationIp', 4], ['crc', 4]], // §2.6
  nack: [...START_OF_FRAME, ['ip', 4], ['challenge', 4]], // §2.5
  fragment: [...START_OF_FRAME, ['inReplyTo', 2], ['fragmentIndex', 1], ['blockMarker', 1], ['iv', 4], ['crc', 4]], // §2.7
  audio: START_OF_FRAME, // §2.8: nothing is known after func
  unknown: START_OF_FRAME,
} as const satisfies {[Kind in UdpDatagram['kind']]: readonly (readonly [UdpFieldNames[Kind], number])[]};

/** What follows each type's header, up to the end of the datagram; a NAck ends with its header. */
const TRAILING_FIELD = {payload: 'ciphertext', resend: 'ciphertext', nack: null, fragment: 'ciphertext', audio: 'body', unknown: 'body'} as const;

/** Where each field of a header starts, and the header's length, from the sizes in wire order. */
function headerOffsets<Field extends UdpFieldName>(fields: readonly (readonly [Field, number])[]): {start: Record<Field, number>; length: number} {
  const start = {} as Record<Field, number>;
  let length = 0;
  for (const [field, size] of fields) {
    start[field] = length;
    length += size;
  }
  return {start, length};
}

const FRAME = headerOffsets(START_OF_FRAME);
const PAYLOAD = headerOffsets(HEADER_FIELDS.payload);
const RESEND = headerOffsets(HEADER_FIELDS.resend);
const NACK = headerOffsets(HEADER_FIELDS.nack);
const FRAGMENT = headerOffsets(HEADER_FIELDS.fragment);

/** Bytes before the ciphertext of a type-2 payload: packet id, func, iv, crc (11). */
export const PAYLOAD_HEADER_LENGTH = PAYLOAD.length;
/** Bytes before the ciphertext of a type-3 resend: packet id, func, count, challenge, dest_ip, crc (16). */
export const RESEND_HEADER_LENGTH = RESEND.length;
/** Bytes before the ciphertext of a type-0xF fragment: packet id, func, in_reply_to, frag, 0x02, iv, crc (15). */
export const FRAGMENT_HEADER_LENGTH = FRAGMENT.length;
/** A NAck is exactly this long: packet id, func, ip, challenge (11). */
export const NACK_LENGTH = NACK.length;
/** The largest datagram Skype sent (0x54B, the size of a full fragment, §2.1); the encoders keep to it. */
export const MAX_DATAGRAM_LENGTH = 1355;
/** Fragment indices are 7 bits (the top bit marks the last), so a message has at most 128 fragments. */
export const MAX_FRAGMENTS = 128;
/** The byte after `frag` in every fragment: the type of the obfuscated block it carries. */
const FRAGMENT_BLOCK_MARKER = 0x02;
const LAST_FRAGMENT_BIT = 0x80;

export type UdpDatagram =
  | {kind: 'payload'; packetId: number; func: number; iv: number; crc: number; ciphertext: Uint8Array}
  | {kind: 'resend'; packetId: number; func: number; count: number; challenge: number; destIp: string; crc: number; ciphertext: Uint8Array}
  | {kind: 'nack'; packetId: number; func: number; ip: string; challenge: number}
  | {kind: 'fragment'; packetId: number; func: number; inReplyTo: number; index: number; last: boolean; iv: number; crc: number; ciphertext: Uint8Array}
  | {kind: 'audio' | 'unknown'; packetId: number; func: number; body: Uint8Array};

/**
 * The packet type of a func byte: its low nibble and bit 7 (`func & 0x8F`).
 *
 * @example udpPacketType(0x77) // 7
 */
export function udpPacketType(func: number): number {
  return func & 0x8f;
}

/**
 * Splits a UDP payload into its start of frame and the fields of its type. The ciphertext stays
 * encrypted: see {@link deobfuscateUdp}.
 *
 * @throws ProtocolError for fewer than 3 bytes, a header cut short (at the first missing field), a
 *   NAck that is not 11 bytes, or a fragment without its 0x02 block marker.
 * @example parseUdpDatagram(hexToBytes('7f4e77527c483383b08656')) // {kind: 'nack', packetId: 0x7f4e, func: 0x77, ip: '82.124.72.51', challenge: 0x83b08656}
 */
export function parseUdpDatagram(bytes: Uint8Array): UdpDatagram {
  requireByteArray(bytes, 'the datagram');
  requireBytes(bytes, 0, FRAME.length, 'start of frame (packet id u16 and func u8)');
  const packetId = readUint16BE(bytes, FRAME.start.packetId, 'packet id');
  const func = bytes[FRAME.start.func];
  switch (udpPacketType(func)) {
    case UDP_TYPES.payload:
      return {
        kind: 'payload',
        packetId,
        func,
        iv: readUint32BE(bytes, PAYLOAD.start.iv, 'payload IV'),
        crc: readUint32BE(bytes, PAYLOAD.start.crc, 'payload CRC'),
        ciphertext: bytes.slice(PAYLOAD.length),
      };
    case UDP_TYPES.resend:
      requireBytes(bytes, RESEND.start.count, 1, 'resend count');
      return {
        kind: 'resend',
        packetId,
        func,
        count: bytes[RESEND.start.count],
        challenge: readUint32BE(bytes, RESEND.start.challenge, 'resend challenge'),
        destIp: numberToIpv4(readUint32BE(bytes, RESEND.start.destinationIp, 'resend destination IP')),
        crc: readUint32BE(bytes, RESEND.start.crc, 'resend CRC'),
        ciphertext: bytes.slice(RESEND.length),
      };
    case UDP_TYPES.nack:
    case UDP_TYPES.natRepeat: {
      const ip = numberToIpv4(readUint32BE(bytes, NACK.start.ip, 'NAck IP'));
      const challenge = readUint32BE(bytes, NACK.start.challenge, 'NAck challenge');
      if (bytes.length > NACK.length) throw new ProtocolError(`a NAck is ${NACK.length} bytes long, found ${bytes.length}`, NACK.length);
      return {kind: 'nack', packetId, func, ip, challenge};
    }
    case UDP_TYPES.fragment: {
      const inReplyTo = readUint16BE(bytes, FRAGMENT.start.inReplyTo, 'fragment in_reply_to');
      requireBytes(bytes, FRAGMENT.start.fragmentIndex, 2, 'fragment index and block marker');
      const marker = bytes[FRAGMENT.start.blockMarker];
      if (marker !== FRAGMENT_BLOCK_MARKER) {
        throw new ProtocolError(`expected the fragment's block marker 0x02, found 0x${marker.toString(16).padStart(2, '0')}`, FRAGMENT.start.blockMarker);
      }
      const indexByte = bytes[FRAGMENT.start.fragmentIndex];
      return {
        kind: 'fragment',
        packetId,
        func,
        inReplyTo,
        index: indexByte & 0x7f,
        last: (indexByte & LAST_FRAGMENT_BIT) !== 0,
        iv: readUint32BE(bytes, FRAGMENT.start.iv, 'fragment IV'),
        crc: readUint32BE(bytes, FRAGMENT.start.crc, 'fragment CRC'),
        ciphertext: bytes.slice(FRAGMENT.length),
      };
    }
    case UDP_TYPES.audio:
      return {kind: 'audio', packetId, func, body: bytes.slice(FRAME.length)};
    default:
      return {kind: 'unknown', packetId, func, body: bytes.slice(FRAME.length)};
  }
}

/**
 * Where each field of a parsed datagram lies, in wire order: the header fields of its type, then the
 * ciphertext (payload, resend, fragment) or the body (audio, unknown) up to the end of the datagram;
 * a NAck ends with its challenge. The offsets are the ones {@link parseUdpDatagram} reads at. An
 * empty ciphertext or body is still listed, as a span with `start === end`.
 *
 * @param datagram a datagram returned by {@link parseUdpDatagram}
 * @param length the length in bytes of the datagram it was parsed from
 * @returns one span per field, covering bytes 0 to `length` without gap or overlap
 * @throws ProtocolError when `datagram` is not a parsed datagram, or `length` is not its length
 * @example udpFieldLayout(parseUdpDatagram(hexToBytes('7f4e02118ac037fc95755e5eb9817a8efa81')), 18)
 * // [{field: 'packetId', start: 0, end: 2}, {field: 'func', start: 2, end: 3}, {field: 'iv', start: 3, end: 7},
 * //  {field: 'crc', start: 7, end: 11}, {field: 'ciphertext', start: 11, end: 18}]
 */
export function udpFieldLayout<Datagram extends UdpDatagram>(datagram: Datagram, length: number): UdpFieldSpan<UdpFieldNames[Datagram['kind']]>[] {
  if (typeof datagram !== 'object' || datagram === null || !Object.hasOwn(HEADER_FIELDS, datagram.kind)) {
    throw new ProtocolError('expected a datagram returned by parseUdpDatagram');
  }
  const spans: UdpFieldSpan[] = [];
  let offset = 0;
  for (const [field, size] of HEADER_FIELDS[datagram.kind]) {
    spans.push({field, start: offset, end: offset + size});
    offset += size;
  }
  const trailing = TRAILING_FIELD[datagram.kind];
  if (trailing !== null) requireByteArray((datagram as Record<string, unknown>)[trailing], `the datagram's ${trailing}`);
  const trailingLength = datagram.kind === 'nack' ? 0 : 'body' in datagram ? datagram.body.length : datagram.ciphertext.length;
  if (length !== offset + trailingLength) {
    throw new ProtocolError(`this ${datagram.kind} datagram is ${offset + trailingLength} bytes long, but the length given is ${String(length)}`);
  }
  if (trailing !== null) spans.push({field: trailing, start: offset, end: length});
  return spans as UdpFieldSpan<UdpFieldNames[Datagram['kind']]>[];
}

/** Public addresses as the sender believes them (§2.2); 0.0.0.0 when it does not know its own yet. */
export interface UdpAddresses {
  srcIp: string;
  dstIp: string;
}

function requireAddresses(addresses: UdpAddresses): void {
  if (typeof addresses !== 'object' || addresses === null) {
    throw new ProtocolError("expected the sender's public addresses {srcIp, dstIp}");
  }
}

/** Encryption and decryption are one XOR with the keystream of the seed's key. */
function rc4Crypt(engine: KeyEngine, seed: number, data: Uint8Array): Uint8Array {
  return new Rc4(engine.expand(seed)).crypt(data);
}

/**
 * The RC4 seed of an obfuscated datagram, from its header and the sender's public addresses alone:
 * the CRC seed of the addresses and packet id XOR the IV for payloads and fragments (§2.2), the
 * packet id XOR the challenge for resends, which do not use the addresses (§2.6).
 *
 * @throws ProtocolError for a type without an obfuscated payload (NAck, audio, unknown)
 * @example udpRc4Seed(parseUdpDatagram(hexToBytes('7f4e02118ac037fc95755e5eb9817a8efa81')), {srcIp: '0.0.0.0', dstIp: '24.98.66.80'}) // 0x22d81c40
 */
export function udpRc4Seed(datagram: UdpDatagram, addresses: UdpAddresses): number {
  switch (datagram.kind) {
    case 'payload':
    case 'fragment':
      requireAddresses(addresses);
      return (udpCrcSeed(addresses.srcIp, addresses.dstIp, datagram.packetId) ^ datagram.iv) >>> 0;
    case 'resend':
      return (datagram.packetId ^ datagram.challenge) >>> 0;
    default:
      throw new ProtocolError(
        `datagram type 0x${udpPacketType(datagram.func).toString(16)} (${datagram.kind}) carries no obfuscated payload: only payload, resend and fragment datagrams do`,
        2,
      );
  }
}

/**
 * Decrypts a payload (type 2), resend (type 3) or fragment (type 0xF) datagram and checks its CRC.
 * `addresses` are the public addresses from the sender's point of view (a receiver passes the
 * remote address as `srcIp` and its own as `dstIp`); resends do not use them.
 *
 * @throws ProtocolError for a malformed datagram, a type without an obfuscated payload (NAck, audio,
 *   unknown), or a seed the key engine cannot expand.
 * @example deobfuscateUdp(hexToBytes('7f4e02118ac037fc95755e5eb9817a8efa81'), {srcIp: '0.0.0.0', dstIp: '24.98.66.80'}, engine).seed // 0x22d81c40
 */
export function deobfuscateUdp(
  bytes: Uint8Array,
  addresses: UdpAddresses,
  engine: KeyEngine,
): {datagram: UdpDatagram; seed: number; plaintext: Uint8Array; crcOk: boolean} {
  const datagram = parseUdpDatagram(bytes);
  requireKeyEngine(engine);
  // Throws for the types without an obfuscated payload, which leaves the three that have one.
  const seed = udpRc4Seed(datagram, addresses);
  const obfuscated = datagram as Extract<UdpDatagram, {ciphertext: Uint8Array}>;
  const plaintext = rc4Crypt(engine, seed, obfuscated.ciphertext);
  return {datagram, seed, plaintext, crcOk: skypeCrc32(plaintext) === obfuscated.crc};
}

/** Checks a func byte given for an encoder: 8 bits, of the expected type. */
function requireFunc(func: number, type: number, name: string): void {
  requireUnsigned(func, 8, 'func');
  if (udpPacketType(func) !== type) {
    throw new ProtocolError(`a ${name} needs a func whose type (func & 0x8F) is 0x${type.toString(16)}, got func 0x${func.toString(16)}`);
  }
}

function requirePlaintext(plaintext: Uint8Array, headerLength: number): void {
  requireByteArray(plaintext, 'the plaintext');
  if (headerLength + plaintext.length > MAX_DATAGRAM_LENGTH) {
    throw new ProtocolError(
      `a plaintext of ${plaintext.length} bytes makes a datagram longer than ${MAX_DATAGRAM_LENGTH} bytes: split it with fragmentUdp`,
    );
  }
}

/**
 * Builds an obfuscated type-2 datagram: header, then the plaintext encrypted under the seed
 * `udpCrcSeed(srcIp, dstIp, packetId) XOR iv`, with the CRC of the plaintext in the header.
 * `srcIp` and `dstIp` are the public addresses as the sender believes them.
 *
 * @throws ProtocolError for a packet id over 16 bits, an iv over 32 bits, a func whose type is not 2,
 *   bad IPv4 text, or a datagram over {@link MAX_DATAGRAM_LENGTH} bytes.
 * @example bytesToHex(obfuscateUdp({packetId: 0x7f4e, iv: 0x118ac037, plaintext: hexToBytes('04da017f4d4215'), srcIp: '0.0.0.0', dstIp: '24.98.66.80'}, engine)) // '7f4e02118ac037fc95755e5eb9817a8efa81'
 */
export function obfuscateUdp(
  packet: {packetId: number; func?: number; iv: number; plaintext: Uint8Array; srcIp: string; dstIp: string},
  engine: KeyEngine,
): Uint8Array {
  if (typeof packet !== 'object' || packet === null) throw new ProtocolError('expected a packet {packetId, iv, plaintext, srcIp, dstIp}');
  const {packetId, func = UDP_TYPES.payload, iv, plaintext, srcIp, dstIp} = packet;
  requireUnsigned(packetId, 16, 'packet id');
  requireFunc(func, UDP_TYPES.payload, 'payload datagram');
  requireUnsigned(iv, 32, 'IV');
  requirePlaintext(plaintext, PAYLOAD_HEADER_LENGTH);
  requireKeyEngine(engine);
  const seed = (udpCrcSeed(srcIp, dstIp, packetId) ^ iv) >>> 0;
  const header = new Uint8Array(PAYLOAD.length);
  writeUint16BE(header, PAYLOAD.start.packetId, packetId);
  header[PAYLOAD.start.func] = func;
  writeUint32BE(header, PAYLOAD.start.iv, iv);
  writeUint32BE(header, PAYLOAD.start.crc, skypeCrc32(plaintext));
  return concatBytes(header, rc4Crypt(engine, seed, plaintext));
}

/**
 * Builds a type-3 resend: the answer to a NAck, re-encrypted under `packetId XOR challenge` (§2.6).
 * `destIp` is the address the datagram goes to; `count` was 1 in every resend seen.
 *
 * @example bytesToHex(obfuscateResend({packetId: 0x7f48, func: 0x63, challenge: 0x83b08656, destIp: '130.161.44.117', plaintext: hexToBytes('04da017f474215')}, engine)) // '7f48630183b0865682a12c75f102f088fe65132ce197ac'
 */
export function obfuscateResend(
  packet: {packetId: number; func?: number; count?: number; challenge: number; destIp: string; plaintext: Uint8Array},
  engine: KeyEngine,
): Uint8Array {
  if (typeof packet !== 'object' || packet === null) throw new ProtocolError('expected a packet {packetId, challenge, destIp, plaintext}');
  const {packetId, func = UDP_TYPES.resend, count = 1, challenge, destIp, plaintext} = packet;
  requireUnsigned(packetId, 16, 'packet id');
  requireFunc(func, UDP_TYPES.resend, 'resend');
  requireUnsigned(count, 8, 'count');
  requireUnsigned(challenge, 32, 'challenge');
  const destination = ipv4ToNumber(destIp);
  requirePlaintext(plaintext, RESEND_HEADER_LENGTH);
  requireKeyEngine(engine);
  const header = new Uint8Array(RESEND.length);
  writeUint16BE(header, RESEND.start.packetId, packetId);
  header[RESEND.start.func] = func;
  header[RESEND.start.count] = count;
  writeUint32BE(header, RESEND.start.challenge, challenge);
  writeUint32BE(header, RESEND.start.destinationIp, destination);
  writeUint32BE(header, RESEND.start.crc, skypeCrc32(plaintext));
  return concatBytes(header, rc4Crypt(engine, (packetId ^ challenge) >>> 0, plaintext));
}

/**
 * Builds a NAck (type 5 or 7, in clear): the receiver's public IP as the sender of the NAck sees it,
 * and the challenge that the resend must use.
 *
 * @example bytesToHex(encodeNack({packetId: 0x7f4e, func: 0x77, ip: '82.124.72.51', challenge: 0x83b08656})) // '7f4e77527c483383b08656'
 */
export function encodeNack(nack: {packetId: number; func?: number; ip: string; challenge: number}): Uint8Array {
  if (typeof nack !== 'object' || nack === null) throw new ProtocolError('expected a NAck {packetId, ip, challenge}');
  const {packetId, func = UDP_TYPES.nack, ip, challenge} = nack;
  requireUnsigned(packetId, 16, 'packet id');
  requireUnsigned(func, 8, 'func');
  if (udpPacketType(func) !== UDP_TYPES.nack && udpPacketType(func) !== UDP_TYPES.natRepeat) {
    throw new ProtocolError(`a NAck needs a func whose type (func & 0x8F) is 5 or 7, got func 0x${func.toString(16)}`);
  }
  requireUnsigned(challenge, 32, 'challenge');
  const bytes = new Uint8Array(NACK.length);
  writeUint16BE(bytes, NACK.start.packetId, packetId);
  bytes[NACK.start.func] = func;
  writeUint32BE(bytes, NACK.start.ip, ipv4ToNumber(ip));
  writeUint32BE(bytes, NACK.start.challenge, challenge);
  return bytes;
}

/** The plaintext bytes one fragment datagram of {@link MAX_DATAGRAM_LENGTH} bytes can carry. */
export const MAX_FRAGMENT_PLAINTEXT = MAX_DATAGRAM_LENGTH - FRAGMENT_HEADER_LENGTH;

/**
 * Splits a plaintext too large for one datagram into type-0xF fragments of at most
 * {@link MAX_DATAGRAM_LENGTH} bytes, each obfuscated like a type-2 block under its own packet id and
 * iv. `inReplyTo` is the packet id of the datagram that carried the request.
 *
 * Our choice, not recorded in the sources: fragment k takes packet id `packetId + k` (mod 2^16) and
 * the k-th IV after `iv` on the client's IV chain ({@link nextIv}).
 *
 * @throws ProtocolError for fields out of range, a func whose type is not 0xF, or a plaintext that
 *   needs more than {@link MAX_FRAGMENTS} fragments.
 * @example fragmentUdp({packetId: 1, inReplyTo: 0x1676, iv: 7, plaintext: new Uint8Array(3000), srcIp: '0.0.0.0', dstIp: '1.2.3.4'}, engine).length // 3
 */
export function fragmentUdp(
  message: {packetId: number; func?: number; inReplyTo: number; iv: number; plaintext: Uint8Array; srcIp: string; dstIp: string},
  engine: KeyEngine,
): Uint8Array[] {
  if (typeof message !== 'object' || message === null) throw new ProtocolError('expected a message {packetId, inReplyTo, iv, plaintext, srcIp, dstIp}');
  const {packetId, func = UDP_TYPES.fragment, inReplyTo, iv, plaintext, srcIp, dstIp} = message;
  requireUnsigned(packetId, 16, 'packet id');
  requireFunc(func, UDP_TYPES.fragment, 'fragment');
  requireUnsigned(inReplyTo, 16, 'in_reply_to');
  requireUnsigned(iv, 32, 'IV');
  requireByteArray(plaintext, 'the plaintext');
  const count = Math.max(1, Math.ceil(plaintext.length / MAX_FRAGMENT_PLAINTEXT));
  if (count > MAX_FRAGMENTS) {
    throw new ProtocolError(`a plaintext of ${plaintext.length} bytes needs ${count} fragments; at most ${MAX_FRAGMENTS} fit the 7-bit index`);
  }
  requireKeyEngine(engine);
  const datagrams: Uint8Array[] = [];
  let fragmentIv = iv;
  for (let index = 0; index < count; index++) {
    const part = plaintext.subarray(index * MAX_FRAGMENT_PLAINTEXT, (index + 1) * MAX_FRAGMENT_PLAINTEXT);
    const fragmentId = (packetId + index) & 0xffff;
    const header = new Uint8Array(FRAGMENT.length);
    writeUint16BE(header, FRAGMENT.start.packetId, fragmentId);
    header[FRAGMENT.start.func] = func;
    writeUint16BE(header, FRAGMENT.start.inReplyTo, inReplyTo);
    header[FRAGMENT.start.fragmentIndex] = index | (index === count - 1 ? LAST_FRAGMENT_BIT : 0);
    header[FRAGMENT.start.blockMarker] = FRAGMENT_BLOCK_MARKER;
    writeUint32BE(header, FRAGMENT.start.iv, fragmentIv);
    writeUint32BE(header, FRAGMENT.start.crc, skypeCrc32(part));
    const seed = (udpCrcSeed(srcIp, dstIp, fragmentId) ^ fragmentIv) >>> 0;
    datagrams.push(concatBytes(header, rc4Crypt(engine, seed, part)));
    fragmentIv = nextIv(fragmentIv);
  }
  return datagrams;
}

/**
 * Joins decrypted fragments into the message they carry: sorted by index, the indices must run
 * 0..n−1 without gap or duplicate, and exactly one fragment, the highest, is marked last.
 *
 * @throws ProtocolError for no fragments, a gap, a duplicate, or a missing or misplaced last mark.
 * @example reassembleFragments([{index: 1, last: true, plaintext: Uint8Array.of(2)}, {index: 0, last: false, plaintext: Uint8Array.of(1)}]) // Uint8Array [1, 2]
 */
export function reassembleFragments(parts: {index: number; last: boolean; plaintext: Uint8Array}[]): Uint8Array {
  if (!Array.isArray(parts) || parts.length === 0) throw new ProtocolError('expected a non-empty array of fragments');
  if (parts.length > MAX_FRAGMENTS) throw new ProtocolError(`a message has at most ${MAX_FRAGMENTS} fragments, got ${parts.length}`);
  for (const part of parts) {
    if (typeof part !== 'object' || part === null) throw new ProtocolError('each fragment must be an object {index, last, plaintext}');
    requireUnsigned(part.index, 8, 'fragment index');
    if (part.index >= MAX_FRAGMENTS) throw new ProtocolError(`fragment indices are 7 bits (0 to ${MAX_FRAGMENTS - 1}), got ${part.index}`);
    if (typeof part.last !== 'boolean') throw new ProtocolError(`fragment ${part.index}: last must be true or false`);
    requireByteArray(part.plaintext, `the plaintext of fragment ${part.index}`);
  }
  const sorted = [...parts].sort((first, second) => first.index - second.index);
  sorted.forEach((part, position) => {
    if (part.index < position) throw new ProtocolError(`fragment ${part.index} appears twice`);
    if (part.index > position) throw new ProtocolError(`fragment ${position} is missing (the next one is ${part.index})`);
  });
  const lastIndices = sorted.filter((part) => part.last).map((part) => part.index);
  const highest = sorted.length - 1;
  if (lastIndices.length !== 1 || lastIndices[0] !== highest) {
    throw new ProtocolError(
      `exactly one fragment, the highest (${highest}), must be marked last; marked: ${lastIndices.length === 0 ? 'none' : lastIndices.join(', ')}`,
    );
  }
  return concatBytes(...sorted.map((part) => part.plaintext));
}
