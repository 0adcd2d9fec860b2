import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import sampleTraffic from '../data/sample-traffic.json';
import {bytesToHex, hexToBytes} from './bytes';
import {type Command, encodeCommands, parseCommands, readCommand, readCommands} from './commands';
import {ProtocolError} from './errors';
import {fuzzInputs, onlyProtocolErrors, protocolErrorOf} from './testing';

/** The UDP plaintexts of the sample traffic with the commands recorded for them. */
const udpBlocks = [...sampleTraffic.udp_payload_packets.packets, ...sampleTraffic.udp_resend.packets].map((packet) => ({
  origin: packet.origin,
  plaintext: hexToBytes(packet.expected.plaintext),
  commands: packet.expected.commands,
}));

describe('parseCommands', () => {
  it('reads the probe of Silver Needle slide 41: cmdlen 4, cmdword 0xda = 27·8 + 2, reqid 7f4d, params 42 15', () => {
    const [probe, ...rest] = parseCommands(hexToBytes('04 da01 7f4d 4215'));
    expect(rest).toEqual([]);
    expect(probe.cmd).toBe(27);
    expect(probe.flags).toBe(2);
    expect(probe.reqid).toBe(0x7f4d);
    expect(bytesToHex(probe.params)).toBe('4215');
  });

  it('gives the offset of every field: 04 | da 01 | 7f 4d | 42 15 (slide 41)', () => {
    const [span] = readCommands(hexToBytes('04da017f4d4215'), 0, 7);
    expect([span.start, span.cmdwordStart, span.bodyStart, span.paramsStart, span.end]).toEqual([0, 1, 3, 5, 7]);
    // A notification (flags 0) has no reqid: the params follow the cmdword. 03 | 30 | 41 00 00
    const [notification] = readCommands(hexToBytes('0330410000'), 0, 5);
    expect([notification.cmdwordStart, notification.bodyStart, notification.paramsStart]).toEqual([1, 2, 2]);
  });

  it.each(udpBlocks)('reads every command of $origin', ({plaintext, commands}) => {
    const spans = readCommands(plaintext, 0, plaintext.length);
    expect(spans).toHaveLength(commands.length);
    spans.forEach((span, index) => {
      const expected = commands[index];
      expect(span.cmdlen).toBe(expected.cmdlen);
      expect(span.cmdword).toBe(expected.cmdword);
      expect(span.command.cmd).toBe(expected.cmd);
      expect(span.command.flags).toBe(expected.flags);
      expect(span.command.reqid).toBe('reqid' in expected ? parseInt(expected.reqid, 16) : undefined);
      expect(bytesToHex(span.command.params)).toBe(expected.params_hex);
    });
    expect(spans.at(-1)?.end).toBe(plaintext.length);
    expect(parseCommands(plaintext)).toEqual(spans.map((span) => span.command));
  });

  it('gives a notification (flags 1) no reqid', () => {
    const [notification] = parseCommands(hexToBytes('03 09 410100'));
    expect(notification).toEqual({cmd: 1, flags: 1, params: hexToBytes('410100')});
    expect('reqid' in notification).toBe(false);
  });

  it('reads an empty block as no commands', () => {
    expect(parseCommands(new Uint8Array())).toEqual([]);
  });

  it('reports a command longer than its block at the command start', () => {
    const error = protocolErrorOf(() => parseCommands(hexToBytes('04da017f4d4215 09 da01 7f4d')));
    expect(error.offset).toBe(7);
    expect(error.message).toMatch(/command length 9 runs past the end of the block: 2 bytes left/);
  });

  it('reports truncated varints where the block ends', () => {
    expect(protocolErrorOf(() => parseCommands(hexToBytes('80'))).offset).toBe(1);
    expect(protocolErrorOf(() => parseCommands(hexToBytes('04'))).message).toMatch(/expected the cmdword varint/);
    expect(protocolErrorOf(() => parseCommands(hexToBytes('04da'))).message).toMatch(/truncated cmdword varint.*offset 2/);
  });

  it('rejects a request whose cmdlen leaves no room for its reqid', () => {
    const error = protocolErrorOf(() => parseCommands(hexToBytes('01da0100')));
    expect(error.offset).toBe(0);
    expect(error.message).toMatch(/flags 2 carries a 2-byte reqid, but its cmdlen is 1/);
  });

  it('rejects a cmdword over 32 bits', () => {
    expect(protocolErrorOf(() => parseCommands(hexToBytes('00ffffffff1f'))).offset).toBe(5);
  });

  it('keeps a command inside the end it is given', () => {
    // The cmdword varint would run into the byte after the limit.
    expect(protocolErrorOf(() => readCommand(hexToBytes('00 da 01'), 0, 2)).message).toMatch(/truncated cmdword/);
    expect(() => readCommand(hexToBytes('00'), 0, 5)).toThrow(ProtocolError);
    expect(() => parseCommands('04da' as unknown as Uint8Array)).toThrow(ProtocolError);
  });
});

