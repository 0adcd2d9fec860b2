import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import sampleTraffic from '../data/sample-traffic.json';
import {bytesToHex, hexToBytes} from './bytes';
import {readCommands} from './commands';
import {udpCrcSeed} from './crc32';
import {ProtocolError} from './errors';
import {fuzzInputs, onlyProtocolErrors, protocolErrorOf} from './testing';
import {nextIv, tableKeyEngine, teachingKeyEngine} from './keyEngine';
import {
  deobfuscateUdp,
  encodeNack,
  fragmentUdp,
  MAX_DATAGRAM_LENGTH,
  MAX_FRAGMENT_PLAINTEXT,
  obfuscateResend,
  obfuscateUdp,
  parseUdpDatagram,
  reassembleFragments,
  udpFieldLayout,
  udpRc4Seed,
  type UdpDatagram,
  type UdpFieldSpan,
} from './udp';

const recordedKeys = tableKeyEngine(sampleTraffic.key_table.keys);
const hex = (value: string) => parseInt(value, 16);
const payloadPackets = sampleTraffic.udp_payload_packets.packets;
const [resend] = sampleTraffic.udp_resend.packets;
const nacks = sampleTraffic.udp_nack.packets;
const slidePacket = payloadPackets[0];

describe('type-2 payload datagrams of the sample traffic', () => {
  it.each(payloadPackets)('$origin', (packet) => {
    const bytes = hexToBytes(packet.udp_payload);
    const addresses = {srcIp: packet.src_public_ip, dstIp: packet.dst_public_ip};
    const {datagram, seed, plaintext, crcOk} = deobfuscateUdp(bytes, addresses, recordedKeys);
    expect(datagram).toMatchObject({
      kind: 'payload',
      packetId: hex(packet.header.packet_id),
      func: hex(packet.header.func),
      iv: hex(packet.header.iv),
      crc: hex(packet.header.crc),
    });
    expect(udpCrcSeed(addresses.srcIp, addresses.dstIp, hex(packet.header.packet_id))).toBe(hex(packet.expected.crc_seed));
    expect(seed).toBe(hex(packet.expected.rc4_seed));
    expect(bytesToHex(plaintext)).toBe(packet.expected.plaintext);
    expect(crcOk).toBe(true);

    const spans = readCommands(plaintext, 0, plaintext.length);
    expect(spans).toHaveLength(packet.expected.commands.length);
    spans.forEach(({command, cmdlen}, index) => {
      const expected = packet.expected.commands[index];
      expect(cmdlen).toBe(expected.cmdlen);
      expect(command.cmd).toBe(expected.cmd);
      expect(command.flags).toBe(expected.flags);
      expect(command.reqid).toBe('reqid' in expected ? hex(expected.reqid) : undefined);
      expect(bytesToHex(command.params)).toBe(expected.params_hex);
    });

    // Encrypting the recorded plaintext under the recorded key gives the captured bytes back.
    const rebuilt = obfuscateUdp({packetId: datagram.packetId, iv: hex(packet.header.iv), plaintext, ...addresses}, recordedKeys);
    expect(bytesToHex(rebuilt)).toBe(packet.udp_payload);
  });

  it('fails the CRC when the addresses are wrong (the seed changes)', () => {
    // The packet decrypts under another seed only if the engine has a key for it: use the teaching engine.
    const result = deobfuscateUdp(hexToBytes(slidePacket.udp_payload), {srcIp: '172.16.72.131', dstIp: '24.98.66.80'}, teachingKeyEngine);
    expect(result.crcOk).toBe(false);
  });

  it("passes on the table engine's error for a seed it has no key for", () => {
    const error = protocolErrorOf(() => deobfuscateUdp(hexToBytes(slidePacket.udp_payload), {srcIp: '1.1.1.1', dstIp: '24.98.66.80'}, recordedKeys));
    expect(error.message).toMatch(/no recorded key for seed/);
  });
});

