import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import sampleTraffic from '../data/sample-traffic.json';
import {bytesToHex, hexToBytes} from './bytes';
import {ProtocolError} from './errors';
import {teachingKeyEngine} from './keyEngine';
import {internetChecksum, MAX_UDP_PAYLOAD_LENGTH, type PcapPacket, readPcap, toPcap} from './pcap';
import {fragmentUdp, obfuscateResend, obfuscateUdp} from './udp';

describe('internetChecksum (RFC 1071)', () => {
  it('gives the checksum of the RFC 1071 §3 example: the words sum to ddf2, so the checksum is 220d', () => {
    expect(internetChecksum(hexToBytes('0001 f203 f4f5 f6f7'))).toBe(0x220d);
  });

  it('gives b861 for the classic IPv4 header 192.168.0.1 → 192.168.0.199, and 0 once b861 is in place', () => {
    expect(internetChecksum(hexToBytes('4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7'))).toBe(0xb861);
    expect(internetChecksum(hexToBytes('4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7'))).toBe(0);
  });

  it('pads an odd last byte with zero', () => {
    expect(internetChecksum(hexToBytes('ff'))).toBe(0x00ff);
    expect(internetChecksum(new Uint8Array())).toBe(0xffff);
  });
});

describe('toPcap', () => {
  it('writes a hand-checked file: global header, record header, Ethernet, IPv4, UDP', () => {
    const file = toPcap([{srcIp: '10.0.0.1', srcPort: 1, dstIp: '10.0.0.2', dstPort: 2, payload: hexToBytes('6162'), time: 1.5}]);
    expect(bytesToHex(file)).toBe(
      [
        // magic a1b2c3d4 little-endian, version 2.4, zone 0, accuracy 0, snapshot length 0x40000, link type 1
        'd4c3b2a1 0200 0400 00000000 00000000 00000400 01000000',
        // 1.5 s = 1 s + 500000 µs (0x07a120); 44 bytes saved and on the wire
        '01000000 20a10700 2c000000 2c000000',
        // Ethernet II: destination 02:00:0a:00:00:02, source 02:00:0a:00:00:01, IPv4
        '02000a000002 02000a000001 0800',
        // IPv4: 30 bytes, id 0, don't fragment, TTL 64, UDP. The words 4500 001e 0000 4000 4011 0a00
        // 0001 0a00 0002 sum to d932, so the checksum is 26cd.
        '4500 001e 0000 4000 4011 26cd 0a000001 0a000002',
        // UDP: ports 1 → 2, length 10. Pseudo-header 0a00 0001 0a00 0002 0011 000a plus header
        // 0001 0002 000a and data 6162 sum to 758d, so the checksum is 8a72.
        '0001 0002 000a 8a72 6162',
      ]
        .join('')
        .replace(/ /g, ''),
    );
  });

  it('stamps packet n at n seconds by default and carries rounded microseconds', () => {
    const packet = {srcIp: '10.0.0.1', srcPort: 1, dstIp: '10.0.0.2', dstPort: 2, payload: new Uint8Array()};
    const file = toPcap([packet, packet, {...packet, time: 2.9999999}]);
    const recordAt = (index: number) => 24 + index * (16 + 42);
    expect(bytesToHex(file.subarray(recordAt(0), recordAt(0) + 8))).toBe('0000000000000000');
    expect(bytesToHex(file.subarray(recordAt(1), recordAt(1) + 8))).toBe('0100000000000000');
    expect(bytesToHex(file.subarray(recordAt(2), recordAt(2) + 8))).toBe('0300000000000000');
  });

  it('writes a file with no packets as the bare global header', () => {
    expect(toPcap([])).toHaveLength(24);
  });

  const good: PcapPacket = {srcIp: '10.0.0.1', srcPort: 1, dstIp: '10.0.0.2', dstPort: 2, payload: new Uint8Array()};
  it.each<[string, Partial<PcapPacket>]>([
    ['a bad source IP', {srcIp: '10.0.0'}],
    ['a bad destination IP', {dstIp: '10.0.0.256'}],
    ['a port over 16 bits', {srcPort: 65536}],
    ['a negative port', {dstPort: -1}],
    ['a fractional port', {dstPort: 1.5}],
    ['a payload too large for one IPv4 packet', {payload: new Uint8Array(MAX_UDP_PAYLOAD_LENGTH + 1)}],
    ['a payload that is not bytes', {payload: 'abc' as unknown as Uint8Array}],
    ['a negative time', {time: -1}],
    ['a time that is not finite', {time: Number.NaN}],
    ['a time past 32-bit seconds', {time: 2 ** 32}],
  ])('rejects %s', (_, change) => {
    expect(() => toPcap([{...good, ...change}])).toThrow(ProtocolError);
  });

  it('accepts the largest payload', () => {
    expect(toPcap([{...good, payload: new Uint8Array(MAX_UDP_PAYLOAD_LENGTH)}])).toHaveLength(24 + 16 + 14 + 65535);
  });
});

