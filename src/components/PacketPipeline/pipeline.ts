/**
 * The datagram pipeline of the `packet-pipeline` lab as pure functions, both ways:
 *
 * - forward: object list → command → datagram(s), a type-2 payload when the plaintext fits one
 *   datagram, else type-0xF fragments (protocol.md §2.2, §2.7, §5, §7);
 * - back: datagrams → decryption → reassembly → commands → object list.
 *
 * Every byte comes from the protocol library; this file only chains the calls and records where each
 * field lies, for the annotated byte views. Keys: the recorded real key where the site has the seed's,
 * else the labelled teaching stand-in (lab/keyChoice.ts).
 */
import {
  ProtocolError,
  bytesToHex,
  decodeObjectList,
  deobfuscateUdp,
  encodeCommands,
  encodeObjectList,
  fragmentUdp,
  obfuscateUdp,
  readCommands,
  reassembleFragments,
  skypeCrc32,
  udpCrcInput,
  udpCrcSeed,
  udpFieldLayout,
  MAX_DATAGRAM_LENGTH,
  type Command,
  type ObjectItem,
  type ObjectItemSpan,
  type ObjectListFormat,
  type UdpAddresses,
  type UdpDatagram,
  type UdpFieldSpan,
} from '@site/src/protocol';
import {PAYLOAD_HEADER_LENGTH} from '@site/src/protocol';
import {choosingKeyEngine, type KeySource} from '@site/src/components/lab/keyChoice';
import {commandFields, type CommandField, type FieldSpan} from '@site/src/components/UdpAttack/attack';

/** The id of the padding blob the lab appends to a list: our choice, not an id Skype used. */
export const PAD_OBJECT_ID = 255;
/** The largest padding blob the lab offers: enough for 15 fragments. */
export const MAX_PAD_LENGTH = 20_000;

/** The padding object: a type-4 blob of `length` zero bytes. */
export function padObject(length: number): ObjectItem {
  return {type: 4, id: PAD_OBJECT_ID, value: new Uint8Array(length)};
}

/** Whether a plaintext fits one type-2 datagram of at most {@link MAX_DATAGRAM_LENGTH} bytes. */
export function fitsOneDatagram(plaintextLength: number): boolean {
  return PAYLOAD_HEADER_LENGTH + plaintextLength <= MAX_DATAGRAM_LENGTH;
}

/** What the forward direction starts from. */
export interface ForwardSettings {
  /** The object list as typed: marker byte to end. */
  list: Uint8Array;
  /** The format to re-encode it in. */
  format: ObjectListFormat;
  /** Bytes of the padding blob appended to the list; 0 for none. */
  padLength: number;
  command: Omit<Command, 'params'>;
  packetId: number;
  iv: number;
  /** The packet id of the request's datagram, written in every fragment. */
  inReplyTo: number;
  addresses: UdpAddresses;
}

/** One obfuscated datagram, with what the lab shows about it. */
export interface DatagramReading {
  bytes: Uint8Array;
  datagram: Extract<UdpDatagram, {kind: 'payload' | 'resend' | 'fragment'}>;
  layout: UdpFieldSpan[];
  /** The RC4 seed, and where its key came from. */
  seed: number;
  keySource: Exclude<KeySource, 'unavailable'>;
  plaintext: Uint8Array;
  crcOk: boolean;
}

/** Every stage of the forward direction. */
export interface ForwardPipeline {
  /** The list as typed, and its format. */
  list: Uint8Array;
  listFormat: ObjectListFormat;
  /** The objects of the typed list, the padding included, and the top-level spans in the typed bytes. */
  items: ObjectItem[];
  listSpans: ObjectItemSpan[];
  /** The list re-encoded: the command's params, with their top-level object spans. */
  params: Uint8Array;
  paramSpans: ObjectItemSpan[];
  /** The command bytes: the plaintext of the datagram(s), read back into commands. */
  plaintext: Uint8Array;
  commands: Command[];
  commandFields: FieldSpan<CommandField>[];
  /** The 12 bytes the first datagram's CRC seed is computed over, and that seed. */
  crcInput: Uint8Array;
  crcSeed: number;
  plaintextCrc: number;
  fragmented: boolean;
  datagrams: DatagramReading[];
}

/** Where a forward build failed: the field to blame, and why. */
export type ForwardFailure =
  | {stage: 'list'; kind: 'error'; error: ProtocolError}
  | {stage: 'list'; kind: 'trailing'; listLength: number; total: number}
  | {stage: 'format' | 'command' | 'datagram'; kind: 'error'; error: ProtocolError};

export type ForwardOutcome = {ok: true; pipeline: ForwardPipeline} | ({ok: false} & ForwardFailure);

