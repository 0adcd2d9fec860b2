import {describe, expect, it} from 'vitest';
import {M1, M2} from '@site/src/protocol/objectList';
import {intervalSpec} from './chart';
import {explainStep, hexWord, integerSymbol, modelSource, tableOf} from './explain';
import {recordEncoding, type EncoderRun, type RecordedStep} from './record';


// Expected meanings are spec §7.3.3–7.3.5 and the worked examples of docs/09-compression.mdx.

const stepsOf = (run: EncoderRun): RecordedStep[] => Array.from({length: run.steps.length}, (_, index) => run.steps.at(index));
const explained = (run: EncoderRun) => stepsOf(run).map((step, index, all) => explainStep(step, index > 0 ? all[index - 1] : null));

describe('integerSymbol(model, symbol) (spec §7.3.3)', () => {
  it('reads M1 (a=7, b=2, c=1): 0–3 are values, 4 is 3 bits (4–7), 7 is 6 bits (32–63), 8 the escape', () => {
    expect(integerSymbol(M1, 3)).toEqual({kind: 'value', value: 3});
    expect(integerSymbol(M1, 4)).toEqual({kind: 'bitLength', bitLength: 3});
    expect(integerSymbol(M1, 7)).toEqual({kind: 'bitLength', bitLength: 6});
    expect(integerSymbol(M1, 8)).toEqual({kind: 'escape', bitLengthFrom: 7});
  });

  it('reads M2 (a=16, b=1, c=0): 0 and 1 are values, 11 is 11 bits (1481), 16 the escape', () => {
    expect(integerSymbol(M2, 1)).toEqual({kind: 'value', value: 1});
    expect(integerSymbol(M2, 4)).toEqual({kind: 'bitLength', bitLength: 4});
    expect(integerSymbol(M2, 11)).toEqual({kind: 'bitLength', bitLength: 11});
    expect(integerSymbol(M2, 16)).toEqual({kind: 'escape', bitLengthFrom: 16});
  });
});

describe('explainStep(step, previous)', () => {
  it('explains frame 379\'s {1: 1}: same type id + 1, the value 1 itself, end of the list', () => {
    expect(explained(recordEncoding([{type: 0, id: 1, value: 1}]))).toEqual([
      'SYM, the list symbol 2: same type as the previous object (move-to-front position 0), id + 1',
      'Integer model M2, for the value of a number object (type 0): symbol 1, the value 1 itself',
      'SYM, the list symbol 0: end of the list',
    ]);
  });

  it('explains 1156245943 as the chapter does: escape, bit length 15 beyond 16, then 30 raw bits in two chunks', () => {
    const lines = explained(recordEncoding([{type: 0, id: 0, value: 1156245943}])).slice(1, -1);
    expect(lines[0]).toMatch(/M2, .*: symbol 16, the escape/);
    expect(lines[1]).toMatch(/: symbol 4 after the escape: the bit length beyond 16/);
    expect(lines[2]).toMatch(/^Raw bits of the value of a number object \(type 0\): 3 bits 111/);
    expect(lines[3]).toMatch(/: 16 bits /);
    expect(lines[4]).toMatch(/: 14 bits /);
    expect(lines).toHaveLength(5);
  });

  it('explains frame 219: type at move-to-front position 4, id delta 3 with M1', () => {
    const run = recordEncoding([{type: 2, id: 3, value: {ip: '81.236.228.111', port: 42764}}]);
    const lines = explained(run);
    expect(lines[0]).toBe('SYM, the list symbol 10: the type at move-to-front position 4, which moves to the front; the id delta follows as an M1 integer');
    expect(lines[1]).toMatch(/^Integer model M1, for the id delta \(.*\): symbol 3, the value 3 itself$/);
  });

  it('explains "vmlemon" (frame 372) character by character: v is index 12 of class 1, after class 0', () => {
    // Type 3 sits at move-to-front position 2 (SYM 8), then its id delta 0 with M1; the string follows.
    const lines = explained(recordEncoding([{type: 3, id: 0, value: new TextEncoder().encode('vmlemon')}])).slice(2, -1);
    expect(lines[0]).toBe('String, first character: its class, with the next-class table of class 0 (used before the first character): class 1, a lowercase consonant');
    expect(lines[1]).toBe("String character, index 12 inside class 1, a lowercase consonant: the byte 'v' (0x76)");
    expect(lines[4]).toMatch(/previous character’s class 1: class 3, one of n r l s x$/);
    expect(lines[lines.length - 1]).toMatch(/class 3: class 0, NUL: the end of the string$/);
  });
});

describe('modelSource(step)', () => {
  it('cites the spec section and the chapter heading of each model', () => {
    expect(modelSource({context: 'list symbol', model: 'SYM'})).toMatchObject({section: '§7.3.4', anchor: '/docs/compression#the-list-symbol-13-choices'});
    expect(modelSource({context: 'number', model: 'M2'}).section).toBe('§7.3.3');
    expect(modelSource({context: 'repeat count', model: 'M1'}).anchor).toMatch(/#repeats-sibling-lists-that-look-alike$/);
    expect(modelSource({context: 'string char', model: 'class 1 chars'}).section).toBe('§7.3.5');
    expect(modelSource({context: 'number', model: 'raw bits'}).section).toBe('§7.3.1, §7.3.3');
  });
});

describe('tableOf(model) and intervalSpec(step)', () => {
  it('finds the SYM table of spec §7.3.2 by name, and none for raw bits', () => {
    expect(tableOf('SYM')).toEqual([0, 675, 892, 1660, 1699, 1710, 2692, 2932, 3501, 3933, 4018, 4052, 4095, 4096]);
    expect(tableOf('next class 0')?.slice(0, 3)).toEqual([0, 1590, 2504]);
    expect(tableOf('raw bits')).toBeNull();
  });

  it('draws end-of-list of 42 15 as the slice [0, 675/4096) of the range, with the 12 inner boundaries of SYM', () => {
    const step = recordEncoding([]).steps.at(0);
    const spec = intervalSpec(step, tableOf(step.model), {before: 'before', after: 'after', axis: 'x'});
    const kept = spec.marks.find((mark) => mark.options?.fill === 'var(--ifm-color-primary)');
    expect(kept?.data).toEqual([
      {row: 'before', x1: 0, x2: 675 / 4096},
      {row: 'after', x1: 0, x2: 675 / 4096},
    ]);
    expect(spec.marks.find((mark) => mark.mark === 'tickX')?.data).toHaveLength(12);
  });
});

describe('hexWord(value)', () => {
  it('writes coder words as the chapter does', () => {
    expect(hexWord(0x1518_0000)).toBe('15180000');
    expect(hexWord(0)).toBe('00000000');
  });
});
