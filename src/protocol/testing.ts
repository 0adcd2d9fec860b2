/**
 * Test support shared by the protocol tests (imported only by `*.test.ts` files): catching a
 * ProtocolError, and the random and mutated inputs of the fuzz tests.
 */
import fc from 'fast-check';
import {expect} from 'vitest';
import {ProtocolError} from './errors';

/** Runs `action` and returns the ProtocolError it throws; any other outcome fails the test. */
export function protocolErrorOf(action: () => unknown): ProtocolError {
  try {
    action();
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  throw new Error('expected a ProtocolError');
}

/**
 * Real samples with a few bytes changed, maybe cut short, maybe extended. Bytes before
 * `protectedPrefix` are left alone (so that, say, a stream's seed still finds its recorded key).
 */
export function mutatedSamples(samples: Uint8Array[], protectedPrefix = 0): fc.Arbitrary<Uint8Array> {
  return fc
    .record({
      sample: fc.constantFrom(...samples),
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({min: 0, max: 255})), {maxLength: 4}),
      keep: fc.nat(),
      extension: fc.uint8Array({maxLength: 8}),
      cut: fc.boolean(),
    })
    .map(({sample, flips, keep, extension, cut}) => {
      const bytes = sample.slice();
      for (const [position, value] of flips) bytes[Math.min(bytes.length - 1, protectedPrefix + (position % bytes.length))] = value;
      const kept = cut ? bytes.subarray(0, keep % (bytes.length + 1)) : bytes;
      return Uint8Array.from([...kept, ...extension]);
    });
}

/** Fuzz inputs: random bytes, random bytes behind each of `prefixes` (e.g. list markers), and mutated samples. */
export function fuzzInputs(samples: Uint8Array[], options: {maxRandomLength?: number; prefixes?: number[]} = {}): fc.Arbitrary<Uint8Array> {
  const {maxRandomLength = 48, prefixes = []} = options;
  const random = fc.uint8Array({maxLength: maxRandomLength});
  const prefixed = prefixes.length
    ? [fc.tuple(fc.constantFrom(...prefixes), random).map(([prefix, rest]) => Uint8Array.from([prefix, ...rest]))]
    : [];
  return fc.oneof(random, ...prefixed, mutatedSamples(samples));
}

/** A property: `action` on any input either returns or throws a ProtocolError whose offset lies inside the input. */
export function onlyProtocolErrors(inputs: fc.Arbitrary<Uint8Array>, action: (bytes: Uint8Array) => unknown) {
  return fc.property(inputs, (bytes) => {
    try {
      action(bytes);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      if (error.offset !== undefined) expect(error.offset).toBeLessThanOrEqual(bytes.length);
    }
  });
}
