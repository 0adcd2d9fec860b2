import {describe, expect, it} from 'vitest';
import {bytesToHex, encodeCommands, fragmentUdp, hexToBytes, obfuscateUdp, seedToHex, teachingKeyEngine} from '@site/src/protocol';
import {UDP_SAMPLES} from '@site/src/data/sampleTraffic';
import sampleTraffic from '@site/src/data/sample-traffic.json';
import {dissectDatagram, type Dissection, type DissectionNode, type DissectInput} from './dissect';

function dissected(input: DissectInput): Dissection {
  const result = dissectDatagram(input);
  if (!result.ok) throw new Error(`expected a dissection, got ${result.error.message}`);
  return result.dissection;
}

const hexAt = (dissection: Dissection, path: string, bytes: Uint8Array) => {
  const span = dissection.nodeByPath.get(path)?.span;
  if (!span) throw new Error(`no span for ${path}`);
  return bytesToHex(bytes.slice(span.start, span.end));
};

/** The recorded decodings of sample-traffic.json, as the data file writes them. */
interface RecordedObject {
  type: number;
  id: number;
  value: unknown;
  value_hex?: string;
}
interface RecordedCommand {
  cmd: number;
  flags: number;
  reqid?: string;
  params_decoded?: RecordedObject[];
}
const recordedPackets = [...sampleTraffic.udp_payload_packets.packets, ...sampleTraffic.udp_resend.packets] as {
  udp_payload: string;
  header: Record<string, string>;
  expected: {commands: RecordedCommand[]};
}[];
const recordedOf = (hex: string) => recordedPackets.find((packet) => packet.udp_payload === bytesToHex(hexToBytes(hex)))!;

const countRecorded = (objects: RecordedObject[]): number =>
  objects.reduce((sum, object) => sum + 1 + (object.type === 5 ? countRecorded(object.value as RecordedObject[]) : 0), 0);

function compareObjects(nodes: DissectionNode[], recorded: RecordedObject[]) {
  const objects = nodes.filter((child) => child.detail.kind === 'object');
  expect(objects).toHaveLength(recorded.length);
  objects.forEach((child, index) => {
    if (child.detail.kind !== 'object') throw new Error(`expected an object at ${child.path}`);
    // The node carries the decoder's object; lab/objectText.test.ts checks how its value reads.
    expect(child.detail.item).toMatchObject({id: recorded[index].id, type: recorded[index].type});
    if (recorded[index].type === 5) compareObjects(child.children, recorded[index].value as RecordedObject[]);
  });
}

