/**
 * The naive Bayes classifier of Bonfiglio et al. 2007 ("Erebos", §4.2, eq. 9–15; public API in
 * detection.ts): over windows of 30 packets it asks how likely the message sizes are under each
 * voice working point, and how likely the average gap is under each framing time, as log-likelihood
 * "beliefs". A flow is Skype voice when the smaller of the two beliefs exceeds −5.
 */
import type {TrafficFlow} from './traffic';
import {FRAMING_TIMES_MS, SKYPE_WORKING_POINTS, VOICE_CODECS, expectedMessageSize, type WorkingPoint} from './trafficWorkingPoints';

/** w, the packets of one window (§4.2: about 1 s of voice; larger windows change little). */
export const NAIVE_BAYES_WINDOW = 30;
/** B_min, the decision threshold (§4.2; §5.2 finds −8 to −3 a good range). */
export const PAPER_BELIEF_THRESHOLD = -5;
/** σ of the average-gap model, ms: N(ΔT, 1 ms) for every codec (§4.2). */
export const GAP_MODEL_SIGMA_MS = 1;

/** What the classifier concludes about one flow. Beliefs are natural logarithms of Gaussian densities. */
export interface BayesResult {
  /** B = min(MaxB_s, E[B_τ]) (eq. 15); −Infinity for a flow shorter than one window. */
  belief: number;
  /** MaxB_s: the best codec's size belief averaged over the windows (eq. 11–13). */
  sizeBelief: number;
  /** E[B_τ]: the gap belief averaged over the windows. */
  gapBelief: number;
  /** The codec of MaxB_s. */
  bestCodec: string;
  /** The working point of the best codec that fitted best in the most windows. */
  bestPoint: WorkingPoint;
  /** How many whole windows of 30 packets the flow has (the rest is not used). */
  windows: number;
}

/** log of 1/(σ√(2π)), the log-density of N(μ, σ) at its mean. */
const logPeak = (sigma: number) => -Math.log(sigma * Math.sqrt(2 * Math.PI));

// The model's constants, computed once: per working point its μ, its log peak and 1/(2σ²), and where
// each codec's points start and end in SKYPE_WORKING_POINTS (they are listed codec by codec).
const POINT_MEANS = Float64Array.from(SKYPE_WORKING_POINTS, expectedMessageSize);
const POINT_LOG_PEAKS = Float64Array.from(SKYPE_WORKING_POINTS, (point) => logPeak(point.sigmaBytes));
const POINT_HALF_PRECISIONS = Float64Array.from(SKYPE_WORKING_POINTS, (point) => 1 / (2 * point.sigmaBytes ** 2));
const CODEC_RANGES = VOICE_CODECS.map(({codec}) => {
  const start = SKYPE_WORKING_POINTS.findIndex((point) => point.codec === codec);
  let end = start;
  while (end < SKYPE_WORKING_POINTS.length && SKYPE_WORKING_POINTS[end].codec === codec) end++;
  return {codec, start, end};
});
const GAP_LOG_PEAK = logPeak(GAP_MODEL_SIGMA_MS);
const GAP_HALF_PRECISION = 1 / (2 * GAP_MODEL_SIGMA_MS ** 2);

/**
 * The naive Bayes belief of a flow (§4.2). For each window of w = 30 consecutive messages (the
 * windows do not overlap; a last partial window is left out):
 * - size belief of a working point, B_s = (1/w)·Σ log N(s_i; μ, σ), with μ from eq. 10; per codec
 *   the best of its working points (eq. 11);
 * - gap belief, B_τ = log N(τ; ΔT, 1 ms) of the average gap τ = (t_w − t_1)/w, for the best ΔT in
 *   {10, …, 60} ms.
 * The size beliefs of each codec are averaged over the windows and the best codec kept, MaxB_s
 * (eq. 12–13); the gap beliefs are averaged, E[B_τ]; the flow's belief is the smaller, B =
 * min(MaxB_s, E[B_τ]) (eq. 15).
 *
 * τ divides by w as the paper writes it, though w packets span w − 1 gaps: a flow framed every ΔT
 * scores τ = ΔT·(w − 1)/w, e.g. 58 ms for ΔT = 60 ms, 2σ from its class.
 *
 * Cost: one pass over the messages, then, per window, a constant number of operations per working
 * point (Σs and Σs² give Σ(s − μ)² for every μ).
 *
 * @param flow the flow; only its message sizes and times are used
 * @returns the beliefs, the best codec and its best working point
 * @example naiveBayesBelief(generateFlow({kind: 'skypeout-udp', messageCount: 300, seed: 1, workingPoint: g729At30ms})).bestPoint // G.729, 30 ms, RF 1: μ = 42 B
 */
