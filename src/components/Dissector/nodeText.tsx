/**
 * The words of the dissector: each node of the model (dissect.ts) as a translated label, value,
 * byte range and, where the bytes need one, a note with its sources.
 */
import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import type {UdpDatagram} from '@site/src/protocol';
import {flagsName} from '@site/src/components/lab/commandText';
import {describeObjectValue, objectTypeName, objectValueText} from '@site/src/components/lab/objectText';
import {hex8, hex16, hex32} from '@site/src/components/lab/parseInput';
import type {ByteSpan, DissectionNode, NodeDetail} from './dissect';
import styles from './styles.module.css';

export interface NodeText {
  label: string;
  value: string | null;
  /** Which bytes the node highlights, in words; null for a node without bytes of its own. */
  range: string | null;
  note: ReactNode | null;
}

const groupedHex = (hex: string) => hex.replace(/(.{8})(?!$)/g, '$1 ');

/** The datagram type in words, from the library's kind and the type number. */
export function typeName(datagramKind: UdpDatagram['kind'], type: number): string {
  switch (datagramKind) {
    case 'payload':
      return translate({id: 'lab.dissector.type.payload', message: 'Payload (type 2)'});
    case 'resend':
      return translate({id: 'lab.dissector.type.resend', message: 'Resend (type 3)'});
    case 'nack':
      return type === 7
        ? translate({id: 'lab.dissector.type.natInfo', message: 'NAT info (type 7)'})
        : translate({id: 'lab.dissector.type.nack', message: 'NAck (type 5)'});
    case 'fragment':
      return translate({id: 'lab.dissector.type.fragment', message: 'Fragment (type 0xf)'});
    case 'audio':
      return translate({id: 'lab.dissector.type.audio', message: 'Data or voice (type 0xd)'});
    case 'unknown':
      return translate({id: 'lab.dissector.type.unknown', message: 'Unknown type {type}'}, {type: hex8(type)});
  }
}

/** "bytes 3–6" or "plaintext bytes 0–6"; compressed objects say their range is approximate. */
function rangeText(span: ByteSpan | null, approximate: boolean): string | null {
  if (!span) return null;
  const values = {first: span.start, last: span.end - 1};
  if (span.end <= span.start) return translate({id: 'lab.dissector.range.none', message: 'no new bytes read'});
  if (approximate) return translate({id: 'lab.dissector.range.decoder', message: '≈ plaintext bytes {first}–{last}, as read by the decoder'}, values);
  if (span.view === 'datagram') {
    return span.end - span.start === 1
      ? translate({id: 'lab.dissector.range.datagramByte', message: 'byte {first}'}, values)
      : translate({id: 'lab.dissector.range.datagramBytes', message: 'bytes {first}–{last}'}, values);
  }
  return span.end - span.start === 1
    ? translate({id: 'lab.dissector.range.plaintextByte', message: 'plaintext byte {first}'}, values)
    : translate({id: 'lab.dissector.range.plaintextBytes', message: 'plaintext bytes {first}–{last}'}, values);
}

/** Why a seed has no key here, and what the reader can do instead. */
export function UnavailableKeyNote({seed}: {seed: string}): ReactNode {
  return (
    <Translate
      id="lab.dissector.key.unavailableNote"
      values={{
        seed: <code>{seed}</code>,
        legal: (
          <Link to="/docs/legal-issues#what-this-site-does-and-why">
            <Translate id="lab.dissector.key.legalLink">the legal chapter explains why</Translate>
          </Link>
        ),
        builder: (
          <Link to="/docs/obfuscation">
            <Translate id="lab.dissector.key.builderLink">the obfuscation chapter</Translate>
          </Link>
        ),
      }}>
      {
        'The real key for seed {seed} is not available here: the site carries only the recorded keys of its sample traffic and does not ship Skype’s key engine ({legal}). For a datagram built on this site, for example in {builder}, tick “Use the teaching engine”: it decrypts datagrams built with the same stand-in, never real traffic.'
      }
    </Translate>
  );
}

