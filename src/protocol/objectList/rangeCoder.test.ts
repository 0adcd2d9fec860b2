import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bytesToHex, hexToBytes} from '../bytes';
import {ProtocolError} from '../errors';
import {ByteWriter} from './byteWriter';
import {CHARACTER_TABLES, M1, M2, NEXT_CLASS_TABLES, SYMBOL_TABLE} from './models';
import {FrequencyTable, RangeDecoder, RangeEncoder, type RangeCoderStep} from './rangeCoder';

const TABLES = [SYMBOL_TABLE, M1.table, M2.table, ...NEXT_CLASS_TABLES, ...CHARACTER_TABLES.filter((table) => table !== undefined)];

/** One thing to code: a symbol of a table, or raw bits. */
type Step = {table: FrequencyTable; symbol: number} | {bits: number; value: number};

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom(...TABLES).chain((table) => fc.record({table: fc.constant(table), symbol: fc.integer({min: 0, max: table.symbolCount - 1})})),
  // The last symbols of SYM and M1 are 1/4096 wide: they push low up and make carries.
  fc.constantFrom(SYMBOL_TABLE, M1.table).map((table) => ({table, symbol: table.symbolCount - 1})),
  fc.integer({min: 1, max: 16}).chain((bits) => fc.record({bits: fc.constant(bits), value: fc.integer({min: 0, max: 2 ** bits - 1})})),
);

function encodeSteps(steps: Step[], onSymbol?: (step: RangeCoderStep) => void): Uint8Array {
  const output = new ByteWriter();
  const encoder = new RangeEncoder(output, {onSymbol});
  for (const step of steps) {
    if ('table' in step) encoder.encodeSymbol(step.table, step.symbol, 'list symbol');
    else encoder.encodeBits(step.value, step.bits, 'number');
  }
  encoder.finish();
  return output.toBytes();
}

function decodeSteps(bytes: Uint8Array, steps: Step[], onSymbol?: (step: RangeCoderStep) => void): {values: number[]; tailOffset: number} {
  const decoder = new RangeDecoder(bytes, 0, {onSymbol});
  const values = steps.map((step) => ('table' in step ? decoder.decodeSymbol(step.table, 'list symbol') : decoder.decodeBits(step.bits, 'number')));
  return {values, tailOffset: decoder.finish()};
}

/**
 * A readable model of the encoder of spec §7.3.1 for the tests: `low` as an unbounded bigint, so
 * carries need no cache and no pending count; the output is simply the top bytes of `low`.
 */
function referenceEncode(steps: Step[]): Uint8Array {
  let low = 0n;
  let range = 2 ** 31;
  let shifts = 0;
  const normalize = () => {
    while (range <= 2 ** 23) {
      low <<= 8n;
      range *= 256;
      shifts++;
    }
  };
  for (const step of steps) {
    const [frequencyLow, frequencyHigh, total] = 'table' in step ? [step.table.cumulative[step.symbol], step.table.cumulative[step.symbol + 1], 4096] : [step.value, step.value + 1, 2 ** step.bits];
    normalize();
    const unit = Math.floor(range / total);
    low += BigInt(unit * frequencyLow);
    range = frequencyHigh === total ? range - unit * frequencyLow : unit * (frequencyHigh - frequencyLow);
  }
  range = Math.floor(range / 2);
  low += BigInt(range);
  normalize();
  // The 31-bit window sits below 8 × shifts bits of output; its top byte is the last byte.
  const value = low >> 23n;
  const bytes = [0x42];
  for (let index = shifts; index >= 0; index--) bytes.push(Number((value >> BigInt(8 * index)) & 0xffn));
  return Uint8Array.from(bytes);
}

describe('FrequencyTable', () => {
  it('maps every position of the 4096 to the symbol whose interval holds it (spec §7.3.2)', () => {
    expect(SYMBOL_TABLE.symbolCount).toBe(13);
    expect([0, 674, 675, 891, 892, 4094, 4095].map((position) => SYMBOL_TABLE.symbolFor(position))).toEqual([0, 0, 1, 1, 2, 11, 12]);
  });
  it('rejects tables that do not rise strictly from 0 to 4096', () => {
    expect(() => new FrequencyTable('bad', [0, 100, 100, 4096])).toThrow(ProtocolError);
    expect(() => new FrequencyTable('bad', [0, 4095])).toThrow(/from 0 to 4096/);
    expect(() => new FrequencyTable('bad', [1, 4096])).toThrow(ProtocolError);
  });
});

