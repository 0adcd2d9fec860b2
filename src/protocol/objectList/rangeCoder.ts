/**
 * The range coder under compressed object lists (spec §7.3.1): Michael Schindler's byte-oriented
 * design, a 31-bit `low` with bit 31 as carry, 8-bit output, a cached byte plus a count of pending
 * 0xff bytes for carries, and a decoder that runs one bit behind the byte stream. Frequencies are
 * static, on a 12-bit total, or uniform on up to 16 bits for raw bits.
 *
 * Both directions report every symbol to an optional observer, from this one code path, for the
 * range-coder widgets.
 */
import {ProtocolError} from '../errors';
import type {ByteWriter} from './byteWriter';

/** Frequencies are cumulative on 12 bits: every table ends at 4096 (spec §7.3.2). */
export const TABLE_BITS = 12;
const TABLE_TOTAL = 1 << TABLE_BITS;
/** The encoder renormalises, and the decoder reads a byte, while range <= 2^23 (spec §7.3.1). */
const BOTTOM = 0x0080_0000;
/** `low` at or above this value has 0xff as its top byte (or has carried): the byte is undecided. */
const UNDECIDED = 0x7f80_0000;
/** The decoder may read this many zero bytes past the end of its input (spec §7.3.1). */
const MAX_VIRTUAL_BYTES = 3;

/** Raw bits come in chunks of 1 to 16 bits (spec §7.3.1: `raw(v, k)`, k <= 16). */
function requireBitCount(bitCount: number): void {
  if (bitCount >>> 0 !== bitCount || bitCount < 1 || bitCount > 16) throw new ProtocolError(`raw bits come 1 to 16 at a time, not ${bitCount}`);
}

/**
 * A static model: symbol k occupies [cumulative[k], cumulative[k+1]) of 4096 (spec §7.3.2).
 *
 * @example new FrequencyTable('M1', [0, 291, 614, 692, 2210, 2549, 3324, 3952, 4095, 4096]).symbolCount // 9
 */
export class FrequencyTable {
  readonly cumulative: Uint16Array;
  readonly symbolCount: number;
  /** For each of the 4096 positions, the symbol whose interval holds it: decoding is one look-up. */
  private readonly symbolAt: Uint8Array;

  constructor(
    /** A short name for the observer and for messages, such as 'SYM' or 'M2'. */
    readonly name: string,
    cumulative: readonly number[],
  ) {
    const last = cumulative.length - 1;
    if (last < 1 || last > 256 || cumulative[0] !== 0 || cumulative[last] !== TABLE_TOTAL || cumulative.some((value, k) => k > 0 && value <= cumulative[k - 1])) {
      throw new ProtocolError(`frequency table ${name} must rise strictly from 0 to ${TABLE_TOTAL}`);
    }
    this.cumulative = Uint16Array.from(cumulative);
    this.symbolCount = last;
    this.symbolAt = new Uint8Array(TABLE_TOTAL);
    for (let symbol = 0; symbol < last; symbol++) this.symbolAt.fill(symbol, cumulative[symbol], cumulative[symbol + 1]);
  }

  /** The symbol whose interval holds `position` (0 to 4095). */
  symbolFor(position: number): number {
    return this.symbolAt[position];
  }
}

/**
 * Why a symbol was coded, for the observer: the part of the object list it belongs to.
 * Integer models code a bit-length symbol, maybe an escape, then 'raw bits' chunks of the value.
 */
export type CodingContext =
  | 'list symbol'
  | 'repeat count'
  | 'id delta'
  | 'number'
  | 'u64 length'
  | 'blob length'
  | 'array count'
  | 'array number'
  | 'string class'
  | 'string char';

/** One coded or decoded symbol, as the observer sees it. */
export interface RangeCoderStep {
  operation: 'encode' | 'decode';
  /** Why the symbol was coded. */
  context: CodingContext;
  /** Which table coded it: a FrequencyTable's name ('SYM', 'M1', 'M2', 'next class 3', 'class 3 chars'), or 'raw bits'. */
  model: string;
  /** The symbol (for 'raw bits', the value of the chunk). */
  symbol: number;
  /** The symbol's interval [frequencyLow, frequencyHigh) out of frequencyTotal. */
  frequencyLow: number;
  frequencyHigh: number;
  frequencyTotal: number;
  /** The coder's interval just before the symbol narrowed it (after renormalisation), and after. */
  lowBefore: number;
  rangeBefore: number;
  lowAfter: number;
  rangeAfter: number;
  /** Decoder only: the code value (position of the input inside the interval) before and after. */
  codeBefore?: number;
  codeAfter?: number;
  /**
   * Encoder: the bytes output so far, from the 0x42 marker on (bytes held back for a possible carry
   * are not in it yet). Decoder: the input bytes read so far, from the marker on.
   */
  bytes: Uint8Array;
  /** Decoder only: how many zero bytes it has read past the end of its input. */
  virtualBytes?: number;
}