function datagramNote(detail: Extract<NodeDetail, {kind: 'datagram'}>): ReactNode | null {
  switch (detail.datagramKind) {
    case 'nack':
      return (
        <Translate id="lab.dissector.note.nack">
          Sent in clear: there is no payload to decrypt. The IP is the receiver’s public address as the sender of the NAck sees it, and the challenge comes back in the resend that answers it.
        </Translate>
      );
    case 'audio':
      return (
        <Translate
          id="lab.dissector.note.audio"
          values={{
            bonfiglio: <Link to="/docs/references#bonfiglio2007"><Translate id="lab.dissector.citation.bonfiglio">Bonfiglio et al. 2007</Translate></Link>,
            wireshark: <Link to="/docs/references#wireshark"><Translate id="lab.dissector.citation.wireshark">Wireshark</Translate></Link>,
            chapter: (
              <Link to="/docs/datagrams-and-commands#type-0xd-data-and-voice">
                <Translate id="lab.dissector.note.audioChapter">Datagrams and commands</Translate>
              </Link>
            ),
          }}>
          {
            'The contents of type 0xd datagrams are unknown. {bonfiglio} call it the data message for voice, video, chat and file chunks; {wireshark} names it but gives no layout; the public capture holds no call. The body is shown as bytes only (see {chapter}).'
          }
        </Translate>
      );
    case 'unknown':
      return <Translate id="lab.dissector.note.unknown">No source describes this type (func &amp; 0x8f): the body is shown as bytes only.</Translate>;
    default:
      return null;
  }
}

/**
 * The text of one node.
 *
 * @example nodeText(iv node).value // '0x118ac037'
 */
