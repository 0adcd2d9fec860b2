/**
 * The random draws the traffic generator shares (public API in traffic.ts): Gaussian and
 * exponential numbers, random bytes, and the sizes and times of a voice flow. Everything comes from
 * the simulations' one seeded generator, so a seed gives the same traffic every time.
 */
import type {SeededRandom} from './random';
import type {WorkingPoint} from './trafficWorkingPoints';
import {expectedMessageSize} from './trafficWorkingPoints';

/** σ of the gap between two voice messages, ms: the paper models the gap as N(ΔT, 1 ms) (§4.2). */
export const VOICE_GAP_SIGMA_MS = 1;

/** A normally distributed number (Box–Muller; `1 − next()` keeps the logarithm away from 0). */
export function gaussian(random: SeededRandom, mean: number, standardDeviation: number): number {
  const radius = Math.sqrt(-2 * Math.log(1 - random.next()));
  return mean + standardDeviation * radius * Math.cos(2 * Math.PI * random.next());
}

/** An exponentially distributed number with the given mean: the gaps of events that come at random. */
export function exponential(random: SeededRandom, mean: number): number {
  return -mean * Math.log(1 - random.next());
}

/** Fills `bytes` with random bytes, four per draw. */
export function fillRandom(random: SeededRandom, bytes: Uint8Array): Uint8Array {
  for (let index = 0; index < bytes.length; index += 4) {
    let word = random.nextUint32();
    for (let part = 0; part < 4 && index + part < bytes.length; part++, word >>>= 8) bytes[index + part] = word & 0xff;
  }
  return bytes;
}

/**
 * The size of one voice message: N(μ, σ) of its working point rounded to whole bytes (§4.2), and
 * never below `minimumBytes` (the headers that every message carries).
 */
export function voiceMessageSize(random: SeededRandom, point: WorkingPoint, minimumBytes: number): number {
  return Math.max(minimumBytes, Math.round(gaussian(random, expectedMessageSize(point), point.sigmaBytes)));
}

/** The gap before the next voice message: N(ΔT, 1 ms) (§4.2), kept positive. */
export function voiceGap(random: SeededRandom, point: WorkingPoint): number {
  return Math.max(0, gaussian(random, point.framingMs, VOICE_GAP_SIGMA_MS));
}

/** A documentation address of RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), so no real host is named. */
export function documentationAddress(random: SeededRandom): string {
  const network = random.pick(['192.0.2', '198.51.100', '203.0.113']);
  return `${network}.${random.integer(1, 254)}`;
}

/** An ephemeral port (RFC 6335: 49152–65535), as a client picks for its side of a flow. */
export const ephemeralPort = (random: SeededRandom): number => random.integer(49152, 65535);
