/**
 * The working points of a Skype voice flow (public API in traffic.ts): the codecs of Bonfiglio et
 * al. 2007, Table 1, crossed with the framing times ΔT and redundancy factors RF of the naive Bayes
 * model (§4.2), and the message-size formula μ = (Rate·ΔT + len(H))·RF + len(SoM) (§4.2, eq. 10).
 * The generator draws voice flows from these points and the naive Bayes classifier scores flows
 * against them, so both sides of the lab use one list.
 */

/** One operating mode of a voice source: which codec, at what rate, framed how often, with how much redundancy. */
export interface WorkingPoint {
  /** The codec's name as Table 1 spells it. */
  codec: string;
  /** The codec's bit rate, kbit/s (Table 1). */
  rateKbps: number;
  /** ΔT, the time between two messages of the flow, ms (§4.2: 10 to 60). */
  framingMs: number;
  /** RF, how many voice blocks each message carries, the new one included (§3.1, §4.2: 1 to 4). */
  redundancy: number;
  /** The standard deviation of the message size, bytes (§4.2: 1 for CBR codecs, 7.5 for VBR). */
  sigmaBytes: number;
}

/** len(SoM), the start of message of a UDP voice message, bytes (§4.2). */
export const START_OF_MESSAGE_BYTES = 4;
/** len(H), the header of each voice block inside the frame, bytes (§4.2). */
export const BLOCK_HEADER_BYTES = 8;
/** The framing times ΔT the model considers, ms (§4.2). */
export const FRAMING_TIMES_MS: readonly number[] = [10, 20, 30, 40, 50, 60];
/** The redundancy factors RF the model considers (§3.1 observed 1–4; §4.2). */
export const REDUNDANCY_FACTORS: readonly number[] = [1, 2, 3, 4];
/** The framing times the authors saw most, ms (§3.1: "typically 20, 30 or 60"); voice flows are generated with these. */
export const TYPICAL_FRAMING_TIMES_MS: readonly number[] = [20, 30, 60];
/** σ of the message size of a constant-bit-rate codec such as G.729, bytes (§4.2). */
export const CBR_SIGMA_BYTES = 1;
/** σ of the message size of a variable-bit-rate codec such as ISAC, bytes (§4.2). */
export const VBR_SIGMA_BYTES = 7.5;

/** A codec of Table 1 with the rates the model uses for it. */
export interface VoiceCodec {
  codec: string;
  ratesKbps: readonly number[];
  variableRate: boolean;
}

/**
 * Table 1 of the paper. Two choices are ours, because the paper does not list the rates its
 * classifier used: ISAC's range "10–32" becomes every whole kbit/s from 10 to 32, and a codec counts
 * as variable-rate (σ = 7.5 B) when Table 1 gives a range or a mean for it (ISAC, iPCM-wb), as
 * constant-rate (σ = 1 B) when it gives fixed rates.
 */
export const VOICE_CODECS: readonly VoiceCodec[] = [
  {codec: 'ISAC', ratesKbps: Array.from({length: 23}, (_, index) => 10 + index), variableRate: true},
  {codec: 'ILBC', ratesKbps: [13.3, 15.2], variableRate: false},
  {codec: 'G.729', ratesKbps: [8], variableRate: false},
  {codec: 'iPCM-wb', ratesKbps: [80], variableRate: true},
  {codec: 'EG.711A/U', ratesKbps: [48, 56, 64], variableRate: false},
  {codec: 'PCM A/U', ratesKbps: [64], variableRate: false},
];

/** The codec the paper found preferred for calls between two Skype users (§3.1). */
export const E2E_CODEC = 'ISAC';
/** The codec the paper found preferred for SkypeOut calls (§3.1). */
export const SKYPEOUT_CODEC = 'G.729';

/**
 * Every working point of the naive Bayes model: each codec rate of {@link VOICE_CODECS} × ΔT in
 * {10, …, 60} ms × RF in {1, …, 4} (§4.2), in that order.
 */
export const SKYPE_WORKING_POINTS: readonly WorkingPoint[] = VOICE_CODECS.flatMap(({codec, ratesKbps, variableRate}) =>
  ratesKbps.flatMap((rateKbps) =>
    FRAMING_TIMES_MS.flatMap((framingMs) =>
      REDUNDANCY_FACTORS.map((redundancy) => ({codec, rateKbps, framingMs, redundancy, sigmaBytes: variableRate ? VBR_SIGMA_BYTES : CBR_SIGMA_BYTES})),
    ),
  ),
);

/**
 * The mean message size of a working point, μ = (Rate·ΔT + len(H))·RF + len(SoM) (§4.2, eq. 10),
 * with Rate·ΔT in bytes (kbit/s × ms ÷ 8).
 *
 * @param point the codec rate, ΔT and RF
 * @returns μ in bytes (not rounded: 13.3 kbit/s gives fractions of a byte)
 * @throws RangeError for a point whose rate, framing or redundancy is not a positive number
 * @example expectedMessageSize({codec: 'G.729', rateKbps: 8, framingMs: 30, redundancy: 1, sigmaBytes: 1}) // 42, the paper's example
 */
export function expectedMessageSize(point: WorkingPoint): number {
  assertWorkingPoint(point, 'expectedMessageSize');
  const voiceBytes = (point.rateKbps * point.framingMs) / 8;
  return (voiceBytes + BLOCK_HEADER_BYTES) * point.redundancy + START_OF_MESSAGE_BYTES;
}

/** Throws unless `point` has a positive rate, framing time, redundancy and σ. */
export function assertWorkingPoint(point: WorkingPoint, caller: string): void {
  if (typeof point !== 'object' || point === null) throw new RangeError(`${caller}: expected a working point {codec, rateKbps, framingMs, redundancy, sigmaBytes}`);
  for (const field of ['rateKbps', 'framingMs', 'redundancy', 'sigmaBytes'] as const) {
    const value = point[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new RangeError(`${caller}: the working point's ${field} must be a positive number; got ${String(value)}`);
    }
  }
}
