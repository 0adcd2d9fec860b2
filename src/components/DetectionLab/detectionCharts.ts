/**
 * The detection lab's charts as plain-data Plot specs for the site's one Chart: the 16 χ² statistics
 * of a flow against the threshold and the closed forms, and the FP/FN curves of a threshold sweep.
 * Colours are Infima variables (light and dark mode); every colour has words or a dash pattern too.
 */
import type {PlotSpec} from '@site/src/live/types';
import type {ClassifierName, SweepPoint} from './detectionRun';

export interface GroupBarsLabels {
  /** The legend's name for groups 5–6, the func byte. */
  funcByte: string;
  /** The legend's name for the other groups. */
  otherGroups: string;
  /** The short mark written above groups 5 and 6. */
  funcMark: string;
  /** The threshold line's label, with its value. */
  threshold: string;
  /** The closed forms' labels, with their values: 15·n and n + 14. */
  deterministic: string;
  oneFixedBit: string;
  xAxis: string;
  yAxis: string;
}

/** Groups 5 and 6 are byte 3 of the message, the func byte of a UDP start of frame (spec §2). */
const FUNC_GROUPS = [5, 6];

/**
 * Bars of the 16 statistics on a log axis, from 1 (a log axis has no 0; a statistic below 1 is drawn
 * at 1, and the table beside the chart gives its value), with rules at the threshold and at the two
 * closed forms for this flow length.
 */
export function groupBarsSpec(groups: readonly number[], threshold: number, closedForms: {deterministic: number; oneFixedBit: number}, labels: GroupBarsLabels): PlotSpec {
  const data = groups.map((value, index) => ({
    group: index + 1,
    base: 1,
    shown: Math.max(1, value),
    part: FUNC_GROUPS.includes(index + 1) ? labels.funcByte : labels.otherGroups,
  }));
  const top = Math.max(closedForms.deterministic, threshold, ...data.map((bar) => bar.shown)) * 2;
  return {
    height: 300,
    x: {type: 'band', label: labels.xAxis, domain: data.map((bar) => bar.group)},
    y: {type: 'log', domain: [1, top], label: labels.yAxis, grid: true},
    color: {legend: true, domain: [labels.otherGroups, labels.funcByte], range: ['var(--ifm-color-emphasis-500)', 'var(--ifm-color-primary)']},
    marks: [
      {mark: 'barY', data, options: {x: 'group', y1: 'base', y2: 'shown', fill: 'part', inset: 2}},
      {
        mark: 'text',
        data: data.filter((bar) => FUNC_GROUPS.includes(bar.group)).map((bar) => ({...bar, label: labels.funcMark})),
        options: {x: 'group', y: 'shown', text: 'label', dy: -8, fontWeight: 'bold'},
      },
      {mark: 'ruleY', data: [threshold], options: {stroke: 'var(--ifm-color-danger)', strokeWidth: 2}},
      {mark: 'ruleY', data: [closedForms.deterministic, closedForms.oneFixedBit], options: {stroke: 'currentColor', strokeDasharray: '2 4', strokeOpacity: 0.8}},
      // The threshold is labelled on the right and the closed forms on the left, so that they never overlap.
      {mark: 'text', data: [{y: threshold, label: labels.threshold}], options: {y: 'y', text: 'label', frameAnchor: 'right', textAnchor: 'end', dy: -7, dx: -4, fontSize: 11, fontWeight: 'bold'}},
      {
        mark: 'text',
        data: [
          {y: closedForms.deterministic, label: labels.deterministic},
          {y: closedForms.oneFixedBit, label: labels.oneFixedBit},
        ],
        options: {y: 'y', text: 'label', frameAnchor: 'left', textAnchor: 'start', dy: 9, dx: 4, fontSize: 11},
      },
    ],
  };
}

export interface SweepLabels {
  classifiers: Readonly<Record<ClassifierName, string>>;
  xAxis: string;
  yAxis: string;
  /** The label of the rule at the slider's value. */
  current: string;
}

/** Colours of the classifiers' curves; false positives are solid, false negatives dashed. */
const CLASSIFIER_COLOURS: Readonly<Record<ClassifierName, string>> = {
  chiSquare: 'var(--ifm-color-primary)',
  bayes: 'var(--ifm-color-success-dark)',
  both: 'var(--ifm-color-danger)',
};

/**
 * FP% (solid) and FN% (dashed) against a threshold, one colour per classifier, with a rule at the
 * slider's current value. Like the paper's Figs. 7–8, qualitatively: on generated traffic.
 */
export function sweepSpec(points: readonly SweepPoint[], current: number, domain: [number, number], labels: SweepLabels): PlotSpec {
  const rows = points.map((point) => ({threshold: point.threshold, percent: point.percent, classifier: labels.classifiers[point.classifier], key: `${point.classifier}-${point.rate}`}));
  const present = [...new Set(points.map((point) => point.classifier))];
  const top = Math.max(5, ...rows.map((row) => row.percent));
  return {
    height: 240,
    x: {domain, label: labels.xAxis, grid: true},
    y: {domain: [0, Math.min(100, top * 1.1)], label: labels.yAxis, grid: true},
    color: {legend: true, domain: present.map((name) => labels.classifiers[name]), range: present.map((name) => CLASSIFIER_COLOURS[name])},
    marks: [
      {mark: 'ruleX', data: [current], options: {stroke: 'currentColor', strokeOpacity: 0.6}},
      {mark: 'text', data: [{x: current, label: labels.current}], options: {x: 'x', text: 'label', frameAnchor: 'top', dy: 4, dx: 4, textAnchor: 'start', fontSize: 11}},
      {mark: 'line', data: rows.filter((row) => row.key.endsWith('-fp')), options: {x: 'threshold', y: 'percent', stroke: 'classifier', z: 'key', strokeWidth: 2}},
      {mark: 'line', data: rows.filter((row) => row.key.endsWith('-fn')), options: {x: 'threshold', y: 'percent', stroke: 'classifier', z: 'key', strokeWidth: 2, strokeDasharray: '6 4'}},
    ],
  };
}
