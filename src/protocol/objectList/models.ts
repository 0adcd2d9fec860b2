/**
 * The static models of compressed object lists: the list-symbol table SYM, the two integer models
 * M1 and M2 (spec §7.3.2–7.3.3), and the character classes of strings with their tables (§7.3.5).
 * The numbers are format data that Skype shipped in its binary; two independent reverse-engineering
 * efforts agree on them (spec §7.3.6).
 */
import {ProtocolError} from '../errors';
import {type CodingContext, FrequencyTable, type RangeDecoder, type RangeEncoder} from './rangeCoder';

/**
 * The list symbol (spec §7.3.4): 0 ends the list; 1–5 repeat the previous type with id delta 0–4;
 * 6 repeats it with delta 5 + an M1 value; 7–12 take the type at move-to-front position 1–6.
 */
export const SYMBOL_TABLE = new FrequencyTable('SYM', [0, 675, 892, 1660, 1699, 1710, 2692, 2932, 3501, 3933, 4018, 4052, 4095, 4096]);

/**
 * An integer model (spec §7.3.3). A value of bit length n is coded as the symbol v itself when
 * n <= b, as symbol n + c when n < a, else as symbol a + c followed by n − a with the same model;
 * then the n − 1 bits below its top bit follow as raw chunks of at most 16 bits, low chunk first.
 */
export interface IntegerModel {
  a: number;
  b: number;
  c: number;
  table: FrequencyTable;
}

/** M1, for id deltas and repeat counts: a=7, b=2, c=1 (spec §7.3.2). */
export const M1: IntegerModel = {a: 7, b: 2, c: 1, table: new FrequencyTable('M1', [0, 291, 614, 692, 2210, 2549, 3324, 3952, 4095, 4096])};

/** M2, for numbers, lengths and counts: a=16, b=1, c=0 (spec §7.3.2). */
export const M2: IntegerModel = {
  a: 16,
  b: 1,
  c: 0,
  table: new FrequencyTable('M2', [0, 333, 844, 1067, 1187, 1738, 2387, 2502, 2668, 2747, 2990, 3139, 3227, 3293, 3377, 3475, 3509, 4096]),
};

/**
 * Codes an unsigned 32-bit `value` with `model`.
 *
 * @example encodeInteger(encoder, M1, 5, 'id delta') // symbol 4 (bit length 3), then the raw bits 01
 */
export function encodeInteger(encoder: RangeEncoder, model: IntegerModel, value: number, context: CodingContext): void {
  const bitLength = 32 - Math.clz32(value);
  if (bitLength <= model.b) {
    encoder.encodeSymbol(model.table, value, context);
    return;
  }
  if (bitLength < model.a) {
    encoder.encodeSymbol(model.table, bitLength + model.c, context);
  } else {
    // The escape: the bit length beyond a follows with the same model (it is below 2^5, no second escape).
    encoder.encodeSymbol(model.table, model.a + model.c, context);
    encodeInteger(encoder, model, bitLength - model.a, context);
  }
  for (let shift = 0; shift < bitLength - 1; shift += 16) {
    const chunkBits = Math.min(16, bitLength - 1 - shift);
    encoder.encodeBits((value >>> shift) & ((1 << chunkBits) - 1), chunkBits, context);
  }
}

/**
 * Decodes an integer of `model`: at most 32 bits, and an escape inside an escape is an error.
 *
 * @example decodeInteger(decoder, M2, 'number') // 1481 in the cmd-6 request {0: 1481, 5: 12}
 */
