/**
 * What a coded symbol means, in words, from the step the library's observer reported: which model
 * coded it and why (spec §7.3.3–7.3.5), and the chapter section that explains it. The models
 * themselves (tables, integer parameters, character classes) are the library's.
 */
import {translate} from '@docusaurus/Translate';
import {CHARACTER_CLASSES, CHARACTER_TABLES, M1, M2, NEXT_CLASS_TABLES, SYMBOL_TABLE, type FrequencyTable, type IntegerModel} from '@site/src/protocol/objectList';
import type {RecordedStep} from './record';

/** Every table of the compressed format by the name the observer reports. */
const TABLES = new Map<string, FrequencyTable>(
  [SYMBOL_TABLE, M1.table, M2.table, ...NEXT_CLASS_TABLES, ...CHARACTER_TABLES.filter((table): table is FrequencyTable => table !== undefined)].map((table) => [
    table.name,
    table,
  ]),
);

/**
 * The cumulative frequencies of the table a step used, for drawing every symbol's slice; null for
 * raw bits, whose 2^k slices are all alike.
 */
export function tableOf(model: string): readonly number[] | null {
  const table = TABLES.get(model);
  return table ? Array.from(table.cumulative) : null;
}

/** What an integer model's symbol says about the value (spec §7.3.3). */
export type IntegerSymbol = {kind: 'value'; value: number} | {kind: 'bitLength'; bitLength: number} | {kind: 'escape'; bitLengthFrom: number};

/**
 * Reads a symbol of integer model `model`: below 2^b it is the value itself; a + c is the escape
 * (the bit length beyond a follows with the same model); otherwise it is the bit length n + c.
 *
 * @example integerSymbol(M2, 11) // {kind: 'bitLength', bitLength: 11}: 1024 to 2047, as 1481
 */
export function integerSymbol(model: IntegerModel, symbol: number): IntegerSymbol {
  if (symbol < 1 << model.b) return {kind: 'value', value: symbol};
  if (symbol === model.a + model.c) return {kind: 'escape', bitLengthFrom: model.a};
  return {kind: 'bitLength', bitLength: symbol - model.c};
}

/** Where the chapter explains a model: the spec section and the chapter's heading anchor. */
export interface ModelSource {
  section: string;
  anchor: string;
  title: string;
}

const CHAPTER = '/docs/compression';

export function modelSource(step: Pick<RecordedStep, 'context' | 'model'>): ModelSource {
  if (step.model === 'raw bits') {
    return {section: '§7.3.1, §7.3.3', anchor: `${CHAPTER}#from-real-numbers-to-32-bit-integers`, title: translate({id: 'lab.rangeCoder.source.raw', message: 'From real numbers to 32-bit integers'})};
  }
  if (step.context === 'string class' || step.context === 'string char') {
    return {section: '§7.3.5', anchor: `${CHAPTER}#strings-eleven-classes-of-characters`, title: translate({id: 'lab.rangeCoder.source.strings', message: 'Strings: eleven classes of characters'})};
  }
  if (step.context === 'repeat count') {
    return {section: '§7.3.4', anchor: `${CHAPTER}#repeats-sibling-lists-that-look-alike`, title: translate({id: 'lab.rangeCoder.source.repeats', message: 'Repeats: sibling lists that look alike'})};
  }
  if (step.context === 'list symbol') {
    return {section: '§7.3.4', anchor: `${CHAPTER}#the-list-symbol-13-choices`, title: translate({id: 'lab.rangeCoder.source.list', message: 'The list symbol: 13 choices'})};
  }
  return {section: '§7.3.3', anchor: `${CHAPTER}#integers-two-models-m1-and-m2`, title: translate({id: 'lab.rangeCoder.source.integers', message: 'Integers: two models, M1 and M2'})};
}

