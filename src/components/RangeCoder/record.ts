/**
 * The range-coder visualizer's data: one pass through the protocol library per input. A pasted list
 * (0x41 or 0x42) is decoded, then compressed again with an observer that records every coded symbol
 * (spec §7.3.1), and encoded raw for comparison (§7.1). Steps are stored in columns of typed arrays,
 * so that a 64 KiB list with hundreds of thousands of symbols stays small and quick to record.
 */
import {
  decodeCompressedObjectList,
  decodeObjectList,
  encodeCompressedObjectList,
  encodeRawObjectList,
  type ObjectItem,
  type ObjectListFormat,
  type RangeCoderStep,
} from '@site/src/protocol';
import type {CodingContext} from '@site/src/protocol/objectList';

/** One recorded symbol, as the widget shows it: the library's step without its bytes, plus their count. */
export interface RecordedStep {
  context: CodingContext;
  /** The table that coded the symbol ('SYM', 'M1', 'M2', 'next class 3', 'class 3 chars') or 'raw bits'. */
  model: string;
  symbol: number;
  frequencyLow: number;
  frequencyHigh: number;
  frequencyTotal: number;
  lowBefore: number;
  rangeBefore: number;
  lowAfter: number;
  rangeAfter: number;
  /** Decoder only: the code value before and after; null for the encoder. */
  codeBefore: number | null;
  codeAfter: number | null;
  /** Encoder: bytes written so far (marker included). Decoder: bytes read so far. */
  byteCount: number;
}

const INITIAL_CAPACITY = 256;

/** Bits the model gives a symbol: −log2 p, with p = (high − low) / total. */
export const modelBits = (step: Pick<RecordedStep, 'frequencyLow' | 'frequencyHigh' | 'frequencyTotal'>) =>
  -Math.log2((step.frequencyHigh - step.frequencyLow) / step.frequencyTotal);

/**
 * Bits the coder actually spends on a symbol: how much log2(1 / range) grows across the step. The
 * integer range differs from the exact product of probabilities by rounding, so this can differ a little.
 */
export const spentBits = (step: Pick<RecordedStep, 'rangeBefore' | 'rangeAfter'>) => Math.log2(step.rangeBefore / step.rangeAfter);

/**
 * Every symbol of one run of the coder, in columns. Contexts and models are kept as indices into a
 * small list of names: a list has at most a few dozen distinct ones.
 */
export class StepLog {
  length = 0;
  /** Sum of −log2 p over the steps: the size the models promise. */
  modelBitsTotal = 0;
  /** Sum of log2(rangeBefore / rangeAfter) over the steps: what the integer coder spent. */
  spentBitsTotal = 0;
  /** How many steps the model prices below one bit: what a whole-bit code could not do. */
  cheapSymbols = 0;
  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  private contexts: Uint16Array;
  private models: Uint16Array;
  // Symbols, frequencies, low, range and code all fit 32 unsigned bits (low's carry is bit 31).
  private numbers: Uint32Array;
  private hasCode = false;
  // Consecutive steps mostly share their context and model: those skip the map.
  private lastContext = '';
  private lastContextIndex = 0;
  private lastModel = '';
  private lastModelIndex = 0;

  /**
   * @param expectedSteps how many steps to make room for at once: growing by doubling copies the log
   *   again and again, which a 64 KiB list (some 72,000 steps) felt
   */
  constructor(expectedSteps = INITIAL_CAPACITY) {
    const capacity = Math.max(INITIAL_CAPACITY, Math.ceil(expectedSteps));
    this.contexts = new Uint16Array(capacity);
    this.models = new Uint16Array(capacity);
    this.numbers = new Uint32Array(capacity * 11);
  }

  /** Records one step reported by the library's observer. */
  push(step: RangeCoderStep): void {
    if (this.length === this.contexts.length) this.grow();
    const index = this.length++;
    if (step.context !== this.lastContext) {
      this.lastContext = step.context;
      this.lastContextIndex = this.intern(step.context);
    }
    if (step.model !== this.lastModel) {
      this.lastModel = step.model;
      this.lastModelIndex = this.intern(step.model);
    }
    this.contexts[index] = this.lastContextIndex;
    this.models[index] = this.lastModelIndex;
    const base = index * 11;
    const numbers = this.numbers;
    numbers[base] = step.symbol;
    numbers[base + 1] = step.frequencyLow;
    numbers[base + 2] = step.frequencyHigh;
    numbers[base + 3] = step.frequencyTotal;
    numbers[base + 4] = step.lowBefore;
    numbers[base + 5] = step.rangeBefore;
    numbers[base + 6] = step.lowAfter;
    numbers[base + 7] = step.rangeAfter;
    numbers[base + 8] = step.codeBefore ?? 0;
    numbers[base + 9] = step.codeAfter ?? 0;
    numbers[base + 10] = step.bytes.length;
    if (step.codeBefore !== undefined) this.hasCode = true;
    const bits = modelBits(step);
    this.modelBitsTotal += bits;
    if (bits < 1) this.cheapSymbols++;
    this.spentBitsTotal += spentBits(step);
  }

