import {describe, expect, it} from 'vitest';
import {ProtocolError, bytesToHex, hexToBytes, knownTcpInit, obfuscateTcpStream, rc4Keystream, seedToHex, teachingKeyEngine} from '@site/src/protocol';
import {TCP_SAMPLES, recordedKeys} from '@site/src/data/sampleTraffic';
import sampleTraffic from '@site/src/data/sample-traffic.json';
import {buildDefaults, buildStream, compareRecovered, defaultRole, firstFrameFields, initFitsRole, recoverKeystream, recoveredValue, trueDataOfBuilt, trueDataOfStream, type TrueData} from './reuse';

const [slideStream, captureInitiator, captureResponder] = TCP_SAMPLES;
interface StreamFacts {
  seed: string;
  expected: {
    first10_plain: string;
    after14_plain?: string;
    frames?: {first_varint: number; packet_id?: string; commands?: {cmdlen: number; cmdword: number; reqid?: string}[]}[];
  };
}
const [, initiatorFacts, responderFacts] = sampleTraffic.tcp_streams.streams as StreamFacts[];

/** The frames of a true-data reading, failing the test when they did not parse. */
function framesOf(truth: TrueData) {
  if (truth.frames === null || 'problem' in truth.frames) throw new Error('the true data did not read as frames');
  return truth.frames;
}

describe('recoverKeystream(stream, role) on the sample streams', () => {
  it('recovers the first 10 keystream bytes of the slide stream 33fbaf76 (Silver Needle slide 48)', () => {
    const recovery = recoverKeystream(slideStream.bytes, 'initiator');
    expect(recovery.seed).toBe(0x33fbaf76);
    expect(recoveredValue(recovery.keystream)).toBe(bytesToHex(rc4Keystream(recordedKeys.expand(0x33fbaf76), 10)));
    // The slide shows only the 14-byte header: nothing follows to decrypt.
    expect(recovery.recovered).toEqual([]);
  });

  it("recovers the first 10 clear data bytes of the capture initiator's stream", () => {
    const recovery = recoverKeystream(captureInitiator.bytes, 'initiator');
    expect(recoveredValue(recovery.recovered)).toBe(initiatorFacts.expected.after14_plain!.slice(0, 20));
  });

  it("leaves the responder's first two bytes unknown and recovers the other eight", () => {
    const recovery = recoverKeystream(captureResponder.bytes, 'responder');
    const truth = responderFacts.expected.after14_plain!.slice(0, 20);
    expect(recoveredValue(recovery.recovered)).toBe(`....${truth.slice(4)}`);
    expect(recovery.keystream.slice(0, 2)).toEqual([null, null]);
  });

  it('gets the last byte wrong when the role is guessed wrong (01 versus 03 at init byte 9)', () => {
    const wrong = recoverKeystream(captureResponder.bytes, 'initiator');
    const truth = hexToBytes(responderFacts.expected.after14_plain!.slice(0, 20));
    expect(wrong.recovered[9]).toBe(truth[9] ^ 0x01 ^ 0x03);
    expect(wrong.recovered.slice(2, 9)).toEqual(Array.from(truth.slice(2, 9)));
  });

  it('names the part of a short stream that is missing', () => {
    expect(() => recoverKeystream(hexToBytes('33fbaf'), 'initiator')).toThrow(/TCP seed/);
    expect(() => recoverKeystream(slideStream.bytes.slice(0, 9), 'initiator')).toThrow(ProtocolError);
    expect(() => recoverKeystream(slideStream.bytes.slice(0, 9), 'initiator')).toThrow(/TCP init block: expected 10 bytes, found 5/);
  });
});

describe('trueDataOfStream(stream)', () => {
  it('decrypts the capture streams with their recorded keys', () => {
    const initiator = trueDataOfStream(captureInitiator.bytes);
    expect(initiator.source).toBe('recorded');
    expect(initiatorFacts.expected.after14_plain!.startsWith(bytesToHex(initiator.data!))).toBe(true);
    expect(trueDataOfStream(captureResponder.bytes).source).toBe('recorded');
  });

  it('accepts the teaching engine only when its key gives a proper init block', () => {
    const built = obfuscateTcpStream(0x12345678, knownTcpInit('initiator').bytes, hexToBytes('07017a58'), teachingKeyEngine);
    expect(trueDataOfStream(built)).toMatchObject({source: 'teaching', data: hexToBytes('07017a58')});
    const forged = captureInitiator.bytes.slice();
    forged[0] ^= 0x01; // another seed: no recorded key, and the stand-in's key gives noise
    expect(trueDataOfStream(forged)).toEqual({source: 'unavailable', data: null, frames: null});
  });

  it('still decrypts data that no longer reads as frames, and says why it does not', () => {
    const edited = captureInitiator.bytes.slice();
    edited[14] ^= 0x30 ^ 0x00; // the first frame's length varint 0x30 becomes 0: an empty frame body
    const truth = trueDataOfStream(edited);
    expect(truth.source).toBe('recorded');
    expect(bytesToHex(truth.data!.slice(1, 10))).toBe(initiatorFacts.expected.after14_plain!.slice(2, 20));
    expect(truth.data![0]).toBe(0);
    expect(truth.frames).toMatchObject({problem: expect.any(ProtocolError)});
  });
});

