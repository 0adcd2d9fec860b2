/**
 * The keystream-reuse attack on a 2006 TCP stream (protocol.md §4.1-4.2), as pure functions for the
 * `tcp-keystream-reuse` lab. The init block is XORed with keystream bytes 0-9 and then the keystream
 * restarts, so the same 10 bytes also cover the first 10 data bytes: knowing the init block gives
 * them away. The XORs below are the attack itself; keys, streams and frames come from the library.
 */
import {translate} from '@docusaurus/Translate';
import {
  ProtocolError,
  TCP_HEADER_LENGTH,
  TCP_INIT_LENGTH,
  decodeVarint,
  deobfuscateTcpStream,
  ipv4ToNumber,
  knownTcpInit,
  obfuscateTcpStream,
  parseTcpFrames,
  readCommands,
  type TcpFrame,
} from '@site/src/protocol';
import {readUint32BE, requireBytes} from '@site/src/protocol/bytes';
import {TCP_SAMPLES, recordedKeys, type TcpSample} from '@site/src/data/sampleTraffic';
import {chooseKey, type AvailableKey, type KeySource} from '@site/src/components/lab/keyChoice';

export type TcpRole = 'initiator' | 'responder';

/** Where the init block starts: after the 4-byte clear seed. */
const INIT_START = TCP_HEADER_LENGTH - TCP_INIT_LENGTH;

/** What an eavesdropper recovers from one stream, knowing only the role of its sender. */
export interface KeystreamRecovery {
  seed: number;
  encryptedInit: Uint8Array;
  encryptedData: Uint8Array;
  /** The init block as known in advance; bytes marked unknown are placeholders. */
  knownInit: {bytes: Uint8Array; known: boolean[]};
  /** Keystream bytes 0-9, or null where the init byte is not known. */
  keystream: (number | null)[];
  /** The first data bytes (at most 10) decrypted with them, or null where the keystream byte is unknown. */
  recovered: (number | null)[];
}

/**
 * Recovers keystream bytes 0-9 from the init block and applies them to the first data bytes.
 *
 * @param stream one direction of a connection: seed, init block, data
 * @param role who sent it: an initiator's init block is fully known, a responder's but for 2 bytes
 * @throws ProtocolError when the stream is shorter than its 14-byte header, naming the part cut short
 * @example recoverKeystream(TCP_SAMPLES[1].bytes, 'initiator').recovered // the first 10 clear data bytes
 */
/** The stream's first part, as error messages name it. */
const seedPart = () => translate({id: 'lab.tcpReuse.part.seed', message: 'TCP seed'});

export function recoverKeystream(stream: Uint8Array, role: TcpRole): KeystreamRecovery {
  requireBytes(stream, 0, INIT_START, seedPart());
  requireBytes(stream, INIT_START, TCP_INIT_LENGTH, translate({id: 'lab.tcpReuse.part.initBlock', message: 'TCP init block'}));
  const encryptedInit = stream.slice(INIT_START, TCP_HEADER_LENGTH);
  const encryptedData = stream.slice(TCP_HEADER_LENGTH);
  const knownInit = knownTcpInit(role);
  // Encrypted init XOR known init = keystream; the keystream restarted at 0 for the data (spec §4.1).
  const keystream = Array.from(knownInit.bytes, (byte, index) => (knownInit.known[index] ? encryptedInit[index] ^ byte : null));
  const recovered = keystream.slice(0, encryptedData.length).map((byte, index) => (byte === null ? null : encryptedData[index] ^ byte));
  return {seed: readUint32BE(stream, 0, seedPart()), encryptedInit, encryptedData, knownInit, keystream, recovered};
}

/** Whether a clear init block has the fixed bytes of the role's init block (spec §4.1). */
export function initFitsRole(init: Uint8Array, role: TcpRole): boolean {
  const known = knownTcpInit(role);
  return init.length === TCP_INIT_LENGTH && known.bytes.every((byte, index) => !known.known[index] || init[index] === byte);
}

/** The true clear data of a stream, decrypted with a key, and its frames when they read as frames. */
export interface TrueData {
  /** Which key gives the true clear data: the recorded real key, the labelled stand-in, or none. */
  source: KeySource;
  /** The clear data after the init block, or null when no key decrypts the stream. */
  data: Uint8Array | null;
  frames: {frames: TcpFrame[]; incomplete: number} | {problem: ProtocolError} | null;
}

