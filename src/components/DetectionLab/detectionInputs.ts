/**
 * The detection lab's inputs as the address bar holds them (`?detect.seed=…&detect.chi-threshold=120`),
 * read into numbers. Pure: never throws; a bad value becomes a problem that the widget words in its
 * alert while it keeps showing the last good result.
 */
import {parseUnsignedInput, type InputProblem} from '@site/src/components/lab/parseInput';
import {PAPER_BELIEF_THRESHOLD, PAPER_CHI_SQUARE_THRESHOLDS} from '@site/src/simulations/detection';

/** The prefix of the widget's inputs in the page address. */
export const DETECTION_URL_PREFIX = 'detect';

export type DetectionInputName = 'seed' | 'length' | 'flows' | 'chi-threshold' | 'belief-threshold' | 'flow';

/** A slider's or a number field's allowed values: minimum to maximum, in steps of `step`. */
export interface NumberRange {
  minimum: number;
  maximum: number;
  step: number;
}

/**
 * The ranges of the numeric inputs. The χ² slider spans the paper's sensitivity study (Fig. 8 moves the
 * three thresholds together around 150), the belief slider its Fig. 7 (around −5); a flow needs at
 * least 30 messages, one naive Bayes window.
 */
export const DETECTION_RANGES: Readonly<Record<'length' | 'flows' | 'chi-threshold' | 'belief-threshold', NumberRange>> = {
  length: {minimum: 30, maximum: 600, step: 10},
  flows: {minimum: 5, maximum: 100, step: 1},
  'chi-threshold': {minimum: 10, maximum: 400, step: 10},
  'belief-threshold': {minimum: -15, maximum: 0, step: 0.5},
};

/**
 * What the lab shows first: 20 flows of each kind, 300 messages each (the length the accuracy
 * goal names), judged at the paper's thresholds. An empty flow means the first generated flow.
 */
export const DETECTION_DEFAULT_INPUTS: Readonly<Record<DetectionInputName, string>> = {
  seed: '2007',
  length: '300',
  flows: '20',
  'chi-threshold': String(PAPER_CHI_SQUARE_THRESHOLDS.random),
  'belief-threshold': String(PAPER_BELIEF_THRESHOLD),
  flow: '',
};

/** A problem with one input: the shared number problems, or a number outside its range. */
export type DetectionInputProblem = InputProblem | {kind: 'between'; text: string; range: NumberRange};

export type DetectionParse = {ok: true; value: number} | {ok: false; problem: DetectionInputProblem};

/**
 * A decimal number within `range`, snapped to the range's steps (a hand-edited link with 155 on a
 * slider of tens opens at 160, where the slider can show it). A minus may be typed as "-" or "−".
 *
 * @example parseRangeInput('-4.5', DETECTION_RANGES['belief-threshold']) // {ok: true, value: -4.5}
 */
export function parseRangeInput(text: string, range: NumberRange): DetectionParse {
  const trimmed = text.trim().replace(/^−/, '-');
  if (trimmed === '') return {ok: false, problem: {kind: 'empty'}};
  const value = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!(value >= range.minimum && value <= range.maximum)) return {ok: false, problem: {kind: 'between', text: text.trim(), range}};
  const steps = Math.round((value - range.minimum) / range.step);
  return {ok: true, value: Math.min(range.maximum, range.minimum + steps * range.step)};
}

/** The inputs that choose the traffic (seed, length, flows) and the thresholds, each read or refused. */
export interface ParsedDetectionInputs {
  seed: DetectionParse;
  length: DetectionParse;
  flows: DetectionParse;
  chiThreshold: DetectionParse;
  beliefThreshold: DetectionParse;
}

/**
 * Reads the numeric inputs; the flow is chosen against the generated flows (see `chooseFlow`).
 * @example parseDetectionInputs(DETECTION_DEFAULT_INPUTS).chiThreshold // {ok: true, value: 150}
 */
export function parseDetectionInputs(inputs: Readonly<Record<DetectionInputName, string>>): ParsedDetectionInputs {
  const seed = parseUnsignedInput(inputs.seed, 32);
  const flowsText = inputs.flows.trim();
  // Flows are counted in whole numbers: "12.5" is refused, not rounded.
  const flows: DetectionParse = /^\d*\.\d+$/.test(flowsText) ? {ok: false, problem: {kind: 'between', text: flowsText, range: DETECTION_RANGES.flows}} : parseRangeInput(flowsText, DETECTION_RANGES.flows);
  return {
    seed,
    length: parseRangeInput(inputs.length, DETECTION_RANGES.length),
    flows,
    chiThreshold: parseRangeInput(inputs['chi-threshold'], DETECTION_RANGES['chi-threshold']),
    beliefThreshold: parseRangeInput(inputs['belief-threshold'], DETECTION_RANGES['belief-threshold']),
  };
}

/**
 * The flow the bars show: the one asked for if it was generated, else the last good one if it still
 * exists, else the first. `unknown` is true when a non-empty request named no generated flow.
 *
 * @example chooseFlow('rtp-2', ['skype-e2e-udp-0', 'rtp-2'], null) // {id: 'rtp-2', unknown: false}
 */
export function chooseFlow(requested: string, flowIds: readonly string[], lastGood: string | null): {id: string; unknown: boolean} {
  if (flowIds.includes(requested)) return {id: requested, unknown: false};
  const fallback = lastGood !== null && flowIds.includes(lastGood) ? lastGood : flowIds[0];
  return {id: fallback, unknown: requested.trim() !== ''};
}
