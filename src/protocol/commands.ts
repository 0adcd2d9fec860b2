/**
 * The command layer ("Cmd", protocol.md §5): the commands inside a decrypted UDP block and inside
 * each even TCP frame after its packet id.
 *
 * ```
 * command := varint cmdlen || varint cmdword || [reqid u16 BE] || params
 * cmd = cmdword >> 3, flags = cmdword & 7, reqid present iff flags is 2 or 3,
 * cmdlen = byte length of reqid + params (the cmdword varint is not counted)
 * ```
 *
 * The params stay bytes here: they are an object list (0x41 raw or 0x42 compressed), which the
 * object-list codecs decode.
 */
import {concatBytes, readUint16BE, requireByteArray, requireUnsigned, writeUint16BE} from './bytes';
import {ProtocolError} from './errors';
import {decodeVarint, encodeVarint} from './varint';

/** One command: its number, its 3 flag bits, the request id of requests and replies, and its params. */
export interface Command {
  cmd: number;
  flags: number;
  reqid?: number;
  params: Uint8Array;
}

/** The flag values seen in traffic (§5). The meaning of bits 0 and 2 beyond these is unknown. */
export const COMMAND_FLAGS = {notification: 1, request: 2, reply: 3} as const;

/** The largest command number: cmd · 8 + flags must fit the 32-bit cmdword varint. */
export const MAX_COMMAND_NUMBER = 0x1fffffff;

/**
 * Whether a command with these flags carries a 2-byte reqid: only requests (2) and replies (3) do.
 *
 * @example commandHasReqid(2) // true
 */
export function commandHasReqid(flags: number): boolean {
  return flags === COMMAND_FLAGS.request || flags === COMMAND_FLAGS.reply;
}

/** Where one command lies in its block, as {@link readCommand} found it. */
export interface CommandSpan {
  command: Command;
  /** Offset of the cmdlen varint. */
  start: number;
  /** The cmdlen field: bytes of reqid and params. */
  cmdlen: number;
  /** The cmdword field: cmd · 8 + flags. */
  cmdword: number;
  /** Offset of the cmdword varint (just after cmdlen). */
  cmdwordStart: number;
  /** Offset just after the cmdword: the reqid when the flags carry one, else the params. */
  bodyStart: number;
  /** Offset of the params. */
  paramsStart: number;
  /** Offset just after the command. */
  end: number;
}

/** Checks the arguments of the readers: bytes, and a range `[start, end)` inside them. */
function requireRange(bytes: Uint8Array, start: number, end: number): void {
  requireByteArray(bytes, 'the commands');
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > bytes.length) {
    throw new ProtocolError(`expected a range of whole offsets within the ${bytes.length} bytes, got ${start} to ${end}`);
  }
}

/** Decodes a varint that must end before `end`, so a command never reads into what follows it. */
function readVarintBefore(bytes: Uint8Array, offset: number, end: number, what: string): {value: number; length: number} {
  if (offset >= end) throw new ProtocolError(`truncated command: expected the ${what} varint, found the end of the block`, offset);
  try {
    return decodeVarint(bytes.subarray(0, end), offset);
  } catch (error) {
    if (error instanceof ProtocolError && error.offset === end) {
      throw new ProtocolError(`truncated ${what} varint: the block ends before its last byte`, end);
    }
    throw error;
  }
}

/**
 * Reads the command at `offset`, which must end by `end` (default: the end of `bytes`). Error
 * offsets are positions in `bytes`, so a caller parsing a larger buffer gets absolute offsets.
 *
 * @example readCommand(hexToBytes('04da017f4d4215'), 0).cmdlen // 4
 */