/** Why the coder needed a number here: what the integer is part of. */
function integerPurpose(context: RecordedStep['context']): string {
  switch (context) {
    case 'repeat count':
      return translate({id: 'lab.rangeCoder.purpose.repeat', message: 'the repeat count (how many leading objects repeat the ids and types of the previous list at this depth)'});
    case 'id delta':
      return translate({id: 'lab.rangeCoder.purpose.idDelta', message: 'the id delta (how much the id grows from the previous object)'});
    case 'number':
      return translate({id: 'lab.rangeCoder.purpose.number', message: 'the value of a number object (type 0)'});
    case 'u64 length':
      return translate({id: 'lab.rangeCoder.purpose.u64Length', message: 'how many bytes of a 64-bit value (type 1) go to the raw tail'});
    case 'blob length':
      return translate({id: 'lab.rangeCoder.purpose.blobLength', message: 'the length of a blob (type 4), whose bytes go to the raw tail'});
    case 'array count':
      return translate({id: 'lab.rangeCoder.purpose.arrayCount', message: 'how many numbers a list of numbers (type 6) holds'});
    case 'array number':
      return translate({id: 'lab.rangeCoder.purpose.arrayNumber', message: 'one number of a list of numbers (type 6)'});
    default:
      return context;
  }
}

/** The characters of a class in words (spec §7.3.5 table). */
export function className(characterClass: number): string {
  switch (characterClass) {
    case 0:
      return translate({id: 'lab.rangeCoder.class.0', message: 'class 0, NUL: the end of the string'});
    case 1:
      return translate({id: 'lab.rangeCoder.class.1', message: 'class 1, a lowercase consonant'});
    case 2:
      return translate({id: 'lab.rangeCoder.class.2', message: 'class 2, a lowercase vowel'});
    case 3:
      return translate({id: 'lab.rangeCoder.class.3', message: 'class 3, one of n r l s x'});
    case 4:
      return translate({id: 'lab.rangeCoder.class.4', message: 'class 4, a digit'});
    case 5:
      return translate({id: 'lab.rangeCoder.class.5', message: 'class 5, an uppercase consonant'});
    case 6:
      return translate({id: 'lab.rangeCoder.class.6', message: 'class 6, an uppercase vowel'});
    case 7:
      return translate({id: 'lab.rangeCoder.class.7', message: 'class 7, a space'});
    case 8:
      return translate({id: 'lab.rangeCoder.class.8', message: 'class 8, a UTF-8 continuation byte'});
    case 9:
      return translate({id: 'lab.rangeCoder.class.9', message: 'class 9, a UTF-8 lead byte'});
    default:
      return translate({id: 'lab.rangeCoder.class.10', message: 'class 10, punctuation or a control byte'});
  }
}

/** A byte as the reader knows it: the character for printable ASCII, with its hex. */
function byteText(byte: number): string {
  const hex = `0x${byte.toString(16).padStart(2, '0')}`;
  return byte > 0x20 && byte < 0x7f ? `'${String.fromCharCode(byte)}' (${hex})` : hex;
}

/** The number after the model's name: 'next class 3' → 3. */
const trailingNumber = (model: string) => Number(/(\d+)/.exec(model)?.[1] ?? 0);

function listSymbolMeaning(symbol: number): string {
  if (symbol === 0) return translate({id: 'lab.rangeCoder.sym.end', message: 'end of the list'});
  if (symbol <= 5) return translate({id: 'lab.rangeCoder.sym.same', message: 'same type as the previous object (move-to-front position 0), id + {delta}'}, {delta: symbol - 1});
  if (symbol === 6) return translate({id: 'lab.rangeCoder.sym.sameFar', message: 'same type as the previous object, id + 5 + an M1 integer that follows'});
  return translate({id: 'lab.rangeCoder.sym.moved', message: 'the type at move-to-front position {position}, which moves to the front; the id delta follows as an M1 integer'}, {position: symbol - 6});
}