describe('RangeEncoder and RangeDecoder (spec §7.3.1)', () => {
  it('codes the end symbol alone as 42 15, the empty list of spec §7.2', () => {
    expect(bytesToHex(encodeSteps([{table: SYMBOL_TABLE, symbol: 0}]))).toBe('4215');
    expect(decodeSteps(hexToBytes('4215'), [{table: SYMBOL_TABLE, symbol: 0}])).toEqual({values: [0], tailOffset: 2});
  });

  it('agrees byte for byte with an unbounded-precision model of the encoder, carries included', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, {maxLength: 300}), (steps) => {
        expect(bytesToHex(encodeSteps(steps))).toBe(bytesToHex(referenceEncode(steps)));
      }),
      {numRuns: 2000, seed: 0x4142},
    );
  });

  it('decodes what it encodes, whatever bytes follow, and finds where the tail starts', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, {maxLength: 300}), fc.uint8Array({maxLength: 8}), (steps, following) => {
        const encoded = encodeSteps(steps);
        const expected = steps.map((step) => ('table' in step ? step.symbol : step.value));
        const {values, tailOffset} = decodeSteps(Uint8Array.from([...encoded, ...following]), steps);
        expect(values).toEqual(expected);
        expect(tailOffset).toBe(encoded.length);
      }),
      {numRuns: 2000, seed: 0x4143},
    );
  });

  it('decodes a list that starts at an offset inside a larger buffer', () => {
    const bytes = hexToBytes('ffff4215');
    const decoder = new RangeDecoder(bytes, 2);
    expect(decoder.decodeSymbol(SYMBOL_TABLE, 'list symbol')).toBe(0);
    expect(decoder.finish()).toBe(4);
  });

  it('reads at most 3 zero bytes past the end of its input, then reports truncation', () => {
    const decoder = new RangeDecoder(hexToBytes('4215'), 0);
    let virtualBytes: number | undefined;
    decoder.decodeSymbol(SYMBOL_TABLE, 'list symbol'); // reads the 3 allowed zero bytes
    new RangeDecoder(hexToBytes('4215'), 0, {onSymbol: (step) => (virtualBytes = step.virtualBytes)}).decodeSymbol(SYMBOL_TABLE, 'list symbol');
    expect(virtualBytes).toBe(3);
    expect(decoder.offset).toBe(2); // error offsets stay inside the input
    // Narrow the range until the decoder needs a fourth byte.
    expect(() => {
      for (let count = 0; count < 8; count++) decoder.decodeBits(16, 'number');
    }).toThrow(/ran out of bytes.*offset 2/);
  });

  it('refuses symbols outside the table and raw values outside their bits', () => {
    const encoder = new RangeEncoder(new ByteWriter());
    expect(() => encoder.encodeSymbol(M1.table, 9, 'id delta')).toThrow(/M1 has symbols 0 to 8, not 9/);
    expect(() => encoder.encodeSymbol(M1.table, 1.5, 'id delta')).toThrow(ProtocolError);
    expect(() => encoder.encodeBits(32, 5, 'number')).toThrow(/does not fit in 5 raw bits/);
    expect(() => encoder.encodeBits(0, 17, 'number')).toThrow(/1 to 16/);
    expect(() => new RangeDecoder(hexToBytes('4215'), 0).decodeBits(0, 'number')).toThrow(/1 to 16/);
  });

  it('requires the 0x42 marker', () => {
    expect(() => new RangeDecoder(hexToBytes('4115'), 0)).toThrow(/expected a compressed object list \(0x42\), found 0x41.*offset 0/);
    expect(() => new RangeDecoder(new Uint8Array(), 0)).toThrow(ProtocolError);
  });
});

describe('the range-coder observer', () => {
  it('reports every symbol with its interval and the coder state, identically in both directions', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, {minLength: 1, maxLength: 100}), (steps) => {
        const encoded: RangeCoderStep[] = [];
        const decoded: RangeCoderStep[] = [];
        const bytes = encodeSteps(steps, (step) => encoded.push(step));
        // The observer sits on the one code path: watching changes nothing.
        expect(bytesToHex(bytes)).toBe(bytesToHex(encodeSteps(steps)));
        decodeSteps(bytes, steps, (step) => decoded.push(step));
        expect(encoded).toHaveLength(steps.length);
        expect(decoded).toHaveLength(steps.length);
        encoded.forEach((step, index) => {
          const unit = Math.floor(step.rangeBefore / step.frequencyTotal);
          expect(step.lowAfter).toBe(step.lowBefore + unit * step.frequencyLow);
          expect(step.rangeAfter).toBe(step.frequencyHigh === step.frequencyTotal ? step.rangeBefore - unit * step.frequencyLow : unit * (step.frequencyHigh - step.frequencyLow));
          expect(bytesToHex(bytes).startsWith(bytesToHex(step.bytes))).toBe(true);
          const mirror = decoded[index];
          expect(mirror.operation).toBe('decode');
          expect([mirror.symbol, mirror.model, mirror.frequencyLow, mirror.frequencyHigh, mirror.frequencyTotal]).toEqual([step.symbol, step.model, step.frequencyLow, step.frequencyHigh, step.frequencyTotal]);
          expect([mirror.lowBefore, mirror.rangeBefore, mirror.lowAfter, mirror.rangeAfter]).toEqual([step.lowBefore, step.rangeBefore, step.lowAfter, step.rangeAfter]);
          expect(mirror.codeAfter).toBe(mirror.codeBefore! - (mirror.lowAfter - mirror.lowBefore));
          expect(mirror.codeAfter!).toBeLessThan(mirror.rangeAfter);
        });
      }),
      {numRuns: 300, seed: 0x0b5},
    );
  });

  it('names the table or the raw bits that coded each symbol', () => {
    const models: string[] = [];
    encodeSteps([{table: SYMBOL_TABLE, symbol: 3}, {table: M2.table, symbol: 16}, {bits: 5, value: 9}, {table: NEXT_CLASS_TABLES[3], symbol: 2}], (step) => models.push(`${step.model}:${step.symbol}/${step.frequencyTotal}`));
    expect(models).toEqual(['SYM:3/4096', 'M2:16/4096', 'raw bits:9/32', 'next class 3:2/4096']);
  });
});
