/**
 * The labelled fields of the pipeline's byte views, in words: datagram header fields (from the
 * library's udpFieldLayout), command fields, and the objects of a list.
 */
import {translate} from '@docusaurus/Translate';
import {udpPacketType, type Command, type ObjectItemSpan, type ObjectListFormat, type UdpDatagram, type UdpFieldName, type UdpFieldSpan} from '@site/src/protocol';
import type {HexAnnotation} from '@site/src/live/types';
import {flagsName} from '@site/src/components/lab/commandText';
import {objectTypeName} from '@site/src/components/lab/objectText';
import type {CommandField, FieldSpan} from '@site/src/components/UdpAttack/attack';

function udpFieldLabel(field: UdpFieldName, datagram: UdpDatagram): string {
  switch (field) {
    case 'packetId':
      return translate({id: 'lab.packetPipeline.udp.packetId', message: 'packet id'});
    case 'func':
      return translate({id: 'lab.packetPipeline.udp.func', message: 'func (type 0x{type})'}, {type: udpPacketType(datagram.func).toString(16)});
    case 'iv':
      return translate({id: 'lab.packetPipeline.udp.iv', message: 'IV'});
    case 'crc':
      return translate({id: 'lab.packetPipeline.udp.crc', message: 'CRC of the plaintext'});
    case 'ciphertext':
      return translate({id: 'lab.packetPipeline.udp.ciphertext', message: 'ciphertext'});
    case 'inReplyTo':
      return translate({id: 'lab.packetPipeline.udp.inReplyTo', message: 'in_reply_to'});
    case 'fragmentIndex':
      return datagram.kind === 'fragment' && datagram.last
        ? translate({id: 'lab.packetPipeline.udp.lastFragment', message: 'fragment {index}, the last (0x80 set)'}, {index: datagram.index})
        : translate({id: 'lab.packetPipeline.udp.fragmentIndex', message: 'fragment {index}'}, {index: datagram.kind === 'fragment' ? datagram.index : 0});
    case 'blockMarker':
      return translate({id: 'lab.packetPipeline.udp.blockMarker', message: 'block type 0x02'});
    case 'count':
      return translate({id: 'lab.packetPipeline.udp.count', message: 'count'});
    case 'challenge':
      return translate({id: 'lab.packetPipeline.udp.challenge', message: 'challenge'});
    case 'destinationIp':
      return translate({id: 'lab.packetPipeline.udp.destinationIp', message: 'destination IP'});
    case 'ip':
      return translate({id: 'lab.packetPipeline.udp.ip', message: 'IP'});
    case 'body':
      return translate({id: 'lab.packetPipeline.udp.body', message: 'body'});
  }
}

/** The header fields and ciphertext of a datagram. */
export function datagramAnnotations(datagram: UdpDatagram, layout: readonly UdpFieldSpan[]): HexAnnotation[] {
  return layout.filter(({start, end}) => end > start).map(({field, start, end}) => ({start, end, label: udpFieldLabel(field, datagram)}));
}

/** The fields of the commands; `commands` in order, the k-th for the k-th cmdword. */
export function commandAnnotations(fields: readonly FieldSpan<CommandField>[], commands: readonly Pick<Command, 'cmd' | 'flags'>[]): HexAnnotation[] {
  let commandIndex = 0;
  return fields.map(({field, start, end}) => {
    switch (field) {
      case 'cmdlen':
        return {start, end, label: translate({id: 'lab.packetPipeline.command.cmdlen', message: 'cmdlen'})};
      case 'cmdword': {
        const {cmd, flags} = commands[commandIndex++] ?? {cmd: 0, flags: 0};
        return {start, end, label: translate({id: 'lab.packetPipeline.command.cmdword', message: 'cmdword: cmd {cmd}, {flags}'}, {cmd, flags: flagsName(flags)})};
      }
      case 'reqid':
        return {start, end, label: translate({id: 'lab.packetPipeline.command.reqid', message: 'reqid'})};
      case 'params':
        return {start, end, label: translate({id: 'lab.packetPipeline.command.params', message: 'params (the object list)'})};
    }
  });
}

/**
 * The objects of a list. A raw list has exact spans per object; a compressed list has no byte
 * boundaries between objects, so it shows its range-coded body, and the raw tail bytes of the values
 * that have one (types 1, 2 and 4) over it.
 */
export function listAnnotations(format: ObjectListFormat, length: number, spans: readonly ObjectItemSpan[]): HexAnnotation[] {
  const objectLabel = ({path, item}: ObjectItemSpan) =>
    translate({id: 'lab.packetPipeline.list.object', message: 'object {number}: type {type} ({name}), id {id}'}, {number: path[0] + 1, type: item.type, name: objectTypeName(item.type), id: item.id});
  const marker = {start: 0, end: Math.min(1, length), label: format === 'raw' ? translate({id: 'lab.packetPipeline.list.raw', message: '0x41: raw list'}) : translate({id: 'lab.packetPipeline.list.compressed', message: '0x42: compressed list'})};
  if (format === 'raw') {
    const count = {start: 1, end: spans[0]?.start ?? length, label: translate({id: 'lab.packetPipeline.list.count', message: 'number of objects'})};
    return [marker, count, ...spans.map((span) => ({start: span.start, end: span.end, label: objectLabel(span)}))];
  }
  const tails = spans.flatMap((span) =>
    span.tail && span.tail.end > span.tail.start
      ? [{start: span.tail.start, end: span.tail.end, label: translate({id: 'lab.packetPipeline.list.tail', message: '{object}: value in the raw tail'}, {object: objectLabel(span)})}]
      : [],
  );
  return [marker, {start: 1, end: length, label: translate({id: 'lab.packetPipeline.list.body', message: 'range-coded objects'})}, ...tails];
}