describe('the type-3 resend of Silver Needle slide 59', () => {
  const bytes = hexToBytes(resend.udp_payload);

  it('has count, challenge, destination IP and CRC in its header', () => {
    expect(parseUdpDatagram(bytes)).toMatchObject({
      kind: 'resend',
      packetId: hex(resend.header.packet_id),
      func: hex(resend.header.func),
      count: hex(resend.header.byte3),
      challenge: hex(resend.header.challenge),
      destIp: resend.header.dest_ip,
      crc: hex(resend.header.crc),
    });
  });

  it('decrypts under packet id XOR challenge, whatever the addresses', () => {
    for (const addresses of [{srcIp: '0.0.0.0', dstIp: '0.0.0.0'}, {srcIp: '172.16.72.131', dstIp: '130.161.44.117'}]) {
      const {seed, plaintext, crcOk} = deobfuscateUdp(bytes, addresses, recordedKeys);
      expect(seed).toBe(hex(resend.expected.rc4_seed));
      expect(bytesToHex(plaintext)).toBe(resend.expected.plaintext);
      expect(crcOk).toBe(true);
    }
  });

  it('is rebuilt byte for byte by obfuscateResend', () => {
    const rebuilt = obfuscateResend(
      {
        packetId: hex(resend.header.packet_id),
        func: hex(resend.header.func),
        challenge: hex(resend.header.challenge),
        destIp: resend.header.dest_ip,
        plaintext: hexToBytes(resend.expected.plaintext),
      },
      recordedKeys,
    );
    expect(bytesToHex(rebuilt)).toBe(resend.udp_payload);
  });
});

describe('NAcks (types 5 and 7)', () => {
  it.each(nacks)('$origin', (nack) => {
    const datagram = parseUdpDatagram(hexToBytes(nack.udp_payload));
    expect(datagram).toEqual({kind: 'nack', packetId: hex(nack.packet_id), func: hex(nack.func), ip: nack.ip_field, challenge: hex(nack.challenge)});
    const rebuilt = encodeNack({packetId: hex(nack.packet_id), func: hex(nack.func), ip: nack.ip_field, challenge: hex(nack.challenge)});
    expect(bytesToHex(rebuilt)).toBe(nack.udp_payload);
  });

  it('the challenge of the slide-51 NAck is the one the slide-59 resend echoes', () => {
    const nack = parseUdpDatagram(hexToBytes(nacks[0].udp_payload));
    const answer = parseUdpDatagram(hexToBytes(resend.udp_payload));
    expect(nack.kind === 'nack' && answer.kind === 'resend' && nack.challenge === answer.challenge).toBe(true);
  });

  it('rejects trailing bytes and funcs of other types', () => {
    expect(protocolErrorOf(() => parseUdpDatagram(hexToBytes(`${nacks[0].udp_payload}00`))).offset).toBe(11);
    expect(() => encodeNack({packetId: 1, func: 0x02, ip: '1.2.3.4', challenge: 0})).toThrow(/5 or 7/);
    expect(() => encodeNack({packetId: 1, ip: '1.2.3', challenge: 0})).toThrow(ProtocolError);
  });
});

