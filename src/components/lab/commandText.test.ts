import {describe, expect, it} from 'vitest';
import sampleTraffic from '@site/src/data/sample-traffic.json';
import {flagsName} from './commandText';


describe('flagsName', () => {
  it('names the flags of spec §5: 1 notification, 2 request, 3 reply', () => {
    expect([1, 2, 3].map(flagsName)).toEqual(['notification', 'request', 'reply']);
  });

  it('says that other flags were never seen, and the sample traffic indeed holds none', () => {
    expect(flagsName(5)).toBe('flags 5, never seen in traffic');
    const seen = new Set(sampleTraffic.udp_payload_packets.packets.flatMap((packet) => packet.expected.commands.map((command) => command.flags)));
    expect([...seen].every((flags) => flags >= 1 && flags <= 3)).toBe(true);
  });
});