/** Receives every symbol of the one range-coder code path. */
export interface RangeCoderObserver {
  onSymbol?(step: RangeCoderStep): void;
}

/**
 * The encoder of spec §7.3.1. It writes the 0x42 marker, then the coded bytes to `output`.
 *
 * @example
 * const output = new ByteWriter();
 * const encoder = new RangeEncoder(output);
 * encoder.encodeSymbol(SYMBOL_TABLE, 0, 'list symbol');
 * encoder.finish();
 * output.toBytes(); // 42 15, the empty list
 */
export class RangeEncoder {
  private low = 0;
  private range = 0x8000_0000;
  private cache = 0;
  private pending = 0;
  private first = true;

  constructor(
    private readonly output: ByteWriter,
    private readonly observer?: RangeCoderObserver,
  ) {
    output.writeByte(0x42);
  }

  /** Codes `symbol` with a 12-bit table. */
  encodeSymbol(table: FrequencyTable, symbol: number, context: CodingContext): void {
    // `x >>> 0 !== x` is a cheap test for "not a whole number from 0 to 2^32 − 1": this runs per symbol.
    if (symbol >>> 0 !== symbol || symbol >= table.symbolCount) {
      throw new ProtocolError(`table ${table.name} has symbols 0 to ${table.symbolCount - 1}, not ${symbol}`);
    }
    const cumulative = table.cumulative;
    this.encodeInterval(cumulative[symbol], cumulative[symbol + 1], TABLE_BITS, context, table.name, symbol);
  }

  /** Codes `value` (0 to 2^bitCount − 1) uniformly, `bitCount` from 1 to 16: `code(v, v+1, k)`. */
  encodeBits(value: number, bitCount: number, context: CodingContext): void {
    requireBitCount(bitCount);
    if (value >>> 0 !== value || value >>> bitCount !== 0) throw new ProtocolError(`${value} does not fit in ${bitCount} raw bits`);
    this.encodeInterval(value, value + 1, bitCount, context, 'raw bits', value);
  }

  /** Flushes the interval: afterwards the output decodes every symbol whatever bytes follow it. */
  finish(): void {
    this.range = this.range >>> 1;
    this.low += this.range;
    this.normalize();
    const top = Math.floor(this.low / 0x80_0000);
    if (top <= 0xff) {
      if (!this.first) this.output.writeByte(this.cache);
      for (; this.pending > 0; this.pending--) this.output.writeByte(0xff);
    } else {
      this.output.writeByte((this.cache + 1) & 0xff);
      for (; this.pending > 0; this.pending--) this.output.writeByte(0x00);
    }
    this.output.writeByte(top & 0xff);
  }

  private encodeInterval(frequencyLow: number, frequencyHigh: number, totalBits: number, context: CodingContext, model: string, symbol: number): void {
    this.normalize();
    const lowBefore = this.low;
    const rangeBefore = this.range;
    const step = rangeBefore >>> totalBits;
    this.low = lowBefore + step * frequencyLow;
    // The last symbol takes the rounding remainder, so no part of the interval is lost.
    this.range = frequencyHigh === 1 << totalBits ? rangeBefore - step * frequencyLow : step * (frequencyHigh - frequencyLow);
    if (this.observer?.onSymbol) {
      this.observer.onSymbol({
        operation: 'encode', context, model, symbol, frequencyLow, frequencyHigh, frequencyTotal: 1 << totalBits,
        lowBefore, rangeBefore, lowAfter: this.low, rangeAfter: this.range, bytes: this.output.view(),
      });
    }
  }

  /** Outputs top bytes while the range is small; a carry into bytes already held back is resolved here. */
  private normalize(): void {
    while (this.range <= BOTTOM) {
      const low = this.low;
      if (low >= UNDECIDED) {
        if (low <= 0x7fff_ffff) {
          this.pending++; // top byte 0xff: a later carry could still turn it into 0x00
        } else {
          this.output.writeByte((this.cache + 1) & 0xff); // the carry reaches the cached byte
          for (; this.pending > 0; this.pending--) this.output.writeByte(0x00);
          this.cache = (low >>> 23) & 0xff;
        }
      } else {
        if (this.first) this.first = false;
        else this.output.writeByte(this.cache);
        for (; this.pending > 0; this.pending--) this.output.writeByte(0xff);
        this.cache = low >>> 23;
      }
      this.low = (low & 0x7f_ffff) * 256;
      this.range *= 256;
    }
  }
}

