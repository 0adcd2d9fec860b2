/**
 * The dissector's model (protocol.md §2 datagrams, §5 commands, §7 object lists): a UDP payload, the
 * sender's view of both public addresses and a choice of key engine go in; a tree of fields comes
 * out, each field with the bytes it takes in the datagram or in the plaintext. Every value is
 * computed by the protocol library; this file arranges the results and names their bytes. No React
 * and no words for readers here: `nodeText.tsx` turns each node into translated text.
 */
import {
  ProtocolError,
  bytesToHex,
  decodeObjectList,
  deobfuscateUdp,
  parseUdpDatagram,
  rc4Keystream,
  skypeCrc32,
  teachingKeyEngine,
  udpCrcInput,
  udpCrcSeed,
  udpFieldLayout,
  udpPacketType,
  type ObjectItem,
  type ObjectItemSpan,
  type ObjectListFormat,
  type RecordedKeyEngine,
  type UdpDatagram,
  type UdpFieldName,
  type UdpFieldSpan,
} from '@site/src/protocol';
import {readCommand, type CommandSpan} from '@site/src/protocol/commands';
import {recordedKeys} from '@site/src/data/sampleTraffic';
import {commandSummary, type CommandSummary} from '@site/src/components/lab/commandSummary';
import {choosingKeyEngine, type KeyChoice, type KeySource} from '@site/src/components/lab/keyChoice';

/** The two byte views a node can point into. */
export type DissectionView = 'datagram' | 'plaintext';

/** Bytes [start, end) of one view. */
export interface ByteSpan {
  view: DissectionView;
  start: number;
  end: number;
}

/** What a node stands for, with the values its text needs. */
export type NodeDetail =
  | {kind: 'datagram'; datagramKind: UdpDatagram['kind']; type: number; length: number}
  | {kind: 'packetId'; value: number}
  | {kind: 'func'; func: number; type: number; randomBits: number}
  | {kind: 'iv'; value: number}
  | {kind: 'crc'; value: number}
  | {kind: 'count'; value: number}
  | {kind: 'challenge'; value: number}
  | {kind: 'destinationIp'; ip: string}
  | {kind: 'nackIp'; ip: string}
  | {kind: 'inReplyTo'; value: number}
  | {kind: 'fragmentIndex'; index: number; last: boolean}
  | {kind: 'blockMarker'; value: number}
  | {kind: 'ciphertext'; length: number}
  | {kind: 'body'; length: number; datagramKind: 'audio' | 'unknown'}
  | {kind: 'seed'; rule: 'crc' | 'resend'; seed: number}
  | {kind: 'crcInput'; hex: string; srcIp: string; dstIp: string; packetId: number}
  | {kind: 'crcSeed'; value: number}
  | {kind: 'rc4Seed'; value: number}
  | {kind: 'key'; source: KeySource; seed: number; keyHex: string | null}
  | {kind: 'decryption'; length: number}
  | {kind: 'crcCheck'; expected: number; computed: number; ok: boolean}
  | {kind: 'commands'; count: number}
  | {kind: 'reassembly'; inReplyTo: number; index: number; last: boolean}
  | {kind: 'command'; index: number; cmd: number; flags: number; reqid: number | null}
  | {kind: 'cmdlen'; value: number}
  | {kind: 'cmdword'; value: number; cmd: number; flags: number}
  | {kind: 'reqid'; value: number}
  | {kind: 'objectList'; format: ObjectListFormat | null; count: number}
  | {kind: 'object'; item: ObjectItem; format: ObjectListFormat}
  | {kind: 'tail'; length: number}
  | {kind: 'trailing'; length: number}
  | {kind: 'problem'; message: string; offset: number | null};

/** One node of the tree; `path` is its stable name ("command-0/object-2"), `span` the bytes it highlights. */
export interface DissectionNode {
  path: string;
  detail: NodeDetail;
  span: ByteSpan | null;
  children: DissectionNode[];
}

/** The decryption of an obfuscated block, with the rows the plaintext view aligns. */
export interface Decryption {
  ciphertext: Uint8Array;
  keystream: Uint8Array;
  plaintext: Uint8Array;
  crcOk: boolean;
}