describe('parseUdpDatagram', () => {
  it('takes the type from func & 0x8F: random bits 4-6 are ignored, bit 7 is not', () => {
    expect(parseUdpDatagram(hexToBytes('0001 72 00000000 00000000')).kind).toBe('payload');
    expect(parseUdpDatagram(hexToBytes('0001 82 00000000 00000000')).kind).toBe('unknown');
  });

  it('keeps the bytes after the func byte of audio (0xD) and unknown types', () => {
    expect(parseUdpDatagram(hexToBytes('1234 3d aabb'))).toEqual({kind: 'audio', packetId: 0x1234, func: 0x3d, body: hexToBytes('aabb')});
    expect(parseUdpDatagram(hexToBytes('1234 00'))).toEqual({kind: 'unknown', packetId: 0x1234, func: 0, body: new Uint8Array()});
  });

  it('reads a fragment header: in_reply_to, index with 0x80 on the last, iv, crc', () => {
    const datagram = parseUdpDatagram(hexToBytes('0005 1f 1676 88 02 0000000a 0000000b cc'));
    expect(datagram).toEqual({
      kind: 'fragment',
      packetId: 5,
      func: 0x1f,
      inReplyTo: 0x1676,
      index: 8,
      last: true,
      iv: 10,
      crc: 11,
      ciphertext: hexToBytes('cc'),
    } satisfies UdpDatagram);
  });

  it.each([
    ['', 0, /start of frame/],
    ['7f4e', 0, /start of frame/],
    ['7f4e02118a', 3, /payload IV/],
    ['7f4e02118ac037fc95', 7, /payload CRC/],
    ['7f4863', 3, /resend count/],
    ['7f486301 83b08656 82a1', 8, /destination IP/],
    ['7f4e77527c4833', 7, /NAck challenge/],
    ['00050f16', 3, /in_reply_to/],
    ['00050f167688', 5, /fragment index/],
    ['00050f1676880200', 7, /fragment IV/],
  ])('reports %j cut short at offset %i', (text, offset, message) => {
    const error = protocolErrorOf(() => parseUdpDatagram(hexToBytes(text)));
    expect(error.offset).toBe(offset);
    expect(error.message).toMatch(message);
  });

  it('rejects a fragment without its 0x02 block marker', () => {
    expect(protocolErrorOf(() => parseUdpDatagram(hexToBytes('0005 0f 1676 00 03 00000000 00000000'))).offset).toBe(6);
  });

  it('rejects what is not bytes', () => {
    expect(() => parseUdpDatagram([1, 2, 3] as unknown as Uint8Array)).toThrow(ProtocolError);
  });
});

