import {describe, expect, it} from 'vitest';
import {bytesToHex, encodeNack, hexToBytes, seedToHex, type UdpAddresses} from '@site/src/protocol';
import sampleTraffic from '@site/src/data/sample-traffic.json';
import {MAX_PAD_LENGTH, buildForward, datagramsValue, fitsOneDatagram, readBack, type ForwardPipeline, type ForwardSettings} from './pipeline';

// Silver Needle slide 41 (protocol.md §2.2 worked example): the probe request, cmd 27, reqid 7f4d,
// params the empty compressed list 42 15, sent as packet 7f4e with IV 118ac037 from 0.0.0.0.
const slide41 = sampleTraffic.udp_payload_packets.packets[0];
const slide41Settings: ForwardSettings = {
  list: hexToBytes('4215'),
  format: 'compressed',
  padLength: 0,
  command: {cmd: 27, flags: 2, reqid: 0x7f4d},
  packetId: 0x7f4e,
  iv: 0x118ac037,
  inReplyTo: 0x1676,
  addresses: {srcIp: '0.0.0.0', dstIp: '24.98.66.80'},
};

function built(settings: ForwardSettings): ForwardPipeline {
  const outcome = buildForward(settings);
  if (!outcome.ok) throw new Error(`the build failed at ${outcome.stage}`);
  return outcome.pipeline;
}

const ourAddresses: UdpAddresses = {srcIp: '10.0.0.1', dstIp: '10.0.0.2'};

describe('buildForward', () => {
  it('rebuilds the datagram of Silver Needle slide 41 byte for byte, with its recorded key', () => {
    expect(slide41.origin).toMatch(/slide 41/i);
    const pipeline = built(slide41Settings);
    expect(bytesToHex(pipeline.plaintext)).toBe('04da017f4d4215');
    expect(pipeline.fragmented).toBe(false);
    expect(pipeline.datagrams).toHaveLength(1);
    expect(datagramsValue(pipeline.datagrams)).toBe('7f4e02118ac037fc95755e5eb9817a8efa81');
    expect(datagramsValue(pipeline.datagrams)).toBe(slide41.udp_payload);
    expect(bytesToHex(pipeline.crcInput)).toBe('00000000504262184e7f0000');
    expect(seedToHex(pipeline.crcSeed)).toBe('3352dc77');
    expect(seedToHex(pipeline.datagrams[0].seed)).toBe('22d81c40');
    expect(seedToHex(pipeline.plaintextCrc)).toBe('fc95755e');
    expect(pipeline.datagrams[0].keySource).toBe('recorded');
    expect(pipeline.datagrams[0].layout.map((span) => span.field)).toEqual(['packetId', 'func', 'iv', 'crc', 'ciphertext']);
  });

  it('uses the teaching stand-in for a seed without a recorded key', () => {
    const pipeline = built({...slide41Settings, addresses: ourAddresses});
    expect(pipeline.datagrams[0].keySource).toBe('teaching');
    expect(pipeline.datagrams[0].crcOk).toBe(true);
  });

  it('re-encodes the list raw: the empty raw list is 41 00 (spec §7.1)', () => {
    const pipeline = built({...slide41Settings, format: 'raw'});
    expect(bytesToHex(pipeline.params)).toBe('4100');
    expect(bytesToHex(pipeline.plaintext)).toBe('04da017f4d4100');
  });

  it('appends the padding blob as a type-4 object', () => {
    const pipeline = built({...slide41Settings, padLength: 10, addresses: ourAddresses});
    expect(pipeline.items).toHaveLength(1);
    expect(pipeline.items[0]).toMatchObject({type: 4});
    expect(pipeline.paramSpans).toHaveLength(1);
  });

  it('fits 1344 plaintext bytes in one 1355-byte datagram and splits 1345 (spec §2.1: 1355 is the largest)', () => {
    expect(fitsOneDatagram(1355 - 11)).toBe(true);
    expect(fitsOneDatagram(1355 - 10)).toBe(false);
  });

  it('splits a large list into fragments of at most 1355 bytes, the last marked with 0x80 (spec §2.7)', () => {
    const pipeline = built({...slide41Settings, padLength: MAX_PAD_LENGTH, addresses: ourAddresses});
    expect(pipeline.fragmented).toBe(true);
    // 20,000 bytes of blob and a few of framing: 15 fragments of at most 1355 - 15 plaintext bytes.
    expect(pipeline.datagrams).toHaveLength(Math.ceil(pipeline.plaintext.length / 1340));
    expect(pipeline.datagrams).toHaveLength(15);
    for (const [index, {bytes, datagram}] of pipeline.datagrams.entries()) {
      expect(bytes.length).toBeLessThanOrEqual(1355);
      expect(bytes[2] & 0x8f).toBe(0x0f);
      expect(bytes[5]).toBe(index === 14 ? 0x80 | 14 : index);
      expect(bytes[6]).toBe(0x02);
      expect(datagram.kind).toBe('fragment');
    }
    expect(bytesToHex(pipeline.datagrams[0].bytes.subarray(3, 5))).toBe('1676');
  });

  it('blames the list for a wrong marker, and for bytes after the list', () => {
    const wrongMarker = buildForward({...slide41Settings, list: hexToBytes('4315')});
    expect(wrongMarker).toMatchObject({ok: false, stage: 'list', kind: 'error'});
    const trailing = buildForward({...slide41Settings, list: hexToBytes('421500')});
    expect(trailing).toEqual({ok: false, stage: 'list', kind: 'trailing', listLength: 2, total: 3});
  });

  it('blames the datagrams for a list too large even for 128 fragments', () => {
    const huge = buildForward({...slide41Settings, list: hexToBytes('4215'), padLength: 128 * 1340});
    expect(huge).toMatchObject({ok: false, stage: 'datagram', kind: 'error'});
  });
});

