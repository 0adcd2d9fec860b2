import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {jsonErrorOffset} from './jsonError';

describe('jsonErrorOffset(text)', () => {
  it('finds where JSON breaks (offsets counted by hand)', () => {
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('[1 2]')).toBe(3);
    expect(jsonErrorOffset('"abc')).toBe(4);
    expect(jsonErrorOffset('tru')).toBe(0);
    expect(jsonErrorOffset('[nul!]')).toBe(1);
    expect(jsonErrorOffset('01')).toBe(1);
    expect(jsonErrorOffset('-')).toBe(1);
    expect(jsonErrorOffset('1.')).toBe(2);
    expect(jsonErrorOffset('1e+')).toBe(3);
    expect(jsonErrorOffset('"\\x"')).toBe(2);
    expect(jsonErrorOffset('"\\u12g4"')).toBe(5);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('{1: 2}')).toBe(1);
    expect(jsonErrorOffset('"tab\there"')).toBe(4);
    expect(jsonErrorOffset('')).toBe(0);
    expect(jsonErrorOffset('{} {}')).toBe(3);
  });

  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', ' [1, -0.5e+3, "x\\u00e9\\n", true, false, null, {"a": [{}]}] ', '"\u2028"', '0']) {
      expect(jsonErrorOffset(text)).toBeNull();
    }
  });

  it('agrees with JSON.parse on any text and on broken JSON (property test)', () => {
    const parses = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const brokenJson = fc
      .tuple(fc.jsonValue().map((value) => JSON.stringify(value, null, 1)), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', '\\', ':', 'x', '0', ' '))
      .map(([text, position, insert]) => text.slice(0, position % (text.length + 1)) + insert + text.slice(position % (text.length + 1)));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({unit: 'binary'}), brokenJson), (text) => (jsonErrorOffset(text) === null) === parses(text)),
      {numRuns: 10_000},
    );
  });

  it('does not overflow the stack on deep nesting', () => {
    expect(jsonErrorOffset('['.repeat(200_000))).toBe(200_000);
  });
});