function framesOf(data: Uint8Array): NonNullable<TrueData['frames']> {
  try {
    return parseTcpFrames(data);
  } catch (error) {
    if (error instanceof ProtocolError) return {problem: error};
    throw error;
  }
}

/**
 * The true clear data of a captured or pasted stream: with the recorded key when the site has the
 * seed's; otherwise with the teaching stand-in when its key yields a proper init block (the stream
 * was built on this site); otherwise unknown. Data that does not read as frames (a learner's edit)
 * is still decrypted, with the frame problem beside it.
 */
export function trueDataOfStream(stream: Uint8Array): TrueData {
  const seed = readUint32BE(stream, 0, seedPart());
  const {source, engine} = chooseKey(seed, true);
  let clear: {init: Uint8Array; data: Uint8Array; frames: TrueData['frames']};
  try {
    const decrypted = deobfuscateTcpStream(stream, engine);
    clear = {init: decrypted.init, data: decrypted.data, frames: {frames: decrypted.frames, incomplete: decrypted.incomplete}};
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    // The frames did not parse. Obfuscating is the same XOR as deobfuscating, and reads no frames.
    const again = obfuscateTcpStream(seed, stream.slice(INIT_START, TCP_HEADER_LENGTH), stream.slice(TCP_HEADER_LENGTH), engine);
    clear = {init: again.slice(INIT_START, TCP_HEADER_LENGTH), data: again.slice(TCP_HEADER_LENGTH), frames: {problem: error}};
  }
  // The stand-in's key turns a real stream into noise: only a proper init block shows it is the right key.
  if (source === 'teaching' && !initFitsRole(clear.init, 'initiator') && !initFitsRole(clear.init, 'responder')) return {source: 'unavailable', data: null, frames: null};
  return {source, data: clear.data, frames: clear.frames};
}

/** A stream built by the learner: seed, role (and a responder's own 16-bit value), clear data. */
export interface BuiltStream {
  stream: Uint8Array;
  source: AvailableKey['source'];
  init: Uint8Array;
}

/**
 * Builds one direction of a connection as a 2006 client would: the role's init block and the data,
 * obfuscated under the seed's recorded key when the site has it, else under the teaching stand-in.
 *
 * @throws ProtocolError for a seed outside 32 bits
 */
export function buildStream(seed: number, role: TcpRole, responderValue: number, data: Uint8Array): BuiltStream {
  const init = knownTcpInit(role).bytes.slice();
  if (role === 'responder') {
    // The responder's first two bytes are its own 16-bit value, big-endian (spec §4.1).
    init[0] = responderValue >>> 8;
    init[1] = responderValue & 0xff;
  }
  const {source, engine} = chooseKey(seed, true);
  return {stream: obfuscateTcpStream(seed, init, data, engine), source, init};
}

/** The true data of a built stream is the data the learner typed; its frames are read the same way. */
export function trueDataOfBuilt(built: BuiltStream, data: Uint8Array): TrueData {
  return {source: built.source, data, frames: framesOf(data)};
}

export type FrameFieldName = 'length' | 'packetId' | 'controlType' | 'controlBody' | 'cmdlen' | 'cmdword' | 'reqid' | 'params';

/** One field of the first frame: bytes [start, end) of the data and the value the field holds. */
export interface FrameField {
  field: FrameFieldName;
  start: number;
  end: number;
  value: number;
  /** The command it belongs to, counted from 0 (command fields only). */
  command?: number;
}

/**
 * The fields of the first frame of clear data (spec §4.2, §5), as `parseTcpFrames` read it: its
 * length varint, then the packet id and each command's cmdlen, cmdword, reqid and params for a
 * packet frame, or the type byte and body of a control frame (a control body's value is its type). When the first frame runs past the end of the
 * data, only its length varint is known.
 */