describe('readBack', () => {
  it('reads the slide 41 datagram back to its empty compressed list', () => {
    const outcome = readBack([hexToBytes(slide41.udp_payload)], {srcIp: slide41.src_public_ip, dstIp: slide41.dst_public_ip});
    if (!outcome.ok) throw new Error(outcome.kind);
    expect(outcome.reading.crcOk).toBe(true);
    expect(bytesToHex(outcome.reading.message)).toBe(slide41.expected.plaintext);
    expect(outcome.reading.list).toMatchObject({kind: 'list', format: 'compressed', items: []});
    expect(outcome.reading.list.kind === 'list' && bytesToHex(outcome.reading.list.bytes)).toBe('4215');
  });

  it('reassembles fragments given in any order into the list that was sent', () => {
    const pipeline = built({...slide41Settings, padLength: 3000, addresses: ourAddresses});
    const outcome = readBack(pipeline.datagrams.map(({bytes}) => bytes).reverse(), ourAddresses);
    if (!outcome.ok) throw new Error(outcome.kind);
    expect(outcome.reading.fragmented).toBe(true);
    expect(bytesToHex(outcome.reading.message)).toBe(bytesToHex(pipeline.plaintext));
    expect(outcome.reading.list.kind === 'list' && bytesToHex(outcome.reading.list.bytes)).toBe(bytesToHex(pipeline.params));
  });

  it('says which fragment is missing', () => {
    const pipeline = built({...slide41Settings, padLength: 3000, addresses: ourAddresses});
    const [first, , third] = pipeline.datagrams.map(({bytes}) => bytes);
    const outcome = readBack([first, third], ourAddresses);
    expect(outcome).toMatchObject({ok: false, kind: 'reassembly'});
    expect(!outcome.ok && outcome.kind === 'reassembly' && outcome.error.message).toMatch(/fragment 1 is missing/);
  });

  it('reports a CRC mismatch for the wrong addresses', () => {
    const outcome = readBack([hexToBytes(slide41.udp_payload)], ourAddresses);
    expect(outcome.ok && outcome.reading.crcOk).toBe(false);
  });

  it('blames the line of a datagram without an obfuscated payload, and a mix of types', () => {
    const nack = encodeNack({packetId: 0x7f4e, func: 0x77, ip: '82.124.72.51', challenge: 0x83b08656});
    expect(readBack([hexToBytes(slide41.udp_payload), nack], ourAddresses)).toMatchObject({ok: false, kind: 'datagram', index: 1});
    const fragments = built({...slide41Settings, padLength: 3000, addresses: ourAddresses}).datagrams.map(({bytes}) => bytes);
    expect(readBack([...fragments, hexToBytes(slide41.udp_payload)], ourAddresses)).toMatchObject({ok: false, kind: 'mixed', index: 3});
    expect(readBack([hexToBytes(slide41.udp_payload), hexToBytes(slide41.udp_payload)], ourAddresses)).toEqual({ok: false, kind: 'severalPayloads', count: 2});
  });
});