export function decodeInteger(decoder: RangeDecoder, model: IntegerModel, context: CodingContext, escaped = false): number {
  const symbol = decoder.decodeSymbol(model.table, context);
  if (symbol < 1 << model.b) return symbol;
  let bitLength = symbol - model.c;
  if (bitLength >= model.a) {
    if (escaped) throw new ProtocolError(`corrupt compressed object list: an escape inside the bit length of an ${model.table.name} integer`, decoder.offset);
    bitLength = model.a + decodeInteger(decoder, model, context, true);
    if (bitLength > 32) throw new ProtocolError(`corrupt compressed object list: an ${model.table.name} integer of ${bitLength} bits (at most 32)`, decoder.offset);
  }
  // The top bit is implied; below it come at most 31 bits, in a low chunk of up to 16 bits and a high chunk.
  const lowBits = Math.min(16, bitLength - 1);
  let value = (1 << (bitLength - 1)) >>> 0;
  if (lowBits > 0) value += decoder.decodeBits(lowBits, context);
  if (bitLength - 1 > 16) value += decoder.decodeBits(bitLength - 17, context) * 0x1_0000;
  return value;
}

// Strings (spec §7.3.5): every byte, NUL included, is its class (coded with the next-class table of
// the previous byte's class, class 0 before the first byte), then its index inside a class of more
// than one member.

/** Count from `first` to `last` by `step`: the long regular runs of the tables below. */
function run(first: number, last: number, step = 1): number[] {
  return Array.from({length: Math.floor((last - first) / step) + 1}, (_, index) => first + index * step);
}

const hexBytes = (text: string): number[] => text.split(' ').map((hex) => parseInt(hex, 16));
const asciiBytes = (text: string): number[] => Array.from(text, (character) => character.charCodeAt(0));

/** The members of each class, in index order (spec §7.3.5 table). */
export const CHARACTER_CLASSES: readonly (readonly number[])[] = [
  [0x00], // 0: NUL, the end
  asciiBytes('tdmhkpcgwbzfvjq'), // 1
  asciiBytes('eaiouy'), // 2
  asciiBytes('nrlsx'), // 3
  asciiBytes('0216345789'), // 4
  asciiBytes('SMTBRLNPKCDHGJWFVZXQ'), // 5
  asciiBytes('AEIOUY'), // 6
  [0x20], // 7: space
  // 8: UTF-8 continuation bytes
  hexBytes('82 99 b8 b3 a9 81 bc 9c 85 95 a1 9b a8 84 b0 90 80 b6 94 a4 91 ba 9e 9a a0 b5 bd be a7 9d 97 a5 9f aa b1 83 8c 93 b2 98 a6 a2 bb 88 ad 96 8f b4 a3 92 bf 87 b7 8b 8d b9 89 8a 8e ae 86 ac ab af'),
  // 9: UTF-8 lead bytes
  hexBytes('d7 c3 d0 c5 e5 c4 e3 d1 e6 e7 ec e4 e8 ef e9 d9 d8 eb ea e2 c2 e0 ed c6 db e1 ce cf c0 c1 c7 c8 c9 ca cb cc cd d2 d3 d4 d5 d6 da dc dd de df ee f0 f1 f2 f3 f4 f5 f6 f7 f8 f9 fa fb fc fd fe ff'),
  // 10: punctuation and control bytes
  [...hexBytes('2e 2d 2f 5f 21 2b 2c 29 3a 28 2a 3f 0d 0a 27 26 22 3d 3b 7e 40 3e 3c 7c 5e 5d 5b 5c 23 60 24 25 7b 7d'), ...run(0x01, 0x09), 0x0b, 0x0c, ...run(0x0e, 0x1f), 0x7f],
];