/** The top-level objects of a list, with their byte spans, from one decode. */
function decodeTopLevel(bytes: Uint8Array): {format: ObjectListFormat; items: ObjectItem[]; length: number; spans: ObjectItemSpan[]} {
  const spans: ObjectItemSpan[] = [];
  const {format, items, length} = decodeObjectList(bytes, {
    onItem: (span) => {
      if (span.path.length === 1) spans.push(span);
    },
  });
  return {format, items, length, spans};
}

/** Runs `step`, turning a ProtocolError into the failure of `stage`. */
function attempt<T>(stage: 'list' | 'format' | 'command' | 'datagram', step: () => T): {ok: true; value: T} | ({ok: false} & ForwardFailure) {
  try {
    return {ok: true, value: step()};
  } catch (error) {
    if (error instanceof ProtocolError) return {ok: false, stage, kind: 'error', error};
    throw error;
  }
}

/** The datagrams' key engine: recorded real keys, else the teaching stand-in; `sources` learns each seed's choice. */
function keyEngineRecording(sources: Map<number, Exclude<KeySource, 'unavailable'>>) {
  return choosingKeyEngine(true, {
    onChoice: (seed, choice) => {
      if (choice.source !== 'unavailable') sources.set(seed, choice.source);
    },
  });
}

/** Reads back one obfuscated datagram the lab built or was given: parse, seed, decrypt, CRC. */
function readDatagram(bytes: Uint8Array, addresses: UdpAddresses): DatagramReading {
  const sources = new Map<number, Exclude<KeySource, 'unavailable'>>();
  const {datagram, seed, plaintext, crcOk} = deobfuscateUdp(bytes, addresses, keyEngineRecording(sources));
  // deobfuscateUdp throws for every type without an obfuscated payload.
  const obfuscated = datagram as DatagramReading['datagram'];
  return {bytes, datagram: obfuscated, layout: udpFieldLayout(datagram, bytes.length), seed, keySource: sources.get(seed) ?? 'teaching', plaintext, crcOk};
}

/** The stages up to the command bytes, which the datagram fields (packet id, IV, addresses) do not change. */
export type MessageStage = Pick<ForwardPipeline, 'list' | 'listFormat' | 'items' | 'listSpans' | 'params' | 'paramSpans' | 'plaintext' | 'commands' | 'commandFields'>;

export type MessageOutcome = {ok: true; message: MessageStage} | ({ok: false} & ForwardFailure);

/** The list read, padded and re-encoded, then the command bytes: the first half of {@link buildForward}. */
export function buildMessage(settings: Pick<ForwardSettings, 'list' | 'format' | 'padLength' | 'command'>): MessageOutcome {
  const decoded = attempt('list', () => decodeTopLevel(settings.list));
  if (!decoded.ok) return decoded;
  const {format: listFormat, items: listItems, length: listLength, spans: listSpans} = decoded.value;
  if (listLength !== settings.list.length) return {ok: false, stage: 'list', kind: 'trailing', listLength, total: settings.list.length};
  const items = settings.padLength > 0 ? [...listItems, padObject(settings.padLength)] : listItems;

  const encoded = attempt('format', () => {
    const params = encodeObjectList(items, settings.format);
    return {params, spans: decodeTopLevel(params).spans};
  });
  if (!encoded.ok) return encoded;
  const {params, spans: paramSpans} = encoded.value;

  const commandBytes = attempt('command', () => {
    const plaintext = encodeCommands([{...settings.command, params}]);
    const spans = readCommands(plaintext, 0, plaintext.length);
    return {plaintext, commands: spans.map((span) => span.command), fields: spans.flatMap((span) => commandFields(span))};
  });
  if (!commandBytes.ok) return commandBytes;
  const {plaintext, commands, fields} = commandBytes.value;
  return {ok: true, message: {list: settings.list, listFormat, items, listSpans, params, paramSpans, plaintext, commands, commandFields: fields}};
}

/**
 * Builds the datagrams of one command whose params are `settings.list` (plus the padding),
 * re-encoded in `settings.format`. `message` is {@link buildMessage} of the same settings, when the
 * caller keeps it between edits of the datagram fields.
 *
 * @example buildForward({list: hexToBytes('4215'), format: 'compressed', padLength: 0, command: {cmd: 27, flags: 2, reqid: 0x7f4d}, packetId: 0x7f4e, iv: 0x118ac037, inReplyTo: 0, addresses: {srcIp: '0.0.0.0', dstIp: '24.98.66.80'}})
 * // the datagram of Silver Needle slide 41, with the recorded key of seed 22d81c40
 */