describe('udpFieldLayout', () => {
  /** The hex of each field's bytes, by field name, as the layout cuts them. */
  function fieldsOf(text: string): Record<string, string> {
    const bytes = hexToBytes(text);
    const layout = udpFieldLayout(parseUdpDatagram(bytes), bytes.length);
    return Object.fromEntries(layout.map(({field, start, end}) => [field, bytesToHex(bytes.slice(start, end))]));
  }
  /** Dotted-quad IPv4 text as the four bytes it travels as. */
  const ipHex = (ip: string) => ip.split('.').map((part) => Number(part).toString(16).padStart(2, '0')).join('');

  it('cuts the slide-41 payload where its recorded header says: bytes [3, 7) are the iv 118ac037 (spec §2.2)', () => {
    const bytes = hexToBytes(slidePacket.udp_payload);
    expect(udpFieldLayout(parseUdpDatagram(bytes), bytes.length)).toEqual([
      {field: 'packetId', start: 0, end: 2},
      {field: 'func', start: 2, end: 3},
      {field: 'iv', start: 3, end: 7},
      {field: 'crc', start: 7, end: 11},
      {field: 'ciphertext', start: 11, end: bytes.length},
    ] satisfies UdpFieldSpan[]);
    expect(bytesToHex(bytes.slice(3, 7))).toBe(slidePacket.header.iv);
  });

  it.each(payloadPackets)('$origin: each header field holds the recorded value', (packet) => {
    expect(fieldsOf(packet.udp_payload)).toEqual({
      packetId: packet.header.packet_id,
      func: packet.header.func,
      iv: packet.header.iv,
      crc: packet.header.crc,
      // The ciphertext is as long as the recorded plaintext.
      ciphertext: expect.stringMatching(new RegExp(`^[0-9a-f]{${packet.expected.plaintext.length}}$`)),
    });
  });

  it('cuts the slide-59 resend into count, challenge, destination IP and CRC (spec §2.6)', () => {
    expect(fieldsOf(resend.udp_payload)).toEqual({
      packetId: resend.header.packet_id,
      func: resend.header.func,
      count: resend.header.byte3,
      challenge: resend.header.challenge,
      destinationIp: ipHex(resend.header.dest_ip),
      crc: resend.header.crc,
      ciphertext: expect.stringMatching(new RegExp(`^[0-9a-f]{${resend.expected.plaintext.length}}$`)),
    });
  });

  it.each(nacks)('$origin: a NAck is its ip and challenge, nothing after (spec §2.5)', (nack) => {
    expect(fieldsOf(nack.udp_payload)).toEqual({packetId: nack.packet_id, func: nack.func, ip: ipHex(nack.ip_field), challenge: nack.challenge});
  });

  it('cuts a fragment carrying the slide-41 block: in_reply_to, index, marker, then iv and crc four bytes later (spec §2.7)', () => {
    const {packet_id: packetId, iv, crc} = slidePacket.header;
    const ciphertext = slidePacket.udp_payload.slice(22);
    expect(fieldsOf(`${packetId}1f16768002${iv}${crc}${ciphertext}`)).toEqual({
      packetId,
      func: '1f',
      inReplyTo: '1676',
      fragmentIndex: '80',
      blockMarker: '02',
      iv,
      crc,
      ciphertext,
    });
  });

  it('gives audio and unknown types a body after func, and lists an empty ciphertext', () => {
    expect(fieldsOf('12343daabb')).toEqual({packetId: '1234', func: '3d', body: 'aabb'});
    expect(fieldsOf('123400')).toEqual({packetId: '1234', func: '00', body: ''});
    expect(fieldsOf('0001 02 00000000 00000000')).toMatchObject({ciphertext: ''});
  });

  it('covers every sample datagram from byte 0 to its end without gap or overlap', () => {
    for (const text of [...payloadPackets.map((packet) => packet.udp_payload), resend.udp_payload, ...nacks.map((nack) => nack.udp_payload)]) {
      const bytes = hexToBytes(text);
      const layout = udpFieldLayout(parseUdpDatagram(bytes), bytes.length);
      expect(layout[0].start).toBe(0);
      layout.slice(1).forEach((span, index) => expect(span.start).toBe(layout[index].end));
      expect(layout[layout.length - 1].end).toBe(bytes.length);
    }
  });

  it('rejects a length other than the datagram\'s, and what is not a parsed datagram', () => {
    const bytes = hexToBytes(slidePacket.udp_payload);
    expect(() => udpFieldLayout(parseUdpDatagram(bytes), bytes.length + 1)).toThrow(/18 bytes long, but the length given is 19/);
    expect(() => udpFieldLayout(parseUdpDatagram(hexToBytes(nacks[0].udp_payload)), 12)).toThrow(ProtocolError);
    expect(() => udpFieldLayout({kind: 'other'} as unknown as UdpDatagram, 3)).toThrow(ProtocolError);
    expect(() => udpFieldLayout(null as unknown as UdpDatagram, 3)).toThrow(ProtocolError);
    expect(() => udpFieldLayout({kind: 'payload', packetId: 1, func: 2} as unknown as UdpDatagram, 11)).toThrow(ProtocolError);
  });
});

