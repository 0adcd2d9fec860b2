/**
 * TCP streams (protocol.md §4). Each direction of a connection is one obfuscated stream:
 *
 * ```
 * bytes 0..3    seed     u32 BE, in clear
 * bytes 4..13   init10   XOR keystream[0..9]
 * bytes 14..    data     XOR keystream[0..]    the keystream restarts: its first 10 bytes serve twice
 * ```
 *
 * The clear data is a sequence of frames, `varint(X) body[X >> 1]`: an even X carries a packet id
 * (u16 BE) and one or more commands (§5); an odd X carries a type byte (0x01 ack, 0x03 padding) and
 * its body.
 */
import {concatBytes, readUint16BE, requireByteArray, readUint32BE, requireBytes, requireUnsigned, writeUint16BE, writeUint32BE} from './bytes';
import {type Command, encodeCommands, readCommands} from './commands';
import {ProtocolError} from './errors';
import {type KeyEngine, requireKeyEngine} from './keyEngine';
import {rc4Keystream} from './rc4';
import {decodeVarint, encodeVarint} from './varint';

/** The clear seed at the start of a stream. */
export const TCP_SEED_LENGTH = 4;
/** The init block after the seed: initiator `00 01 00 00 00 01 00 00 00 01`, responder `hh ll 00 00 00 01 00 00 00 03`. */
export const TCP_INIT_LENGTH = 10;
/** Where the data starts: after the seed and the init block. */
export const TCP_HEADER_LENGTH = TCP_SEED_LENGTH + TCP_INIT_LENGTH;
/**
 * The init block as an eavesdropper knows it in advance (§4.1): its bytes, and which of them are
 * fixed. An initiator always sends `00 01 00 00 00 01 00 00 00 01`; a responder sends a 16-bit value
 * of its own, then `00 00 00 01 00 00 00 03`, so its first two bytes are unknown (given as 0 here).
 *
 * @example knownTcpInit('responder').known // [false, false, true, true, true, true, true, true, true, true]
 */
export function knownTcpInit(role: 'initiator' | 'responder'): {bytes: Uint8Array; known: boolean[]} {
  if (role === 'initiator') return {bytes: Uint8Array.of(0, 1, 0, 0, 0, 1, 0, 0, 0, 1), known: new Array<boolean>(TCP_INIT_LENGTH).fill(true)};
  if (role === 'responder') return {bytes: Uint8Array.of(0, 0, 0, 0, 0, 1, 0, 0, 0, 3), known: [false, false, ...new Array<boolean>(8).fill(true)]};
  throw new ProtocolError(`the role must be 'initiator' or 'responder', got ${JSON.stringify(role)}`);
}

/** The odd-frame types seen in the 2006 capture (§4.2). */
export const TCP_CONTROL_TYPES = {ack: 0x01, padding: 0x03} as const;

/** One frame of the clear data; `offset` is where its length varint starts, counted from the start of the data. */
export type TcpFrame =
  | {kind: 'packet'; offset: number; packetId: number; commands: Command[]}
  | {kind: 'control'; offset: number; type: number; body: Uint8Array};

/** A frame to write: a {@link TcpFrame} without its offset. */
export type TcpFrameInput =
  | {kind: 'packet'; packetId: number; commands: Command[]}
  | {kind: 'control'; type: number; body: Uint8Array};

/**
 * Reads frames from `clear[start..]`. Error offsets are positions in `clear`; frame offsets count
 * from `start`. A last frame cut off by the end of the input is reported, not rejected.
 */
function readFrames(clear: Uint8Array, start: number): {frames: TcpFrame[]; incomplete: number} {
  const frames: TcpFrame[] = [];
  let offset = start;
  while (offset < clear.length) {
    let header: {value: number; length: number};
    try {
      header = decodeVarint(clear, offset);
    } catch (error) {
      // A length varint cut off by the end of the input is an incomplete frame, not a bad one.
      if (error instanceof ProtocolError && error.offset === clear.length) return {frames, incomplete: clear.length - offset};
      throw error;
    }
    const bodyStart = offset + header.length;
    const bodyLength = Math.floor(header.value / 2);
    if (bodyLength > clear.length - bodyStart) return {frames, incomplete: clear.length - offset};
    const bodyEnd = bodyStart + bodyLength;
    if (header.value % 2 === 0) {
      if (bodyLength < 3) {
        throw new ProtocolError(`an even frame holds a 2-byte packet id and at least one command, but its body is ${bodyLength} bytes`, bodyStart);
      }
      const packetId = readUint16BE(clear, bodyStart, 'packet id');
      const commands = readCommands(clear, bodyStart + 2, bodyEnd).map((span) => span.command);
      frames.push({kind: 'packet', offset: offset - start, packetId, commands});
    } else {
      if (bodyLength < 1) throw new ProtocolError('an odd frame starts with a type byte, but its body is empty', bodyStart);
      frames.push({kind: 'control', offset: offset - start, type: clear[bodyStart], body: clear.slice(bodyStart + 1, bodyEnd)});
    }
    offset = bodyEnd;
  }
  return {frames, incomplete: 0};
}

/**
 * Splits clear stream data (what follows the init block) into frames. `incomplete` is the byte
 * count of a last frame cut off by the end of `data` (0 if none).
 *
 * @throws ProtocolError, at the offset in `data`, for an empty frame body, an even frame without a
 *   packet id or command, or a malformed command.
 * @example parseTcpFrames(hexToBytes('07017a58')).frames // [{kind: 'control', offset: 0, type: 1, body: 7a 58}]
 */
