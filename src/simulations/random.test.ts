import {describe, expect, it} from 'vitest';
import {SeededRandom} from './random';

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and changes it for another', () => {
    const first = new SeededRandom(2006);
    const second = new SeededRandom(2006);
    const other = new SeededRandom(2007);
    const run = (random: SeededRandom) => Array.from({length: 8}, () => random.nextUint32());
    const sequence = run(first);
    expect(run(second)).toEqual(sequence);
    expect(run(other)).not.toEqual(sequence);
    expect(new Set(sequence).size).toBe(8);
  });

  it('spreads die rolls evenly: chi-square of 60,000 rolls well under the 5 % critical value', () => {
    const random = new SeededRandom(42);
    const counts = new Array(6).fill(0);
    for (let roll = 0; roll < 60_000; roll++) counts[random.integer(1, 6) - 1]++;
    const chiSquare = counts.reduce((sum, count) => sum + (count - 10_000) ** 2 / 10_000, 0);
    // 11.07 is the 95th percentile of chi-square with 5 degrees of freedom.
    expect(chiSquare).toBeLessThan(11.07);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it('keeps integer() within its bounds and refuses reversed or fractional bounds', () => {
    const random = new SeededRandom(7);
    for (let draw = 0; draw < 1000; draw++) {
      const value = random.integer(-3, 3);
      expect(value).toBeGreaterThanOrEqual(-3);
      expect(value).toBeLessThanOrEqual(3);
    }
    expect(() => random.integer(5, 1)).toThrow(RangeError);
    expect(() => random.integer(0.5, 1)).toThrow(RangeError);
  });

  it('shuffles a copy holding the same elements, and picks only from the list', () => {
    const random = new SeededRandom(9);
    const items = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const shuffled = random.shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    for (let draw = 0; draw < 100; draw++) expect(items).toContain(random.pick(items));
    expect(() => random.pick([])).toThrow(RangeError);
  });
});