describe('dissectDatagram on the sample traffic (spec §2.2, §2.6, §5, §7)', () => {
  it.each(UDP_SAMPLES.map((sample) => [sample.id, sample] as const))('%s: recorded key, CRC ok, the recorded seed, plaintext and commands', (_, sample) => {
    const dissection = dissected({bytes: sample.bytes, srcIp: sample.srcIp, dstIp: sample.dstIp, teachingEngine: false});
    const recorded = recordedOf(bytesToHex(sample.bytes));
    expect(dissection.keySource).toBe('recorded');
    expect(dissection.decryption?.crcOk).toBe(true);
    expect(seedToHex(dissection.seed!)).toBe(sample.expected.rc4Seed);
    expect(bytesToHex(dissection.decryption!.plaintext)).toBe(sample.expected.plaintext);
    expect(dissection.commands).toEqual(
      recorded.expected.commands.map(({cmd, flags, reqid}) => (reqid === undefined ? {cmd, flags} : {cmd, flags, reqid})),
    );
    const recordedCount = recorded.expected.commands.reduce((sum, command) => sum + countRecorded(command.params_decoded ?? []), 0);
    expect(dissection.objectCount).toBe(recordedCount);
  });

  it.each(UDP_SAMPLES.map((sample) => [sample.id, sample] as const))('%s: header fields span the bytes the data file records for them', (_, sample) => {
    const dissection = dissected({bytes: sample.bytes, srcIp: sample.srcIp, dstIp: sample.dstIp, teachingEngine: false});
    const {header} = recordedOf(bytesToHex(sample.bytes));
    expect(hexAt(dissection, 'datagram/packet-id', sample.bytes)).toBe(header.packet_id);
    expect(hexAt(dissection, 'datagram/func', sample.bytes)).toBe(header.func);
    expect(hexAt(dissection, 'datagram/crc', sample.bytes)).toBe(header.crc);
    expect(hexAt(dissection, 'crc-check', sample.bytes)).toBe(header.crc);
    if (header.iv) expect(hexAt(dissection, 'datagram/iv', sample.bytes)).toBe(header.iv);
    if (header.challenge) expect(hexAt(dissection, 'datagram/challenge', sample.bytes)).toBe(header.challenge);
  });

  it('decodes the objects of every sample as the data file records them, nested lists included', () => {
    for (const sample of UDP_SAMPLES) {
      const dissection = dissected({bytes: sample.bytes, srcIp: sample.srcIp, dstIp: sample.dstIp, teachingEngine: false});
      recordedOf(bytesToHex(sample.bytes)).expected.commands.forEach((command, index) => {
        if (command.params_decoded) compareObjects(dissection.nodeByPath.get(`command-${index}/params`)!.children, command.params_decoded);
      });
    }
  });

  it('frame 306: the tail of a compressed IP:port holds the IP reversed and the port little-endian (spec §7)', () => {
    const sample = UDP_SAMPLES.find((candidate) => candidate.id === 'frame-306')!;
    const dissection = dissected({bytes: sample.bytes, srcIp: sample.srcIp, dstIp: sample.dstIp, teachingEngine: false});
    expect(dissection.nodeByPath.get('command-0/object-0')?.detail).toMatchObject({item: {type: 2, value: {ip: '86.127.1.164', port: 55615}}, format: 'compressed'});
    // 86.127.1.164 → a4 01 7f 56, port 55615 = 0xd93f → 3f d9.
    expect(hexAt(dissection, 'command-0/object-0/tail', dissection.decryption!.plaintext)).toBe('a4017f563fd9');
  });

  it('the slide resend takes its seed from packet id XOR challenge (spec §2.6)', () => {
    const sample = UDP_SAMPLES.find((candidate) => candidate.id.startsWith('resend-'))!;
    const dissection = dissected({bytes: sample.bytes, srcIp: '9.9.9.9', dstIp: '8.8.8.8', teachingEngine: false});
    expect(dissection.datagram.kind).toBe('resend');
    expect(seedToHex(dissection.seed!)).toBe('83b0f91e');
    expect(dissection.nodeByPath.get('seed')?.detail).toMatchObject({rule: 'resend'});
    expect(hexAt(dissection, 'seed/challenge', sample.bytes)).toBe('83b08656');
  });
});

describe('dissectDatagram on datagrams without a payload', () => {
  it('the slide NAck 7f4e77527c483383b08656 gives ip 82.124.72.51, its challenge, and no payload (spec §2.5)', () => {
    const bytes = hexToBytes(sampleTraffic.udp_nack.packets[0].udp_payload);
    const dissection = dissected({bytes, srcIp: '0.0.0.0', dstIp: '0.0.0.0', teachingEngine: false});
    expect(dissection.datagram.kind).toBe('nack');
    expect(dissection.nodeByPath.get('datagram/ip')?.detail).toEqual({kind: 'nackIp', ip: '82.124.72.51'});
    expect(dissection.nodeByPath.get('datagram/challenge')?.detail).toEqual({kind: 'challenge', value: 0x83b08656});
    expect(dissection.nodeByPath.get('datagram/func')?.detail).toEqual({kind: 'func', func: 0x77, type: 7, randomBits: 0x70});
    expect(dissection).toMatchObject({seed: null, keySource: null, decryption: null, commands: null, objectCount: 0});
    expect(dissection.tree.map((root) => root.path)).toEqual(['datagram']);
  });

  it('a type-0xd datagram keeps its body as bytes of unknown layout (spec §2.8)', () => {
    const dissection = dissected({bytes: hexToBytes('12340d0102'), srcIp: '0.0.0.0', dstIp: '0.0.0.0', teachingEngine: false});
    expect(dissection.datagram.kind).toBe('audio');
    expect(dissection.nodeByPath.get('datagram/body')).toMatchObject({detail: {kind: 'body', length: 2}, span: {view: 'datagram', start: 3, end: 5}});
  });
});