describe('encodeCommands', () => {
  it('writes the probe of Silver Needle slide 41', () => {
    expect(bytesToHex(encodeCommands([{cmd: 27, flags: 2, reqid: 0x7f4d, params: hexToBytes('4215')}]))).toBe('04da017f4d4215');
  });

  it('writes the sample blocks back byte for byte', () => {
    for (const {plaintext} of udpBlocks) expect(bytesToHex(encodeCommands(parseCommands(plaintext)))).toBe(bytesToHex(plaintext));
  });

  it.each<[string, Command]>([
    ['flags above 7', {cmd: 1, flags: 8, params: new Uint8Array()}],
    ['negative flags', {cmd: 1, flags: -1, params: new Uint8Array()}],
    ['a cmd too large for a 32-bit cmdword', {cmd: 0x20000000, flags: 1, params: new Uint8Array()}],
    ['a fractional cmd', {cmd: 1.5, flags: 1, params: new Uint8Array()}],
    ['a request without reqid', {cmd: 27, flags: 2, params: new Uint8Array()}],
    ['a reply without reqid', {cmd: 28, flags: 3, params: new Uint8Array()}],
    ['a notification with a reqid', {cmd: 37, flags: 1, reqid: 5, params: new Uint8Array()}],
    ['a reqid over 16 bits', {cmd: 27, flags: 2, reqid: 0x10000, params: new Uint8Array()}],
    ['params that are not bytes', {cmd: 27, flags: 1, params: [0x42, 0x15] as unknown as Uint8Array}],
  ])('rejects %s', (_, command) => {
    expect(() => encodeCommands([command])).toThrow(ProtocolError);
  });

  it('accepts the largest cmd and writes a 5-byte cmdword', () => {
    expect(bytesToHex(encodeCommands([{cmd: 0x1fffffff, flags: 7, params: new Uint8Array()}]))).toBe('00ffffffff0f');
  });
});

const commandArbitrary: fc.Arbitrary<Command> = fc
  .record({
    cmd: fc.oneof(fc.integer({min: 0, max: 200}), fc.integer({min: 0, max: 0x1fffffff})),
    flags: fc.integer({min: 0, max: 7}),
    reqid: fc.integer({min: 0, max: 0xffff}),
    params: fc.uint8Array({maxLength: 300}),
  })
  .map(({cmd, flags, reqid, params}) => (flags === 2 || flags === 3 ? {cmd, flags, reqid, params} : {cmd, flags, params}));

describe('round trips', () => {
  it('parseCommands(encodeCommands(commands)) gives the commands back', () => {
    fc.assert(
      fc.property(fc.array(commandArbitrary, {maxLength: 5}), (commands) => {
        expect(parseCommands(encodeCommands(commands))).toEqual(commands);
      }),
    );
  });
});

describe('fuzzing parseCommands', () => {
  const samples = udpBlocks.map((block) => block.plaintext);
  const inputs = fuzzInputs(samples);

  it('raises nothing but ProtocolError, with an offset inside the input, on 100,000 inputs', () => {
    fc.assert(onlyProtocolErrors(inputs, parseCommands), {numRuns: 100_000, seed: 0x5e1f});
  });
});