function integerMeaning(model: IntegerModel, symbol: number, afterEscape: boolean): string {
  if (afterEscape) {
    return translate({id: 'lab.rangeCoder.int.afterEscape', message: 'symbol {symbol} after the escape: the bit length beyond {a}, coded with the same model'}, {symbol, a: model.a});
  }
  const meaning = integerSymbol(model, symbol);
  if (meaning.kind === 'value') return translate({id: 'lab.rangeCoder.int.value', message: 'symbol {symbol}, the value {symbol} itself'}, {symbol});
  if (meaning.kind === 'escape') {
    return translate({id: 'lab.rangeCoder.int.escape', message: 'symbol {symbol}, the escape: a bit length of {a} or more, the rest of it follows'}, {symbol, a: meaning.bitLengthFrom});
  }
  const {bitLength} = meaning;
  return translate(
    {id: 'lab.rangeCoder.int.bitLength', message: 'symbol {symbol}, a value of {bitLength} bits ({from} to {to}); its {below} bits below the top bit follow raw'},
    {symbol, bitLength, from: 2 ** (bitLength - 1), to: 2 ** bitLength - 1, below: bitLength - 1},
  );
}

/**
 * Why the coder coded this symbol and what it says, in one sentence. `previous` is the step before
 * (null for the first): it tells an escape's continuation from a fresh integer.
 *
 * @example explainStep({context: 'list symbol', model: 'SYM', symbol: 0, …}, null) // 'SYM, the list symbol 0: end of the list'
 */
export function explainStep(step: RecordedStep, previous: RecordedStep | null): string {
  const {model, symbol, context} = step;
  if (model === 'raw bits') {
    const bitCount = Math.log2(step.frequencyTotal);
    return translate(
      {id: 'lab.rangeCoder.explain.raw', message: 'Raw bits of {purpose}: {bitCount} bits {bits}, sent flat (every value equally likely), so each costs exactly one bit'},
      {purpose: integerPurpose(context), bitCount, bits: symbol.toString(2).padStart(bitCount, '0')},
    );
  }
  if (model === SYMBOL_TABLE.name) {
    return translate({id: 'lab.rangeCoder.explain.sym', message: 'SYM, the list symbol {symbol}: {meaning}'}, {symbol, meaning: listSymbolMeaning(symbol)});
  }
  if (model === M1.table.name || model === M2.table.name) {
    const integerModel = model === M1.table.name ? M1 : M2;
    const afterEscape = previous !== null && previous.model === model && previous.context === context && previous.symbol === integerModel.a + integerModel.c;
    return translate(
      {id: 'lab.rangeCoder.explain.integer', message: 'Integer model {model}, for {purpose}: {meaning}'},
      {model, purpose: integerPurpose(context), meaning: integerMeaning(integerModel, symbol, afterEscape)},
    );
  }
  if (context === 'string class') {
    // Class 0 is NUL, which ends a string: its next-class table only ever starts one.
    const previousClass = trailingNumber(model);
    return previousClass === 0
      ? translate({id: 'lab.rangeCoder.explain.firstClass', message: 'String, first character: its class, with the next-class table of class 0 (used before the first character): {chosen}'}, {chosen: className(symbol)})
      : translate(
          {id: 'lab.rangeCoder.explain.class', message: 'String, next character: its class, with the next-class table of the previous character’s class {previous}: {chosen}'},
          {previous: previousClass, chosen: className(symbol)},
        );
  }
  if (context === 'string char') {
    const characterClass = trailingNumber(model);
    const byte = CHARACTER_CLASSES[characterClass]?.[symbol];
    return translate(
      {id: 'lab.rangeCoder.explain.char', message: 'String character, index {symbol} inside {className}: the byte {byte}'},
      {symbol, className: className(characterClass), byte: byte === undefined ? '?' : byteText(byte)},
    );
  }
  return translate({id: 'lab.rangeCoder.explain.other', message: 'Table {model}, symbol {symbol}'}, {model, symbol});
}

/** A 32-bit coder value as the chapter writes it: 8 lowercase hex digits. */
export const hexWord = (value: number) => (value >>> 0).toString(16).padStart(8, '0');

/** A number of bits for reading: two decimals. */
export const bitsText = (bits: number) => bits.toFixed(2);