export function naiveBayesBelief(flow: TrafficFlow): BayesResult {
  if (typeof flow !== 'object' || flow === null || !Array.isArray(flow.messages)) throw new RangeError('naiveBayesBelief: expected a flow with messages');
  const messages = flow.messages;
  const windows = Math.floor(messages.length / NAIVE_BAYES_WINDOW);
  const pointCount = SKYPE_WORKING_POINTS.length;
  const codecSums = new Float64Array(CODEC_RANGES.length);
  const windowsWon = new Uint32Array(pointCount);
  let gapSum = 0;
  for (let window = 0; window < windows; window++) {
    const first = window * NAIVE_BAYES_WINDOW;
    let sizeSum = 0;
    let sizeSquareSum = 0;
    for (let index = first; index < first + NAIVE_BAYES_WINDOW; index++) {
      const size = messages[index].payload.length;
      sizeSum += size;
      sizeSquareSum += size * size;
    }
    for (let codecIndex = 0; codecIndex < CODEC_RANGES.length; codecIndex++) {
      const {start, end} = CODEC_RANGES[codecIndex];
      let best = -Infinity;
      let bestIndex = start;
      for (let point = start; point < end; point++) {
        const mean = POINT_MEANS[point];
        const squaredDeviations = sizeSquareSum - 2 * mean * sizeSum + NAIVE_BAYES_WINDOW * mean * mean;
        const belief = POINT_LOG_PEAKS[point] - (POINT_HALF_PRECISIONS[point] * squaredDeviations) / NAIVE_BAYES_WINDOW;
        if (belief > best) {
          best = belief;
          bestIndex = point;
        }
      }
      codecSums[codecIndex] += best;
      windowsWon[bestIndex]++;
    }
    const averageGap = (messages[first + NAIVE_BAYES_WINDOW - 1].timeMs - messages[first].timeMs) / NAIVE_BAYES_WINDOW;
    let bestGap = -Infinity;
    for (const framingMs of FRAMING_TIMES_MS) {
      bestGap = Math.max(bestGap, GAP_LOG_PEAK - GAP_HALF_PRECISION * (averageGap - framingMs) ** 2);
    }
    gapSum += bestGap;
  }
  let bestCodecIndex = 0;
  for (let codecIndex = 1; codecIndex < CODEC_RANGES.length; codecIndex++) {
    if (codecSums[codecIndex] > codecSums[bestCodecIndex]) bestCodecIndex = codecIndex;
  }
  const {codec, start, end} = CODEC_RANGES[bestCodecIndex];
  let bestPointIndex = start;
  for (let point = start + 1; point < end; point++) if (windowsWon[point] > windowsWon[bestPointIndex]) bestPointIndex = point;
  if (windows === 0) {
    return {belief: -Infinity, sizeBelief: -Infinity, gapBelief: -Infinity, bestCodec: codec, bestPoint: SKYPE_WORKING_POINTS[bestPointIndex], windows};
  }
  const sizeBelief = codecSums[bestCodecIndex] / windows;
  const gapBelief = gapSum / windows;
  return {belief: Math.min(sizeBelief, gapBelief), sizeBelief, gapBelief, bestCodec: codec, bestPoint: SKYPE_WORKING_POINTS[bestPointIndex], windows};
}

/**
 * The decision (§4.2): Skype voice when B > B_min.
 *
 * @param result a result of {@link naiveBayesBelief}
 * @param threshold B_min, default the paper's −5
 * @example naiveBayesClassify({...result, belief: -1.4}) // true
 */
export function naiveBayesClassify(result: BayesResult, threshold: number = PAPER_BELIEF_THRESHOLD): boolean {
  return result.belief > threshold;
}
