/**
 * The detection lab's classifiers (chapter "Protocol detection"), public API: the chi-square test of
 * Bonfiglio et al. 2007 (§4.1; detectionChiSquare.ts) and their naive Bayes classifier (§4.2;
 * detectionBayes.ts), both together as the paper combines them, and the false-positive and
 * false-negative rates of §5 over a set of generated flows. Pure TypeScript.
 */
import type {TrafficFlow, TrafficKind} from './traffic';
import {PAPER_CHI_SQUARE_THRESHOLDS, chiSquareClassify, chiSquareGroups, type ChiSquareThresholds, type ChiSquareVerdict} from './detectionChiSquare';
import {PAPER_BELIEF_THRESHOLD, naiveBayesBelief} from './detectionBayes';

export {
  CHI_SQUARE_BITS,
  CHI_SQUARE_BYTES,
  CHI_SQUARE_GROUPS,
  CHI_SQUARE_MIN_MESSAGES,
  PAPER_CHI_SQUARE_THRESHOLDS,
  RANDOM_GROUP_CHI_SQUARE_MEAN,
  chiSquareClassify,
  chiSquareGroups,
  chiSquareRuleStatistics,
  deterministicGroupChiSquare,
  oneFixedBitGroupChiSquare,
  type ChiSquareRuleStatistics,
  type ChiSquareThresholds,
  type ChiSquareVerdict,
} from './detectionChiSquare';
export {GAP_MODEL_SIGMA_MS, NAIVE_BAYES_WINDOW, PAPER_BELIEF_THRESHOLD, naiveBayesBelief, naiveBayesClassify, type BayesResult} from './detectionBayes';

/** Both classifiers' verdicts on one flow, with the statistics they came from. */
export interface FlowVerdicts {
  flowId: string;
  kind: TrafficKind;
  /**
   * The ground truth the rates are computed against (§5): for a UDP flow, whether it is Skype voice
   * (the paper's ground truth, PBC, labels voice flows); for a TCP flow, whether it is Skype at all.
   */
  isSkype: boolean;
  chiSquare: ChiSquareVerdict;
  /** Naive Bayes: belief above the threshold. */
  bayes: boolean;
  /** NBC∧CSC: both say Skype. */
  both: boolean;
  /** The 16 chi-square statistics (chiSquareGroups). */
  groups: number[];
  /** The naive Bayes belief B (naiveBayesBelief). */
  belief: number;
}

/** The thresholds of both classifiers. */
export interface DetectionThresholds {
  chiSquare: ChiSquareThresholds;
  belief: number;
}

/** The paper's thresholds: χ² 150 each, B_min = −5. */
export const PAPER_DETECTION_THRESHOLDS: DetectionThresholds = Object.freeze({chiSquare: PAPER_CHI_SQUARE_THRESHOLDS, belief: PAPER_BELIEF_THRESHOLD});

/**
 * Runs both classifiers on a flow: computes the 16 chi-square statistics and the naive Bayes belief
 * once, then decides with the thresholds given.
 *
 * @param flow a generated flow
 * @param options thresholds; default the paper's (χ² 150, B_min −5)
 * @returns the verdicts and the statistics, which {@link decide} can re-decide without recomputing
 * @example classifyFlow(generateFlow({kind: 'rtp', messageCount: 300, seed: 1})) // chiSquare 'not-skype', bayes true: RTP behaves like voice but does not look random
 */
export function classifyFlow(flow: TrafficFlow, options: {chiSquare?: ChiSquareThresholds; belief?: number} = {}): FlowVerdicts {
  if (typeof flow !== 'object' || flow === null || !Array.isArray(flow.messages)) throw new RangeError('classifyFlow: expected a flow with messages');
  const groups = chiSquareGroups(flow.messages.map((message) => message.payload));
  const {belief} = naiveBayesBelief(flow);
  const isSkype = flow.transport === 'udp' ? flow.isSkypeVoice : flow.isSkype;
  const undecided: FlowVerdicts = {flowId: flow.id, kind: flow.kind, isSkype, chiSquare: 'not-skype', bayes: false, both: false, groups, belief};
  return decide(undecided, flow.transport, {chiSquare: options.chiSquare ?? PAPER_CHI_SQUARE_THRESHOLDS, belief: options.belief ?? PAPER_BELIEF_THRESHOLD});
}