  /** Step `index` (0-based) as a plain object. */
  at(index: number): RecordedStep {
    const base = index * 11;
    const numbers = this.numbers;
    return {
      context: this.names[this.contexts[index]] as CodingContext,
      model: this.names[this.models[index]],
      symbol: numbers[base],
      frequencyLow: numbers[base + 1],
      frequencyHigh: numbers[base + 2],
      frequencyTotal: numbers[base + 3],
      lowBefore: numbers[base + 4],
      rangeBefore: numbers[base + 5],
      lowAfter: numbers[base + 6],
      rangeAfter: numbers[base + 7],
      codeBefore: this.hasCode ? numbers[base + 8] : null,
      codeAfter: this.hasCode ? numbers[base + 9] : null,
      byteCount: numbers[base + 10],
    };
  }

  /** The context, model and symbol of step `index`: what the coder coded, whichever direction it ran. */
  symbolKey(index: number): string {
    return `${this.names[this.contexts[index]]}|${this.names[this.models[index]]}|${this.numbers[index * 11]}`;
  }

  private intern(name: string): number {
    let index = this.nameIndex.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.nameIndex.set(name, index);
    }
    return index;
  }

  private grow(): void {
    const capacity = this.contexts.length * 2;
    const contexts = new Uint16Array(capacity);
    contexts.set(this.contexts);
    this.contexts = contexts;
    const models = new Uint16Array(capacity);
    models.set(this.models);
    this.models = models;
    const numbers = new Uint32Array(capacity * 11);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }
}

/** A pasted list, read by the library: what the totals compare. */
export interface ReadList {
  /** The format of the list as pasted. */
  format: ObjectListFormat;
  items: ObjectItem[];
  /** The same items raw (0x41). */
  raw: Uint8Array;
}

/** A pasted list that decodes but does not end where the bytes do. */
export interface TrailingBytes {
  listLength: number;
  byteCount: number;
}

/**
 * Decodes `bytes` (a raw or compressed list) and encodes its items raw.
 *
 * @returns the list, or the trailing bytes when the list ends before the input does
 * @throws ProtocolError from the library, for bytes that are not a valid object list
 * @example readList(hexToBytes('42 3c 25')).raw // 41 01 00 01 01: the list {1: 1}
 */
export function readList(bytes: Uint8Array): ReadList | TrailingBytes {
  const {format, items, length} = decodeObjectList(bytes);
  if (length !== bytes.length) return {listLength: length, byteCount: bytes.length};
  return {format, items, raw: encodeRawObjectList(items)};
}

/** The encoder's run over a list: its output and every symbol it coded. */
export interface EncoderRun {
  /** The items compressed (0x42), as the encoder wrote them. */
  compressed: Uint8Array;
  steps: StepLog;
}

/**
 * Compresses `items` and records every symbol. `rawLength`, the size of the same list raw, sizes the
 * log: a list codes about one symbol per raw byte (two for the characters of strings).
 *
 * @throws ProtocolError for a value the compressed format cannot carry
 * @example recordEncoding([{type: 0, id: 1, value: 1}]).steps.length // 3: list symbol 2, M2 symbol 1, end of list
 */
export function recordEncoding(items: ObjectItem[], rawLength = 0): EncoderRun {
  // A quarter more than one a byte: a list of numbers needs no second allocation and copy of the log.
  const steps = new StepLog(rawLength * 1.25 + 16);
  const compressed = encodeCompressedObjectList(items, {observer: {onSymbol: (step) => steps.push(step)}});
  return {compressed, steps};
}

/**
 * Decodes `compressed` again with an observer: the decoder's view of the same symbols.
 *
 * @throws ProtocolError for bytes that are not a compressed list (never for an encoder's output)
 */
export function recordDecoding(compressed: Uint8Array, expectedSteps?: number): StepLog {
  const steps = new StepLog(expectedSteps);
  decodeCompressedObjectList(compressed, {observer: {onSymbol: (step) => steps.push(step)}});
  return steps;
}

/** Whether two runs coded the same symbols (context, table and symbol) in the same order. */
export function sameSymbols(first: StepLog, second: StepLog): boolean {
  if (first.length !== second.length) return false;
  for (let index = 0; index < first.length; index++) {
    if (first.symbolKey(index) !== second.symbolKey(index)) return false;
  }
  return true;
}
