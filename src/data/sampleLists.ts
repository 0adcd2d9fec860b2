/**
 * The real object lists of the sample traffic (protocol.md §7): the parameters of every command in
 * the sample datagrams, decrypted with their recorded keys and read with the library, plus the two
 * raw lists that protocol.md §7.1 quotes byte for byte. Each list appears once (deduplicated by its
 * bytes), under the first sample that carries it, slides first. Widgets offer them as examples.
 */
import {translate} from '@docusaurus/Translate';
import {COMMAND_FLAGS, bytesToHex, decodeObjectList, deobfuscateUdp, hexToBytes, readCommands, type ObjectListFormat} from '@site/src/protocol';
import {UDP_SAMPLES, recordedKeys, type SampleSource} from './sampleTraffic';

export interface SampleList {
  /** A stable name for links and tests: 'slide-41-cmd-27', 'frame-306-cmd-45-reply'. */
  id: string;
  /** A translated short label for a select: 'Frame 306: cmd 45 reply (compressed, 20 objects)'. */
  label: string;
  /** Where the list comes from, in words (English, like the origins of sample-traffic.json). */
  origin: string;
  /** Cite it with SAMPLE_CITATIONS[source] from sampleTraffic.ts. */
  source: SampleSource;
  /** Its wire format, from its first byte: 0x41 raw, 0x42 compressed. */
  format: ObjectListFormat;
  /** The list exactly as on the wire, from its marker byte to its end. */
  bytes: Uint8Array;
}

/** A list before its label: what the label is made from. */
interface Found {
  id: string;
  where: string;
  cmd: number;
  flags: number;
  origin: string;
  source: SampleSource;
  bytes: Uint8Array;
}

/** The id suffix of a command's kind: requests have none, as in 'slide-41-cmd-27'. */
function kindSuffix(flags: number): string {
  if (flags === COMMAND_FLAGS.reply) return '-reply';
  if (flags === COMMAND_FLAGS.notification) return '-notification';
  return '';
}

function kindName(flags: number): string {
  switch (flags) {
    case COMMAND_FLAGS.request:
      return translate({id: 'lab.sampleLists.kind.request', message: 'request'});
    case COMMAND_FLAGS.reply:
      return translate({id: 'lab.sampleLists.kind.reply', message: 'reply'});
    case COMMAND_FLAGS.notification:
      return translate({id: 'lab.sampleLists.kind.notification', message: 'notification'});
    default:
      return translate({id: 'lab.sampleLists.kind.other', message: 'flags {flags}'}, {flags});
  }
}

/** "Slide 41" or "Frame 306", from a datagram sample's id ('slide-41', 'frame-306', 'resend-slide-59'). */
function whereOf(sampleId: string): string {
  const [, kind, number] = /(slide|frame)-(\d+)$/.exec(sampleId) ?? [];
  return kind === 'frame'
    ? translate({id: 'lab.sampleLists.where.frame', message: 'Frame {number}'}, {number})
    : translate({id: 'lab.sampleLists.where.slide', message: 'Slide {number}'}, {number});
}

/** The parameter lists of every command of the sample datagrams, in sample order. */
function listsOfTraffic(): Found[] {
  const found: Found[] = [];
  for (const sample of UDP_SAMPLES) {
    // Every sample seed has a recorded key (sampleTraffic.test.ts checks that each one decrypts).
    const {plaintext} = deobfuscateUdp(sample.bytes, {srcIp: sample.srcIp, dstIp: sample.dstIp}, recordedKeys);
    for (const {command} of readCommands(plaintext, 0, plaintext.length)) {
      if (command.params.length === 0) continue;
      found.push({
        id: `${sample.id.replace(/^resend-/, '')}-cmd-${command.cmd}${kindSuffix(command.flags)}`,
        where: whereOf(sample.id),
        cmd: command.cmd,
        flags: command.flags,
        origin: `${sample.origin}: the parameters of cmd ${command.cmd} (flags ${command.flags})`,
        source: sample.source,
        bytes: command.params,
      });
    }
  }
  return found;
}

/** The raw lists that protocol.md §7.1 quotes byte for byte (no sample datagram carries them). */
function listsOfSpec(): Found[] {
  return [
    {
      id: 'slide-61-cmd-6',
      where: translate({id: 'lab.sampleLists.where.slide', message: 'Slide {number}'}, {number: 61}),
      cmd: 6,
      flags: COMMAND_FLAGS.request,
      origin: "Silver Needle in the Skype slide 61: the parameters of the Scapy example of a cmd 6 request, {0: 201, 5: 100}, in the site's raw encoding (protocol.md §7.1)",
      source: 'slides',
      bytes: hexToBytes('41 02 00 00 c9 01 00 05 64'),
    },
    {
      id: 'capture-cmd-5200-reply',
      where: translate({id: 'lab.sampleLists.where.capture', message: 'Capture'}),
      cmd: 5200,
      flags: COMMAND_FLAGS.reply,
      origin: 'SkypeIRC.cap: the parameters of a UDP reply (cmd 5200) from the Skype server 212.72.49.142 (protocol.md §7.1)',
      source: 'capture',
      bytes: hexToBytes('41 01 00 2e 00'),
    },
  ];
}

function label(list: Found, format: ObjectListFormat, count: number): string {
  const objects =
    count === 1
      ? translate({id: 'lab.sampleLists.objects.one', message: '1 object'})
      : translate({id: 'lab.sampleLists.objects.many', message: '{count} objects'}, {count});
  const values = {where: list.where, cmd: list.cmd, kind: kindName(list.flags), objects};
  return format === 'raw'
    ? translate({id: 'lab.sampleLists.label.raw', message: '{where}: cmd {cmd} {kind} (raw, {objects})'}, values)
    : translate({id: 'lab.sampleLists.label.compressed', message: '{where}: cmd {cmd} {kind} (compressed, {objects})'}, values);
}

function sampleLists(): SampleList[] {
  const seen = new Set<string>();
  const lists: SampleList[] = [];
  for (const list of [...listsOfTraffic(), ...listsOfSpec()]) {
    const hex = bytesToHex(list.bytes);
    if (seen.has(hex)) continue;
    seen.add(hex);
    const {format, items} = decodeObjectList(list.bytes);
    lists.push({id: list.id, label: label(list, format, items.length), origin: list.origin, source: list.source, format, bytes: list.bytes});
  }
  // Stable: within a source, the traffic's lists keep their datagram order, before those of the spec.
  return lists.sort((first, second) => Number(first.source === 'capture') - Number(second.source === 'capture'));
}

/** The distinct object lists of the sample traffic and of protocol.md §7.1: the slides' first, then the capture's in frame order. */
export const SAMPLE_LISTS: readonly SampleList[] = sampleLists();
