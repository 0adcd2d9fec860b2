import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bytesToHex, hexToBytes} from '../bytes';
import {ProtocolError} from '../errors';
import {ByteWriter} from './byteWriter';
import {compressedCodingOrder, decodeCompressedObjectList, encodeCompressedObjectList} from './compressed';
import {CHARACTER_TABLES, encodeInteger, M1, M2, NEXT_CLASS_TABLES, SYMBOL_TABLE} from './models';
import {type CodingContext, RangeEncoder, type RangeCoderStep} from './rangeCoder';
import {decodeRawObjectList} from './raw';
import {fuzzInputs, itemFromJson, objectListArbitrary, sampleLists, sortedByIdDeep} from './testing';
import {type ObjectItem, OBJECT_LIST_LIMITS} from './types';

const text = (value: string) => Uint8Array.from(value, (character) => character.charCodeAt(0));
const samples = sampleLists();

/** Bytes of a 0x42 list written symbol by symbol, for inputs that no encoder would produce. */
function craft(write: (encoder: RangeEncoder) => void): Uint8Array {
  const output = new ByteWriter();
  const encoder = new RangeEncoder(output);
  write(encoder);
  encoder.finish();
  return output.toBytes();
}

/** How many raw tail bytes a list has: 6 per IP:port, the significant bytes of a u64, blob bytes. */
function tailLength(items: ObjectItem[]): number {
  let length = 0;
  for (const item of items) {
    if (item.type === 2) length += 6;
    else if (item.type === 1) length += item.value === 0n ? 0 : Math.ceil(item.value.toString(16).length / 2);
    else if (item.type === 4) length += item.value.length;
    else if (item.type === 5) length += tailLength(item.value);
  }
  return length;
}

function watch(items: ObjectItem[]): {bytes: Uint8Array; steps: RangeCoderStep[]} {
  const steps: RangeCoderStep[] = [];
  const bytes = encodeCompressedObjectList(items, {observer: {onSymbol: (step) => steps.push(step)}});
  return {bytes, steps};
}

const contexts = (steps: RangeCoderStep[], context: CodingContext) => steps.filter((step) => step.context === context);

