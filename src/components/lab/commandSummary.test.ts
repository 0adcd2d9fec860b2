import {describe, expect, it} from 'vitest';
import {hexToBytes, parseCommands} from '@site/src/protocol';
import sampleTraffic from '@site/src/data/sample-traffic.json';
import {commandSummary} from './commandSummary';

describe('commandSummary', () => {
  it('writes every sample command as sample-traffic.json records it', () => {
    for (const packet of sampleTraffic.udp_payload_packets.packets) {
      const recorded = packet.expected.commands.map((command) => ('reqid' in command ? {cmd: command.cmd, flags: command.flags, reqid: command.reqid} : {cmd: command.cmd, flags: command.flags}));
      expect(parseCommands(hexToBytes(packet.expected.plaintext)).map(commandSummary)).toEqual(recorded);
    }
  });
});
