import {describe, expect, it} from 'vitest';
import {bytesToHex, encodeRawObjectList, hexToBytes, type ObjectItem} from '@site/src/protocol';
import {modelBits, readList, recordDecoding, recordEncoding, sameSymbols, spentBits, type EncoderRun, type ReadList} from './record';

// Expected values are the worked examples of docs/09-compression.mdx and spec §7.1 and §7.3, from
// the 2006 capture.

function read(hex: string): ReadList {
  const result = readList(hexToBytes(hex));
  if (!('items' in result)) throw new Error('expected a whole list');
  return result;
}

const encode = (hex: string): EncoderRun => recordEncoding(read(hex).items);

const symbols = (run: EncoderRun) =>
  Array.from({length: run.steps.length}, (_, index) => {
    const step = run.steps.at(index);
    return [step.context, step.model, step.symbol, step.frequencyLow, step.frequencyHigh];
  });

/** Frame 219: five IP:port objects with id 3 (coded part fb 9e fd 27, then the 30-byte tail). */
const FRAME_219 = '42 fb 9e fd 27 6f e4 ec 51 0c a7 69 c2 80 52 ee ea b0 39 ba 50 54 22 7f 29 83 52 2d 04 6d 12 83 52 ce 04';
const FRAME_219_ADDRESSES = ['81.236.228.111:42764', '82.128.194.105:60142', '80.186.57.176:8788', '82.131.41.127:1069', '82.131.18.109:1230'];

describe('readList(bytes)', () => {
  it('reads the cmd 15 reply 42 3c 25 of frame 379 as {1: 1}, raw 41 01 00 01 01', () => {
    const list = read('42 3c 25');
    expect(list.format).toBe('compressed');
    expect(list.items).toEqual([{type: 0, id: 1, value: 1}]);
    // 0x41, varint(1) object, type 0, varint(id 1), varint(1) (spec §7.1).
    expect(bytesToHex(list.raw)).toBe('4101000101');
  });

  it('reads the empty list 42 15; raw it is 41 00', () => {
    expect(bytesToHex(read('42 15').raw)).toBe('4100');
  });

  it('reads a raw list too', () => {
    const list = read('41 01 00 01 01');
    expect(list.format).toBe('raw');
    expect(list.items).toEqual([{type: 0, id: 1, value: 1}]);
  });

  it('reports bytes after the end of the list instead of a list', () => {
    expect(readList(hexToBytes('42 15 00'))).toEqual({listLength: 2, byteCount: 3});
  });

  it('throws the library error for bytes that are no list', () => {
    expect(() => readList(hexToBytes('43'))).toThrow(/0x41 \(raw\) or 0x42/);
  });
});

describe('recordEncoding(items)', () => {
  it('records the one symbol of the empty list 42 15 with the state of the chapter\'s table', () => {
    const run = encode('42 15');
    expect(run.steps.length).toBe(1);
    const step = run.steps.at(0);
    expect(step).toMatchObject({context: 'list symbol', model: 'SYM', symbol: 0, frequencyLow: 0, frequencyHigh: 675, frequencyTotal: 4096});
    expect(step).toMatchObject({lowBefore: 0, rangeBefore: 0x8000_0000, lowAfter: 0, rangeAfter: 0x1518_0000, codeBefore: null, codeAfter: null});
    expect(bytesToHex(run.compressed)).toBe('4215');
  });

  it('codes frame 379\'s {1: 1} as three symbols of about 8 bits', () => {
    const run = encode('42 3c 25');
    expect(symbols(run)).toEqual([
      ['list symbol', 'SYM', 2, 892, 1660],
      ['number', 'M2', 1, 333, 844],
      ['list symbol', 'SYM', 0, 0, 675],
    ]);
    expect(bytesToHex(run.compressed)).toBe('423c25');
    // 2.42 + 3.00 + 2.60 bits in the chapter's table.
    expect(run.steps.modelBitsTotal).toBeCloseTo(8.02, 2);
    // Every symbol here costs more than one bit.
    expect(run.steps.cheapSymbols).toBe(0);
  });

  it('codes frame 219\'s five supernodes as the chapter lists: SYM 10, M1 3, four times SYM 1, SYM 0', () => {
    const list = read(FRAME_219);
    expect(list.items.map((item) => (item.type === 2 ? `${item.id} ${item.value.ip}:${item.value.port}` : ''))).toEqual(FRAME_219_ADDRESSES.map((address) => `3 ${address}`));
    const run = recordEncoding(list.items);
    expect(symbols(run).map(([, model, symbol]) => `${model} ${symbol}`)).toEqual(['SYM 10', 'M1 3', 'SYM 1', 'SYM 1', 'SYM 1', 'SYM 1', 'SYM 0']);
    expect(bytesToHex(run.compressed)).toBe(FRAME_219.replace(/ /g, ''));
    // The same list pasted raw compresses to the same bytes.
    expect(bytesToHex(recordEncoding(read(bytesToHex(list.raw)).items).compressed)).toBe(FRAME_219.replace(/ /g, ''));
  });
});

describe('modelBits and spentBits', () => {
  it('price end-of-list (675 of 4096) at about 2.60 bits, and the coder spends exactly that on 42 15', () => {
    const step = encode('42 15').steps.at(0);
    expect(modelBits(step)).toBeCloseTo(2.601, 3);
    // range = (0x80000000 >> 12) * 675: no rounding, so the two figures agree.
    expect(spentBits(step)).toBeCloseTo(2.601, 3);
  });

  it('price a raw chunk of k bits at exactly k bits', () => {
    expect(modelBits({frequencyLow: 5, frequencyHigh: 6, frequencyTotal: 8})).toBe(3);
  });
});

describe('recordDecoding(compressed)', () => {
  it('recovers the symbols of frame 379, with the code value of the decoder', () => {
    const encoded = encode('42 3c 25');
    const decoded = recordDecoding(encoded.compressed);
    expect(sameSymbols(encoded.steps, decoded)).toBe(true);
    // The decoder starts one bit behind the bytes: 0x3c >> 1 = 0x1e, then 0x25 shifted in (spec §7.3.1).
    expect(decoded.at(0).rangeBefore).toBe(0x8000_0000);
    expect(decoded.at(0).codeBefore! >>> 24).toBe(0x1e);
  });

  it('tells different symbol sequences apart', () => {
    expect(sameSymbols(encode('42 15').steps, encode('42 3c 25').steps)).toBe(false);
  });
});

describe('a list of more than 64 KiB', () => {
  it('records its tens of thousands of symbols', () => {
    const items: ObjectItem[] = Array.from({length: 12_000}, (_, index) => ({type: 0, id: index % 40, value: index * 7919}));
    const list = readList(encodeRawObjectList(items));
    if (!('items' in list)) throw new Error('expected a whole list');
    expect(list.raw.length).toBeGreaterThan(64 * 1024);
    const run = recordEncoding(list.items);
    expect(run.steps.length).toBeGreaterThan(30_000);
    expect(run.steps.at(run.steps.length - 1)).toMatchObject({context: 'list symbol', model: 'SYM', symbol: 0});
    expect(sameSymbols(run.steps, recordDecoding(run.compressed))).toBe(true);
  });
});
