import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import sampleTraffic from '../data/sample-traffic.json';
import {bytesToHex, hexToBytes} from './bytes';
import type {Command} from './commands';
import {ProtocolError} from './errors';
import {mutatedSamples, onlyProtocolErrors, protocolErrorOf} from './testing';
import {tableKeyEngine, teachingKeyEngine} from './keyEngine';
import {deobfuscateTcpStream, encodeTcpFrames, knownTcpInit, obfuscateTcpStream, parseTcpFrames, type TcpFrame, type TcpFrameInput} from './tcp';

const recordedKeys = tableKeyEngine(sampleTraffic.key_table.keys);
const hex = (value: string) => parseInt(value, 16);
const [slideStream] = sampleTraffic.tcp_streams.streams;
// The capture streams are the ones with recorded data and frames.
const captureStreams = sampleTraffic.tcp_streams.streams.flatMap(({expected, ...stream}) =>
  expected.frames && expected.after14_plain ? [{...stream, expected: {...expected, frames: expected.frames, after14_plain: expected.after14_plain}}] : [],
);
const initiatorInit = hexToBytes('00010000000100000001');

describe('the TCP header of Silver Needle slide 48', () => {
  const bytes = hexToBytes(slideStream.stream_prefix);

  it('decrypts to the initiator init block and no data', () => {
    const result = deobfuscateTcpStream(bytes, recordedKeys);
    expect(result.seed).toBe(hex(slideStream.seed));
    expect(bytesToHex(result.init)).toBe(slideStream.expected.first10_plain);
    expect(result.data).toHaveLength(0);
    expect(result.frames).toEqual([]);
    expect(result.incomplete).toBe(0);
  });

  it('is rebuilt byte for byte by obfuscateTcpStream', () => {
    expect(bytesToHex(obfuscateTcpStream(hex(slideStream.seed), initiatorInit, new Uint8Array(), recordedKeys))).toBe(slideStream.stream_prefix);
  });
});

describe.each(captureStreams)('$origin', (stream) => {
  const bytes = hexToBytes(stream.stream_prefix);
  const result = deobfuscateTcpStream(bytes, recordedKeys);

  it('has the recorded seed, init block and data', () => {
    expect(result.seed).toBe(hex(stream.seed));
    expect(bytesToHex(result.init)).toBe(stream.expected.first10_plain);
    expect(bytesToHex(result.data).startsWith(stream.expected.after14_plain)).toBe(true);
    expect(result.data).toHaveLength(bytes.length - 14);
  });

  it('restarts the keystream for the data: the same 10 keystream bytes cover init and data', () => {
    // XOR of two ciphertexts under one keystream is the XOR of their plaintexts.
    const data = hexToBytes(stream.expected.after14_plain);
    const init = hexToBytes(stream.expected.first10_plain);
    for (let index = 0; index < 10; index++) expect(bytes[4 + index] ^ bytes[14 + index]).toBe(init[index] ^ data[index]);
  });

  it('splits the data into the recorded frames', () => {
    expect(result.frames).toHaveLength(stream.expected.frames.length);
    result.frames.forEach((frame, index) => {
      const expected = stream.expected.frames[index];
      expect(frame.offset).toBe(expected.offset);
      if (expected.kind === 'even') {
        if (frame.kind !== 'packet') throw new Error(`frame ${index}: expected a packet frame`);
        expect(frame.packetId).toBe(hex(expected.packet_id!));
        expect(frame.commands).toHaveLength(expected.commands!.length);
        frame.commands.forEach((command, position) => {
          const recorded = expected.commands![position];
          expect(command.cmd).toBe(recorded.cmd);
          expect(command.flags).toBe(recorded.flags);
          expect(command.reqid).toBe(recorded.reqid === undefined ? undefined : hex(recorded.reqid));
          expect(bytesToHex(command.params)).toBe(recorded.params_hex);
        });
      } else {
        if (frame.kind !== 'control') throw new Error(`frame ${index}: expected a control frame`);
        // The recorded body starts with the type byte; ours is what follows it.
        expect(frame.type).toBe(expected.type);
        expect(expected.body!.slice(0, 2)).toBe(expected.type!.toString(16).padStart(2, '0'));
        expect(bytesToHex(frame.body)).toBe(expected.body!.slice(2));
      }
    });
    expect(result.incomplete).toBe(0);
  });

  it('is rebuilt byte for byte from its frames', () => {
    expect(bytesToHex(encodeTcpFrames(result.frames))).toBe(bytesToHex(result.data));
    expect(bytesToHex(obfuscateTcpStream(result.seed, result.init, result.data, recordedKeys))).toBe(stream.stream_prefix);
  });
});