describe('dissectDatagram on bad and unusual input', () => {
  it('a truncated payload names its missing CRC at offset 7 (spec §2.2)', () => {
    const result = dissectDatagram({bytes: hexToBytes('7f4e02118ac037fc95'), srcIp: '0.0.0.0', dstIp: '24.98.66.80', teachingEngine: false});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.offset).toBe(7);
    expect(result.error.message).toMatch(/CRC/);
  });

  it('two bytes are not even a start of frame: the problem is at offset 0', () => {
    const result = dissectDatagram({bytes: hexToBytes('7f4e'), srcIp: '0.0.0.0', dstIp: '0.0.0.0', teachingEngine: false});
    expect(result.ok ? null : result.error.offset).toBe(0);
  });

  it('an address that is not IPv4 is a problem, not an exception', () => {
    const result = dissectDatagram({bytes: UDP_SAMPLES[0].bytes, srcIp: '0.0.0', dstIp: '24.98.66.80', teachingEngine: false});
    expect(result.ok).toBe(false);
  });

  it('a seed without a recorded key is unavailable; the teaching engine decrypts a datagram built with it', () => {
    const plaintext = hexToBytes('04da0112334215');
    const bytes = obfuscateUdp({packetId: 0x1234, iv: 0x0badf00d, plaintext, srcIp: '10.0.0.1', dstIp: '10.0.0.2'}, teachingKeyEngine);
    const addresses = {srcIp: '10.0.0.1', dstIp: '10.0.0.2'};

    const without = dissected({bytes, ...addresses, teachingEngine: false});
    expect(without.keySource).toBe('unavailable');
    expect(without.decryption).toBeNull();
    expect(without.seed).not.toBeNull();
    expect(without.nodeByPath.get('key')?.detail).toMatchObject({kind: 'key', source: 'unavailable', keyHex: null});

    const withTeaching = dissected({bytes, ...addresses, teachingEngine: true});
    expect(withTeaching.keySource).toBe('teaching');
    expect(withTeaching.seed).toBe(without.seed);
    expect(withTeaching.decryption?.crcOk).toBe(true);
    expect(withTeaching.decryption?.plaintext).toEqual(plaintext);
    expect(withTeaching.commands).toEqual([{cmd: 27, flags: 2, reqid: '1233'}]);
  });

  it('with the teaching engine allowed, real traffic still decrypts with its recorded key', () => {
    const sample = UDP_SAMPLES[0];
    const dissection = dissected({bytes: sample.bytes, srcIp: sample.srcIp, dstIp: sample.dstIp, teachingEngine: true});
    expect(dissection.keySource).toBe('recorded');
    expect(dissection.decryption?.crcOk).toBe(true);
  });

  it('a datagram built with the teaching engine on a seed that has a recorded key decrypts with the key its CRC accepts', () => {
    // The slide probe's packet id, IV and addresses (seed 22d81c40, recorded), but the teaching key.
    const plaintext = hexToBytes('04da017f4d4215');
    const packet = {packetId: 0x7f4e, iv: 0x118ac037, plaintext, srcIp: '0.0.0.0', dstIp: '24.98.66.80'};
    const bytes = obfuscateUdp(packet, teachingKeyEngine);
    const withTeaching = dissected({bytes, srcIp: packet.srcIp, dstIp: packet.dstIp, teachingEngine: true});
    expect(seedToHex(withTeaching.seed!)).toBe('22d81c40');
    expect(withTeaching.keySource).toBe('teaching');
    expect(withTeaching.decryption?.crcOk).toBe(true);
    expect(withTeaching.decryption?.plaintext).toEqual(plaintext);
    const without = dissected({bytes, srcIp: packet.srcIp, dstIp: packet.dstIp, teachingEngine: false});
    expect(without.keySource).toBe('recorded');
    expect(without.decryption?.crcOk).toBe(false);
  });

  it('a real datagram with an edited address has a seed without a key', () => {
    const sample = UDP_SAMPLES[0];
    const dissection = dissected({bytes: sample.bytes, srcIp: '1.2.3.4', dstIp: sample.dstIp, teachingEngine: false});
    expect(dissection.keySource).toBe('unavailable');
    expect(seedToHex(dissection.seed!)).not.toBe(sample.expected.rc4Seed);
  });

  it('keystream XOR ciphertext is the plaintext, row by row', () => {
    const sample = UDP_SAMPLES[0];
    const {decryption} = dissected({bytes: sample.bytes, srcIp: sample.srcIp, dstIp: sample.dstIp, teachingEngine: false});
    const xored = decryption!.ciphertext.map((byte, index) => byte ^ decryption!.keystream[index]);
    expect(bytesToHex(xored)).toBe(sample.expected.plaintext);
  });

  it('a command longer than its block stops the commands at its offset, keeping what was read', () => {
    // 04 da 01 12 33 42 15: the probe; then 09 da: a cmdlen of 9 with 1 byte left.
    const plaintext = hexToBytes('04da0112334215 09da01');
    const bytes = obfuscateUdp({packetId: 0x1234, iv: 7, plaintext, srcIp: '10.0.0.1', dstIp: '10.0.0.2'}, teachingKeyEngine);
    const dissection = dissected({bytes, srcIp: '10.0.0.1', dstIp: '10.0.0.2', teachingEngine: true});
    expect(dissection.commands).toEqual([{cmd: 27, flags: 2, reqid: '1233'}]);
    expect(dissection.nodeByPath.get('commands/problem')?.detail).toMatchObject({kind: 'problem', offset: 7});
  });

  it('raw objects span exactly their type byte, id and value in the plaintext (spec §7.1)', () => {
    // cmdlen 0b | cmdword 32 (cmd 6, flags 2) | reqid 0001 | 41 02 | 00 00 c901 | 00 05 64
    const plaintext = encodeCommands([{cmd: 6, flags: 2, reqid: 1, params: hexToBytes('41 02 00 00 c901 00 05 64')}]);
    expect(bytesToHex(plaintext)).toBe('0b32000141020000c901000564');
    const bytes = obfuscateUdp({packetId: 2, iv: 3, plaintext, srcIp: '10.0.0.1', dstIp: '10.0.0.2'}, teachingKeyEngine);
    const dissection = dissected({bytes, srcIp: '10.0.0.1', dstIp: '10.0.0.2', teachingEngine: true});
    const spanOf = (path: string) => dissection.nodeByPath.get(path)?.span;
    expect(spanOf('command-0/cmdlen')).toEqual({view: 'plaintext', start: 0, end: 1});
    expect(spanOf('command-0/cmdword')).toEqual({view: 'plaintext', start: 1, end: 2});
    expect(spanOf('command-0/reqid')).toEqual({view: 'plaintext', start: 2, end: 4});
    expect(spanOf('command-0/params')).toEqual({view: 'plaintext', start: 4, end: 13});
    expect(spanOf('command-0/object-0')).toEqual({view: 'plaintext', start: 6, end: 10});
    expect(spanOf('command-0/object-1')).toEqual({view: 'plaintext', start: 10, end: 13});
    expect(dissection.objectCount).toBe(2);
    expect(dissection.parentByPath.get('command-0/object-1')).toBe('command-0/params');
    expect(dissection.fields.map((field) => field.path)).toContain('command-0/object-0');
  });

  it('a fragment decrypts, and its commands wait for reassembly (spec §2.7)', () => {
    const [first] = fragmentUdp({packetId: 0x2000, inReplyTo: 0x1676, iv: 11, plaintext: new Uint8Array(2000).fill(0x41), srcIp: '10.0.0.1', dstIp: '10.0.0.2'}, teachingKeyEngine);
    const dissection = dissected({bytes: first, srcIp: '10.0.0.1', dstIp: '10.0.0.2', teachingEngine: true});
    expect(dissection.datagram.kind).toBe('fragment');
    expect(dissection.decryption?.crcOk).toBe(true);
    expect(dissection.decryption?.plaintext.every((byte) => byte === 0x41)).toBe(true);
    expect(dissection.commands).toBeNull();
    expect(dissection.nodeByPath.get('commands')?.detail).toEqual({kind: 'reassembly', inReplyTo: 0x1676, index: 0, last: false});
    expect(hexAt(dissection, 'datagram/in-reply-to', first)).toBe('1676');
  });
});
