import {describe, expect, it} from 'vitest';
import {bytesToHex} from '../bytes';
import {ByteWriter} from './byteWriter';

describe('ByteWriter', () => {
  it('grows past its first capacity and keeps every byte', () => {
    const writer = new ByteWriter(2);
    writer.writeByte(0x42);
    writer.writeBytes(Uint8Array.from([1, 2, 3]));
    writer.writeByte(0xff);
    expect(bytesToHex(writer.toBytes())).toBe('42010203ff');
    expect(writer.length).toBe(5);
  });

  it('gives views that later writes do not change, and copies that are independent', () => {
    const writer = new ByteWriter(1);
    writer.writeByte(7);
    const view = writer.view();
    for (let index = 0; index < 100; index++) writer.writeByte(index);
    expect(Array.from(view)).toEqual([7]);
    const copy = writer.toBytes();
    writer.clear();
    writer.writeByte(9);
    expect(copy[0]).toBe(7);
    expect(bytesToHex(writer.toBytes())).toBe('09');
  });

  it("writes varints as the spec's examples have them, and refuses what is not a 32-bit number", () => {
    const writer = new ByteWriter(1);
    for (const value of [0, 127, 128, 300, 0xffff_ffff]) writer.writeVarint(value);
    // 300 is ac 02 (spec §2); 2^32 − 1 takes five bytes, the last holding the top 4 bits.
    expect(bytesToHex(writer.toBytes())).toBe('007f8001ac02ffffffff0f');
    expect(() => writer.writeVarint(2 ** 32)).toThrow(/varint/);
    expect(() => writer.writeVarint(-1)).toThrow(/varint/);
  });
});