describe('a stream cut off by the end of the input', () => {
  // The responder stream: a 58-byte padding frame at data offset 0, then a 414-byte packet frame at
  // 59 whose length varint (828) takes 2 bytes.
  const stream = hexToBytes(captureStreams[1].stream_prefix);

  it.each([
    [14 + 59, 1, 0],
    [14 + 59 + 1, 1, 1],
    [14 + 59 + 2, 1, 2],
    [14 + 59 + 300, 1, 300],
    [14 + 30, 0, 30],
    [stream.length - 1, 1, 415],
  ])('cut at %i bytes: %i whole frames, %i bytes incomplete', (length, frameCount, incomplete) => {
    const result = deobfuscateTcpStream(stream.subarray(0, length), recordedKeys);
    expect(result.frames).toHaveLength(frameCount);
    expect(result.incomplete).toBe(incomplete);
    expect(result.data).toHaveLength(length - 14);
  });
});

describe('malformed streams', () => {
  const withData = (data: string) => obfuscateTcpStream(0x12345678, initiatorInit, hexToBytes(data), teachingKeyEngine);

  it.each([
    ['an even frame with an empty body', '00', 15, /even frame/],
    ['an even frame with only a packet id', '04 1606', 15, /even frame.*body is 2 bytes/],
    ['an odd frame with an empty body', '07017a58 01', 19, /odd frame/],
    ['a command cut short inside its frame', '06 1606 00', 18, /cmdword/],
    ['a command longer than its frame', '0a 1606 09da01 05 00', 17, /runs past the end/],
    ['a frame length over 32 bits', '07017a58 ffffffff7f', 22, /larger than 32 bits/],
  ])('reports %s at its absolute offset', (_, data, offset, message) => {
    const error = protocolErrorOf(() => deobfuscateTcpStream(withData(data), teachingKeyEngine));
    expect(error.offset).toBe(offset);
    expect(error.message).toMatch(message);
  });

  it('counts offsets from the data in parseTcpFrames', () => {
    expect(protocolErrorOf(() => parseTcpFrames(hexToBytes('07017a58 01'))).offset).toBe(5);
    expect(parseTcpFrames(hexToBytes('07017a58'))).toEqual({frames: [{kind: 'control', offset: 0, type: 1, body: hexToBytes('7a58')}], incomplete: 0});
  });

  it('rejects a header shorter than 14 bytes', () => {
    expect(protocolErrorOf(() => deobfuscateTcpStream(hexToBytes('33fbaf'), recordedKeys)).offset).toBe(0);
    expect(protocolErrorOf(() => deobfuscateTcpStream(hexToBytes('33fbaf7628abb1930aff6cdf55'), recordedKeys)).offset).toBe(4);
  });

  it('passes on the table engine\'s error for a seed it has no key for', () => {
    expect(() => deobfuscateTcpStream(new Uint8Array(14), recordedKeys)).toThrow(/no recorded key for seed 00000000/);
  });
});

describe('encoders reject what they cannot write', () => {
  it.each([
    ['a seed over 32 bits', () => obfuscateTcpStream(2 ** 32, initiatorInit, new Uint8Array(), teachingKeyEngine)],
    ['an init block of 9 bytes', () => obfuscateTcpStream(1, new Uint8Array(9), new Uint8Array(), teachingKeyEngine)],
    ['data that is not bytes', () => obfuscateTcpStream(1, initiatorInit, 'data' as unknown as Uint8Array, teachingKeyEngine)],
    ['a packet frame without commands', () => encodeTcpFrames([{kind: 'packet', packetId: 1, commands: []}])],
    ['a packet id over 16 bits', () => encodeTcpFrames([{kind: 'packet', packetId: 0x10000, commands: [{cmd: 1, flags: 1, params: new Uint8Array()}]}])],
    ['a control type over 8 bits', () => encodeTcpFrames([{kind: 'control', type: 256, body: new Uint8Array()}])],
    ['an unknown kind', () => encodeTcpFrames([{kind: 'other'} as unknown as TcpFrameInput])],
  ])('%s', (_, action) => {
    expect(action).toThrow(ProtocolError);
  });
});

const commandArbitrary: fc.Arbitrary<Command> = fc
  .record({cmd: fc.integer({min: 0, max: 0x1fffffff}), flags: fc.integer({min: 0, max: 7}), reqid: fc.integer({min: 0, max: 0xffff}), params: fc.uint8Array({maxLength: 40})})
  .map(({cmd, flags, reqid, params}) => (flags === 2 || flags === 3 ? {cmd, flags, reqid, params} : {cmd, flags, params}));
