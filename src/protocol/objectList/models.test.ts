import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {ByteWriter} from './byteWriter';
import {CHARACTER_CLASSES, CHARACTER_TABLES, CLASS_OF_BYTE, decodeInteger, encodeInteger, INDEX_OF_BYTE, type IntegerModel, M1, M2, NEXT_CLASS_TABLES, SYMBOL_TABLE} from './models';
import {RangeDecoder, RangeEncoder, type RangeCoderStep} from './rangeCoder';

/** The symbols (table name:symbol, or bits:value) that coding `value` with `model` produces. */
function integerSymbols(model: IntegerModel, value: number): string[] {
  const symbols: string[] = [];
  const onSymbol = (step: RangeCoderStep) => symbols.push(step.model === 'raw bits' ? `bits${Math.log2(step.frequencyTotal)}:${step.symbol}` : `${step.model}:${step.symbol}`);
  encodeInteger(new RangeEncoder(new ByteWriter(), {onSymbol}), model, value, 'number');
  return symbols;
}

function roundTrip(model: IntegerModel, values: number[]): number[] {
  const output = new ByteWriter();
  const encoder = new RangeEncoder(output);
  for (const value of values) encodeInteger(encoder, model, value, 'number');
  encoder.finish();
  const decoder = new RangeDecoder(output.toBytes(), 0);
  return values.map(() => decodeInteger(decoder, model, 'number'));
}

/** Bytes that code the given symbols (or, with `bits`, raw bits), for inputs no encoder would make. */
function coded(parts: [table: 'M1' | 'M2', symbol: number, bits?: number][]): Uint8Array {
  const output = new ByteWriter();
  const encoder = new RangeEncoder(output);
  for (const [table, symbol, bits] of parts) {
    if (bits === undefined) encoder.encodeSymbol((table === 'M1' ? M1 : M2).table, symbol, 'number');
    else encoder.encodeBits(symbol, bits, 'number');
  }
  encoder.finish();
  return output.toBytes();
}

describe('tables (spec §7.3.2)', () => {
  it('have the parameters and sizes of the spec', () => {
    expect([M1.a, M1.b, M1.c, M1.table.symbolCount]).toEqual([7, 2, 1, 9]);
    expect([M2.a, M2.b, M2.c, M2.table.symbolCount]).toEqual([16, 1, 0, 17]);
    expect(SYMBOL_TABLE.symbolCount).toBe(13);
    expect(Array.from(M1.table.cumulative)).toEqual([0, 291, 614, 692, 2210, 2549, 3324, 3952, 4095, 4096]);
  });
});

describe('integer models (spec §7.3.3)', () => {
  it('M1 codes 0-3 directly, 4-7 as symbol 4 plus two raw bits, 64 and above with an escape', () => {
    expect(integerSymbols(M1, 3)).toEqual(['M1:3']);
    expect(integerSymbols(M1, 4)).toEqual(['M1:4', 'bits2:0']);
    expect(integerSymbols(M1, 7)).toEqual(['M1:4', 'bits2:3']);
    expect(integerSymbols(M1, 63)).toEqual(['M1:7', 'bits5:31']);
    // 64 has 7 bits: escape symbol 8, then 7 − 7 = 0 with the same model, then 6 raw bits.
    expect(integerSymbols(M1, 64)).toEqual(['M1:8', 'M1:0', 'bits6:0']);
  });

  it('M2 codes 0 and 1 directly and escapes from 2^15 on, raw bits low chunk first', () => {
    expect(integerSymbols(M2, 0)).toEqual(['M2:0']);
    expect(integerSymbols(M2, 1)).toEqual(['M2:1']);
    expect(integerSymbols(M2, 0x7fff)).toEqual(['M2:15', 'bits14:16383']);
    expect(integerSymbols(M2, 0x8000)).toEqual(['M2:16', 'M2:0', 'bits15:0']);
    // 2^32 − 1: 32 bits = 16 + 16, and 16 is coded as bit length 5 (symbol 5) plus 4 raw bits.
    expect(integerSymbols(M2, 0xffff_ffff)).toEqual(['M2:16', 'M2:5', 'bits4:0', 'bits16:65535', 'bits15:32767']);
    expect(integerSymbols(M2, 0x1_2345)).toEqual(['M2:16', 'M2:1', `bits16:${0x2345}`]);
  });

  it('round-trips every 32-bit value in both models', () => {
    const edges = [0, 1, 2, 3, 4, 5, 63, 64, 65, 0x7fff, 0x8000, 0xffff, 0x1_0000, 0x1_ffff, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff];
    expect(roundTrip(M1, edges)).toEqual(edges);
    expect(roundTrip(M2, edges)).toEqual(edges);
    fc.assert(
      fc.property(fc.array(fc.integer({min: 0, max: 0xffff_ffff}), {maxLength: 20}), (values) => {
        expect(roundTrip(M1, values)).toEqual(values);
        expect(roundTrip(M2, values)).toEqual(values);
      }),
      {seed: 0x3733},
    );
  });

  it('rejects an escape inside an escape and bit lengths beyond 32', () => {
    expect(() => decodeInteger(new RangeDecoder(coded([['M2', 16], ['M2', 16]]), 0), M2, 'number')).toThrow(/escape inside the bit length of an M2 integer/);
    // M1: 7 + (bit length 5: symbol 6, then 4 raw bits 1111 → 31) = 38 bits.
    expect(() => decodeInteger(new RangeDecoder(coded([['M1', 8], ['M1', 6], ['M1', 15, 4]]), 0), M1, 'number')).toThrow(/M1 integer of 38 bits/);
  });
});

