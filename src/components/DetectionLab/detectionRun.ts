/**
 * What the detection lab asks the model (src/simulations/traffic.ts and detection.ts), in two layers
 * so that a slider never recomputes a statistic: `classifyTraffic` generates the flows and computes
 * both statistics once per seed, length and number of flows; `redecide`, `rates` and the sweeps only
 * call `decide` and `confusion` on those statistics with other thresholds. Pure functions.
 */
import {generateTraffic, type TrafficKind, type WorkingPoint} from '@site/src/simulations/traffic';
import {CHI_SQUARE_GROUPS, classifyFlow, confusion, decide, saysSkype, type ChiSquareThresholds, type Confusion, type DetectionClassifier, type FlowVerdicts} from '@site/src/simulations/detection';
import type {NumberRange} from './detectionInputs';

/** A generated flow as the lab keeps it: what it is and its statistics, without its messages. */
export interface FlowEntry {
  id: string;
  kind: TrafficKind;
  transport: 'udp' | 'tcp';
  workingPoint: WorkingPoint | null;
  /** The verdicts at the paper's thresholds, with the 16 χ² statistics and the belief they came from. */
  verdicts: FlowVerdicts;
}

/** The traffic to generate: the seed, how many flows of each kind, and how many messages in each. */
export interface TrafficRequest {
  seed: number;
  flowsPerKind: number;
  messageCount: number;
}

export interface ClassifiedTraffic {
  seed: number;
  flowsPerKind: number;
  messageCount: number;
  entries: readonly FlowEntry[];
}

/**
 * Generates the traffic and classifies every flow once. The messages are dropped afterwards: the
 * widget needs only the statistics, and 700 flows of 600 messages would otherwise stay in memory.
 */
export function classifyTraffic(options: TrafficRequest): ClassifiedTraffic {
  const entries = generateTraffic(options).map(
    (flow): FlowEntry => ({id: flow.id, kind: flow.kind, transport: flow.transport, workingPoint: flow.workingPoint, verdicts: classifyFlow(flow)}),
  );
  return {...options, entries};
}

/** The lab's one χ² slider as the three thresholds: the paper's Fig. 8 moves them together. */
export const sameThresholds = (value: number): ChiSquareThresholds => ({deterministic: value, random: value, mixed: value});

/** Every flow's verdicts at these thresholds, from the stored statistics (`decide`, no recomputation). */
export function redecide(entries: readonly FlowEntry[], chiThreshold: number, beliefThreshold: number): FlowVerdicts[] {
  const options = {chiSquare: sameThresholds(chiThreshold), belief: beliefThreshold};
  return entries.map((entry) => decide(entry.verdicts, entry.transport, options));
}

/** The model's names of the three classifiers: the χ² test, naive Bayes, and both together. */
export type ClassifierName = DetectionClassifier;
export const CLASSIFIER_NAMES: readonly ClassifierName[] = ['chiSquare', 'bayes', 'both'];

/** The short names the outputs use: fp-chi, fn-bayes, fp-both… */
export const CLASSIFIER_OUTPUT_NAMES: Readonly<Record<ClassifierName, string>> = {chiSquare: 'chi', bayes: 'bayes', both: 'both'};

/** The three confusion matrices of a set of verdicts. */
export function confusions(verdicts: readonly FlowVerdicts[]): Record<ClassifierName, Confusion> {
  return {chiSquare: confusion(verdicts, 'chiSquare'), bayes: confusion(verdicts, 'bayes'), both: confusion(verdicts, 'both')};
}

/** A confusion matrix's false-positive or false-negative rate in percent (the paper's FP% and FN%, §5). */
export const ratePercent = (matrix: Confusion, rate: 'fp' | 'fn'): number => 100 * (rate === 'fp' ? matrix.falsePositiveRate : matrix.falseNegativeRate);

/** A percentage as the outputs' data-value holds it: two decimals. */
export const percentText = (value: number): string => value.toFixed(2);

/**
 * Whether `classifier` got this flow wrong: its verdict (the model's `saysSkype`, which `confusion`
 * counts with) differs from the ground truth, so that the table's marks and the matrices count alike.
 */
export const isWrong = (verdicts: FlowVerdicts, classifier: ClassifierName): boolean => saysSkype(verdicts, classifier) !== verdicts.isSkype;

/** The values a slider can take, minimum to maximum: the sweep's x positions. */
export function rangeValues(range: NumberRange): number[] {
  const count = Math.round((range.maximum - range.minimum) / range.step) + 1;
  return Array.from({length: count}, (_, index) => range.minimum + index * range.step);
}

/** One point of a sensitivity curve: a classifier's FP% or FN% at one threshold. */
export interface SweepPoint {
  threshold: number;
  classifier: ClassifierName;
  rate: 'fp' | 'fn';
  percent: number;
}

function sweep(entries: readonly FlowEntry[], thresholds: readonly number[], classifiers: readonly ClassifierName[], at: (threshold: number) => {chi: number; belief: number}): SweepPoint[] {
  const points: SweepPoint[] = [];
  for (const threshold of thresholds) {
    const {chi, belief} = at(threshold);
    const verdicts = redecide(entries, chi, belief);
    for (const classifier of classifiers) {
      const matrix = confusion(verdicts, classifier);
      points.push({threshold, classifier, rate: 'fp', percent: ratePercent(matrix, 'fp')}, {threshold, classifier, rate: 'fn', percent: ratePercent(matrix, 'fn')});
    }
  }
  return points;
}

/** FP% and FN% of the χ² test and of both tests together as the χ² thresholds move (the paper's Fig. 8). */
export const sweepChiSquare = (entries: readonly FlowEntry[], thresholds: readonly number[], beliefThreshold: number): SweepPoint[] =>
  sweep(entries, thresholds, ['chiSquare', 'both'], (chi) => ({chi, belief: beliefThreshold}));

/** FP% and FN% of naive Bayes and of both tests together as the belief threshold moves (the paper's Fig. 7). */
export const sweepBelief = (entries: readonly FlowEntry[], thresholds: readonly number[], chiThreshold: number): SweepPoint[] =>
  sweep(entries, thresholds, ['bayes', 'both'], (belief) => ({chi: chiThreshold, belief}));

/**
 * The χ² groups (numbered 1–16) whose structure the closed forms describe, by kind of flow: in an E2E
 * datagram byte 3 is the func byte, whose low nibble (group 6) is the type 0xD and whose high nibble
 * (group 5) has three random bits and one fixed bit (spec §2: type = func & 0x8F); a SkypeOut flow's
 * first 4 bytes (groups 1–8) are its constant connection ID (Bonfiglio et al. 2007, Table 2). Other
 * kinds are left out: their structure is not the paper's subject.
 */
export function closedFormGroups(kind: TrafficKind): {deterministic: number[]; oneFixedBit: number[]} {
  switch (kind) {
    case 'skype-e2e-udp':
      return {deterministic: [6], oneFixedBit: [5]};
    case 'skypeout-udp':
      return {deterministic: [1, 2, 3, 4, 5, 6, 7, 8], oneFixedBit: []};
    default:
      return {deterministic: [], oneFixedBit: []};
  }
}

/** The measured statistics of some groups (numbered 1–16) of a flow. */
export const groupValues = (groups: readonly number[], numbers: readonly number[]): number[] => numbers.filter((group) => group >= 1 && group <= CHI_SQUARE_GROUPS).map((group) => groups[group - 1]);
