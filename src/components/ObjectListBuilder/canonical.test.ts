import {describe, expect, it} from 'vitest';
import {decodeObjectList, hexToBytes} from '@site/src/protocol';
import sampleTraffic from '@site/src/data/sample-traffic.json';
import {canonicalItems, type CanonicalItem} from './canonical';

/** An object as sample-traffic.json records it (see its "conventions"). */
interface RecordedObject {
  type: number;
  id: number;
  value?: unknown;
  value_hex?: string;
}

/** The data file's form turned into the canonical one: u64 from 16 hex digits to decimal, strings by their hex. */
function canonicalOfRecorded(objects: RecordedObject[]): CanonicalItem[] {
  return objects.map((object) => {
    const type = object.type as CanonicalItem['type'];
    if (type === 1) return {type, id: object.id, value: BigInt(`0x${object.value as string}`).toString()};
    if (type === 3) return {type, id: object.id, value: object.value_hex!};
    if (type === 5) return {type, id: object.id, value: canonicalOfRecorded(object.value as RecordedObject[])};
    return {type, id: object.id, value: object.value as CanonicalItem['value']};
  });
}

const recordedCommands = sampleTraffic.udp_payload_packets.packets.flatMap((packet) =>
  packet.expected.commands.map((command, index) => [`${packet.origin.slice(0, 28)}… command ${index}`, command] as const),
);

describe('canonicalItems(decodeObjectList(params).items)', () => {
  it.each(recordedCommands)('is the decoded list sample-traffic.json records for %s', (_, command) => {
    const {items} = decodeObjectList(hexToBytes(command.params_hex));
    expect(canonicalItems(items)).toEqual(canonicalOfRecorded(command.params_decoded as RecordedObject[]));
  });

  it('writes a u64 in decimal, an address as ip:port and bytes in hex', () => {
    const items = canonicalItems([
      {type: 1, id: 7, value: 0xffff_ffff_ffff_ffffn},
      {type: 2, id: 3, value: {ip: '81.236.228.111', port: 42764}},
      {type: 4, id: 11, value: Uint8Array.of(0, 0xc4)},
    ]);
    expect(JSON.stringify(items)).toBe('[{"type":1,"id":7,"value":"18446744073709551615"},{"type":2,"id":3,"value":"81.236.228.111:42764"},{"type":4,"id":11,"value":"00c4"}]');
  });
});
