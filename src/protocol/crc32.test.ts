import {crc32 as zlibCrc32} from 'node:zlib';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bytesToHex} from './bytes';
import {crc32, skypeCrc32, udpCrcInput, udpCrcSeed} from './crc32';
import {ProtocolError} from './errors';

const check = new TextEncoder().encode('123456789');

describe('CRC-32', () => {
  it('gives the standard check values', () => {
    expect(crc32(check)).toBe(0xcbf43926);
    expect(skypeCrc32(check)).toBe(0x340bc6d9);
    expect(crc32(new Uint8Array())).toBe(0);
  });
  it('gives the same result wherever the bytes sit in their buffer (word-aligned or not)', () => {
    const buffer = new Uint8Array(200).map((_, index) => (index * 37) & 0xff);
    for (let start = 0; start < 8; start++) {
      for (const length of [0, 1, 15, 16, 17, 64, 150]) {
        const view = buffer.subarray(start, start + length);
        expect(crc32(view)).toBe(zlibCrc32(view));
      }
    }
  });
  it('agrees with Node zlib, and the Skype variant is its complement, on any input', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 300}), (data) => {
        expect(crc32(data)).toBe(zlibCrc32(data));
        expect(skypeCrc32(data)).toBe((~zlibCrc32(data)) >>> 0);
      }),
    );
  });
});

describe('the UDP seed', () => {
  it('writes addresses and packet id little-endian (Vanilla Skype part 1 slide 49)', () => {
    expect(bytesToHex(udpCrcInput('0.0.0.0', '24.98.66.80', 0x7f4e))).toBe('00000000504262184e7f0000');
    expect(udpCrcSeed('0.0.0.0', '24.98.66.80', 0x7f4e)).toBe(0x3352dc77);
  });
  it('rejects a packet id over 16 bits and a malformed address', () => {
    expect(() => udpCrcSeed('0.0.0.0', '24.98.66.80', 0x10000)).toThrow(ProtocolError);
    expect(() => udpCrcSeed('0.0.0', '24.98.66.80', 1)).toThrow(/IPv4/);
  });
});