/** For each class, the table of the next byte's class (11 symbols; spec §7.3.5). */
export const NEXT_CLASS_TABLES: readonly FrequencyTable[] = [
  [0, 1590, 2504, 2797, 3045, 3237, 3854, 3964, 3971, 3978, 4034, 4096],
  [0, 481, 1136, 3164, 3705, 3720, 3727, 3734, 3927, 3934, 3975, 4096],
  [0, 541, 1642, 2174, 3743, 3759, 3766, 3773, 3991, 3998, 4031, 4096],
  [0, 937, 1903, 3258, 3711, 3726, 3733, 3740, 3973, 3980, 4020, 4096],
  [0, 468, 475, 482, 489, 3731, 3738, 3745, 3889, 3896, 3903, 4096],
  [0, 171, 489, 2822, 3110, 3117, 3432, 3845, 3915, 3922, 4029, 4096],
  [0, 302, 877, 1144, 2200, 2207, 3473, 3781, 3986, 3993, 4009, 4096],
  [0, 7, 1002, 1414, 1735, 2119, 3423, 3639, 3785, 3792, 3935, 4096],
  [0, 333, 669, 884, 1318, 1325, 1338, 1345, 1609, 2345, 4017, 4096],
  [0, 7, 14, 21, 28, 35, 42, 49, 56, 4082, 4089, 4096],
  [0, 350, 1052, 1230, 1436, 2240, 2437, 2480, 2860, 2867, 2904, 4096],
].map((cumulative, characterClass) => new FrequencyTable(`next class ${characterClass}`, cumulative));

/** For each class of more than one member, the table of the index inside it (spec §7.3.5). */
export const CHARACTER_TABLES: readonly (FrequencyTable | undefined)[] = [
  undefined,
  [0, 553, 995, 1360, 1721, 2070, 2409, 2745, 2999, 3246, 3466, 3650, 3831, 3975, 4081, 4096],
  [0, 1106, 2201, 2951, 3605, 3937, 4096],
  [0, 1208, 2251, 3209, 4033, 4096],
  [0, 577, 1066, 1506, 1909, 2305, 2696, 3069, 3416, 3762, 4096],
  [0, 416, 762, 1056, 1337, 1595, 1849, 2102, 2344, 2567, 2790, 2999, 3206, 3395, 3570, 3745, 3887, 3991, 4056, 4080, 4096],
  [0, 1480, 2266, 3005, 3631, 3875, 4096],
  undefined,
  [
    0, 239, 421, 578, 724, 870, 1006, 1130, 1242, 1354, 1459, 1561, 1661, 1750, 1837, 1917, 1996, 2073, 2146, 2218, 2288, 2357, 2424,
    2490, 2553, 2616, 2678, 2739, 2800, 2860, 2915, 2969, 3021, 3073, 3123, 3173, 3220, 3267, 3314, 3358, 3401, 3443, 3483, 3522, 3560,
    3597, 3633, 3667, 3699, 3731, 3761, 3791, 3821, 3851, 3880, 3908, 3935, 3961, 3985, 4006, 4027, 4048, 4066, 4081, 4096,
  ],
  // The rarest lead bytes and control bytes share a flat run of 10 per member.
  [0, 563, 1377, 1877, 2368, 2565, 2749, 2888, 3024, 3136, 3210, 3275, 3339, 3399, 3455, 3506, 3554, 3589, 3609, 3629, 3648, 3664, 3676, 3686, ...run(3696, 4086, 10), 4096],
  [0, 815, 1810, 2091, 2308, 2499, 2680, 2855, 3008, 3138, 3226, 3306, 3382, 3454, 3525, 3566, 3590, 3611, 3632, 3644, ...run(3656, 4086, 10), 4096],
].map((cumulative, characterClass) => cumulative && new FrequencyTable(`class ${characterClass} chars`, cumulative));

/** The class of each byte value. */
export const CLASS_OF_BYTE = new Uint8Array(256);
/** The index of each byte value inside its class. */
export const INDEX_OF_BYTE = new Uint8Array(256);
CHARACTER_CLASSES.forEach((members, characterClass) => {
  if (members.length !== (CHARACTER_TABLES[characterClass]?.symbolCount ?? 1)) {
    throw new ProtocolError(`character class ${characterClass} has ${members.length} members but its table does not`);
  }
  members.forEach((byte, index) => {
    CLASS_OF_BYTE[byte] = characterClass;
    INDEX_OF_BYTE[byte] = index;
  });
});