export function nodeText(node: DissectionNode): NodeText {
  const {detail} = node;
  const text = (label: string, value: string | null, note: ReactNode | null = null, approximate = false): NodeText => ({
    label,
    value,
    range: rangeText(node.span, approximate),
    note,
  });
  switch (detail.kind) {
    case 'datagram':
      return text(
        translate({id: 'lab.dissector.node.datagram', message: 'Datagram'}),
        translate({id: 'lab.dissector.value.datagram', message: '{type}, {length} bytes'}, {type: typeName(detail.datagramKind, detail.type), length: detail.length}),
        datagramNote(detail),
      );
    case 'packetId':
      return text(translate({id: 'lab.dissector.node.packetId', message: 'Packet id'}), `${hex16(detail.value)} (${detail.value})`);
    case 'func':
      return text(
        translate({id: 'lab.dissector.node.func', message: 'func'}),
        translate(
          {id: 'lab.dissector.value.func', message: '{func}: type {type} (func & 0x8f); bits 4–6 = {bits}, which look random'},
          {func: hex8(detail.func), type: hex8(detail.type), bits: hex8(detail.randomBits)},
        ),
      );
    case 'iv':
      return text(translate({id: 'lab.dissector.node.iv', message: 'IV'}), hex32(detail.value));
    case 'crc':
      return text(translate({id: 'lab.dissector.node.crc', message: 'CRC of the plaintext'}), hex32(detail.value));
    case 'count':
      return text(
        translate({id: 'lab.dissector.node.count', message: 'Count'}),
        String(detail.value),
        <Translate id="lab.dissector.note.count">1 in every resend seen; larger counts (forwarding over several hops) are only described, never observed.</Translate>,
      );
    case 'challenge':
      return text(translate({id: 'lab.dissector.node.challenge', message: 'Challenge'}), hex32(detail.value));
    case 'destinationIp':
      return text(translate({id: 'lab.dissector.node.destinationIp', message: 'Destination IP'}), detail.ip);
    case 'nackIp':
      return text(translate({id: 'lab.dissector.node.nackIp', message: 'IP (the receiver’s public address, as the sender sees it)'}), detail.ip);
    case 'inReplyTo':
      return text(translate({id: 'lab.dissector.node.inReplyTo', message: 'In reply to packet id'}), hex16(detail.value));
    case 'fragmentIndex':
      return text(
        translate({id: 'lab.dissector.node.fragmentIndex', message: 'Fragment index'}),
        detail.last
          ? translate({id: 'lab.dissector.value.lastFragment', message: '{index}, the last (bit 7 set)'}, {index: detail.index})
          : String(detail.index),
      );
    case 'blockMarker':
      return text(translate({id: 'lab.dissector.node.blockMarker', message: 'Block marker'}), hex8(detail.value));
    case 'ciphertext':
      return text(translate({id: 'lab.dissector.node.ciphertext', message: 'Ciphertext'}), translate({id: 'lab.dissector.value.length', message: '{length} bytes'}, {length: detail.length}));
    case 'body':
      return text(translate({id: 'lab.dissector.node.body', message: 'Body'}), translate({id: 'lab.dissector.value.length', message: '{length} bytes'}, {length: detail.length}));
    case 'seed':
      return text(
        translate({id: 'lab.dissector.node.seed', message: 'Seed'}),
        detail.rule === 'crc'
          ? translate({id: 'lab.dissector.value.seedCrc', message: '{seed} = CRC seed XOR IV'}, {seed: hex32(detail.seed)})
          : translate({id: 'lab.dissector.value.seedResend', message: '{seed} = packet id XOR challenge (no CRC seed in a resend)'}, {seed: hex32(detail.seed)}),
      );
    case 'crcInput':
      return text(
        translate({id: 'lab.dissector.node.crcInput', message: 'CRC input'}),
        groupedHex(detail.hex),
        <Translate id="lab.dissector.note.crcInput" values={{srcIp: detail.srcIp, dstIp: detail.dstIp, packetId: hex16(detail.packetId)}}>
          {'Source IP {srcIp}, destination IP {dstIp} and packet id {packetId}, each a 32-bit number written little-endian: the IP bytes appear reversed.'}
        </Translate>,
      );
    case 'crcSeed':
      return text(translate({id: 'lab.dissector.node.crcSeed', message: 'CRC seed'}), hex32(detail.value));
    case 'rc4Seed':
      return text(translate({id: 'lab.dissector.node.rc4Seed', message: 'RC4 seed'}), hex32(detail.value));
    case 'key': {
      const label = translate({id: 'lab.dissector.node.key', message: 'Key'});
      if (detail.source === 'unavailable') {
        // The reason and the way out are in the notice beside the tree, with their links.
        return text(label, translate({id: 'lab.dissector.value.keyUnavailable', message: 'not available here (see the note below the tree)'}));
      }
      const value =
        detail.source === 'recorded'
          ? translate({id: 'lab.dissector.value.keyRecorded', message: 'the real key, recorded for the sample traffic'})
          : translate({id: 'lab.dissector.value.keyTeaching', message: 'teaching stand-in, not Skype’s key engine'});
      return text(label, value, <code className={styles.key}>{detail.keyHex}</code>);
    }
    case 'decryption':
      return text(
        translate({id: 'lab.dissector.node.decryption', message: 'Decryption'}),
        translate({id: 'lab.dissector.value.decryption', message: '{length} bytes: ciphertext XOR RC4 keystream'}, {length: detail.length}),
      );
    case 'crcCheck':
      return detail.ok
        ? text(
            translate({id: 'lab.dissector.node.crcCheck', message: 'CRC check'}),
            translate({id: 'lab.dissector.value.crcOk', message: 'ok: the CRC of the plaintext is {computed}, as in the header'}, {computed: hex32(detail.computed)}),
          )
        : text(
            translate({id: 'lab.dissector.node.crcCheck', message: 'CRC check'}),
            translate({id: 'lab.dissector.value.crcMismatch', message: 'mismatch: the CRC of the plaintext is {computed}, the header says {expected}'}, {computed: hex32(detail.computed), expected: hex32(detail.expected)}),
            <Translate id="lab.dissector.note.crcMismatch">A wrong key or wrong addresses: the plaintext is probably noise, and so are the commands read from it.</Translate>,
          );
    case 'commands':
      return text(translate({id: 'lab.dissector.node.commands', message: 'Commands'}), String(detail.count));
    case 'reassembly':
      return text(
        translate({id: 'lab.dissector.node.commands', message: 'Commands'}),
        translate({id: 'lab.dissector.value.reassembly', message: 'only after reassembly'}),
        <Translate id="lab.dissector.note.reassembly" values={{inReplyTo: hex16(detail.inReplyTo)}}>
          {'A fragment carries a slice of one command, the reply to packet id {inReplyTo}. The plaintexts of all its fragments, joined in index order, make that command; this widget reads one datagram at a time, so it shows this fragment’s plaintext only.'}
        </Translate>,
      );
    case 'command':
      return text(
        translate({id: 'lab.dissector.node.command', message: 'Command {index}'}, {index: detail.index}),
        detail.reqid === null
          ? translate({id: 'lab.dissector.value.command', message: 'cmd {cmd}, {flags}'}, {cmd: detail.cmd, flags: flagsName(detail.flags)})
          : translate({id: 'lab.dissector.value.commandReqid', message: 'cmd {cmd}, {flags}, reqid {reqid}'}, {cmd: detail.cmd, flags: flagsName(detail.flags), reqid: hex16(detail.reqid)}),
      );
    case 'cmdlen':
      return text(
        translate({id: 'lab.dissector.node.cmdlen', message: 'cmdlen'}),
        translate({id: 'lab.dissector.value.cmdlen', message: '{value} bytes of reqid and params'}, {value: detail.value}),
      );
    case 'cmdword':
      return text(
        translate({id: 'lab.dissector.node.cmdword', message: 'cmdword'}),
        translate({id: 'lab.dissector.value.cmdword', message: '{value} = cmd {cmd} × 8 + flags {flags} ({flagsName})'}, {value: detail.value, cmd: detail.cmd, flags: detail.flags, flagsName: flagsName(detail.flags)}),
      );
    case 'reqid':
      return text(translate({id: 'lab.dissector.node.reqid', message: 'reqid'}), hex16(detail.value));
    case 'objectList':
      if (detail.format === 'raw') {
        return text(translate({id: 'lab.dissector.node.rawList', message: 'Params: raw object list (0x41)'}), translate({id: 'lab.dissector.value.list', message: '{count} objects'}, {count: detail.count}));
      }
      if (detail.format === 'compressed') {
        return text(
          translate({id: 'lab.dissector.node.compressedList', message: 'Params: compressed object list (0x42)'}),
          translate({id: 'lab.dissector.value.list', message: '{count} objects'}, {count: detail.count}),
          <Translate id="lab.dissector.note.compressed">
            Range-coded objects have no exact byte boundaries: an object’s highlight is the bytes the decoder had read when it began and ended. The values of blobs, addresses and 64-bit numbers sit in a raw tail after the coded part; each such object has a “raw tail” line with its exact bytes.
          </Translate>,
        );
      }
      return node.span
        ? text(translate({id: 'lab.dissector.node.params', message: 'Params'}), translate({id: 'lab.dissector.value.paramsUnread', message: 'not a readable object list'}))
        : text(translate({id: 'lab.dissector.node.params', message: 'Params'}), translate({id: 'lab.dissector.value.paramsNone', message: 'none'}));
    case 'object':
      return text(
        translate({id: 'lab.dissector.node.object', message: 'id {id}, {type}'}, {id: detail.item.id, type: objectTypeName(detail.item.type)}),
        objectValueText(describeObjectValue(detail.item)),
        null,
        detail.format === 'compressed',
      );
    case 'tail':
      return text(
        translate({id: 'lab.dissector.node.tail', message: 'Raw tail'}),
        translate({id: 'lab.dissector.value.length', message: '{length} bytes'}, {length: detail.length}),
      );
    case 'trailing':
      return text(
        translate({id: 'lab.dissector.node.trailing', message: 'After the list'}),
        translate({id: 'lab.dissector.value.trailing', message: '{length} bytes that the list does not use'}, {length: detail.length}),
      );
    case 'problem':
      return text(
        translate({id: 'lab.dissector.node.problem', message: 'Decoding stopped'}),
        detail.offset === null
          ? detail.message
          : translate({id: 'lab.dissector.value.problem', message: '{message}, at plaintext byte {offset}'}, {message: detail.message, offset: detail.offset}),
      );
  }
}