/**
 * Decides again with other thresholds, from the statistics already in `verdicts`: nothing is
 * recomputed, so a slider can call it for every flow on every move.
 *
 * @param verdicts a result of {@link classifyFlow}
 * @param flowTransport the flow's transport, which picks the chi-square rules
 * @param options the new thresholds
 * @returns a new object; `verdicts` is left as it is
 */
export function decide(verdicts: FlowVerdicts, flowTransport: 'udp' | 'tcp', options: DetectionThresholds): FlowVerdicts {
  const chiSquare = chiSquareClassify(verdicts.groups, flowTransport, options.chiSquare).verdict;
  const bayes = verdicts.belief > options.belief;
  return {...verdicts, chiSquare, bayes, both: chiSquare !== 'not-skype' && bayes};
}

/** A confusion matrix and the paper's two rates (§5). */
export interface Confusion {
  truePositive: number;
  falsePositive: number;
  trueNegative: number;
  falseNegative: number;
  /** FP / (flows that are not Skype), from 0 to 1; 0 when there are none. */
  falsePositiveRate: number;
  /** FN / (Skype flows), from 0 to 1; 0 when there are none. */
  falseNegativeRate: number;
}

/** Which verdict of a flow a rate is about: one classifier alone, or both together (NBC∧CSC). */
export type DetectionClassifier = 'chiSquare' | 'bayes' | 'both';

/** Whether `classifier` says Skype for this flow; any of the three chi-square Skype verdicts counts. */
export function saysSkype(verdicts: FlowVerdicts, classifier: DetectionClassifier): boolean {
  if (classifier === 'chiSquare') return verdicts.chiSquare !== 'not-skype';
  if (classifier === 'bayes') return verdicts.bayes;
  if (classifier === 'both') return verdicts.both;
  throw new RangeError(`expected the classifier 'chiSquare', 'bayes' or 'both'; got ${JSON.stringify(classifier)}`);
}

/**
 * The confusion matrix of one classifier over a set of flows, with the rates as the paper defines
 * them (§5): FP% = FP / non-Skype flows, FN% = FN / Skype flows. The paper's denominator for FP is
 * the eligible flows (≥ 100 packets) minus the Skype ones; every generated flow counts here.
 *
 * @param verdicts results of {@link classifyFlow} or {@link decide}
 * @param classifier 'chiSquare', 'bayes' or 'both' (NBC∧CSC)
 */
export function confusion(verdicts: readonly FlowVerdicts[], classifier: DetectionClassifier): Confusion {
  let truePositive = 0;
  let falsePositive = 0;
  let trueNegative = 0;
  let falseNegative = 0;
  for (const flow of verdicts) {
    const positive = saysSkype(flow, classifier);
    if (flow.isSkype) positive ? truePositive++ : falseNegative++;
    else positive ? falsePositive++ : trueNegative++;
  }
  const nonSkype = falsePositive + trueNegative;
  const skype = truePositive + falseNegative;
  return {
    truePositive,
    falsePositive,
    trueNegative,
    falseNegative,
    falsePositiveRate: nonSkype === 0 ? 0 : falsePositive / nonSkype,
    falseNegativeRate: skype === 0 ? 0 : falseNegative / skype,
  };
}

/** For one kind of flow: how many there are, and the fraction each classifier called Skype. */
export interface KindDetectionRates {
  flows: number;
  chiSquare: number;
  bayes: number;
  both: number;
}

/**
 * The fraction of the flows of each kind that each classifier calls Skype: acceptance for the kinds
 * of Skype, false alarms for the others. Kinds without flows are left out.
 */
export function detectionRatesByKind(verdicts: readonly FlowVerdicts[]): Partial<Record<TrafficKind, KindDetectionRates>> {
  const rates: Partial<Record<TrafficKind, KindDetectionRates>> = {};
  for (const flow of verdicts) {
    const entry = (rates[flow.kind] ??= {flows: 0, chiSquare: 0, bayes: 0, both: 0});
    entry.flows++;
    if (saysSkype(flow, 'chiSquare')) entry.chiSquare++;
    if (flow.bayes) entry.bayes++;
    if (flow.both) entry.both++;
  }
  for (const entry of Object.values(rates)) {
    entry.chiSquare /= entry.flows;
    entry.bayes /= entry.flows;
    entry.both /= entry.flows;
  }
  return rates;
}
