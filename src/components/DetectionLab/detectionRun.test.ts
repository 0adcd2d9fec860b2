import {describe, expect, it} from 'vitest';
import {PAPER_BELIEF_THRESHOLD, PAPER_CHI_SQUARE_THRESHOLDS, confusion} from '@site/src/simulations/detection';
import {TRAFFIC_KINDS, generateTraffic} from '@site/src/simulations/traffic';
import {DETECTION_RANGES} from './detectionInputs';
import {
  CLASSIFIER_NAMES,
  classifyTraffic,
  closedFormGroups,
  confusions,
  groupValues,
  isWrong,
  percentText,
  rangeValues,
  ratePercent,
  redecide,
  sameThresholds,
  sweepBelief,
  sweepChiSquare,
} from './detectionRun';

// Small traffic, so that the tests stay quick: 4 flows of each kind, 300 messages (the length).
const OPTIONS = {seed: 11, flowsPerKind: 4, messageCount: 300};
const traffic = classifyTraffic(OPTIONS);

describe('classifyTraffic', () => {
  it('keeps every generated flow, in the generator’s order, without its messages', () => {
    expect(traffic.entries.map((entry) => entry.id)).toEqual(generateTraffic(OPTIONS).map((flow) => flow.id));
    expect(traffic.entries).toHaveLength(TRAFFIC_KINDS.length * OPTIONS.flowsPerKind);
    for (const entry of traffic.entries) {
      expect(Object.keys(entry).sort()).toEqual(['id', 'kind', 'transport', 'verdicts', 'workingPoint']);
      expect(entry.verdicts.groups).toHaveLength(16);
    }
  });
});

describe('redecide', () => {
  it('at the paper’s thresholds gives the verdicts classifyFlow gave', () => {
    expect(redecide(traffic.entries, PAPER_CHI_SQUARE_THRESHOLDS.random, PAPER_BELIEF_THRESHOLD)).toEqual(traffic.entries.map((entry) => entry.verdicts));
  });

  it('with χ² thresholds of 10, below the mean 15 of a random group, finds no UDP flow random enough to be Skype', () => {
    const strict = redecide(traffic.entries, 10, PAPER_BELIEF_THRESHOLD);
    const udp = strict.filter((_, index) => traffic.entries[index].transport === 'udp' && traffic.entries[index].kind !== 'skypeout-udp');
    expect(udp.every((verdicts) => verdicts.chiSquare === 'not-skype')).toBe(true);
  });

  it('keeps the statistics and moves only the verdicts', () => {
    const moved = redecide(traffic.entries, 60, -1);
    moved.forEach((verdicts, index) => {
      expect(verdicts.groups).toBe(traffic.entries[index].verdicts.groups);
      expect(verdicts.belief).toBe(traffic.entries[index].verdicts.belief);
      expect(verdicts.bayes).toBe(verdicts.belief > -1);
    });
  });
});

describe('sameThresholds', () => {
  it('sets χ²(Det), χ²(Rnd) and χ²(Mixed) to one value, as the paper’s Fig. 8 moves them', () => {
    expect(sameThresholds(150)).toEqual(PAPER_CHI_SQUARE_THRESHOLDS);
  });
});

describe('isWrong and confusions', () => {
  it('count alike: the wrong marks of a classifier add up to its FP + FN', () => {
    const verdicts = redecide(traffic.entries, 120, -8);
    const matrices = confusions(verdicts);
    for (const classifier of CLASSIFIER_NAMES) {
      const wrong = verdicts.filter((entry) => isWrong(entry, classifier)).length;
      expect(wrong).toBe(matrices[classifier].falsePositive + matrices[classifier].falseNegative);
    }
  });

  it('turn the model’s rates (0 to 1) into the paper’s percentages with two decimals', () => {
    const matrix = {truePositive: 3, falsePositive: 1, trueNegative: 2, falseNegative: 0, falsePositiveRate: 1 / 3, falseNegativeRate: 0};
    expect(percentText(ratePercent(matrix, 'fp'))).toBe('33.33');
    expect(percentText(ratePercent(matrix, 'fn'))).toBe('0.00');
  });
});