export function readCommand(bytes: Uint8Array, offset: number, end = bytes?.length): CommandSpan {
  requireRange(bytes, offset, end);
  const length = readVarintBefore(bytes, offset, end, 'cmdlen');
  const word = readVarintBefore(bytes, offset + length.length, end, 'cmdword');
  const cmdlen = length.value;
  const cmdword = word.value;
  const bodyStart = offset + length.length + word.length;
  if (cmdlen > end - bodyStart) {
    throw new ProtocolError(`command length ${cmdlen} runs past the end of the block: ${end - bodyStart} bytes left`, offset);
  }
  const flags = cmdword & 7;
  const command: Command = {cmd: cmdword >>> 3, flags, params: new Uint8Array()};
  let paramsStart = bodyStart;
  if (commandHasReqid(flags)) {
    if (cmdlen < 2) {
      throw new ProtocolError(`a command with flags ${flags} carries a 2-byte reqid, but its cmdlen is ${cmdlen}`, offset);
    }
    command.reqid = readUint16BE(bytes, bodyStart, 'reqid');
    paramsStart += 2;
  }
  command.params = bytes.slice(paramsStart, bodyStart + cmdlen);
  return {command, start: offset, cmdlen, cmdword, cmdwordStart: offset + length.length, bodyStart, paramsStart, end: bodyStart + cmdlen};
}

/**
 * Parses a block of back-to-back commands, as found in a decrypted UDP payload or after the packet
 * id of an even TCP frame. Every byte must belong to a command; an empty block gives no commands.
 *
 * @throws ProtocolError with the offset of a truncated varint or a command longer than the block.
 * @example parseCommands(hexToBytes('04da017f4d4215')) // [{cmd: 27, flags: 2, reqid: 0x7f4d, params: 42 15}]
 */
export function parseCommands(plaintext: Uint8Array): Command[] {
  return readCommands(plaintext, 0, plaintext instanceof Uint8Array ? plaintext.length : 0).map((span) => span.command);
}

/**
 * Reads the commands that exactly fill `bytes[start, end)`, with their positions.
 *
 * @example readCommands(hexToBytes('04da017f4d4215'), 0, 7)[0].paramsStart // 5
 */
export function readCommands(bytes: Uint8Array, start: number, end: number): CommandSpan[] {
  requireRange(bytes, start, end);
  const spans: CommandSpan[] = [];
  for (let offset = start; offset < end; ) {
    const span = readCommand(bytes, offset, end);
    spans.push(span);
    offset = span.end;
  }
  return spans;
}

/** Checks that a command can be written, and returns its cmdword. */
function commandWord(command: Command, index: number): number {
  const what = `command ${index}`;
  if (typeof command !== 'object' || command === null) throw new ProtocolError(`${what} must be an object {cmd, flags, reqid?, params}`);
  requireUnsigned(command.flags, 32, `${what}: flags`);
  if (command.flags > 7) throw new ProtocolError(`${what}: flags are 3 bits (0 to 7), got ${command.flags}`);
  requireUnsigned(command.cmd, 32, `${what}: cmd`);
  if (command.cmd > MAX_COMMAND_NUMBER) {
    throw new ProtocolError(`${what}: cmd ${command.cmd} is too large: cmd · 8 + flags must fit in 32 bits (cmd at most ${MAX_COMMAND_NUMBER})`);
  }
  if (commandHasReqid(command.flags)) {
    if (command.reqid === undefined) throw new ProtocolError(`${what}: flags ${command.flags} (request or reply) need a reqid`);
    requireUnsigned(command.reqid, 16, `${what}: reqid`);
  } else if (command.reqid !== undefined) {
    throw new ProtocolError(`${what}: only flags 2 and 3 carry a reqid, but flags are ${command.flags}`);
  }
  requireByteArray(command.params, `${what}: params`);
  return command.cmd * 8 + command.flags;
}

/**
 * Writes commands back to back, each with its cmdlen, cmdword, reqid (flags 2 and 3 only) and params.
 *
 * @throws ProtocolError for flags outside 0..7, a cmd too large for a 32-bit cmdword, a reqid missing
 *   on a request or reply, present on anything else, or outside 16 bits.
 * @example bytesToHex(encodeCommands([{cmd: 27, flags: 2, reqid: 0x7f4d, params: hexToBytes('4215')}])) // '04da017f4d4215'
 */
export function encodeCommands(commands: Command[]): Uint8Array {
  if (!Array.isArray(commands)) throw new ProtocolError('expected an array of commands');
  const parts: Uint8Array[] = [];
  commands.forEach((command, index) => {
    const cmdword = commandWord(command, index);
    const reqid = new Uint8Array(command.reqid === undefined ? 0 : 2);
    if (command.reqid !== undefined) writeUint16BE(reqid, 0, command.reqid);
    parts.push(encodeVarint(reqid.length + command.params.length), encodeVarint(cmdword), reqid, command.params);
  });
  return concatBytes(...parts);
}
