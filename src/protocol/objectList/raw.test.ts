import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bytesToHex, hexToBytes} from '../bytes';
import {ProtocolError} from '../errors';
import {decodeRawObjectList, encodeRawObjectList} from './raw';
import {fuzzInputs, objectListArbitrary} from './testing';
import {type ObjectItem, OBJECT_LIST_LIMITS} from './types';

const text = (value: string) => Uint8Array.from(value, (character) => character.charCodeAt(0));

describe('raw object lists, 0x41 (spec §7.1)', () => {
  it('match the real examples of the spec', () => {
    // Silver Needle's cmd-6 request "ask for other nodes" and a reply from a Skype server.
    const nodes: ObjectItem[] = [{type: 0, id: 0, value: 201}, {type: 0, id: 5, value: 100}];
    expect(bytesToHex(encodeRawObjectList(nodes))).toBe('41020000c901000564');
    expect(decodeRawObjectList(hexToBytes('41 02 00 00 c9 01 00 05 64'))).toEqual({items: nodes, length: 9});
    expect(bytesToHex(encodeRawObjectList([{type: 0, id: 46, value: 0}]))).toBe('4101002e00');
    expect(decodeRawObjectList(hexToBytes('41 01 00 2e 00'))).toEqual({items: [{type: 0, id: 46, value: 0}], length: 5});
  });

  // Each expected byte string is written from the value column of the spec §7 table.
  it.each<[string, ObjectItem, string]>([
    ['a number as a varint', {type: 0, id: 300, value: 0xffff_ffff}, '41 01 00 ac02 ffffffff0f'],
    ['a 64-bit value big-endian', {type: 1, id: 1, value: 0x0102_0304_0506_0708n}, '41 01 01 01 0102030405060708'],
    ['an IP:port in network order, port big-endian', {type: 2, id: 3, value: {ip: '81.236.228.111', port: 42764}}, '41 01 02 03 51ece46f a70c'],
    ['a string and its NUL', {type: 3, id: 0, value: text('vmlemon')}, '41 01 03 00 766d6c656d6f6e 00'],
    ['an empty string', {type: 3, id: 0, value: new Uint8Array()}, '41 01 03 00 00'],
    ['a blob after its varint length', {type: 4, id: 8, value: new Uint8Array(200).fill(0xab)}, `41 01 04 08 c801 ${'ab'.repeat(200)}`],
    ['a nested list with its own 0x41', {type: 5, id: 0, value: [{type: 0, id: 1, value: 5}]}, '41 01 05 00 41 01 00 01 05'],
    ['a list of numbers after their count', {type: 6, id: 1, value: [16, 11, 300]}, '41 01 06 01 03 10 0b ac02'],
  ])('writes %s', (_, item, hex) => {
    const bytes = encodeRawObjectList([item]);
    expect(bytesToHex(bytes)).toBe(bytesToHex(hexToBytes(hex)));
    expect(decodeRawObjectList(bytes)).toEqual({items: [item], length: bytes.length});
  });

  it('keeps the order of objects and repeated ids', () => {
    const items: ObjectItem[] = [{type: 0, id: 5, value: 1}, {type: 0, id: 3, value: 2}, {type: 0, id: 5, value: 3}];
    expect(bytesToHex(encodeRawObjectList(items))).toBe(bytesToHex(hexToBytes('41 03 00 05 01 00 03 02 00 05 03')));
    expect(decodeRawObjectList(encodeRawObjectList(items)).items).toEqual(items);
  });

  it('leaves the bytes after the list alone', () => {
    expect(decodeRawObjectList(hexToBytes('4101002e00 ffff'))).toEqual({items: [{type: 0, id: 46, value: 0}], length: 5});
  });

  it('accepts a nested list that starts with 0x42 and decodes it as a compressed list', () => {
    expect(decodeRawObjectList(hexToBytes('41 02 05 07 4215 00 01 05'))).toEqual({
      items: [{type: 5, id: 7, value: []}, {type: 0, id: 1, value: 5}],
      length: 9,
    });
    // The real cmd-6 request {0: 1481, 5: 12}, nested.
    expect(decodeRawObjectList(hexToBytes('41 01 05 07 4234b6219eb8')).items).toEqual([
      {type: 5, id: 7, value: [{type: 0, id: 0, value: 1481}, {type: 0, id: 5, value: 12}]},
    ]);
    expect(() => decodeRawObjectList(hexToBytes('41 01 05 07 43'))).toThrow(/expected a raw object list \(0x41\), found 0x43.*offset 4/);
  });

  it('round-trips any list of all 7 types, in order', () => {
    fc.assert(
      fc.property(objectListArbitrary, (items) => {
        const bytes = encodeRawObjectList(items);
        expect(decodeRawObjectList(bytes)).toEqual({items, length: bytes.length});
      }),
      {numRuns: 500, seed: 0x41},
    );
  });

  it('reports every truncation of a list with the offset where bytes ran out', () => {
    fc.assert(
      fc.property(objectListArbitrary, (items) => {
        const bytes = encodeRawObjectList(items);
        for (let length = 0; length < bytes.length; length++) {
          const error = (() => {
            try {
              decodeRawObjectList(bytes.subarray(0, length));
            } catch (caught) {
              return caught;
            }
          })();
          expect(error).toBeInstanceOf(ProtocolError);
          expect((error as ProtocolError).offset).toBeLessThanOrEqual(length);
        }
      }),
      {numRuns: 100, seed: 0x42},
    );
  });

  it('rejects malformed lists with what was expected and where', () => {
    expect(() => decodeRawObjectList(hexToBytes('42 15'))).toThrow(/expected a raw object list \(0x41\), found 0x42.*offset 0/);
    expect(() => decodeRawObjectList(hexToBytes('41 01 07 00'))).toThrow(/unknown object type 7.*offset 2/);
    expect(() => decodeRawObjectList(hexToBytes('41 01 03 00 61 62'))).toThrow(/no terminating NUL.*offset 6/);
    expect(() => decodeRawObjectList(hexToBytes('41 01 04 00 05 61'))).toThrow(/truncated blob: expected 5 bytes, found 1.*offset 5/);
    expect(() => decodeRawObjectList(hexToBytes('41 01 02 00 01 02 03'))).toThrow(/truncated IP:port.*offset 4/);
    expect(() => decodeRawObjectList(hexToBytes('41 01 06 00 05 01 02'))).toThrow(/truncated type-6 list.*offset 5/);
    expect(() => decodeRawObjectList(new Uint8Array())).toThrow(/truncated raw object list.*offset 0/);
    expect(() => decodeRawObjectList('41' as unknown as Uint8Array)).toThrow(ProtocolError);
  });

  it('enforces OBJECT_LIST_LIMITS when decoding', () => {
    const nested = (levels: number) => hexToBytes(`${'41 01 05 00 '.repeat(levels)}41 00`);
    expect(decodeRawObjectList(nested(OBJECT_LIST_LIMITS.maxDepth)).length).toBe(4 * OBJECT_LIST_LIMITS.maxDepth + 2);
    expect(() => decodeRawObjectList(nested(OBJECT_LIST_LIMITS.maxDepth + 1))).toThrow(/nested too deeply.*offset 132/);
    // A type-6 list one number longer than the item budget allows (the list object itself counts too).
    const numbers = OBJECT_LIST_LIMITS.maxItems;
    const manyNumbers = new Uint8Array(5 + 3 + numbers);
    manyNumbers.set(hexToBytes('41 01 06 00 c0 84 3d'));
    expect(numbers).toBe(0x0f_4240);
    expect(() => decodeRawObjectList(manyNumbers)).toThrow(/too many objects/);
    // Lengths beyond the limits are refused before looking for the bytes.
    expect(() => decodeRawObjectList(hexToBytes('41 01 04 00 81 80 80 08'))).toThrow(/blob of 16777217 bytes is longer than the limit/);
    const longString = new Uint8Array(4 + OBJECT_LIST_LIMITS.maxStringLength + 2).fill(0x61);
    longString.set(hexToBytes('41 01 03 00'));
    longString[longString.length - 1] = 0;
    expect(() => decodeRawObjectList(longString)).toThrow(/string of 1048577 bytes is longer than the limit/);
  });

  it('refuses values it cannot write, naming the object at fault', () => {
    const refuse = (items: unknown, message: RegExp) => expect(() => encodeRawObjectList(items as ObjectItem[])).toThrow(message);
    refuse([{type: 0, id: -1, value: 0}], /items\[0\]: the id must be a whole number from 0 to 4294967295, got -1/);
    refuse([{type: 0, id: 0, value: 0}, {type: 0, id: 2 ** 32, value: 0}], /items\[1\]: the id/);
    refuse([{type: 0, id: 0, value: 2 ** 32}], /type-0 value must be a whole number/);
    refuse([{type: 0, id: 0, value: 1.5}], /type-0 value must be a whole number from 0 to 4294967295, got 1.5/);
    refuse([{type: 1, id: 0, value: 2n ** 64n}], /bigint from 0 to 2\^64 − 1/);
    refuse([{type: 1, id: 0, value: -1n}], /bigint/);
    refuse([{type: 1, id: 0, value: 5}], /bigint/);
    refuse([{type: 2, id: 0, value: {ip: '1.2.3.4', port: 65536}}], /the port must be a whole number from 0 to 65535/);
    refuse([{type: 2, id: 0, value: {ip: '1.2.3', port: 1}}], /expected an IPv4 address/);
    refuse([{type: 2, id: 0, value: {ip: '1.2.3.256', port: 1}}], /expected an IPv4 address/);
    refuse([{type: 3, id: 0, value: text('a\0b')}], /cannot contain a NUL byte \(found one at index 1\)/);
    refuse([{type: 3, id: 0, value: 'text'}], /Uint8Array/);
    refuse([{type: 4, id: 0, value: [1, 2]}], /Uint8Array/);
    refuse([{type: 6, id: 0, value: [1, -2]}], /each number of a type-6 list/);
    refuse([{type: 7, id: 0, value: 0}], /type must be a whole number from 0 to 6, got 7/);
    refuse([null], /expected an object \{type, id, value\}/);
    refuse({}, /expected an array of objects/);
    refuse([{type: 5, id: 9, value: [{type: 0, id: 1, value: 1}, {type: 5, id: 2, value: [{type: 0, id: 3, value: -1}]}]}], /items\[0\]\.value\[1\]\.value\[0\]: a type-0 value/);
    let deep: ObjectItem[] = [];
    for (let level = 0; level <= OBJECT_LIST_LIMITS.maxDepth; level++) deep = [{type: 5, id: 0, value: deep}];
    refuse(deep, /nested too deeply/);
  });

  it('raises nothing but ProtocolError on 100,000 random and mutated inputs', () => {
    const samples = [
      '41020000c901000564',
      '4101002e00',
      '410205074234b6219eb8000105', // a nested 0x42 list
      ...fc.sample(objectListArbitrary, {numRuns: 40, seed: 0x41}).map((items) => bytesToHex(encodeRawObjectList(items))),
    ].map(hexToBytes);
    fc.assert(
      fc.property(fuzzInputs(samples), (bytes) => {
        try {
          const {items, length} = decodeRawObjectList(bytes);
          expect(length).toBeLessThanOrEqual(bytes.length);
          // Whatever decodes is a list the encoder can write again (over-long varints come out shorter).
          expect(decodeRawObjectList(encodeRawObjectList(items)).items).toEqual(items);
        } catch (error) {
          if (!(error instanceof ProtocolError)) throw error;
          if (error.offset !== undefined) expect(error.offset).toBeLessThanOrEqual(bytes.length);
        }
      }),
      {numRuns: 100_000, seed: 0x4141},
    );
  }, 30_000);
});