describe('string classes (spec §7.3.5)', () => {
  it('cover all 256 byte values exactly once', () => {
    const members = CHARACTER_CLASSES.flat();
    expect(members).toHaveLength(256);
    expect(new Set(members).size).toBe(256);
  });

  it('match the class table of the spec', () => {
    const text = (characterClass: number) => String.fromCharCode(...CHARACTER_CLASSES[characterClass]);
    expect(CHARACTER_CLASSES.map((members) => members.length)).toEqual([1, 15, 6, 5, 10, 20, 6, 1, 64, 64, 64]);
    expect([text(1), text(2), text(3), text(4), text(5), text(6), text(7)]).toEqual(['tdmhkpcgwbzfvjq', 'eaiouy', 'nrlsx', '0216345789', 'SMTBRLNPKCDHGJWFVZXQ', 'AEIOUY', ' ']);
    expect(CHARACTER_CLASSES[8].every((byte) => byte >= 0x80 && byte <= 0xbf)).toBe(true);
    expect(CHARACTER_CLASSES[9].every((byte) => byte >= 0xc0)).toBe(true);
    expect(CHARACTER_CLASSES[10].slice(0, 4)).toEqual([0x2e, 0x2d, 0x2f, 0x5f]);
    expect(CHARACTER_CLASSES[10].slice(-3)).toEqual([0x1e, 0x1f, 0x7f]);
    expect([CLASS_OF_BYTE[0x65], INDEX_OF_BYTE[0x65], CLASS_OF_BYTE[0x71], INDEX_OF_BYTE[0x71], CLASS_OF_BYTE[0xd7], INDEX_OF_BYTE[0xd7]]).toEqual([2, 0, 1, 14, 9, 0]);
  });

  it('have one next-class table of 11 symbols per class and one char table per class of several members', () => {
    expect(NEXT_CLASS_TABLES.map((table) => table.symbolCount)).toEqual(Array(11).fill(11));
    expect(CHARACTER_TABLES.map((table) => table?.symbolCount)).toEqual([undefined, 15, 6, 5, 10, 20, 6, undefined, 64, 64, 64]);
    expect(Array.from(NEXT_CLASS_TABLES[9].cumulative)).toEqual([0, 7, 14, 21, 28, 35, 42, 49, 56, 4082, 4089, 4096]);
  });

  it('spell out the "+10 per step" runs of classes 9 and 10', () => {
    const class9 = Array.from(CHARACTER_TABLES[9]!.cumulative);
    expect(class9.slice(22, 27)).toEqual([3676, 3686, 3696, 3706, 3716]);
    expect(class9.slice(-3)).toEqual([4076, 4086, 4096]);
    const class10 = Array.from(CHARACTER_TABLES[10]!.cumulative);
    expect(class10.slice(18, 23)).toEqual([3632, 3644, 3656, 3666, 3676]);
    expect(class10.slice(-2)).toEqual([4086, 4096]);
  });
});
