/**
 * The one seeded random-number generator of the simulations: the same seed gives the same run, so a
 * link or a screenshot reproduces it. SplitMix32 (a 32-bit Weyl sequence through an integer hash) is
 * small and fast and good enough to place nodes and pick peers; it is not for cryptography.
 */
export class SeededRandom {
  private state: number;

  /** @param seed any number; its low 32 bits are used */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next 32 random bits, as a number from 0 to 2^32 − 1. */
  nextUint32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    return (mixed ^ (mixed >>> 16)) >>> 0;
  }

  /** A number from 0 up to but not including 1. */
  next(): number {
    return this.nextUint32() / 2 ** 32;
  }

  /**
   * A whole number from `minimum` to `maximum`, both included.
   *
   * @example new SeededRandom(1).integer(1, 6) // a die roll, the same one for every run with seed 1
   */
  integer(minimum: number, maximum: number): number {
    if (!Number.isInteger(minimum) || !Number.isInteger(maximum) || maximum < minimum) {
      throw new RangeError(`integer(${minimum}, ${maximum}): give two whole numbers, the first not above the second`);
    }
    return minimum + Math.floor(this.next() * (maximum - minimum + 1));
  }

  /** One element of `items`, each equally likely. */
  pick<Item>(items: readonly Item[]): Item {
    if (items.length === 0) throw new RangeError('pick: there is nothing to pick from');
    return items[Math.floor(this.next() * items.length)];
  }

  /** A shuffled copy of `items` (Fisher–Yates); `items` itself is left as it is. */
  shuffle<Item>(items: readonly Item[]): Item[] {
    const shuffled = items.slice();
    for (let index = shuffled.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      [shuffled[index], shuffled[other]] = [shuffled[other], shuffled[index]];
    }
    return shuffled;
  }
}
