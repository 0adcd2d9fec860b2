import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bytesToHex, hexToBytes} from '../bytes';
import {ProtocolError} from '../errors';
import {decodeObjectList, encodeObjectList, OBJECT_LIST_LIMITS, type ObjectItem} from './index';
import {fuzzInputs, itemFromJson, objectListArbitrary, sampleLists, sortedByIdDeep} from './testing';

const samples = sampleLists();

describe('the sample traffic', () => {
  it('holds 32 command parameter lists, 15 of them with their decoded objects', () => {
    expect(samples).toHaveLength(32);
    expect(samples.filter((sample) => sample.decoded)).toHaveLength(15);
  });

  it.each(samples.map((sample) => [sample.where, sample] as const))('%s decodes and re-encodes byte for byte', (_, sample) => {
    const bytes = hexToBytes(sample.hex);
    const {format, items, length} = decodeObjectList(bytes);
    expect(format).toBe('compressed');
    expect(length).toBe(sample.consumed);
    expect(items).toHaveLength(sample.topLevelObjects);
    if (sample.decoded) expect(items).toEqual(sample.decoded.map(itemFromJson));
    expect(bytesToHex(encodeObjectList(items, format))).toBe(sample.hex);
  });
});

describe('decodeObjectList and encodeObjectList, the 4142 dispatcher (spec §7.2)', () => {
  it('takes the format from the first byte', () => {
    expect(decodeObjectList(hexToBytes('41 02 00 00 c9 01 00 05 64'))).toEqual({
      format: 'raw',
      items: [{type: 0, id: 0, value: 201}, {type: 0, id: 5, value: 100}],
      length: 9,
    });
    expect(decodeObjectList(hexToBytes('41 01 00 2e 00'))).toEqual({format: 'raw', items: [{type: 0, id: 46, value: 0}], length: 5});
    expect(decodeObjectList(hexToBytes('42 15'))).toEqual({format: 'compressed', items: [], length: 2});
    expect(bytesToHex(encodeObjectList([{type: 0, id: 46, value: 0}], 'raw'))).toBe('4101002e00');
    expect(bytesToHex(encodeObjectList([], 'compressed'))).toBe('4215');
  });

  it('rejects anything else', () => {
    expect(() => decodeObjectList(new Uint8Array())).toThrow(/found no bytes.*offset 0/);
    expect(() => decodeObjectList(hexToBytes('43 00'))).toThrow(/starting with 0x41 \(raw\) or 0x42 \(compressed\), found 0x43.*offset 0/);
    expect(() => decodeObjectList([0x42, 0x15] as unknown as Uint8Array)).toThrow(ProtocolError);
    expect(() => encodeObjectList([], 'zip' as 'raw')).toThrow(/'raw' or 'compressed', got "zip"/);
  });

  it('round-trips any list: raw keeps the order, compressed sorts by id at every level', () => {
    fc.assert(
      fc.property(objectListArbitrary, (items) => {
        expect(decodeObjectList(encodeObjectList(items, 'raw')).items).toEqual(items);
        expect(decodeObjectList(encodeObjectList(items, 'compressed')).items).toEqual(sortedByIdDeep(items));
      }),
      {numRuns: 500, seed: 0x4142},
    );
  });

  it('codes more than 64 KiB of lists in both formats', () => {
    const nodes: ObjectItem[] = Array.from({length: 700}, (_, index) => ({
      type: 5,
      id: 26,
      value: [
        {type: 0, id: 0, value: index * 7919},
        {type: 2, id: 1, value: {ip: `10.${index >> 8}.${index & 255}.1`, port: 30000 + index}},
        {type: 3, id: 3, value: Uint8Array.from(`user${index}.name`, (character) => character.charCodeAt(0))},
        {type: 4, id: 4, value: new Uint8Array(64).fill(index & 255)},
        {type: 1, id: 7, value: BigInt(index) << 40n},
        {type: 6, id: 9, value: [index, index * 300, index * 70000]},
      ],
    }));
    const raw = encodeObjectList(nodes, 'raw');
    const compressed = encodeObjectList(nodes, 'compressed');
    expect(raw.length).toBeGreaterThan(64 * 1024);
    expect(compressed.length).toBeGreaterThan(64 * 1024);
    expect(decodeObjectList(raw)).toEqual({format: 'raw', items: nodes, length: raw.length});
    expect(decodeObjectList(compressed)).toEqual({format: 'compressed', items: nodes, length: compressed.length});
  });

  it('documents its limits', () => {
    expect(OBJECT_LIST_LIMITS).toEqual({maxDepth: 32, maxItems: 1_000_000, maxStringLength: 1_048_576, maxBlobLength: 16_777_216});
  });

  it('raises nothing but ProtocolError on 100,000 random and mutated inputs of both formats', () => {
    const inputs = [
      ...samples.map((sample) => hexToBytes(sample.hex)),
      hexToBytes('41020000c901000564'),
      ...fc.sample(objectListArbitrary, {numRuns: 30, seed: 0x44}).flatMap((items) => [encodeObjectList(items, 'raw'), encodeObjectList(items, 'compressed')]),
    ];
    fc.assert(
      fc.property(fuzzInputs(inputs), (bytes) => {
        try {
          const {format, items, length} = decodeObjectList(bytes);
          expect(length).toBeLessThanOrEqual(bytes.length);
          expect(format).toBe(bytes[0] === 0x41 ? 'raw' : 'compressed');
          expect(items).toBeInstanceOf(Array);
        } catch (error) {
          if (!(error instanceof ProtocolError)) throw error;
          if (error.offset !== undefined) expect(error.offset).toBeLessThanOrEqual(bytes.length);
        }
      }),
      {numRuns: 100_000, seed: 0x4143},
    );
  }, 30_000);
});
