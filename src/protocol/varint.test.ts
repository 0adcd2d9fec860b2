import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bytesToHex, hexToBytes} from './bytes';
import {ProtocolError} from './errors';
import {decodeVarint, encodeVarint} from './varint';

describe('varints', () => {
  it('encodes the examples of the spec', () => {
    expect(bytesToHex(encodeVarint(300))).toBe('ac02');
    expect(bytesToHex(encodeVarint(0xffffffff))).toBe('ffffffff0f');
    expect(bytesToHex(encodeVarint(0))).toBe('00');
  });
  it('decodes at an offset and says how many bytes it took', () => {
    expect(decodeVarint(hexToBytes('99ac02'), 1)).toEqual({value: 300, length: 2});
  });
  it('round-trips every 32-bit number', () => {
    fc.assert(fc.property(fc.integer({min: 0, max: 0xffffffff}), (value) => {
      const bytes = encodeVarint(value);
      expect(decodeVarint(bytes)).toEqual({value, length: bytes.length});
    }));
  });
  it('rejects truncated, over-long and unrepresentable values with offsets', () => {
    expect(() => decodeVarint(hexToBytes('ac'))).toThrow(/truncated varint.*offset 1/);
    expect(() => decodeVarint(hexToBytes('ffffffff1f'))).toThrow(/larger than 32 bits.*offset 4/);
    expect(() => encodeVarint(-1)).toThrow(ProtocolError);
    expect(() => encodeVarint(2 ** 32)).toThrow(ProtocolError);
    expect(() => encodeVarint(1.5)).toThrow(ProtocolError);
  });
});

describe('decodeVarint on hostile bytes', () => {
  it('answers 100,000 random byte strings and offsets with a value or a ProtocolError', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 8}), fc.integer({min: -2, max: 10}), (bytes, offset) => {
        try {
          const {value, length} = decodeVarint(bytes, offset);
          expect(value).toBeLessThanOrEqual(0xffffffff);
          expect(offset + length).toBeLessThanOrEqual(bytes.length);
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
        }
      }),
      {numRuns: 100_000, seed: 2006},
    );
  });
});