describe('deobfuscateUdp', () => {
  it.each([
    ['a NAck', nacks[0].udp_payload],
    ['an audio datagram', '12340d00'],
    ['an unknown type', '123400'],
  ])('says that %s carries no obfuscated payload', (_, text) => {
    const error = protocolErrorOf(() => deobfuscateUdp(hexToBytes(text), {srcIp: '0.0.0.0', dstIp: '0.0.0.0'}, teachingKeyEngine));
    expect(error.message).toMatch(/carries no obfuscated payload/);
    expect(error.offset).toBe(2);
  });

  it('seeds a fragment like a payload, from the outer packet id and its own iv', () => {
    // The ciphertext, CRC, iv and packet id of the slide-41 payload, moved into a fragment with
    // another in_reply_to: same seed, so the same plaintext.
    const fragment = hexToBytes('7f4e 0f 1676 80 02 118ac037 fc95755e 5eb9817a8efa81');
    const {datagram, seed, plaintext, crcOk} = deobfuscateUdp(fragment, {srcIp: '0.0.0.0', dstIp: '24.98.66.80'}, recordedKeys);
    expect(datagram).toMatchObject({kind: 'fragment', index: 0, last: true, inReplyTo: 0x1676});
    expect(seed).toBe(0x22d81c40);
    expect(bytesToHex(plaintext)).toBe('04da017f4d4215');
    expect(crcOk).toBe(true);
  });

  it('rejects missing addresses and engines with a ProtocolError', () => {
    const bytes = hexToBytes(slidePacket.udp_payload);
    expect(() => deobfuscateUdp(bytes, undefined as never, teachingKeyEngine)).toThrow(ProtocolError);
    expect(() => deobfuscateUdp(bytes, {srcIp: '0.0.0.0', dstIp: '24.98.66.80'}, {} as never)).toThrow(ProtocolError);
  });
});

describe('obfuscateUdp', () => {
  const packet = {packetId: 1, iv: 2, plaintext: new Uint8Array(4), srcIp: '0.0.0.0', dstIp: '1.2.3.4'};

  it('writes func 0x02 unless given another func of type 2', () => {
    expect(obfuscateUdp(packet, teachingKeyEngine)[2]).toBe(0x02);
    expect(obfuscateUdp({...packet, func: 0x52}, teachingKeyEngine)[2]).toBe(0x52);
  });

  it.each([
    ['a func of type 3', {func: 0x03}],
    ['a func of type 0x82', {func: 0x82}],
    ['a func over 8 bits', {func: 0x102}],
    ['a packet id over 16 bits', {packetId: 0x10000}],
    ['a negative iv', {iv: -1}],
    ['an iv over 32 bits', {iv: 2 ** 32}],
    ['bad IPv4 text', {dstIp: '1.2.3.256'}],
    ['a plaintext that is not bytes', {plaintext: 'abc' as unknown as Uint8Array}],
    ['a datagram over 1355 bytes', {plaintext: new Uint8Array(MAX_DATAGRAM_LENGTH - 10)}],
  ])('rejects %s', (_, change) => {
    expect(() => obfuscateUdp({...packet, ...change}, teachingKeyEngine)).toThrow(ProtocolError);
  });

  it('accepts a datagram of exactly 1355 bytes', () => {
    expect(obfuscateUdp({...packet, plaintext: new Uint8Array(MAX_DATAGRAM_LENGTH - 11)}, teachingKeyEngine)).toHaveLength(1355);
  });
});

const ipArbitrary = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));

describe('round trips (teaching engine)', () => {
  it('deobfuscateUdp(obfuscateUdp(packet)) gives the packet back', () => {
    fc.assert(
      fc.property(
        fc.record({
          packetId: fc.integer({min: 0, max: 0xffff}),
          func: fc.integer({min: 0, max: 7}).map((bits) => (bits << 4) | 0x02),
          iv: fc.integer({min: 0, max: 0xffffffff}),
          plaintext: fc.uint8Array({maxLength: MAX_DATAGRAM_LENGTH - 11}),
          srcIp: ipArbitrary,
          dstIp: ipArbitrary,
        }),
        (packet) => {
          const bytes = obfuscateUdp(packet, teachingKeyEngine);
          const {datagram, seed, plaintext, crcOk} = deobfuscateUdp(bytes, packet, teachingKeyEngine);
          expect(datagram).toMatchObject({kind: 'payload', packetId: packet.packetId, func: packet.func, iv: packet.iv});
          expect(seed).toBe((udpCrcSeed(packet.srcIp, packet.dstIp, packet.packetId) ^ packet.iv) >>> 0);
          expect(bytesToHex(plaintext)).toBe(bytesToHex(packet.plaintext));
          expect(crcOk).toBe(true);
        },
      ),
      {numRuns: 200},
    );
  });

  it('resends decrypt back to their plaintext', () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 0xffff}), fc.integer({min: 0, max: 0xffffffff}), ipArbitrary, fc.uint8Array({maxLength: 200}), (packetId, challenge, destIp, plaintext) => {
        const bytes = obfuscateResend({packetId, challenge, destIp, plaintext}, teachingKeyEngine);
        const result = deobfuscateUdp(bytes, {srcIp: '0.0.0.0', dstIp: '0.0.0.0'}, teachingKeyEngine);
        expect(result.datagram).toMatchObject({kind: 'resend', count: 1, challenge, destIp});
        expect(result.seed).toBe((packetId ^ challenge) >>> 0);
        expect(bytesToHex(result.plaintext)).toBe(bytesToHex(plaintext));
        expect(result.crcOk).toBe(true);
      }),
      {numRuns: 100},
    );
  });
});