describe('Wireshark reads the file', () => {
  const tshark = process.env.TSHARK_PATH ?? '/usr/bin/tshark';
  const client = {ip: '192.168.1.2', port: 35990};
  const peer = {ip: '24.98.66.80', port: 8275};
  const plaintext = hexToBytes('04da017f4d4215');
  const common = {srcIp: '86.128.245.115', dstIp: peer.ip};
  const [nack7, , nack5] = sampleTraffic.udp_nack.packets;
  const datagrams = [
    obfuscateUdp({packetId: 0x7f4e, iv: 0x118ac037, plaintext, ...common}, teachingKeyEngine),
    obfuscateUdp({packetId: 0x7f4f, func: 0x32, iv: 0x2345, plaintext: new Uint8Array(600), ...common}, teachingKeyEngine),
    hexToBytes(nack7.udp_payload),
    hexToBytes(nack5.udp_payload),
    obfuscateResend({packetId: 0x7f48, func: 0x63, challenge: 0x83b08656, destIp: peer.ip, plaintext}, teachingKeyEngine),
    ...fragmentUdp({packetId: 0x1700, inReplyTo: 0x1676, iv: 9, plaintext: new Uint8Array(2000), ...common}, teachingKeyEngine),
    // Not an empty plaintext: Wireshark's dissector reports a payload without ciphertext as malformed.
    obfuscateUdp({packetId: 0xffff, iv: 0, plaintext: Uint8Array.of(0), ...common}, teachingKeyEngine),
  ];
  // Outgoing datagrams from the client, the NAcks back from the peer.
  const packets: PcapPacket[] = datagrams.map((payload, index) => {
    const incoming = index === 2 || index === 3;
    const [from, to] = incoming ? [peer, client] : [client, peer];
    return {srcIp: from.ip, srcPort: from.port, dstIp: to.ip, dstPort: to.port, payload, time: 1150000000 + index / 4};
  });
  const expectedTypes = ['0x02', '0x02', '0x07', '0x05', '0x03', '0x0f', '0x0f', '0x02'];
  const fields = [
    'frame.number',
    'frame.time_epoch',
    'ip.src',
    'ip.dst',
    'udp.srcport',
    'udp.dstport',
    'ip.checksum.status',
    'udp.checksum.status',
    'skype.som.id',
    'skype.som.type',
    'skype.payload.iv',
    'skype.natinfo.srcip',
    'skype.natrequest.srcip',
    '_ws.malformed',
    '_ws.expert.severity',
  ];

  it('counts every packet, reads addresses and ports, finds good checksums and decodes the Skype types', () => {
    if (!existsSync(tshark)) {
      throw new Error(`tshark not found at ${tshark}: install Debian's tshark package (apt-get install tshark) or set TSHARK_PATH`);
    }
    const folder = mkdtempSync(join(tmpdir(), 'skype-pcap-'));
    try {
      const file = join(folder, 'datagrams.pcap');
      writeFileSync(file, toPcap(packets));
      const output = execFileSync(
        tshark,
        [
          '-r', file,
          '-d', `udp.port==${client.port},skype`,
          '-o', 'ip.check_checksum:TRUE',
          '-o', 'udp.check_checksum:TRUE',
          '-T', 'fields',
          '-E', 'separator=/t',
          ...fields.flatMap((field) => ['-e', field]),
        ],
        {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000},
      );
      // Not trim(): empty fields at the end of the last line are tabs too.
      const lines = output.split('\n').filter((line) => line !== '');
      expect(lines.every((line) => line.split('\t').length === fields.length)).toBe(true);
      const rows = lines.map((line) => Object.fromEntries(line.split('\t').map((value, index) => [fields[index], value])));
      expect(rows).toHaveLength(packets.length);
      rows.forEach((row, index) => {
        const packet = packets[index];
        expect(row['frame.number']).toBe(String(index + 1));
        expect(Number(row['frame.time_epoch'])).toBeCloseTo(packet.time!, 5);
        expect([row['ip.src'], row['ip.dst']]).toEqual([packet.srcIp, packet.dstIp]);
        expect([row['udp.srcport'], row['udp.dstport']]).toEqual([String(packet.srcPort), String(packet.dstPort)]);
        // Checksum status 1 is "Good" (0 "Bad", 2 "Unverified").
        expect([row['ip.checksum.status'], row['udp.checksum.status']]).toEqual(['1', '1']);
        expect(row['skype.som.id']).toBe(`0x${bytesToHex(packet.payload.subarray(0, 2))}`);
        expect(row['skype.som.type']).toBe(expectedTypes[index]);
        expect(row['_ws.malformed']).toBe('');
        expect(row['_ws.expert.severity']).toBe('');
      });
      expect(rows[0]['skype.payload.iv']).toBe('0x118ac037');
      expect(rows[2]['skype.natrequest.srcip']).toBe(nack7.ip_field);
      expect(rows[3]['skype.natinfo.srcip']).toBe(nack5.ip_field);
    } finally {
      rmSync(folder, {recursive: true, force: true});
    }
  }, 60_000);
});