export interface Dissection {
  bytes: Uint8Array;
  datagram: UdpDatagram;
  /** The RC4 seed of payload, resend and fragment datagrams; null for types without ciphertext. */
  seed: number | null;
  keySource: KeySource | null;
  decryption: Decryption | null;
  /** The commands read from the plaintext; null when none can be read (no plaintext, or a fragment). */
  commands: CommandSummary[] | null;
  /** Objects in all object lists, nested ones included. */
  objectCount: number;
  tree: DissectionNode[];
  nodeByPath: ReadonlyMap<string, DissectionNode>;
  /** The path of each node's parent in the tree; absent for the roots. */
  parentByPath: ReadonlyMap<string, string>;
  /** Nodes whose bytes are fields of a byte view (its annotations), in order. */
  fields: readonly {path: string; span: ByteSpan}[];
}

export interface DissectInput {
  bytes: Uint8Array;
  /** The sender's public address as the sender believed it (0.0.0.0 when it did not know it yet). */
  srcIp: string;
  /** The receiver's public address, as the sender believed it. */
  dstIp: string;
  /** Use the teaching stand-in for seeds without a recorded key. */
  teachingEngine: boolean;
}

/** The datagram types that carry an obfuscated block. */
type ObfuscatedDatagram = Extract<UdpDatagram, {kind: 'payload' | 'resend' | 'fragment'}>;

export type DissectResult = {ok: true; dissection: Dissection} | {ok: false; error: ProtocolError};

const datagramSpan = (start: number, end: number): ByteSpan => ({view: 'datagram', start, end});
const plaintextSpan = (start: number, end: number): ByteSpan => ({view: 'plaintext', start, end});
const node = (path: string, detail: NodeDetail, span: ByteSpan | null, children: DissectionNode[] = []): DissectionNode => ({path, detail, span, children});

/** The library's message without the "(at offset n)" it appends, for a node that states the offset itself. */
const messageOf = (error: ProtocolError) => error.message.replace(/ \(at offset \d+\)$/, '');

