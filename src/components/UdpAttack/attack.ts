/**
 * The UDP attack of the `udp-attack` lab as pure functions: from a captured datagram and the two
 * public addresses to the seed, the key, the plaintext, its commands and their object lists
 * (protocol.md §2.2, §2.6, §5, §7). Every value comes from the protocol library; this file only
 * splits the work into the stages the widget shows and records where each field lies.
 */
import {
  COMPRESSED_LIST_MARKER,
  ProtocolError,
  RAW_LIST_MARKER,
  decodeObjectList,
  deobfuscateUdp,
  parseUdpDatagram,
  rc4Keystream,
  readCommands,
  skypeCrc32,
  udpCrcInput,
  udpFieldLayout,
  udpRc4Seed,
  type CommandSpan,
  type ObjectItem,
  type ObjectListFormat,
  type UdpDatagram,
  type UdpFieldNames,
  type UdpFieldSpan,
} from '@site/src/protocol';
import {commandSummary} from '@site/src/components/lab/commandSummary';
import {chooseKey, type KeySource} from '@site/src/components/lab/keyChoice';

/** The datagrams this lab attacks: a type-2 payload or a type-3 resend. */
export type AttackableDatagram = Extract<UdpDatagram, {kind: 'payload' | 'resend'}>;

/** The header fields and the ciphertext of a payload or a resend. */
export type HeaderField = UdpFieldNames[AttackableDatagram['kind']];

/** Bytes [start, end) of a plaintext, and what they are. */
export interface FieldSpan<Field extends string> {
  field: Field;
  start: number;
  end: number;
}

export type CommandField = 'cmdlen' | 'cmdword' | 'reqid' | 'params';

/** One command of the plaintext, with the spans of its fields for the annotated byte view. */
export interface CommandReading {
  span: CommandSpan;
  fields: FieldSpan<CommandField>[];
}

/** What the object-list decoder made of one command's params. */
export type ObjectListReading =
  | {kind: 'list'; format: ObjectListFormat; items: ObjectItem[]; length: number}
  | {kind: 'notList'; firstByte: number | null}
  | {kind: 'problem'; error: ProtocolError};

/** The field spans of a command read by `readCommands`: both varints, the reqid when present, the params. */
export function commandFields(span: CommandSpan): FieldSpan<CommandField>[] {
  const fields: FieldSpan<CommandField>[] = [
    {field: 'cmdlen', start: span.start, end: span.cmdwordStart},
    {field: 'cmdword', start: span.cmdwordStart, end: span.bodyStart},
  ];
  if (span.paramsStart > span.bodyStart) fields.push({field: 'reqid', start: span.bodyStart, end: span.paramsStart});
  if (span.end > span.paramsStart) fields.push({field: 'params', start: span.paramsStart, end: span.end});
  return fields;
}

/** Decodes the params of a command when they start like an object list (0x41 raw, 0x42 compressed). */
export function readObjectList(params: Uint8Array): ObjectListReading {
  const firstByte = params.length > 0 ? params[0] : null;
  if (firstByte !== RAW_LIST_MARKER && firstByte !== COMPRESSED_LIST_MARKER) return {kind: 'notList', firstByte};
  try {
    return {kind: 'list', ...decodeObjectList(params)};
  } catch (error) {
    if (error instanceof ProtocolError) return {kind: 'problem', error};
    throw error;
  }
}

/** The decrypted datagram and everything read from it. */
export interface UdpDecryption {
  keystream: Uint8Array;
  plaintext: Uint8Array;
  /** Skype's CRC-32 of the plaintext, to compare with the header's. */
  plaintextCrc: number;
  crcOk: boolean;
  /** The commands, or why the plaintext does not read as commands (a wrong key gives noise). */
  commands: {kind: 'commands'; readings: CommandReading[]; lists: ObjectListReading[]} | {kind: 'problem'; error: ProtocolError};
}