describe('rangeValues', () => {
  it('lists every slider position: 40 χ² thresholds from 10 to 400, 31 beliefs from −15 to 0', () => {
    const chi = rangeValues(DETECTION_RANGES['chi-threshold']);
    expect([chi.length, chi[0], chi.at(-1)]).toEqual([40, 10, 400]);
    const belief = rangeValues(DETECTION_RANGES['belief-threshold']);
    expect([belief.length, belief[0], belief[1], belief.at(-1)]).toEqual([31, -15, -14.5, 0]);
  });
});

describe('sweepChiSquare and sweepBelief', () => {
  it('give, at each threshold, the FP% and FN% that confusion gives after decide', () => {
    const thresholds = [50, 150, 300];
    const points = sweepChiSquare(traffic.entries, thresholds, -5);
    expect(points).toHaveLength(thresholds.length * 2 * 2);
    for (const point of points) {
      const matrix = confusion(redecide(traffic.entries, point.threshold, -5), point.classifier);
      expect(point.percent).toBeCloseTo(100 * (point.rate === 'fp' ? matrix.falsePositiveRate : matrix.falseNegativeRate), 10);
    }
    expect(new Set(points.map((point) => point.classifier))).toEqual(new Set(['chiSquare', 'both']));
    const beliefPoints = sweepBelief(traffic.entries, [-10, -5, 0], 150);
    expect(new Set(beliefPoints.map((point) => point.classifier))).toEqual(new Set(['bayes', 'both']));
    for (const point of beliefPoints) {
      const matrix = confusion(redecide(traffic.entries, 150, point.threshold), point.classifier);
      expect(point.percent).toBeCloseTo(100 * (point.rate === 'fp' ? matrix.falsePositiveRate : matrix.falseNegativeRate), 10);
    }
  });

  it('reproduce the paper’s trade-off qualitatively: a higher belief threshold never adds a naive Bayes false positive', () => {
    const falsePositives = sweepBelief(traffic.entries, rangeValues(DETECTION_RANGES['belief-threshold']), 150).filter((point) => point.classifier === 'bayes' && point.rate === 'fp');
    falsePositives.forEach((point, index) => {
      if (index > 0) expect(point.percent).toBeLessThanOrEqual(falsePositives[index - 1].percent);
    });
  });
});

describe('closedFormGroups (theory beside experiment, Bonfiglio et al. 2007 eq. 4–6)', () => {
  const n = OPTIONS.messageCount;

  it('names group 6 (the type nibble) deterministic and group 5 (three random bits) one-fixed-bit in an E2E flow; group 6 measures exactly 15·n', () => {
    expect(closedFormGroups('skype-e2e-udp')).toEqual({deterministic: [6], oneFixedBit: [5]});
    for (const entry of traffic.entries.filter((candidate) => candidate.kind === 'skype-e2e-udp')) {
      expect(groupValues(entry.verdicts.groups, [6])).toEqual([15 * n]);
      // 2·χ²(7) + n: mean n + 14, standard deviation 2·√14 ≈ 7.5; six of them is a wide tolerance.
      expect(Math.abs(groupValues(entry.verdicts.groups, [5])[0] - (n + 14))).toBeLessThan(6 * 2 * Math.sqrt(14));
    }
  });

  it('names groups 1–8 (the connection ID) deterministic in a SkypeOut flow, each exactly 15·n', () => {
    expect(closedFormGroups('skypeout-udp')).toEqual({deterministic: [1, 2, 3, 4, 5, 6, 7, 8], oneFixedBit: []});
    for (const entry of traffic.entries.filter((candidate) => candidate.kind === 'skypeout-udp')) {
      expect(groupValues(entry.verdicts.groups, closedFormGroups('skypeout-udp').deterministic)).toEqual(new Array(8).fill(15 * n));
    }
  });

  it('names no group for the kinds the closed forms are not about', () => {
    for (const kind of ['skype-tcp', 'rtp', 'dns', 'http-like', 'random-udp'] as const) expect(closedFormGroups(kind)).toEqual({deterministic: [], oneFixedBit: []});
  });
});
