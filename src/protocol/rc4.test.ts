import CryptoJS from 'crypto-js';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bytesToHex, hexToBytes} from './bytes';
import {ProtocolError} from './errors';
import {Rc4, rc4Keystream, type Rc4OutputStep, type Rc4ScheduleStep} from './rc4';

describe('RC4', () => {
  // RFC 6229 section 2, keystream at offset 0.
  it.each([
    ['0102030405', 'b2396305f03dc027ccc3524a0a1118a8'],
    ['01020304050607', '293f02d47f37c9b633f2af5285feb46b'],
    ['0102030405060708', '97ab8a1bf0afb96132f2f67258da15a8'],
  ])('matches RFC 6229 for key %s', (key, expected) => {
    expect(bytesToHex(rc4Keystream(hexToBytes(key), 16))).toBe(expected);
  });

  it('encrypts "Plaintext" under "Key" as in the classic example', () => {
    const text = new TextEncoder();
    expect(bytesToHex(new Rc4(text.encode('Key')).crypt(text.encode('Plaintext')))).toBe('bbf316e8d940af0ad3');
  });

  it('continues the keystream across calls', () => {
    const key = hexToBytes('0102030405');
    const cipher = new Rc4(key);
    const joined = [...cipher.keystream(5), ...cipher.keystream(11)];
    expect(bytesToHex(Uint8Array.from(joined))).toBe(bytesToHex(rc4Keystream(key, 16)));
  });

  it('agrees with crypto-js on random 80-byte keys', () => {
    fc.assert(
      fc.property(fc.uint8Array({minLength: 80, maxLength: 80}), (key) => {
        const words = CryptoJS.enc.Hex.parse(bytesToHex(key));
        const zeros = CryptoJS.enc.Hex.parse('00'.repeat(32));
        const expected = CryptoJS.RC4.encrypt(zeros, words).ciphertext.toString();
        expect(bytesToHex(rc4Keystream(key, 32))).toBe(expected);
      }),
      {numRuns: 50},
    );
  });

  it('reports 256 schedule steps and one step per output byte from the same code path', () => {
    const schedule: Rc4ScheduleStep[] = [];
    const output: Rc4OutputStep[] = [];
    const bytes = new Rc4(hexToBytes('0102030405'), {
      onSchedule: (step) => schedule.push({...step, state: step.state.slice()}),
      onOutput: (step) => output.push({...step, state: step.state.slice()}),
    }).keystream(3);
    expect(schedule).toHaveLength(256);
    expect(schedule.map((step) => step.i)).toEqual([...Array(256).keys()]);
    // After the last swap the reported state is the finished permutation.
    expect([...schedule[255].state].sort((a, b) => a - b)).toEqual([...Array(256).keys()]);
    expect(output.map((step) => step.byte)).toEqual([...bytes]);
    expect(output.every((step) => step.state[step.index] === step.byte)).toBe(true);
  });

  it('rejects an empty or oversized key', () => {
    expect(() => new Rc4(new Uint8Array())).toThrow(ProtocolError);
    expect(() => new Rc4(new Uint8Array(257))).toThrow(ProtocolError);
  });
});