export function parseTcpFrames(data: Uint8Array): {frames: TcpFrame[]; incomplete: number} {
  requireByteArray(data, 'the stream data');
  return readFrames(data, 0);
}

/**
 * Decrypts one direction of a TCP connection and splits its data into frames.
 *
 * @returns the seed; `init`, the 10 clear init bytes; `data`, the clear bytes after the init block;
 *   the frames (offsets counted from the start of `data`); and `incomplete`, the byte count of a last
 *   frame cut off by the end of the input.
 * @throws ProtocolError for input shorter than the 14-byte header, a seed the key engine cannot
 *   expand, or a malformed frame, at its absolute offset in `bytes`.
 * @example deobfuscateTcpStream(hexToBytes('33fbaf7628abb1930aff6cdf55b1'), engine).init // 00 01 00 00 00 01 00 00 00 01
 */
export function deobfuscateTcpStream(
  bytes: Uint8Array,
  engine: KeyEngine,
): {seed: number; init: Uint8Array; data: Uint8Array; frames: TcpFrame[]; incomplete: number} {
  requireByteArray(bytes, 'the stream');
  requireBytes(bytes, 0, TCP_SEED_LENGTH, 'TCP seed');
  requireBytes(bytes, TCP_SEED_LENGTH, TCP_INIT_LENGTH, 'TCP init block');
  requireKeyEngine(engine);
  const seed = readUint32BE(bytes, 0, 'TCP seed');
  const dataLength = bytes.length - TCP_HEADER_LENGTH;
  const keystream = rc4Keystream(engine.expand(seed), Math.max(TCP_INIT_LENGTH, dataLength));
  // The clear stream keeps the input's positions, so errors report absolute offsets.
  const clear = bytes.slice();
  for (let index = 0; index < TCP_INIT_LENGTH; index++) clear[TCP_SEED_LENGTH + index] ^= keystream[index];
  for (let index = 0; index < dataLength; index++) clear[TCP_HEADER_LENGTH + index] ^= keystream[index];
  const {frames, incomplete} = readFrames(clear, TCP_HEADER_LENGTH);
  return {seed, init: clear.slice(TCP_SEED_LENGTH, TCP_HEADER_LENGTH), data: clear.slice(TCP_HEADER_LENGTH), frames, incomplete};
}

/**
 * Obfuscates one direction of a TCP connection: the seed in clear, then the 10 init bytes and the
 * data, each XORed with the keystream from its start.
 *
 * @throws ProtocolError for a seed outside 32 bits or an init block that is not 10 bytes.
 * @example bytesToHex(obfuscateTcpStream(0x33fbaf76, hexToBytes('00010000000100000001'), new Uint8Array(), engine)) // '33fbaf7628abb1930aff6cdf55b1'
 */
export function obfuscateTcpStream(seed: number, init: Uint8Array, data: Uint8Array, engine: KeyEngine): Uint8Array {
  requireUnsigned(seed, 32, 'seed');
  if (!(init instanceof Uint8Array) || init.length !== TCP_INIT_LENGTH) {
    throw new ProtocolError(`the init block must be ${TCP_INIT_LENGTH} bytes, got ${init instanceof Uint8Array ? init.length : typeof init}`);
  }
  requireByteArray(data, 'the data');
  requireKeyEngine(engine);
  const keystream = rc4Keystream(engine.expand(seed), Math.max(TCP_INIT_LENGTH, data.length));
  const stream = new Uint8Array(TCP_HEADER_LENGTH + data.length);
  writeUint32BE(stream, 0, seed);
  for (let index = 0; index < TCP_INIT_LENGTH; index++) stream[TCP_SEED_LENGTH + index] = init[index] ^ keystream[index];
  for (let index = 0; index < data.length; index++) stream[TCP_HEADER_LENGTH + index] = data[index] ^ keystream[index];
  return stream;
}

/**
 * Writes frames as clear stream data: `varint(2·length)` + packet id + commands for a packet frame,
 * `varint(2·length + 1)` + type + body for a control frame.
 *
 * @throws ProtocolError for a packet id outside 16 bits, a packet frame without commands, a type
 *   outside 8 bits, or a command that {@link encodeCommands} rejects.
 * @example bytesToHex(encodeTcpFrames([{kind: 'control', type: 1, body: hexToBytes('7a58')}])) // '07017a58'
 */
export function encodeTcpFrames(frames: TcpFrameInput[]): Uint8Array {
  if (!Array.isArray(frames)) throw new ProtocolError('expected an array of frames');
  const parts = frames.map((frame, index) => {
    if (typeof frame !== 'object' || frame === null) throw new ProtocolError(`frame ${index} must be an object`);
    if (frame.kind === 'packet') {
      requireUnsigned(frame.packetId, 16, `frame ${index}: packet id`);
      if (!Array.isArray(frame.commands) || frame.commands.length === 0) {
        throw new ProtocolError(`frame ${index}: a packet frame carries at least one command`);
      }
      const body = concatBytes(new Uint8Array(2), encodeCommands(frame.commands));
      writeUint16BE(body, 0, frame.packetId);
      return concatBytes(encodeVarint(body.length * 2), body);
    }
    if (frame.kind === 'control') {
      requireUnsigned(frame.type, 8, `frame ${index}: type`);
      if (!(frame.body instanceof Uint8Array)) throw new ProtocolError(`frame ${index}: the body must be bytes (a Uint8Array)`);
      const body = concatBytes(Uint8Array.of(frame.type), frame.body);
      return concatBytes(encodeVarint(body.length * 2 + 1), body);
    }
    throw new ProtocolError(`frame ${index}: kind must be 'packet' or 'control'`);
  });
  return concatBytes(...parts);
}