describe('compressed object lists, 0x42 (spec §7.3)', () => {
  it('codes the empty list as 42 15 (spec §7.2)', () => {
    expect(bytesToHex(encodeCompressedObjectList([]))).toBe('4215');
    expect(decodeCompressedObjectList(hexToBytes('4215'))).toEqual({items: [], length: 2});
  });

  it('codes the real cmd-6 request {0: 1481, 5: 12} as in the capture', () => {
    const items: ObjectItem[] = [{type: 0, id: 0, value: 1481}, {type: 0, id: 5, value: 12}];
    expect(bytesToHex(encodeCompressedObjectList(items))).toBe('4234b6219eb8');
    expect(decodeCompressedObjectList(hexToBytes('4234b6219eb8'))).toEqual({items, length: 6});
  });

  it('puts IP:port in the tail little-endian: 81.236.228.111:42764 is 6f e4 ec 51 0c a7', () => {
    const address: ObjectItem = {type: 2, id: 3, value: {ip: '81.236.228.111', port: 42764}};
    expect(bytesToHex(encodeCompressedObjectList([address])).endsWith('6fe4ec510ca7')).toBe(true);
    // The cmd-29 "probe refused" reply of the capture lists five such supernodes.
    expect(samples[2].hex).toContain('6fe4ec510ca7');
    expect(decodeCompressedObjectList(hexToBytes(samples[2].hex)).items[0]).toEqual(address);
  });

  it('puts a 64-bit value in the tail little-endian without its trailing zero bytes', () => {
    const coded = (value: bigint) => watch([{type: 1, id: 0, value}]);
    const small = coded(0x0102n);
    expect(bytesToHex(small.bytes).endsWith('0201')).toBe(true);
    // The length 2 has 2 bits: M2 symbol 2, then its low bit raw.
    expect(contexts(small.steps, 'u64 length').map((step) => `${step.model}:${step.symbol}`)).toEqual(['M2:2', 'raw bits:0']);
    const zero = coded(0n);
    expect(contexts(zero.steps, 'u64 length').map((step) => step.symbol)).toEqual([0]);
    expect(decodeCompressedObjectList(zero.bytes)).toEqual({items: [{type: 1, id: 0, value: 0n}], length: zero.bytes.length});
    const full = coded(0xffee_ddcc_bbaa_9988n);
    expect(bytesToHex(full.bytes).endsWith('8899aabbccddeeff')).toBe(true);
  });

  it('writes the tail in coding order: sorted by id, depth first', () => {
    const items: ObjectItem[] = [
      {type: 4, id: 9, value: hexToBytes('aabb')},
      {type: 5, id: 1, value: [{type: 2, id: 0, value: {ip: '1.2.3.4', port: 0x0506}}]},
      {type: 1, id: 3, value: 0x0cn},
    ];
    const bytes = encodeCompressedObjectList(items);
    expect(bytesToHex(bytes.subarray(bytes.length - 9))).toBe('040302010605' + '0c' + 'aabb');
    expect(decodeCompressedObjectList(bytes).items).toEqual(sortedByIdDeep(items));
  });

  it('sorts by id at every level, keeping the order of equal ids', () => {
    const items: ObjectItem[] = [
      {type: 0, id: 7, value: 1},
      {type: 3, id: 2, value: text('b')},
      {type: 5, id: 7, value: [{type: 0, id: 9, value: 0}, {type: 0, id: 1, value: 1}, {type: 0, id: 9, value: 2}]},
      {type: 3, id: 2, value: text('a')},
    ];
    expect(decodeCompressedObjectList(encodeCompressedObjectList(items)).items).toEqual([
      {type: 3, id: 2, value: text('b')},
      {type: 3, id: 2, value: text('a')},
      {type: 0, id: 7, value: 1},
      {type: 5, id: 7, value: [{type: 0, id: 1, value: 1}, {type: 0, id: 9, value: 0}, {type: 0, id: 9, value: 2}]},
    ]);
  });

  it('codes a string that touches every character class', () => {
    // Lowercase (classes 1-3), digits, capitals, space, UTF-8 lead and continuation bytes, punctuation, control.
    const value = Uint8Array.from([...text('this Quick 42 EA-'), 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0x7f, 0x01]);
    const {bytes, steps} = watch([{type: 3, id: 0, value}]);
    const classes = contexts(steps, 'string class').map((step) => step.symbol);
    expect(new Set(classes)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(classes.at(-1)).toBe(0); // the NUL ends it
    // Single-member classes (NUL, space) code no index.
    expect(contexts(steps, 'string char')).toHaveLength(value.length - 3);
    expect(decodeCompressedObjectList(bytes).items).toEqual([{type: 3, id: 0, value}]);
  });

  it('codes a same-shaped sibling list with a repeat count and no object headers (spec §7.3.4)', () => {
    const sibling = (number: number, letter: string): ObjectItem => ({type: 5, id: 0, value: [{type: 0, id: 1, value: number}, {type: 3, id: 2, value: text(letter)}]});
    const {bytes, steps} = watch([sibling(7, 'a'), sibling(8, 'b')]);
    // Top list: 2 headers + end; first sibling: 2 headers + end; second: only its end.
    expect(contexts(steps, 'list symbol')).toHaveLength(7);
    expect(contexts(steps, 'repeat count').map((step) => step.symbol)).toEqual([2]);
    expect(decodeCompressedObjectList(bytes).items).toEqual([sibling(7, 'a'), sibling(8, 'b')]);
    // Ten siblings: the top list has 10 headers and its end, the first sibling 2 headers and its end,
    // the other nine a repeat count of 2 and their end. Only two headers need an id delta (spec §7.3.4).
    const ten = watch(Array.from({length: 10}, () => sibling(7, 'a'))).steps;
    expect(contexts(ten, 'repeat count').map((step) => step.symbol)).toEqual(Array(9).fill(2));
    expect(contexts(ten, 'list symbol')).toHaveLength(11 + 3 + 9);
    expect(contexts(ten, 'id delta').filter((step) => step.model === 'M1')).toHaveLength(2);
  });

  it('shares the history of depths 2 and deeper, and still decodes what it encodes there', () => {
    const leaf: ObjectItem[] = [{type: 0, id: 1, value: 1}];
    const level3: ObjectItem = {type: 5, id: 0, value: [{type: 5, id: 0, value: leaf}, {type: 0, id: 4, value: 2}]};
    // Depth-2 lists whose repeated prefix holds a nested list, which resets the shared history.
    const items: ObjectItem[] = [{type: 5, id: 0, value: [{type: 5, id: 0, value: [level3, level3]}, {type: 5, id: 0, value: [level3, level3, level3]}]}];
    const {bytes, steps} = watch(items);
    expect(contexts(steps, 'repeat count').some((step) => step.symbol > 0)).toBe(true);
    expect(decodeCompressedObjectList(bytes).items).toEqual(items);
  });

  it('decodes every list it encodes, sorted by id at every level (stably), and leaves what follows alone', () => {
    fc.assert(
      fc.property(objectListArbitrary, fc.uint8Array({maxLength: 4}), (items, following) => {
        const bytes = encodeCompressedObjectList(items);
        expect(decodeCompressedObjectList(Uint8Array.from([...bytes, ...following]))).toEqual({items: sortedByIdDeep(items), length: bytes.length});
      }),
      {numRuns: 1000, seed: 0x42},
    );
  });

  it('decodes a list at an offset', () => {
    expect(decodeCompressedObjectList(hexToBytes('0000 4234b6219eb8 00'), {offset: 2})).toEqual({
      items: [{type: 0, id: 0, value: 1481}, {type: 0, id: 5, value: 12}],
      length: 6,
    });
    expect(() => decodeCompressedObjectList(hexToBytes('4215'), {offset: -1})).toThrow(/offset must be a whole number/);
  });
});

describe('the observer of encodeCompressedObjectList and decodeCompressedObjectList', () => {
  // The information of a symbol is −log2 of the probability the coder gave it, rangeAfter / rangeBefore
  // (the last symbol of a table also gets the rounding remainder). The coded bytes hold all of it, plus
  // the flush: one halving and at most one byte.
  const codedBits = (steps: RangeCoderStep[]) => steps.reduce((bits, step) => bits + Math.log2(step.rangeBefore / step.rangeAfter), 0);

  it('sees every symbol of the real lists: their information fills the coded bytes', () => {
    for (const sample of samples.filter((list) => list.decoded)) {
      const items = sample.decoded!.map(itemFromJson);
      const {bytes, steps} = watch(items);
      expect(bytesToHex(bytes)).toBe(sample.hex);
      const slack = 8 * (bytes.length - tailLength(items) - 1) - codedBits(steps);
      expect(slack).toBeGreaterThanOrEqual(0);
      expect(slack).toBeLessThanOrEqual(9);
    }
  });

  it('sees every symbol of any list, in both directions, with a reason for each', () => {
    fc.assert(
      fc.property(objectListArbitrary, (items) => {
        const {bytes, steps} = watch(items);
        expect(bytesToHex(bytes)).toBe(bytesToHex(encodeCompressedObjectList(items)));
        const slack = 8 * (bytes.length - tailLength(items) - 1) - codedBits(steps);
        expect(slack).toBeGreaterThanOrEqual(0);
        expect(slack).toBeLessThanOrEqual(9);
        const decoded: RangeCoderStep[] = [];
        expect(decodeCompressedObjectList(bytes, {observer: {onSymbol: (step) => decoded.push(step)}}).items).toEqual(sortedByIdDeep(items));
        expect(decoded.map((step) => `${step.context}/${step.model}/${step.symbol}`)).toEqual(steps.map((step) => `${step.context}/${step.model}/${step.symbol}`));
      }),
      {numRuns: 300, seed: 0x0b5e},
    );
  });

  it('labels the symbols of a list with what they code (worked out by hand from spec §7.3.3-7.3.4)', () => {
    const {steps} = watch([{type: 0, id: 0, value: 1481}, {type: 5, id: 9, value: [{type: 6, id: 0, value: [3]}]}, {type: 4, id: 10, value: new Uint8Array(1)}]);
    expect(steps.map((step) => `${step.context}:${step.model}:${step.symbol}`)).toEqual([
      'list symbol:SYM:1', // type 0 is at the front of [0,4,3,5,2,6,1]; id delta 0
      'number:M2:11', // 1481 has 11 bits…
      'number:raw bits:457', // …and 1481 − 1024 below the top one
      'list symbol:SYM:9', // type 5 from position 3
      'id delta:M1:5', // 9 has 4 bits: symbol 4 + c
      'id delta:raw bits:1',
      'list symbol:SYM:11', // nested list, its own slot: type 6 from position 5
      'id delta:M1:0',
      'array count:M2:1',
      'array number:M2:2',
      'array number:raw bits:1',
      'list symbol:SYM:0', // end of the nested list
      'list symbol:SYM:8', // type 4, now at position 2 of [5,0,4,3,2,6,1]
      'id delta:M1:1',
      'blob length:M2:1', // the byte itself goes to the tail
      'list symbol:SYM:0', // end of the top-level list
    ]);
  });
});

describe('decodeCompressedObjectList on bad input', () => {
  it('rejects a repeat count larger than the remembered history', () => {
    const bytes = craft((encoder) => {
      encoder.encodeSymbol(SYMBOL_TABLE, 9, 'list symbol'); // type 5 (move-to-front position 3), id 0
      encodeInteger(encoder, M1, 0, 'id delta');
      encoder.encodeSymbol(SYMBOL_TABLE, 2, 'list symbol'); // nested: type 0, id 1
      encodeInteger(encoder, M2, 1, 'number');
      encoder.encodeSymbol(SYMBOL_TABLE, 0, 'list symbol');
      encoder.encodeSymbol(SYMBOL_TABLE, 1, 'list symbol'); // type 5 again, id 0
      encodeInteger(encoder, M1, 5, 'repeat count'); // but one object is remembered
    });
    expect(() => decodeCompressedObjectList(bytes)).toThrow(/repeat count 5 but only 1 objects remembered/);
  });

  it('rejects ids beyond 32 bits, u64 lengths beyond 8 and lengths beyond the limits', () => {
    const largeId = craft((encoder) => {
      encoder.encodeSymbol(SYMBOL_TABLE, 6, 'list symbol'); // type 0, delta 5 + M1
      encodeInteger(encoder, M1, 0xffff_ffff - 5, 'id delta');
      encodeInteger(encoder, M2, 0, 'number');
      encoder.encodeSymbol(SYMBOL_TABLE, 2, 'list symbol'); // delta 1
    });
    expect(() => decodeCompressedObjectList(largeId)).toThrow(/an id of 4294967296, beyond 32 bits/);
    const longU64 = craft((encoder) => {
      encoder.encodeSymbol(SYMBOL_TABLE, 12, 'list symbol'); // type 1 (position 6)
      encodeInteger(encoder, M1, 0, 'id delta');
      encodeInteger(encoder, M2, 9, 'u64 length');
    });
    expect(() => decodeCompressedObjectList(longU64)).toThrow(/a 64-bit value of 9 bytes/);
    const longBlob = craft((encoder) => {
      encoder.encodeSymbol(SYMBOL_TABLE, 7, 'list symbol'); // type 4 (position 1)
      encodeInteger(encoder, M1, 0, 'id delta');
      encodeInteger(encoder, M2, OBJECT_LIST_LIMITS.maxBlobLength + 1, 'blob length');
    });
    expect(() => decodeCompressedObjectList(longBlob)).toThrow(/blob of 16777217 bytes is longer than the limit/);
    const manyNumbers = craft((encoder) => {
      encoder.encodeSymbol(SYMBOL_TABLE, 11, 'list symbol'); // type 6 (position 5)
      encodeInteger(encoder, M1, 0, 'id delta');
      encodeInteger(encoder, M2, OBJECT_LIST_LIMITS.maxItems, 'array count');
    });
    expect(() => decodeCompressedObjectList(manyNumbers)).toThrow(/too many objects/);
  });

  it('rejects a string longer than the limit', () => {
    const longString = craft((encoder) => {
      encoder.encodeSymbol(SYMBOL_TABLE, 8, 'list symbol'); // type 3 (position 2)
      encodeInteger(encoder, M1, 0, 'id delta');
      // "e" after "e": class 2 from the next-class table of class 2, index 0.
      encoder.encodeSymbol(NEXT_CLASS_TABLES[0], 2, 'string class');
      encoder.encodeSymbol(CHARACTER_TABLES[2]!, 0, 'string char');
      for (let count = 0; count < OBJECT_LIST_LIMITS.maxStringLength; count++) {
        encoder.encodeSymbol(NEXT_CLASS_TABLES[2], 2, 'string class');
        encoder.encodeSymbol(CHARACTER_TABLES[2]!, 0, 'string char');
      }
    });
    expect(() => decodeCompressedObjectList(longString)).toThrow(/string longer than the limit of 1048576 bytes/);
  });

  it('rejects lists nested deeper than the limit, counting the raw lists around them', () => {
    let deep: ObjectItem[] = [];
    for (let level = 0; level < OBJECT_LIST_LIMITS.maxDepth; level++) deep = [{type: 5, id: 0, value: deep}];
    expect(decodeCompressedObjectList(encodeCompressedObjectList(deep)).items).toEqual(deep);
    expect(() => encodeCompressedObjectList([{type: 5, id: 0, value: deep}])).toThrow(/nested too deeply/);
    // A 0x42 list holding two levels, inside 31 raw levels: its innermost list is at depth 33.
    const compressed = bytesToHex(encodeCompressedObjectList([{type: 5, id: 0, value: [{type: 5, id: 0, value: []}]}]));
    expect(() => decodeRawObjectList(hexToBytes(`${'41 01 05 00 '.repeat(31)}${compressed}`))).toThrow(/nested too deeply/);
  });

  it('reports a tail that the input does not hold', () => {
    const bytes = encodeCompressedObjectList([{type: 4, id: 0, value: new Uint8Array(100)}]);
    expect(() => decodeCompressedObjectList(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated compressed object list: its tail needs/);
    expect(() => decodeCompressedObjectList(hexToBytes('42'))).toThrow(ProtocolError);
    expect(() => decodeCompressedObjectList(hexToBytes('4115'))).toThrow(/expected a compressed object list \(0x42\), found 0x41/);
  });

  it('answers every truncation of the real lists with an error or a shorter list', () => {
    for (const sample of samples) {
      const bytes = hexToBytes(sample.hex);
      for (let length = 0; length < bytes.length; length++) {
        try {
          expect(decodeCompressedObjectList(bytes.subarray(0, length)).length).toBeLessThanOrEqual(length);
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
        }
      }
    }
  });

  it('raises nothing but ProtocolError on 100,000 random and mutated inputs', () => {
    const inputs = [...samples.map((sample) => hexToBytes(sample.hex)), ...fc.sample(objectListArbitrary, {numRuns: 40, seed: 0x43}).map((items) => encodeCompressedObjectList(items))];
    fc.assert(
      fc.property(fuzzInputs(inputs), (bytes) => {
        try {
          const {items, length} = decodeCompressedObjectList(bytes);
          expect(length).toBeLessThanOrEqual(bytes.length);
          // Whatever decodes is a list the encoder can write again.
          expect(decodeCompressedObjectList(encodeCompressedObjectList(items)).items).toEqual(sortedByIdDeep(items));
        } catch (error) {
          if (!(error instanceof ProtocolError)) throw error;
          if (error.offset !== undefined) expect(error.offset).toBeLessThanOrEqual(bytes.length);
        }
      }),
      {numRuns: 100_000, seed: 0x4242},
    );
  }, 30_000);
});

describe('encodeCompressedObjectList on bad input', () => {
  it('refuses values it cannot code, naming the object at fault in the caller\'s order', () => {
    const items = [
      {type: 0, id: 9, value: 1},
      {type: 5, id: 2, value: [{type: 3, id: 1, value: text('ok')}, {type: 3, id: 0, value: text('a\0')}]},
    ] as ObjectItem[];
    expect(() => encodeCompressedObjectList(items)).toThrow(/items\[1\]\.value\[1\]: a string cannot contain a NUL byte/);
    expect(() => encodeCompressedObjectList([{type: 2, id: 0, value: {ip: '1.2.3.4.5', port: 1}}])).toThrow(/items\[0\]: expected an IPv4 address/);
    expect(() => encodeCompressedObjectList([{type: 0, id: 0, value: 2 ** 32}])).toThrow(ProtocolError);
    expect(() => encodeCompressedObjectList([{type: 1, id: 0, value: 2n ** 64n}])).toThrow(ProtocolError);
    expect(() => encodeCompressedObjectList([{type: 0, id: 1.5, value: 0}])).toThrow(/the id must be a whole number/);
  });

  it('refuses more objects than the limit', () => {
    expect(() => encodeCompressedObjectList([{type: 6, id: 0, value: new Array(OBJECT_LIST_LIMITS.maxItems).fill(0)}])).toThrow(/too many objects/);
  });
});

describe('the sample traffic, compressed', () => {
  it.each(samples.filter((sample) => sample.decoded).map((sample, index) => [sample.where, index] as const))('%s re-encodes from its decoded objects', (_, index) => {
    const sample = samples.filter((list) => list.decoded)[index];
    expect(bytesToHex(encodeCompressedObjectList(sample.decoded!.map(itemFromJson)))).toBe(sample.hex);
  });
});

describe('compressedCodingOrder', () => {
  it('orders by id, keeping equal ids in the order given (spec §7.3.4)', () => {
    const items: ObjectItem[] = [
      {type: 0, id: 5, value: 1},
      {type: 0, id: 0, value: 2},
      {type: 0, id: 5, value: 3},
      {type: 3, id: 2, value: new Uint8Array([0x61])},
    ];
    expect(compressedCodingOrder(items)).toEqual([1, 3, 0, 2]);
    // The decoder returns the objects in that order.
    const decoded = decodeCompressedObjectList(encodeCompressedObjectList(items)).items;
    expect(decoded.map((item) => item.id)).toEqual([0, 2, 5, 5]);
    expect(decoded[2]).toEqual(items[0]);
  });
});
