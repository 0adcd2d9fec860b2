import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bytesToHex, hexToBytes, ipv4ToNumber, numberToIpv4, readUint32BE} from './bytes';
import {ProtocolError} from './errors';
import {protocolErrorOf} from './testing';

describe('hexToBytes and bytesToHex', () => {
  it('ignores spaces and newlines and accepts either case', () => {
    expect(Array.from(hexToBytes('7F4e 02\n11\t8a'))).toEqual([0x7f, 0x4e, 0x02, 0x11, 0x8a]);
    expect(bytesToHex(hexToBytes('7F4E02'))).toBe('7f4e02');
    expect(hexToBytes('').length).toBe(0);
  });
  it('names a non-hex character and its position', () => {
    const error = protocolErrorOf(() => hexToBytes('7f 4g'));
    expect(error.offset).toBe(4);
    expect(error.message).toContain('"g"');
  });
  it('reports an odd digit count at the lone digit', () => {
    expect(protocolErrorOf(() => hexToBytes('7f4 ')).offset).toBe(2);
  });
});

describe('IPv4 text', () => {
  it('converts in both directions', () => {
    expect(ipv4ToNumber('24.98.66.80')).toBe(0x18624250);
    expect(numberToIpv4(0xffffffff)).toBe('255.255.255.255');
    expect(numberToIpv4(ipv4ToNumber('86.128.245.115'))).toBe('86.128.245.115');
  });
  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', ' 1.2.3.4', '1.2.3.-4', 'a.b.c.d', ''])('rejects %j', (text) => {
    expect(() => ipv4ToNumber(text)).toThrow(ProtocolError);
  });
});

describe('readUint32BE', () => {
  it('reads big-endian and reports truncation where it starts', () => {
    expect(readUint32BE(hexToBytes('00118ac037'), 1)).toBe(0x118ac037);
    expect(protocolErrorOf(() => readUint32BE(hexToBytes('0011'), 1, 'IV')).message).toMatch(/truncated IV.*found 1/);
  });
});

describe('hexToBytes on hostile text', () => {
  it('answers 100,000 random strings with bytes or a ProtocolError, nothing else', () => {
    const alphabet = '0123456789abcdefABCDEF \n\tgxz-é\u0000';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 40}), (characters) => {
        const text = characters.join('');
        try {
          const bytes = hexToBytes(text);
          expect(bytes.length).toBe(text.replace(/\s/g, '').length / 2);
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
        }
      }),
      {numRuns: 100_000, seed: 2006},
    );
  });
});
