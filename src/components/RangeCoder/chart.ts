/**
 * The picture of one coded symbol as a plain-data Plot spec for the site's Chart: the coder's range
 * before the symbol, cut into the slices of the table that coded it, and the one slice it keeps,
 * [frequencyLow, frequencyHigh) / frequencyTotal of that range (spec §7.3.1).
 */
import type {PlotSpec} from '@site/src/live/types';
import type {RecordedStep} from './record';

export interface IntervalLabels {
  /** The row of the whole range before the symbol. */
  before: string;
  /** The row of the slice that becomes the range after it. */
  after: string;
  /** The x axis: positions inside the range before, as fractions. */
  axis: string;
}

/**
 * @param step the symbol to draw
 * @param cumulative the table's cumulative frequencies, to mark every symbol's slice; null for raw bits
 * @param labels the translated row and axis names
 */
export function intervalSpec(step: RecordedStep, cumulative: readonly number[] | null, labels: IntervalLabels): PlotSpec {
  const total = step.frequencyTotal;
  const start = step.frequencyLow / total;
  const end = step.frequencyHigh / total;
  const boundaries = (cumulative ?? []).slice(1, -1).map((value) => ({row: labels.before, x: value / total}));
  return {
    height: 130,
    x: {domain: [0, 1], label: labels.axis, grid: false},
    y: {domain: [labels.before, labels.after], label: null},
    marks: [
      {mark: 'barX', data: [{row: labels.before, x1: 0, x2: 1}], options: {x1: 'x1', x2: 'x2', y: 'row', fill: 'var(--ifm-color-emphasis-300)'}},
      {mark: 'tickX', data: boundaries, options: {x: 'x', y: 'row', stroke: 'currentColor', strokeOpacity: 0.55}},
      {
        mark: 'barX',
        data: [
          {row: labels.before, x1: start, x2: end},
          {row: labels.after, x1: start, x2: end},
        ],
        options: {x1: 'x1', x2: 'x2', y: 'row', fill: 'var(--ifm-color-primary)', stroke: 'currentColor', strokeWidth: 1},
      },
      // A slice of 1/65536 (16 raw bits) is thinner than a pixel: a rule keeps it visible.
      {mark: 'ruleX', data: [{x: (start + end) / 2}], options: {x: 'x', stroke: 'var(--ifm-color-primary-darkest)', strokeWidth: 2}},
    ],
  };
}