export function firstFrameFields(data: Uint8Array, reading: {frames: TcpFrame[]; incomplete: number}): FrameField[] {
  const frame = reading.frames[0];
  if (frame === undefined) {
    if (reading.incomplete === 0) return [];
    try {
      const header = decodeVarint(data, 0);
      return [{field: 'length', start: 0, end: header.length, value: header.value}];
    } catch (error) {
      if (error instanceof ProtocolError) return [];
      throw error;
    }
  }
  const header = decodeVarint(data, frame.offset);
  const bodyStart = frame.offset + header.length;
  const fields: FrameField[] = [{field: 'length', start: frame.offset, end: bodyStart, value: header.value}];
  if (frame.kind === 'control') {
    fields.push({field: 'controlType', start: bodyStart, end: bodyStart + 1, value: frame.type});
    if (frame.body.length > 0) fields.push({field: 'controlBody', start: bodyStart + 1, end: bodyStart + 1 + frame.body.length, value: frame.type});
    return fields;
  }
  fields.push({field: 'packetId', start: bodyStart, end: bodyStart + 2, value: frame.packetId});
  // The frame parsed whole, so its commands fill the body after the packet id exactly.
  readCommands(data, bodyStart + 2, bodyStart + Math.floor(header.value / 2)).forEach((span, command) => {
    const cmdlenEnd = span.start + decodeVarint(data, span.start).length;
    const cmdwordEnd = cmdlenEnd + decodeVarint(data, cmdlenEnd).length;
    fields.push({field: 'cmdlen', start: span.start, end: cmdlenEnd, value: span.cmdlen, command});
    fields.push({field: 'cmdword', start: cmdlenEnd, end: cmdwordEnd, value: span.cmdword, command});
    if (span.command.reqid !== undefined) fields.push({field: 'reqid', start: cmdwordEnd, end: span.paramsStart, value: span.command.reqid, command});
    if (span.end > span.paramsStart) fields.push({field: 'params', start: span.paramsStart, end: span.end, value: data[span.paramsStart], command});
  });
  return fields;
}

/**
 * Byte by byte, whether a recovered byte equals the true one: null where the byte was not recovered
 * or the true data is unknown or shorter.
 *
 * @example compareRecovered([0x30, null, 0x06], hexToBytes('301607')) // [true, null, false]
 */
export function compareRecovered(recovered: readonly (number | null)[], trueData: Uint8Array | null): (boolean | null)[] {
  return recovered.map((byte, index) => (byte === null || trueData === null || index >= trueData.length ? null : byte === trueData[index]));
}

/**
 * Canonical text of recovered bytes: two lowercase hex digits a byte, '..' for an unknown one.
 *
 * @example recoveredValue([0x30, null]) // '30..'
 */
export function recoveredValue(bytes: readonly (number | null)[]): string {
  return bytes.map((byte) => (byte === null ? '..' : byte.toString(16).padStart(2, '0'))).join('');
}

/** Whether an IPv4 address is private (RFC 1918: 10/8, 172.16/12, 192.168/16), as a client behind NAT has. */
function isPrivateIpv4(ip: string): boolean {
  const address = ipv4ToNumber(ip);
  return address >>> 24 === 10 || address >>> 20 === 0xac1 || address >>> 16 === 0xc0a8;
}

/**
 * The role to guess first for a sample stream. In every sample the recorded client, at a private
 * address behind NAT, opened the connection: a stream it sent is an initiator's, one it received a
 * responder's. The origin gives the direction as "a.b.c.d:port -> e.f.g.h:port".
 *
 * @example defaultRole(TCP_SAMPLES[2]) // 'responder'
 */
export function defaultRole(sample: TcpSample): TcpRole {
  const sender = /(\d+\.\d+\.\d+\.\d+):\d+ -> /.exec(sample.origin)?.[1];
  return sender !== undefined && !isPrivateIpv4(sender) ? 'responder' : 'initiator';
}

/** Starting values of "build your own", taken from the capture: its initiator's seed and first frame, its responder's own 16-bit value. */
export interface BuildDefaults {
  seed: number;
  responderValue: number;
  data: Uint8Array;
}

/**
 * The capture's values for "build your own": the initiator's seed and the first frame of its clear
 * data (so the default build rebuilds the start of a real stream), and the responder's 16-bit value.
 */
export function buildDefaults(): BuildDefaults {
  const capture = TCP_SAMPLES.filter((sample) => sample.source === 'capture');
  const initiator = capture.find((sample) => defaultRole(sample) === 'initiator') ?? TCP_SAMPLES[0];
  const responder = capture.find((sample) => defaultRole(sample) === 'responder');
  const initiatorClear = deobfuscateTcpStream(initiator.bytes, recordedKeys);
  const firstFrameEnd = initiatorClear.frames[1]?.offset ?? initiatorClear.data.length;
  const responderInit = responder ? deobfuscateTcpStream(responder.bytes, recordedKeys).init : new Uint8Array(TCP_INIT_LENGTH);
  return {seed: initiatorClear.seed, responderValue: (responderInit[0] << 8) | responderInit[1], data: initiatorClear.data.slice(0, firstFrameEnd)};
}