/** The tree path of a header field: 'destinationIp' → 'datagram/destination-ip'. */
const fieldPath = (field: UdpFieldName) => `datagram/${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** The bytes of a field, from the library's layout of the datagram (every caller asks for a field its type has). */
function fieldSpan(layout: readonly UdpFieldSpan[], field: UdpFieldName): ByteSpan {
  const span = layout.find((candidate) => candidate.field === field)!;
  return datagramSpan(span.start, span.end);
}

/** What each field of the datagram holds, by the field names of the library's layout (spec §2). */
function headerDetails(datagram: UdpDatagram, bytes: Uint8Array, layout: readonly UdpFieldSpan[]): Partial<Record<UdpFieldName, NodeDetail>> {
  const common = {
    packetId: {kind: 'packetId', value: datagram.packetId},
    // Bits 4-6 of func vary between datagrams of one type and look random (§2.1).
    func: {kind: 'func', func: datagram.func, type: udpPacketType(datagram.func), randomBits: datagram.func & 0x70},
  } satisfies Partial<Record<UdpFieldName, NodeDetail>>;
  switch (datagram.kind) {
    case 'payload':
      return {...common, iv: {kind: 'iv', value: datagram.iv}, crc: {kind: 'crc', value: datagram.crc}, ciphertext: {kind: 'ciphertext', length: datagram.ciphertext.length}};
    case 'resend':
      return {
        ...common,
        count: {kind: 'count', value: datagram.count},
        challenge: {kind: 'challenge', value: datagram.challenge},
        destinationIp: {kind: 'destinationIp', ip: datagram.destIp},
        crc: {kind: 'crc', value: datagram.crc},
        ciphertext: {kind: 'ciphertext', length: datagram.ciphertext.length},
      };
    case 'nack':
      return {...common, ip: {kind: 'nackIp', ip: datagram.ip}, challenge: {kind: 'challenge', value: datagram.challenge}};
    case 'fragment':
      return {
        ...common,
        inReplyTo: {kind: 'inReplyTo', value: datagram.inReplyTo},
        fragmentIndex: {kind: 'fragmentIndex', index: datagram.index, last: datagram.last},
        blockMarker: {kind: 'blockMarker', value: bytes[fieldSpan(layout, 'blockMarker').start]},
        iv: {kind: 'iv', value: datagram.iv},
        crc: {kind: 'crc', value: datagram.crc},
        ciphertext: {kind: 'ciphertext', length: datagram.ciphertext.length},
      };
    case 'audio':
    case 'unknown':
      return {...common, body: {kind: 'body', length: datagram.body.length, datagramKind: datagram.kind}};
  }
}

/** The fields of the datagram in wire order, each with the bytes the library's layout gives it. */
function headerNodes(datagram: UdpDatagram, bytes: Uint8Array, layout: readonly UdpFieldSpan[]): DissectionNode[] {
  const details = headerDetails(datagram, bytes, layout);
  return layout.map(({field, start, end}) => node(fieldPath(field), details[field]!, datagramSpan(start, end)));
}

/**
 * Decrypts with the recorded key, or the teaching stand-in when `allowTeaching`, and learns the seed
 * from the library's own rule (§2.2, §2.6) through the key engine, even when no key can be given: a
 * null result then means that no key was available.
 */
function decrypt(input: DissectInput, recorded: RecordedKeyEngine, allowTeaching: boolean): {result: ReturnType<typeof deobfuscateUdp> | null; seed: number; choice: KeyChoice} {
  const asked: {seed?: number; choice?: KeyChoice} = {};
  const engine = choosingKeyEngine(allowTeaching, {recorded, onChoice: (seed, choice) => Object.assign(asked, {seed, choice})});
  try {
    const result = deobfuscateUdp(input.bytes, {srcIp: input.srcIp, dstIp: input.dstIp}, engine);
    return {result, seed: asked.seed!, choice: asked.choice!};
  } catch (error) {
    // Only a missing key is expected here: the header was parsed before and the addresses checked.
    if (!(error instanceof ProtocolError) || asked.choice?.source !== 'unavailable') throw error;
    return {result: null, seed: asked.seed!, choice: asked.choice};
  }
}

/**
 * The object nodes of one list, from the spans `decodeObjectList` reported (offsets within the
 * params), moved to plaintext offsets. A compressed object's span is the range of bytes the decoder
 * had read; the raw tail of its value, when it has one, becomes a child node with exact bytes.
 */
function objectNodes(spans: readonly ObjectItemSpan[], format: ObjectListFormat, prefix: string, paramsStart: number): DissectionNode[] {
  const childrenOf = new Map<string, ObjectItemSpan[]>();
  for (const span of spans) {
    const parent = span.path.slice(0, -1).join('/');
    const siblings = childrenOf.get(parent);
    if (siblings) siblings.push(span);
    else childrenOf.set(parent, [span]);
  }
  const build = (parentKey: string, parentPath: string): DissectionNode[] =>
    (childrenOf.get(parentKey) ?? [])
      .sort((first, second) => first.path[first.path.length - 1] - second.path[second.path.length - 1])
      .map((span) => {
        const key = span.path.join('/');
        const path = `${parentPath}/object-${span.path[span.path.length - 1]}`;
        const children = build(key, path);
        if (span.tail) {
          children.push(node(`${path}/tail`, {kind: 'tail', length: span.tail.end - span.tail.start}, plaintextSpan(paramsStart + span.tail.start, paramsStart + span.tail.end)));
        }
        const detail: NodeDetail = {kind: 'object', item: span.item, format};
        return node(path, detail, plaintextSpan(paramsStart + span.start, paramsStart + span.end), children);
      });
  return build('', prefix);
}

/** The params of one command as an object-list node, and how many objects it holds. */
function paramsNode(span: CommandSpan, path: string): {node: DissectionNode; objectCount: number} {
  const params = span.command.params;
  const bytes = plaintextSpan(span.paramsStart, span.end);
  if (params.length === 0) return {node: node(`${path}/params`, {kind: 'objectList', format: null, count: 0}, null), objectCount: 0};
  const spans: ObjectItemSpan[] = [];
  try {
    const list = decodeObjectList(params, {onItem: (item) => spans.push(item)});
    const children = objectNodes(spans, list.format, path, span.paramsStart);
    if (list.length < params.length) {
      const trailingStart = span.paramsStart + list.length;
      children.push(node(`${path}/trailing`, {kind: 'trailing', length: params.length - list.length}, plaintextSpan(trailingStart, span.end)));
    }
    return {node: node(`${path}/params`, {kind: 'objectList', format: list.format, count: list.items.length}, bytes, children), objectCount: spans.length};
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    const offset = error.offset === undefined ? null : span.paramsStart + error.offset;
    const problem = node(`${path}/problem`, {kind: 'problem', message: messageOf(error), offset}, offset === null ? null : plaintextSpan(offset, Math.min(offset + 1, span.end)));
    return {node: node(`${path}/params`, {kind: 'objectList', format: null, count: 0}, bytes, [problem]), objectCount: 0};
  }
}

/** The command nodes of a plaintext (§5), as far as they can be read, and their summaries. */
function commandNodes(plaintext: Uint8Array): {nodes: DissectionNode[]; summaries: CommandSummary[]; objectCount: number} {
  const nodes: DissectionNode[] = [];
  const summaries: CommandSummary[] = [];
  let objectCount = 0;
  for (let offset = 0, index = 0; offset < plaintext.length; index++) {
    let span: CommandSpan;
    try {
      span = readCommand(plaintext, offset, plaintext.length);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      const at = error.offset ?? offset;
      nodes.push(node('commands/problem', {kind: 'problem', message: messageOf(error), offset: at}, plaintextSpan(at, Math.min(at + 1, plaintext.length))));
      break;
    }
    const {command} = span;
    const path = `command-${index}`;
    // The varints' own lengths, read again where readCommand found them (a varint may be non-minimal).

    const children = [
      node(`${path}/cmdlen`, {kind: 'cmdlen', value: span.cmdlen}, plaintextSpan(span.start, span.cmdwordStart)),
      node(`${path}/cmdword`, {kind: 'cmdword', value: span.cmdword, cmd: command.cmd, flags: command.flags}, plaintextSpan(span.cmdwordStart, span.bodyStart)),
    ];
    if (command.reqid !== undefined) children.push(node(`${path}/reqid`, {kind: 'reqid', value: command.reqid}, plaintextSpan(span.bodyStart, span.paramsStart)));
    const params = paramsNode(span, path);
    children.push(params.node);
    objectCount += params.objectCount;
    nodes.push(node(path, {kind: 'command', index, cmd: command.cmd, flags: command.flags, reqid: command.reqid ?? null}, plaintextSpan(span.start, span.end), children));
    summaries.push(commandSummary(command));
    offset = span.end;
  }
  return {nodes, summaries, objectCount};
}

/** The seed node (§2.2 for payloads and fragments, §2.6 for resends). */
function seedNode(datagram: ObfuscatedDatagram, input: DissectInput, seed: number, layout: readonly UdpFieldSpan[]): DissectionNode {
  if (datagram.kind === 'resend') {
    return node('seed', {kind: 'seed', rule: 'resend', seed}, null, [
      node('seed/packet-id', {kind: 'packetId', value: datagram.packetId}, fieldSpan(layout, 'packetId')),
      node('seed/challenge', {kind: 'challenge', value: datagram.challenge}, fieldSpan(layout, 'challenge')),
      node('seed/rc4-seed', {kind: 'rc4Seed', value: seed}, null),
    ]);
  }
  const {srcIp, dstIp} = input;
  return node('seed', {kind: 'seed', rule: 'crc', seed}, null, [
    node('seed/crc-input', {kind: 'crcInput', hex: bytesToHex(udpCrcInput(srcIp, dstIp, datagram.packetId)), srcIp, dstIp, packetId: datagram.packetId}, fieldSpan(layout, 'packetId')),
    node('seed/crc-seed', {kind: 'crcSeed', value: udpCrcSeed(srcIp, dstIp, datagram.packetId)}, null),
    node('seed/iv', {kind: 'iv', value: datagram.iv}, fieldSpan(layout, 'iv')),
    node('seed/rc4-seed', {kind: 'rc4Seed', value: seed}, null),
  ]);
}

/** Every node of the tree by path, every node's parent, and the nodes that are fields of a byte view. */
function indexTree(tree: DissectionNode[]) {
  const nodeByPath = new Map<string, DissectionNode>();
  const parentByPath = new Map<string, string>();
  const fields: {path: string; span: ByteSpan}[] = [];
  const visit = (current: DissectionNode, parent: string | null) => {
    nodeByPath.set(current.path, current);
    if (parent !== null) parentByPath.set(current.path, parent);
    if (current.span && isField(current)) fields.push({path: current.path, span: current.span});
    for (const child of current.children) visit(child, current.path);
  };
  for (const root of tree) visit(root, null);
  return {nodeByPath, parentByPath, fields};
}

/**
 * Which nodes name bytes of their own in a byte view: the header fields, the parts of each command,
 * raw objects (exact bytes) and the tails of compressed objects. Compressed objects are left out:
 * their decoder ranges overlap, so they cannot be told apart byte by byte.
 */
function isField(candidate: DissectionNode): boolean {
  const {path, detail} = candidate;
  if (path.startsWith('datagram/')) return true;
  switch (detail.kind) {
    case 'cmdlen':
    case 'cmdword':
    case 'reqid':
    case 'objectList':
    case 'tail':
    case 'trailing':
      return true;
    case 'object':
      return detail.format === 'raw';
    default:
      return false;
  }
}

/**
 * Dissects one UDP payload: its header, its seed and key, its decryption and CRC check, its commands
 * and their object lists, every node with the bytes it takes.
 *
 * @param input the bytes, the sender's view of both public addresses and whether the teaching
 *   stand-in may supply keys that are not recorded
 * @param recorded the recorded real keys (default: those of the site's sample traffic)
 * @returns the dissection, or the ProtocolError of a datagram that cannot be split into its header
 *   fields (too short, a NAck of the wrong length, a fragment without its block marker) or of an
 *   address that is not IPv4
 * @example dissectDatagram({bytes: hexToBytes('7f4e02118ac037fc95755e5eb9817a8efa81'), srcIp: '0.0.0.0', dstIp: '24.98.66.80', teachingEngine: false})
 * // {ok: true, dissection: {seed: 0x22d81c40, keySource: 'recorded', commands: [{cmd: 27, flags: 2, reqid: '7f4d'}], …}}
 */
export function dissectDatagram(input: DissectInput, recorded: RecordedKeyEngine = recordedKeys): DissectResult {
  try {
    return {ok: true, dissection: dissect(input, recorded)};
  } catch (error) {
    if (error instanceof ProtocolError) return {ok: false, error};
    throw error;
  }
}

function dissect(input: DissectInput, recorded: RecordedKeyEngine): Dissection {
  const {bytes} = input;
  const datagram = parseUdpDatagram(bytes);
  const layout = udpFieldLayout(datagram, bytes.length);
  const tree: DissectionNode[] = [
    node('datagram', {kind: 'datagram', datagramKind: datagram.kind, type: udpPacketType(datagram.func), length: bytes.length}, datagramSpan(0, bytes.length), headerNodes(datagram, bytes, layout)),
  ];
  const base = {bytes, datagram, seed: null, keySource: null, decryption: null, commands: null, objectCount: 0};
  if (datagram.kind !== 'payload' && datagram.kind !== 'resend' && datagram.kind !== 'fragment') {
    return {...base, tree, ...indexTree(tree)};
  }

  let {result, seed, choice} = decrypt(input, recorded, input.teachingEngine);
  if (input.teachingEngine && choice.source === 'recorded' && result !== null && !result.crcOk) {
    // A datagram built on this site may reuse a seed of the sample traffic: its CRC tells the keys apart.
    const taught = deobfuscateUdp(bytes, {srcIp: input.srcIp, dstIp: input.dstIp}, teachingKeyEngine);
    if (taught.crcOk) {
      result = taught;
      choice = {source: 'teaching', engine: teachingKeyEngine};
    }
  }
  const keySource = choice.source;
  tree.push(seedNode(datagram, input, seed, layout));
  const key = choice.engine === null ? null : choice.engine.expand(seed);
  tree.push(node('key', {kind: 'key', source: keySource, seed, keyHex: key === null ? null : bytesToHex(key)}, null));
  if (result === null || key === null) return {...base, seed, keySource, tree, ...indexTree(tree)};

  const {ciphertext} = datagram;
  const {plaintext, crcOk} = result;
  const decryption: Decryption = {ciphertext, keystream: rc4Keystream(key, ciphertext.length), plaintext, crcOk};
  tree.push(node('decryption', {kind: 'decryption', length: plaintext.length}, plaintextSpan(0, plaintext.length)));
  tree.push(node('crc-check', {kind: 'crcCheck', expected: datagram.crc, computed: skypeCrc32(plaintext), ok: crcOk}, fieldSpan(layout, 'crc')));

  if (datagram.kind === 'fragment') {
    // A fragment carries a slice of one command (§2.7): commands exist only after reassembly.
    tree.push(node('commands', {kind: 'reassembly', inReplyTo: datagram.inReplyTo, index: datagram.index, last: datagram.last}, plaintextSpan(0, plaintext.length)));
    return {...base, seed, keySource, decryption, tree, ...indexTree(tree)};
  }
  const commands = commandNodes(plaintext);
  tree.push(node('commands', {kind: 'commands', count: commands.summaries.length}, plaintextSpan(0, plaintext.length), commands.nodes));
  return {...base, seed, keySource, decryption, commands: commands.summaries, objectCount: commands.objectCount, tree, ...indexTree(tree)};
}
