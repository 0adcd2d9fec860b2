/**
 * RC4's key schedule as a list of pictures for the key-derivation explorer: the state S before any
 * swap, then after each of the 256 swaps. The swaps are recorded through the library's Rc4 observer
 * (architecture.md: one code path for the algorithm), so nothing here computes RC4 itself.
 */
import {Rc4} from '@site/src/protocol';

/** One swap of the key schedule, as the library reported it, with what a reader needs to check it. */
export interface ScheduleSwap {
  /** The position that walks through the state: swap k has i = k. */
  i: number;
  /** j after this swap: j before + S[i] before the swap + keyByte, mod 256. */
  j: number;
  /** j before this swap (0 for the first one). */
  previousJ: number;
  /** The key byte used, key[i mod key length]. */
  keyByte: number;
  /** S[i] before the swap, the value that moves to position j. */
  valueAtI: number;
}

export interface KeySchedule {
  swaps: ScheduleSwap[];
  /** SCHEDULE_STEP_COUNT states: states[0] before any swap, states[k] after swap k − 1. */
  states: Uint8Array[];
}

/** Pictures of the key schedule: the starting state and one after each of the 256 swaps. */
export const SCHEDULE_STEP_COUNT = 257;

/**
 * Records every swap of RC4's key schedule under `key`.
 *
 * @param key the RC4 key, 1 to 256 bytes
 * @returns the 256 swaps and the 257 states around them (copies: the observer's state is live)
 * @throws ProtocolError from the library for a key of the wrong length
 * @example recordKeySchedule(hexToBytes('0102030405')).swaps[0] // {i: 0, j: 1, previousJ: 0, keyByte: 1, valueAtI: 0}
 */
export function recordKeySchedule(key: Uint8Array): KeySchedule {
  // RC4 starts from the identity permutation, S[n] = n (spec §3.1, step 4); the observer reports
  // only the states after swaps.
  const states: Uint8Array[] = [Uint8Array.from({length: 256}, (_, index) => index)];
  const swaps: ScheduleSwap[] = [];
  new Rc4(key, {
    onSchedule({i, j, keyByte, state}) {
      const before = states[states.length - 1];
      swaps.push({i, j, keyByte, previousJ: swaps.length === 0 ? 0 : swaps[swaps.length - 1].j, valueAtI: before[i]});
      states.push(state.slice());
    },
  });
  return {swaps, states};
}