/** A short name of a field for the byte views' legends; unique within a view, as the legend needs. */
export function fieldLabel(node: DissectionNode, nodeByPath: ReadonlyMap<string, DissectionNode>): string {
  const {detail, path} = node;
  const command = /^command-(\d+)/.exec(path)?.[1];
  const inCommand = (what: string) => translate({id: 'lab.dissector.field.inCommand', message: 'command {command} {what}'}, {command: command ?? '', what});
  switch (detail.kind) {
    case 'cmdlen':
    case 'cmdword':
    case 'reqid':
      return inCommand(nodeText(node).label);
    case 'objectList':
      return inCommand(translate({id: 'lab.dissector.field.params', message: 'params'}));
    case 'object':
      return inCommand(translate({id: 'lab.dissector.field.object', message: 'object {path} (id {id})'}, {path: objectPosition(path), id: detail.item.id}));
    case 'tail': {
      const owner = nodeByPath.get(path.slice(0, -'/tail'.length));
      const id = owner?.detail.kind === 'object' ? owner.detail.item.id : '';
      return inCommand(translate({id: 'lab.dissector.field.tail', message: 'tail of object {path} (id {id})'}, {path: objectPosition(path), id}));
    }
    case 'trailing':
      return inCommand(translate({id: 'lab.dissector.field.trailing', message: 'after the list'}));
    default:
      return nodeText(node).label;
  }
}

/** "2" for command-0/object-2, "10.3" for a nested object. */
const objectPosition = (path: string) => [...path.matchAll(/object-(\d+)/g)].map((match) => match[1]).join('.');