export function buildForward(settings: ForwardSettings, message: MessageOutcome = buildMessage(settings)): ForwardOutcome {
  if (!message.ok) return message;
  const {plaintext} = message.message;
  const {packetId, iv, inReplyTo, addresses} = settings;
  const fragmented = !fitsOneDatagram(plaintext.length);
  const built = attempt('datagram', () => {
    const engine = choosingKeyEngine(true);
    const bytesOfDatagrams = fragmented
      ? fragmentUdp({packetId, inReplyTo, iv, plaintext, ...addresses}, engine)
      : [obfuscateUdp({packetId, iv, plaintext, ...addresses}, engine)];
    // Each datagram is read back as a receiver would: that gives its fields, seed, key and CRC check.
    return bytesOfDatagrams.map((bytes) => readDatagram(bytes, addresses));
  });
  if (!built.ok) return built;
  const datagrams = built.value;

  const crcInput = udpCrcInput(addresses.srcIp, addresses.dstIp, packetId);
  return {
    ok: true,
    pipeline: {
      ...message.message,
      crcInput,
      crcSeed: udpCrcSeed(addresses.srcIp, addresses.dstIp, packetId),
      plaintextCrc: skypeCrc32(plaintext),
      fragmented,
      datagrams,
    },
  };
}

/** The commands of a recovered message, or why its bytes do not read as commands. */
export type CommandsReading =
  | {kind: 'commands'; commands: Command[]; fields: FieldSpan<CommandField>[]}
  | {kind: 'problem'; error: ProtocolError};

/** The object list at the start of the first command's params. */
export type ListReading =
  | {kind: 'list'; format: ObjectListFormat; bytes: Uint8Array; items: ObjectItem[]; spans: ObjectItemSpan[]}
  | {kind: 'notList'}
  | {kind: 'problem'; error: ProtocolError};

/** Every stage of the back direction. */
export interface BackReading {
  datagrams: DatagramReading[];
  /** Whether every datagram's CRC matched its decrypted plaintext. */
  crcOk: boolean;
  fragmented: boolean;
  /** The message: the one plaintext, or the fragments' plaintexts joined in index order. */
  message: Uint8Array;
  commands: CommandsReading;
  list: ListReading;
}

/** Where reading back failed: the line (counted from 0) of the datagram to blame, or the set of them. */
export type BackFailure =
  | {kind: 'datagram'; index: number; error: ProtocolError}
  | {kind: 'mixed'; index: number}
  | {kind: 'severalPayloads'; count: number}
  | {kind: 'reassembly'; error: ProtocolError};

export type BackOutcome = {ok: true; reading: BackReading} | ({ok: false} & BackFailure);

function readList(commands: CommandsReading): ListReading {
  if (commands.kind !== 'commands' || commands.commands.length === 0) return {kind: 'notList'};
  const {params} = commands.commands[0];
  if (params.length === 0) return {kind: 'notList'};
  try {
    const {format, items, length, spans} = decodeTopLevel(params);
    return {kind: 'list', format, bytes: params.subarray(0, length), items, spans};
  } catch (error) {
    if (error instanceof ProtocolError) return {kind: 'problem', error};
    throw error;
  }
}

/**
 * Reads datagrams back into the object list they carry: one payload (or resend), or the fragments of
 * one message in any order.
 *
 * @param datagrams the UDP payloads
 * @param addresses the public addresses as the sender believed them (spec §2.2)
 */
export function readBack(datagrams: readonly Uint8Array[], addresses: UdpAddresses): BackOutcome {
  const readings: DatagramReading[] = [];
  for (const [index, bytes] of datagrams.entries()) {
    try {
      readings.push(readDatagram(bytes, addresses));
    } catch (error) {
      if (error instanceof ProtocolError) return {ok: false, kind: 'datagram', index, error};
      throw error;
    }
  }
  const fragmented = readings[0]?.datagram.kind === 'fragment';
  const mixed = readings.findIndex((reading) => (reading.datagram.kind === 'fragment') !== fragmented);
  if (mixed >= 0) return {ok: false, kind: 'mixed', index: mixed};
  if (!fragmented && readings.length !== 1) return {ok: false, kind: 'severalPayloads', count: readings.length};

  let message: Uint8Array;
  try {
    message = fragmented
      ? reassembleFragments(
          readings.map(({datagram, plaintext}) => {
            const fragment = datagram as Extract<UdpDatagram, {kind: 'fragment'}>;
            return {index: fragment.index, last: fragment.last, plaintext};
          }),
        )
      : readings[0].plaintext;
  } catch (error) {
    if (error instanceof ProtocolError) return {ok: false, kind: 'reassembly', error};
    throw error;
  }

  let commands: CommandsReading;
  try {
    const spans = readCommands(message, 0, message.length);
    commands = {kind: 'commands', commands: spans.map((span) => span.command), fields: spans.flatMap((span) => commandFields(span))};
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    commands = {kind: 'problem', error};
  }
  return {ok: true, reading: {datagrams: readings, crcOk: readings.every((reading) => reading.crcOk), fragmented, message, commands, list: readList(commands)}};
}

/** The canonical value of the `datagrams` output: each datagram's hex, joined with one space. */
export function datagramsValue(datagrams: readonly {bytes: Uint8Array}[]): string {
  return datagrams.map(({bytes}) => bytesToHex(bytes)).join(' ');
}
