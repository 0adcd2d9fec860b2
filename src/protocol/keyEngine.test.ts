import {describe, expect, it} from 'vitest';
import sampleTraffic from '../data/sample-traffic.json';
import {bytesToHex} from './bytes';
import {ProtocolError} from './errors';
import {nextIv, previousIv, tableKeyEngine, teachingKeyEngine} from './keyEngine';

describe('tableKeyEngine', () => {
  const engine = tableKeyEngine(sampleTraffic.key_table.keys);
  it('returns the recorded 80-byte key of every sample seed', () => {
    for (const [seed, key] of Object.entries(sampleTraffic.key_table.keys)) {
      expect(bytesToHex(engine.expand(parseInt(seed, 16)))).toBe(key);
    }
  });
  it('says which seeds it has a key for', () => {
    expect(engine.has(0x22d81c40)).toBe(true);
    expect(engine.has(0x12345678)).toBe(false);
  });
  it('names the seed it has no key for', () => {
    expect(() => engine.expand(0x12345678)).toThrow(/no recorded key for seed 12345678/);
  });
  it('rejects malformed tables', () => {
    expect(() => tableKeyEngine({'1234567': '00'.repeat(80)})).toThrow(ProtocolError);
    expect(() => tableKeyEngine({'12345678': '00'.repeat(79)})).toThrow(/80 bytes/);
  });
});

describe('teachingKeyEngine', () => {
  it('says plainly that it is not Skype\'s engine', () => {
    expect(teachingKeyEngine.name).toMatch(/not Skype/);
  });
  it('is deterministic, 80 bytes long, and differs from the real keys', () => {
    const real = tableKeyEngine(sampleTraffic.key_table.keys);
    for (const seed of Object.keys(sampleTraffic.key_table.keys).map((text) => parseInt(text, 16))) {
      const key = teachingKeyEngine.expand(seed);
      expect(key).toHaveLength(80);
      expect(bytesToHex(key)).toBe(bytesToHex(teachingKeyEngine.expand(seed)));
      expect(bytesToHex(key)).not.toBe(bytesToHex(real.expand(seed)));
    }
  });
  it('gives different keys to neighbouring seeds', () => {
    const keys = new Set(Array.from({length: 1000}, (_, seed) => bytesToHex(teachingKeyEngine.expand(seed))));
    expect(keys.size).toBe(1000);
  });
});

describe('the IV generator', () => {
  it('steps as 69069·x + 17009 and steps back exactly', () => {
    expect(nextIv(0)).toBe(17009);
    expect(nextIv(1)).toBe(69069 + 17009);
    for (const iv of [0, 1, 0x118ac037, 0xffffffff]) expect(previousIv(nextIv(iv))).toBe(iv);
  });
});
