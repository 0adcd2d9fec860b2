import {describe, expect as vitestExpect, it} from 'vitest';
import {expect} from './expect';
import {formatArguments, formatValue} from './format';

describe('formatValue', () => {
  it('prints values as a console would', () => {
    vitestExpect(formatArguments(['seed', 0x22d81c40, 5n, null, undefined])).toBe('seed 584588352 5n null undefined');
    vitestExpect(formatValue(new Uint8Array([4, 0xda, 1]))).toBe('Uint8Array(3) [04 da 01]');
    vitestExpect(formatValue({ip: '1.2.3.4', port: 80, 'odd key': [1, 'a']})).toBe('{ ip: "1.2.3.4", port: 80, "odd key": [ 1, "a" ] }');
    vitestExpect(formatValue(new Map([['a', 1]]))).toBe('Map(1) { "a" => 1 }');
  });
  it('marks cycles, limits depth and long arrays', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    vitestExpect(formatValue(cycle)).toBe('{ self: [Circular] }');
    vitestExpect(formatValue([[[[[[1]]]]]])).toBe('[ [ [ [ [Array] ] ] ] ]');
    vitestExpect(formatValue(Array.from({length: 60}, () => 0))).toContain('… 10 more');
    vitestExpect(formatValue(new Uint8Array(70))).toContain('… 6 more]');
  });
});

describe('expect for exercises', () => {
  it('passes matching values and explains mismatches', () => {
    expect(0x340bc6d9).toBe(0x340bc6d9);
    expect(new Uint8Array([1, 2])).toEqual(new Uint8Array([1, 2]));
    expect({a: [1, {b: 2}]}).toEqual({a: [1, {b: 2}]});
    expect(Math.log2(3)).toBeCloseTo(1.585, 3);
    expect(() => JSON.parse('{')).toThrow();
    vitestExpect(() => expect(1).toBe(2)).toThrow('expected 2, got 1');
    vitestExpect(() => expect(new Uint8Array([1])).toEqual(new Uint8Array([2]))).toThrow('expected Uint8Array(1) [02], got Uint8Array(1) [01]');
    vitestExpect(() => expect(() => 1).toThrow()).toThrow('expected the function to throw');
    vitestExpect(() => expect('a').toBe('b')).toThrow('expected "b", got "a"');
  });
});
