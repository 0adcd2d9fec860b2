import {describe, expect, it} from 'vitest';
import {bytesToHex, hexToBytes, rc4Keystream} from '@site/src/protocol';
import {UDP_SAMPLES, recordedKeys} from '@site/src/data/sampleTraffic';
import {SCHEDULE_STEP_COUNT, recordKeySchedule} from './rc4Schedule';

/**
 * RC4's output loop written out from the textbook (Rivest; docs chapter "RC4 in brief"), run from a
 * recorded final state: an independent check that the recorder captured the state RC4 really ends with.
 */
function textbookOutput(finalState: Uint8Array, length: number): Uint8Array {
  const state = finalState.slice();
  const output = new Uint8Array(length);
  let i = 0;
  let j = 0;
  for (let position = 0; position < length; position++) {
    i = (i + 1) % 256;
    j = (j + state[i]) % 256;
    [state[i], state[j]] = [state[j], state[i]];
    output[position] = state[(state[i] + state[j]) % 256];
  }
  return output;
}

describe('recordKeySchedule(key)', () => {
  const rfcKey = hexToBytes('0102030405');

  it('gives 256 swaps with i = 0..255 and 257 states, starting from the identity', () => {
    const {swaps, states} = recordKeySchedule(rfcKey);
    expect(swaps).toHaveLength(256);
    expect(states).toHaveLength(SCHEDULE_STEP_COUNT);
    expect(swaps.map((swap) => swap.i)).toEqual(Array.from({length: 256}, (_, index) => index));
    expect(Array.from(states[0])).toEqual(Array.from({length: 256}, (_, index) => index));
  });

  it('records the first swaps of key 0102030405 as worked out by hand', () => {
    const {swaps, states} = recordKeySchedule(rfcKey);
    // i = 0: j = 0 + S[0] (0) + key[0] (1) = 1; i = 1: j = 1 + S[1] (0, after the swap) + key[1] (2) = 3.
    expect(swaps[0]).toEqual({i: 0, j: 1, previousJ: 0, keyByte: 0x01, valueAtI: 0});
    expect(swaps[1]).toEqual({i: 1, j: 3, previousJ: 1, keyByte: 0x02, valueAtI: 0});
    expect(Array.from(states[2].subarray(0, 4))).toEqual([1, 3, 2, 0]);
    // The key repeats: i = 5 uses key[0] again.
    expect(swaps[5].keyByte).toBe(0x01);
  });

  it('changes exactly positions i and j at each step, exchanging their values', () => {
    const {swaps, states} = recordKeySchedule(rfcKey);
    swaps.forEach(({i, j, previousJ, keyByte, valueAtI}, index) => {
      const before = states[index];
      const after = states[index + 1];
      expect(valueAtI).toBe(before[i]);
      expect(j).toBe((previousJ + before[i] + keyByte) % 256);
      const swapped = before.slice();
      swapped[i] = before[j];
      swapped[j] = before[i];
      expect(bytesToHex(after)).toBe(bytesToHex(swapped));
    });
  });

  it('keeps a copy of every state (no two steps share the live array)', () => {
    const {states} = recordKeySchedule(rfcKey);
    expect(new Set(states.map((state) => state.buffer)).size).toBe(SCHEDULE_STEP_COUNT);
    expect(states.every((state) => new Set(state).size === 256)).toBe(true);
  });

  it('ends with the state that gives RFC 6229 keystream b2 39 63 05 for key 0102030405', () => {
    const {states} = recordKeySchedule(rfcKey);
    expect(bytesToHex(textbookOutput(states[256], 4))).toBe('b2396305');
  });

  it("ends with the state whose keystream equals the library's, for an 80-byte recorded key", () => {
    const key = recordedKeys.expand(0x22d81c40);
    const {states} = recordKeySchedule(key);
    expect(bytesToHex(textbookOutput(states[256], 64))).toBe(bytesToHex(rc4Keystream(key, 64)));
  });

  it('ends with a state whose keystream decrypts the slide-41 probe (spec §2.2)', () => {
    const {states} = recordKeySchedule(recordedKeys.expand(0x22d81c40));
    const ciphertext = UDP_SAMPLES[0].bytes.subarray(11);
    const keystream = textbookOutput(states[256], ciphertext.length);
    expect(bytesToHex(ciphertext.map((byte, index) => byte ^ keystream[index]))).toBe(UDP_SAMPLES[0].expected.plaintext);
  });

  it('passes on the library error for an empty key', () => {
    expect(() => recordKeySchedule(new Uint8Array(0))).toThrow(/1 to 256 bytes/);
  });
});