describe('fragments', () => {
  const message = {packetId: 0xfffe, inReplyTo: 0x1676, iv: 0x118ac037, srcIp: '86.128.245.115', dstIp: '66.67.61.44'};

  it('builds the slide-41 block as a single fragment under the recorded key', () => {
    const [fragment, ...rest] = fragmentUdp(
      {packetId: 0x7f4e, inReplyTo: 0x1676, iv: 0x118ac037, plaintext: hexToBytes('04da017f4d4215'), srcIp: '0.0.0.0', dstIp: '24.98.66.80'},
      recordedKeys,
    );
    expect(rest).toEqual([]);
    expect(bytesToHex(fragment)).toBe('7f4e0f16768002118ac037fc95755e5eb9817a8efa81');
  });

  it('numbers 9 fragments 00 01 … 07 88, as in the capture, each at most 1355 bytes', () => {
    const plaintext = Uint8Array.from({length: 8 * MAX_FRAGMENT_PLAINTEXT + 1}, (_, index) => index);
    const datagrams = fragmentUdp({...message, plaintext}, teachingKeyEngine);
    expect(datagrams.map((datagram) => datagram[5])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 0x88]);
    expect(datagrams.slice(0, 8).every((datagram) => datagram.length === 1355)).toBe(true);
    expect(datagrams[8]).toHaveLength(15 + 1);
    // Our choice: consecutive packet ids (wrapping at 16 bits) and IVs along the client's chain.
    expect(datagrams.map((datagram) => (datagram[0] << 8) | datagram[1]).slice(0, 3)).toEqual([0xfffe, 0xffff, 0]);
    expect(parseUdpDatagram(datagrams[1])).toMatchObject({iv: nextIv(message.iv)});
  });

  it('split, decrypted and reassembled in any order, gives the plaintext back', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 5 * MAX_FRAGMENT_PLAINTEXT}), fc.nat(), (plaintext, rotation) => {
        const parts = fragmentUdp({...message, plaintext}, teachingKeyEngine).map((bytes) => {
          const {datagram, plaintext: part, crcOk} = deobfuscateUdp(bytes, message, teachingKeyEngine);
          expect(crcOk).toBe(true);
          if (datagram.kind !== 'fragment') throw new Error(`expected a fragment, got ${datagram.kind}`);
          expect(datagram.inReplyTo).toBe(message.inReplyTo);
          return {index: datagram.index, last: datagram.last, plaintext: part};
        });
        const shuffled = [...parts.slice(rotation % parts.length), ...parts.slice(0, rotation % parts.length)];
        expect(bytesToHex(reassembleFragments(shuffled))).toBe(bytesToHex(plaintext));
      }),
      {numRuns: 60},
    );
  });

  it('fits at most 128 fragments', () => {
    expect(fragmentUdp({...message, plaintext: new Uint8Array(128 * MAX_FRAGMENT_PLAINTEXT)}, teachingKeyEngine)).toHaveLength(128);
    expect(() => fragmentUdp({...message, plaintext: new Uint8Array(128 * MAX_FRAGMENT_PLAINTEXT + 1)}, teachingKeyEngine)).toThrow(/129 fragments/);
    expect(() => fragmentUdp({...message, func: 0x02, plaintext: new Uint8Array(1)}, teachingKeyEngine)).toThrow(ProtocolError);
  });

  const part = (index: number, last = false) => ({index, last, plaintext: Uint8Array.of(index)});

  it('reassembles by index', () => {
    expect(bytesToHex(reassembleFragments([part(2, true), part(0), part(1)]))).toBe('000102');
    expect(bytesToHex(reassembleFragments([part(0, true)]))).toBe('00');
  });

  it.each([
    ['no fragments', [], /non-empty/],
    ['a gap', [part(0), part(2, true)], /fragment 1 is missing/],
    ['a missing first fragment', [part(1, true)], /fragment 0 is missing/],
    ['a duplicate', [part(0), part(1), part(1, true)], /fragment 1 appears twice/],
    ['no last mark', [part(0), part(1)], /marked: none/],
    ['two last marks', [part(0, true), part(1, true)], /marked: 0, 1/],
    ['a last mark below the highest index', [part(0, true), part(1)], /the highest \(1\)/],
    ['an index over 7 bits', [part(128, true)], /7 bits/],
  ])('rejects %s', (_, parts, message) => {
    expect(() => reassembleFragments(parts)).toThrow(message);
    expect(() => reassembleFragments(parts)).toThrow(ProtocolError);
  });
});