/** Every stage of the attack on one datagram. */
export interface UdpAttack {
  kind: 'attack';
  /** The datagram as captured, and the addresses the attack assumed. */
  bytes: Uint8Array;
  addresses: {srcIp: string; dstIp: string};
  datagram: AttackableDatagram;
  header: UdpFieldSpan<HeaderField>[];
  /** The 12 bytes the CRC seed is computed over (type 2 only; a resend's seed ignores the addresses). */
  crcInput: Uint8Array | null;
  crcSeed: number | null;
  seed: number;
  keySource: KeySource;
  /** The 80-byte RC4 key, when an engine is available. */
  key: Uint8Array | null;
  decryption: UdpDecryption | null;
}

/** A datagram of a type this lab does not attack (NAck, audio, fragment, unknown), and its fields. */
export interface UnsupportedDatagram {
  kind: 'unsupported';
  datagram: Exclude<UdpDatagram, AttackableDatagram>;
  header: UdpFieldSpan[];
}

function readPlaintext(plaintext: Uint8Array): UdpDecryption['commands'] {
  try {
    const spans = readCommands(plaintext, 0, plaintext.length);
    return {
      kind: 'commands',
      readings: spans.map((span) => ({span, fields: commandFields(span)})),
      lists: spans.map((span) => readObjectList(span.command.params)),
    };
  } catch (error) {
    if (error instanceof ProtocolError) return {kind: 'problem', error};
    throw error;
  }
}

/**
 * Runs the attack on a datagram as an eavesdropper would: header, seed from public values only, key,
 * decryption, CRC check, commands and object lists.
 *
 * @param bytes the UDP payload
 * @param addresses the public addresses as the sender believed them (spec §2.2); unused by resends
 * @param useTeachingEngine decrypt with the teaching stand-in when the seed has no recorded key
 * @throws ProtocolError for a malformed or truncated datagram, or a bad address
 * @example attackUdpDatagram(UDP_SAMPLES[0].bytes, {srcIp: '0.0.0.0', dstIp: '24.98.66.80'}, false).seed // 0x22d81c40
 */
export function attackUdpDatagram(bytes: Uint8Array, addresses: {srcIp: string; dstIp: string}, useTeachingEngine: boolean): UdpAttack | UnsupportedDatagram {
  const datagram = parseUdpDatagram(bytes);
  if (datagram.kind !== 'payload' && datagram.kind !== 'resend') return {kind: 'unsupported', datagram, header: udpFieldLayout(datagram, bytes.length)};
  let crcInput: Uint8Array | null = null;
  let crcSeed: number | null = null;
  if (datagram.kind === 'payload') {
    crcInput = udpCrcInput(addresses.srcIp, addresses.dstIp, datagram.packetId);
    crcSeed = skypeCrc32(crcInput);
  }
  const seed = udpRc4Seed(datagram, addresses);
  const {source, engine} = chooseKey(seed, useTeachingEngine);
  const attack: UdpAttack = {kind: 'attack', bytes, addresses, datagram, header: udpFieldLayout(datagram, bytes.length), crcInput, crcSeed, seed, keySource: source, key: null, decryption: null};
  if (engine === null) return attack;
  const decrypted = deobfuscateUdp(bytes, addresses, engine);
  const key = engine.expand(seed);
  attack.key = key;
  attack.decryption = {
    keystream: rc4Keystream(key, datagram.ciphertext.length),
    plaintext: decrypted.plaintext,
    plaintextCrc: skypeCrc32(decrypted.plaintext),
    crcOk: decrypted.crcOk,
    commands: readPlaintext(decrypted.plaintext),
  };
  return attack;
}

/** The canonical text of the commands output: JSON of `[{cmd, flags, reqid?}]`, reqid as 4 lowercase hex digits. */
export function commandsValue(readings: readonly CommandReading[]): string {
  return JSON.stringify(
    readings.map(({span: {command}}) => commandSummary(command)),
  );
}
