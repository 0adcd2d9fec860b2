import {describe, expect, it} from 'vitest';
import {TRAFFIC_KINDS} from '@site/src/simulations/traffic';
import {DETECTION_RANGES} from './detectionInputs';
import {chiVerdictLabel, classifierLabel, decimal, detectionProblemMessage, kindLabel, signedNumber, unknownFlowMessage} from './detectionWords';


describe('the detection lab’s words', () => {
  it('name every kind of flow in words, none by its code', () => {
    const labels = TRAFFIC_KINDS.map(kindLabel);
    expect(new Set(labels).size).toBe(TRAFFIC_KINDS.length);
    labels.forEach((label, index) => expect(label).not.toBe(TRAFFIC_KINDS[index]));
  });

  it('use the paper’s names of the verdicts and classifiers', () => {
    expect(['skype-e2e-udp', 'skypeout-udp', 'skype-tcp', 'not-skype'].map((verdict) => chiVerdictLabel(verdict as Parameters<typeof chiVerdictLabel>[0]))).toEqual(['Skype E2E', 'Skype E2O', 'Skype TCP', 'not Skype']);
    expect(classifierLabel('both')).toBe('both (NBC∧CSC)');
  });

  it('say what is wrong and where: the field, the text typed, the range', () => {
    expect(detectionProblemMessage('χ² thresholds', {kind: 'between', text: '401', range: DETECTION_RANGES['chi-threshold']})).toBe('χ² thresholds: "401" is not a number from 10 to 400.');
    expect(detectionProblemMessage('Flows of each kind', {kind: 'between', text: '12.5', range: DETECTION_RANGES.flows})).toBe('Flows of each kind: "12.5" is not a whole number from 5 to 100.');
    expect(detectionProblemMessage('Seed', {kind: 'empty'})).toBe('Seed: this field is empty.');
    expect(unknownFlowMessage('Flow', 'rtp-99', 'rtp-0')).toBe('Flow: "rtp-99" is not one of the generated flows; the bars show rtp-0.');
  });

  it('write numbers with a true minus sign, and −∞ for a belief no working point explains', () => {
    expect(decimal(-4.567)).toBe('−4.57');
    expect(decimal(4500)).toBe('4500.00');
    expect(decimal(Number.NEGATIVE_INFINITY)).toBe('−∞');
    expect(signedNumber(-4.5)).toBe('−4.5');
    expect(signedNumber(150)).toBe('150');
  });
});