describe('fuzzing', () => {
  const samples = [
    ...payloadPackets.map((packet) => packet.udp_payload),
    resend.udp_payload,
    ...nacks.map((nack) => nack.udp_payload),
    '7f4e0f16768002118ac037fc95755e5eb9817a8efa81',
    '12340d0102030405',
  ].map(hexToBytes);
  const inputs = fuzzInputs(samples, {maxRandomLength: 40});

  it('parseUdpDatagram raises nothing but ProtocolError on 100,000 inputs', () => {
    fc.assert(onlyProtocolErrors(inputs, parseUdpDatagram), {numRuns: 100_000, seed: 0x0d9});
  });

  it('deobfuscateUdp (teaching engine) raises nothing but ProtocolError on 100,000 inputs', () => {
    const addresses = {srcIp: '86.128.245.115', dstIp: '66.67.61.44'};
    fc.assert(onlyProtocolErrors(inputs, (bytes) => deobfuscateUdp(bytes, addresses, teachingKeyEngine)), {numRuns: 100_000, seed: 0x0d9 + 1});
  });
});

describe('udpRc4Seed', () => {
  it.each(sampleTraffic.udp_payload_packets.packets.map((packet) => [packet.origin.slice(0, 40), packet] as const))('gives the recorded seed of %s from its header and addresses', (_, packet) => {
    const datagram = parseUdpDatagram(hexToBytes(packet.udp_payload));
    expect(udpRc4Seed(datagram, {srcIp: packet.src_public_ip, dstIp: packet.dst_public_ip}).toString(16).padStart(8, '0')).toBe(packet.expected.rc4_seed);
  });
  it('uses the packet id and the challenge of a resend, not the addresses', () => {
    const resend = sampleTraffic.udp_resend.packets[0];
    const datagram = parseUdpDatagram(hexToBytes(resend.udp_payload));
    expect(udpRc4Seed(datagram, {srcIp: '1.2.3.4', dstIp: '5.6.7.8'}).toString(16)).toBe(resend.expected.rc4_seed);
  });
  it('refuses a NAck, which carries no obfuscated payload', () => {
    expect(() => udpRc4Seed(parseUdpDatagram(hexToBytes(sampleTraffic.udp_nack.packets[0].udp_payload)), {srcIp: '0.0.0.0', dstIp: '0.0.0.0'})).toThrow(ProtocolError);
  });
});