/**
 * The decoder of spec §7.3.1, reading from `offset` (where the 0x42 marker must be).
 *
 * @example
 * const decoder = new RangeDecoder(hexToBytes('4215'), 0);
 * decoder.decodeSymbol(SYMBOL_TABLE, 'list symbol'); // 0, the end of the list
 * decoder.finish(); // 2: the raw tail (here empty) starts after both bytes
 */
export class RangeDecoder {
  private position: number;
  private code: number;
  private range = 128;
  private bit: number;
  /** Tracked only so that decode steps show the same interval as the encoder's. */
  private low = 0;

  constructor(
    private readonly input: Uint8Array,
    private readonly start: number,
    private readonly observer?: RangeCoderObserver,
  ) {
    if (start >= input.length) throw new ProtocolError('truncated compressed object list: expected the 0x42 marker', start);
    if (input[start] !== 0x42) throw new ProtocolError(`expected a compressed object list (0x42), found 0x${input[start].toString(16).padStart(2, '0')}`, start);
    this.position = start + 1;
    const byte = this.nextByte();
    // The decoder works one bit behind the byte stream: 7 bits now, the eighth with the next byte.
    this.code = byte >>> 1;
    this.bit = byte & 1;
  }

  /** How far the decoder has read, as a byte offset inside the input (for error messages). */
  get offset(): number {
    return Math.min(this.position, this.input.length);
  }

  /** Decodes one symbol of a 12-bit table. */
  decodeSymbol(table: FrequencyTable, context: CodingContext): number {
    this.normalize();
    const codeBefore = this.code;
    const rangeBefore = this.range;
    const step = rangeBefore >>> TABLE_BITS;
    // Rounding leaves up to step − 1 above 4096 steps: that belongs to the last symbol.
    const position = Math.min(Math.floor(codeBefore / step), TABLE_TOTAL - 1);
    const symbol = table.symbolFor(position);
    const frequencyLow = table.cumulative[symbol];
    const frequencyHigh = table.cumulative[symbol + 1];
    this.narrow(step * frequencyLow, frequencyHigh === TABLE_TOTAL ? rangeBefore - step * frequencyLow : step * (frequencyHigh - frequencyLow));
    if (this.observer?.onSymbol) this.report(context, table.name, symbol, frequencyLow, frequencyHigh, TABLE_TOTAL, codeBefore, rangeBefore);
    return symbol;
  }

  /** Decodes `bitCount` (1 to 16) uniform bits. */
  decodeBits(bitCount: number, context: CodingContext): number {
    requireBitCount(bitCount);
    this.normalize();
    const codeBefore = this.code;
    const rangeBefore = this.range;
    const step = rangeBefore >>> bitCount;
    const largest = (1 << bitCount) - 1;
    const value = Math.min(Math.floor(codeBefore / step), largest);
    this.narrow(step * value, value === largest ? rangeBefore - step * value : step);
    if (this.observer?.onSymbol) this.report(context, 'raw bits', value, value, value + 1, largest + 1, codeBefore, rangeBefore);
    return value;
  }

  /**
   * Mirrors the encoder's flush after the top-level list's end symbol and returns where the raw
   * tail starts: 3 bytes before the read cursor (spec §7.3.1).
   */
  finish(): number {
    this.range = this.range >>> 1;
    this.normalize();
    return this.position - MAX_VIRTUAL_BYTES;
  }

  // Since 0 <= code < range holds from the start (code < 2^31 = range) and every narrowing keeps
  // it, no input, however hostile, can push the arithmetic out of 32 bits.
  private narrow(offset: number, range: number): void {
    this.code -= offset;
    this.low += offset;
    this.range = range;
  }

  private normalize(): void {
    while (this.range <= BOTTOM) {
      const byte = this.nextByte();
      this.code = (((this.code << 1) | this.bit) << 7) | (byte >>> 1);
      this.bit = byte & 1;
      this.range *= 256;
      this.low = (this.low & 0x7f_ffff) * 256;
    }
  }

  private nextByte(): number {
    if (this.position < this.input.length) return this.input[this.position++];
    if (this.position - this.input.length >= MAX_VIRTUAL_BYTES) {
      throw new ProtocolError('truncated compressed object list: the range decoder ran out of bytes', this.input.length);
    }
    this.position++;
    return 0;
  }

  private report(context: CodingContext, model: string, symbol: number, frequencyLow: number, frequencyHigh: number, frequencyTotal: number, codeBefore: number, rangeBefore: number): void {
    this.observer!.onSymbol!({
      operation: 'decode', context, model, symbol, frequencyLow, frequencyHigh, frequencyTotal,
      lowBefore: this.low - (codeBefore - this.code), rangeBefore, lowAfter: this.low, rangeAfter: this.range,
      codeBefore, codeAfter: this.code,
      bytes: this.input.subarray(this.start, Math.min(this.position, this.input.length)),
      virtualBytes: Math.max(0, this.position - this.input.length),
    });
  }
}