describe('buildStream(seed, role, responderValue, data)', () => {
  it('rebuilds the capture responder stream byte for byte with its recorded key', () => {
    const data = hexToBytes(responderFacts.expected.after14_plain!).slice(0, captureResponder.bytes.length - 14);
    const built = buildStream(parseInt(responderFacts.seed, 16), 'responder', 0x014e, data);
    expect(built.source).toBe('recorded');
    expect(bytesToHex(built.init)).toBe(responderFacts.expected.first10_plain);
    expect(bytesToHex(built.stream)).toBe(bytesToHex(captureResponder.bytes));
  });

  it('uses the teaching engine for other seeds, and the attack still recovers the data', () => {
    const data = hexToBytes('30160613f20116054249');
    const built = buildStream(0x01020304, 'initiator', 0, data);
    expect(built.source).toBe('teaching');
    expect(recoveredValue(recoverKeystream(built.stream, 'initiator').recovered)).toBe('30160613f20116054249');
    expect(trueDataOfBuilt(built, data).source).toBe('teaching');
  });
});

describe('firstFrameFields(data, frames)', () => {
  it('reads the first frame of the capture initiator: length 48, packet id 1606, cmd 30 request 1605 (spec §4.2)', () => {
    const truth = trueDataOfStream(captureInitiator.bytes);
    const fields = firstFrameFields(truth.data!, framesOf(truth)).map(({field, start, end, value}) => `${field} ${start}-${end} ${value.toString(16)}`);
    const first = initiatorFacts.expected.frames![0];
    const command = first.commands![0];
    expect(fields).toEqual([
      `length 0-1 ${first.first_varint.toString(16)}`,
      `packetId 1-3 ${first.packet_id}`,
      `cmdlen 3-4 ${command.cmdlen.toString(16)}`,
      `cmdword 4-6 ${command.cmdword.toString(16)}`,
      `reqid 6-8 ${command.reqid}`,
      'params 8-25 42',
    ]);
  });

  it('reads the responder padding frame as a control frame of type 3', () => {
    const truth = trueDataOfStream(captureResponder.bytes);
    const fields = firstFrameFields(truth.data!, framesOf(truth));
    // 75 = varint 117: odd, a 58-byte body; 03 = padding; then 57 bytes of padding (spec §4.2).
    expect(fields.map(({field, start, end, value}) => [field, start, end, value])).toEqual([
      ['length', 0, 1, 117],
      ['controlType', 1, 2, 3],
      ['controlBody', 2, 59, 3],
    ]);
  });

  it('keeps only the length varint of a first frame cut off by the end of the data', () => {
    expect(firstFrameFields(hexToBytes('3016'), {frames: [], incomplete: 2})).toEqual([{field: 'length', start: 0, end: 1, value: 0x30}]);
  });

  it('initFitsRole tells the two init blocks apart by their fixed bytes', () => {
    expect(initFitsRole(hexToBytes(initiatorFacts.expected.first10_plain), 'initiator')).toBe(true);
    expect(initFitsRole(hexToBytes(responderFacts.expected.first10_plain), 'responder')).toBe(true);
    expect(initFitsRole(hexToBytes(responderFacts.expected.first10_plain), 'initiator')).toBe(false);
  });
});

describe('defaultRole(sample) and buildDefaults()', () => {
  it('guesses initiator for the streams the client behind NAT sent, responder for the one it received', () => {
    expect(TCP_SAMPLES.map(defaultRole)).toEqual(['initiator', 'initiator', 'responder']);
  });

  it("starts the builder from the capture: the initiator's seed and first frame, the responder's 16-bit value", () => {
    const defaults = buildDefaults();
    expect(seedToHex(defaults.seed)).toBe(initiatorFacts.seed);
    // The first frame is 25 bytes: its varint 0x30 = 48 announces a 24-byte body.
    expect(bytesToHex(defaults.data)).toBe(initiatorFacts.expected.after14_plain!.slice(0, 50));
    expect(defaults.responderValue.toString(16).padStart(4, '0')).toBe(responderFacts.expected.first10_plain.slice(0, 4));
  });
});


describe('compareRecovered(recovered, trueData)', () => {
  it('marks equal bytes, different bytes, and bytes that cannot be compared', () => {
    expect(compareRecovered([0x30, null, 0x06, 0x13], hexToBytes('301607'))).toEqual([true, null, false, null]);
    expect(compareRecovered([0x30], null)).toEqual([null]);
  });
});