const frameArbitrary: fc.Arbitrary<TcpFrameInput> = fc.oneof(
  fc.record({kind: fc.constant('packet' as const), packetId: fc.integer({min: 0, max: 0xffff}), commands: fc.array(commandArbitrary, {minLength: 1, maxLength: 3})}),
  fc.record({kind: fc.constant('control' as const), type: fc.integer({min: 0, max: 255}), body: fc.uint8Array({maxLength: 80})}),
);

describe('round trips (teaching engine)', () => {
  it('deobfuscateTcpStream(obfuscateTcpStream(…)) gives seed, init, data and frames back', () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 0xffffffff}), fc.uint8Array({minLength: 10, maxLength: 10}), fc.array(frameArbitrary, {maxLength: 6}), (seed, init, frames) => {
        const data = encodeTcpFrames(frames);
        const result = deobfuscateTcpStream(obfuscateTcpStream(seed, init, data, teachingKeyEngine), teachingKeyEngine);
        expect(result.seed).toBe(seed);
        expect(bytesToHex(result.init)).toBe(bytesToHex(init));
        expect(bytesToHex(result.data)).toBe(bytesToHex(data));
        expect(result.incomplete).toBe(0);
        expect(result.frames.map(({offset, ...frame}) => frame)).toEqual(frames);
        // Each frame starts where the frames before it end.
        result.frames.forEach((frame: TcpFrame, index) => {
          expect(frame.offset).toBe(encodeTcpFrames(frames.slice(0, index)).length);
        });
      }),
      {numRuns: 300},
    );
  });

  it('a stream cut anywhere keeps its whole frames and reports the rest as incomplete', () => {
    fc.assert(
      fc.property(fc.array(frameArbitrary, {minLength: 1, maxLength: 4}), fc.nat(), (frames, cut) => {
        const data = encodeTcpFrames(frames);
        const length = cut % (data.length + 1);
        const result = deobfuscateTcpStream(obfuscateTcpStream(7, initiatorInit, data.subarray(0, length), teachingKeyEngine), teachingKeyEngine);
        const whole = frames.filter((_, index) => encodeTcpFrames(frames.slice(0, index + 1)).length <= length);
        expect(result.frames).toHaveLength(whole.length);
        expect(result.incomplete).toBe(length - encodeTcpFrames(whole).length);
      }),
      {numRuns: 300},
    );
  });
});

describe('fuzzing deobfuscateTcpStream', () => {
  it('raises nothing but ProtocolError on 50,000 random and mutated real streams (recorded keys)', () => {
    const samples = sampleTraffic.tcp_streams.streams.map((stream) => hexToBytes(stream.stream_prefix));
    const inputs = fc.oneof(fc.uint8Array({maxLength: 40}), mutatedSamples(samples, 4), mutatedSamples(samples, 0));
    fc.assert(onlyProtocolErrors(inputs, (bytes) => deobfuscateTcpStream(bytes, recordedKeys)), {numRuns: 50_000, seed: 0x7c9});
  });

  it('raises nothing but ProtocolError on 50,000 streams of random and mutated clear frames (teaching engine)', () => {
    const clearSamples = captureStreams.map((stream) => deobfuscateTcpStream(hexToBytes(stream.stream_prefix), recordedKeys).data);
    const clearData = fc.oneof(fc.uint8Array({maxLength: 60}), mutatedSamples(clearSamples, 0));
    const inputs = fc
      .tuple(fc.integer({min: 0, max: 0xffffffff}), clearData)
      .map(([seed, data]) => obfuscateTcpStream(seed, initiatorInit, data, teachingKeyEngine));
    fc.assert(onlyProtocolErrors(inputs, (bytes) => deobfuscateTcpStream(bytes, teachingKeyEngine)), {numRuns: 50_000, seed: 0x7ca});
  });
});

describe('knownTcpInit', () => {
  it('gives the initiator block of every sample initiator, all ten bytes known', () => {
    const {bytes, known} = knownTcpInit('initiator');
    expect(bytesToHex(bytes)).toBe(sampleTraffic.tcp_streams.streams[0].expected.first10_plain);
    expect(known.every(Boolean)).toBe(true);
  });
  it('leaves the responder\'s 16-bit value unknown and fixes the other eight bytes', () => {
    const {bytes, known} = knownTcpInit('responder');
    expect(known).toEqual([false, false, true, true, true, true, true, true, true, true]);
    expect(bytesToHex(bytes.slice(2))).toBe('0000000100000003');
    // The responder of the captured connection: its fixed bytes are these.
    expect(sampleTraffic.tcp_streams.streams[2].expected.first10_plain.slice(4)).toBe(bytesToHex(bytes.slice(2)));
  });
  it('refuses other roles', () => {
    expect(() => knownTcpInit('observer' as 'initiator')).toThrow(ProtocolError);
  });
});