describe('readPcap', () => {
  // The hand-checked file of the toPcap test above: one datagram 10.0.0.1:1 → 10.0.0.2:2 holding "ab", at 1.5 s.
  const littleEndianFile =
    'd4c3b2a1 0200 0400 00000000 00000000 00000400 01000000' +
    '01000000 20a10700 2c000000 2c000000' +
    '02000a000002 02000a000001 0800' +
    '4500 001e 0000 4000 4011 26cd 0a000001 0a000002' +
    '0001 0002 000a 8a72 6162';

  it('reads the datagram of a hand-checked file: addresses, ports, payload and time', () => {
    const [packet, ...rest] = readPcap(hexToBytes(littleEndianFile));
    expect(rest).toHaveLength(0);
    expect({...packet, payload: bytesToHex(packet.payload)}).toEqual({srcIp: '10.0.0.1', srcPort: 1, dstIp: '10.0.0.2', dstPort: 2, payload: '6162', time: 1.5});
  });

  it('reads a file written big-endian, and an IPv4 header with options', () => {
    const bigEndian =
      'a1b2c3d4 0002 0004 00000000 00000000 00040000 00000001' +
      '00000002 00000000 00000030 00000030' +
      '02000a000002 02000a000001 0800' +
      // IHL 6: one word of options (four no-op bytes), so the UDP header starts 24 bytes in.
      '4600 0022 0000 4000 4011 0000 0a000001 0a000002 01010101' +
      '0001 0002 000a 0000 6162';
    const [packet] = readPcap(hexToBytes(bigEndian));
    expect(packet.time).toBe(2);
    expect(bytesToHex(packet.payload)).toBe('6162');
    expect(packet.dstPort).toBe(2);
  });

  it('skips frames that are not IPv4 and UDP', () => {
    const arpRecord = '00000000 00000000 0e000000 0e000000' + 'ffffffffffff 02000a000001 0806';
    const udpFile = littleEndianFile.replace(/ /g, '');
    // After the 24-byte global header (48 hex digits): an ARP frame, then the UDP one.
    const file = hexToBytes(udpFile.slice(0, 48) + arpRecord + udpFile.slice(48));
    expect(readPcap(file).map((packet) => bytesToHex(packet.payload))).toEqual(['6162']);
  });

  it('reads back what toPcap wrote: the fragments of a long message, in order', () => {
    const fragments = fragmentUdp({packetId: 1, inReplyTo: 0x1676, iv: 7, plaintext: new Uint8Array(3000).fill(0x5a), srcIp: '0.0.0.0', dstIp: '1.2.3.4'}, teachingKeyEngine);
    const packets = fragments.map((payload) => ({srcIp: '192.168.1.2', srcPort: 33033, dstIp: '1.2.3.4', dstPort: 34044, payload}));
    const read = readPcap(toPcap(packets));
    expect(read.map((packet) => bytesToHex(packet.payload))).toEqual(fragments.map(bytesToHex));
    expect(read.map((packet) => packet.time)).toEqual([0, 1, 2]);
  });

  it('says what is wrong, and where, in a file it cannot read', () => {
    const file = hexToBytes(littleEndianFile);
    expect(() => readPcap(file.subarray(0, 10))).toThrow(/24-byte header/);
    expect(() => readPcap(hexToBytes('0a0d0d0a' + littleEndianFile.slice(8)))).toThrow(/not a classic pcap/);
    const wrongLink = file.slice();
    wrongLink[20] = 101;
    expect(() => readPcap(wrongLink)).toThrow(/link type 101/);
    let error: unknown;
    try {
      readPcap(file.subarray(0, file.length - 1));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).offset).toBe(24);
  });
});
