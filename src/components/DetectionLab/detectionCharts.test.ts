import {describe, expect, it} from 'vitest';
import {FIGURE_2} from '@site/src/data/bonfiglio2007';
import {groupBarsSpec, sweepSpec} from './detectionCharts';
import type {SweepPoint} from './detectionRun';
import {figure2Specs} from './figure2Specs';

const BAR_LABELS = {funcByte: 'func byte', otherGroups: 'other', funcMark: 'func', threshold: 'threshold', deterministic: '15n', oneFixedBit: 'n+14', xAxis: 'group', yAxis: 'chi'};
/** A spec crosses to Plot as plain data: nothing may be lost to JSON (a function would be). */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
const markData = (spec: {marks: {mark: string; data?: unknown[]}[]}, mark: string, index = 0) => spec.marks.filter((entry) => entry.mark === mark)[index]?.data as Record<string, unknown>[];

describe('groupBarsSpec', () => {
  // An E2E-like flow of 300 messages: random groups near 15, group 5 near n + 14, group 6 at 15·n; one group below 1.
  const groups = [14, 17, 9, 21, 311, 4500, 12, 0.4, 16, 15, 13, 18, 11, 20, 14, 16];
  const spec = groupBarsSpec(groups, 150, {deterministic: 4500, oneFixedBit: 314}, BAR_LABELS);

  it('is plain data', () => {
    expect(plain(spec)).toEqual(spec);
  });

  it('draws 16 bars on a log axis from 1, a statistic below 1 at 1, and marks groups 5–6 as the func byte', () => {
    const bars = markData(spec, 'barY');
    expect(bars.map((bar) => bar.group)).toEqual(Array.from({length: 16}, (_, index) => index + 1));
    expect(bars.map((bar) => bar.shown)).toEqual(groups.map((value) => Math.max(1, value)));
    expect(bars.every((bar) => bar.base === 1)).toBe(true);
    expect(bars.filter((bar) => bar.part === 'func byte').map((bar) => bar.group)).toEqual([5, 6]);
    expect(markData(spec, 'text', 0).map((label) => [label.group, label.label])).toEqual([
      [5, 'func'],
      [6, 'func'],
    ]);
    expect(spec.y).toMatchObject({type: 'log'});
    expect((spec.y?.domain as number[])[0]).toBe(1);
    expect((spec.y?.domain as number[])[1]).toBeGreaterThan(4500);
  });

  it('rules the threshold and the two closed forms', () => {
    expect(markData(spec, 'ruleY', 0)).toEqual([150]);
    expect(markData(spec, 'ruleY', 1)).toEqual([4500, 314]);
  });
});

describe('sweepSpec', () => {
  const points: SweepPoint[] = [
    {threshold: 10, classifier: 'chiSquare', rate: 'fp', percent: 0},
    {threshold: 10, classifier: 'chiSquare', rate: 'fn', percent: 100},
    {threshold: 400, classifier: 'chiSquare', rate: 'fp', percent: 25},
    {threshold: 400, classifier: 'chiSquare', rate: 'fn', percent: 0},
    {threshold: 10, classifier: 'both', rate: 'fp', percent: 0},
    {threshold: 10, classifier: 'both', rate: 'fn', percent: 100},
  ];
  const spec = sweepSpec(points, 150, [10, 400], {classifiers: {chiSquare: 'chi', bayes: 'bayes', both: 'both'}, xAxis: 'x', yAxis: 'y', current: 'now 150'});

  it('is plain data, with false positives solid and false negatives dashed, one colour per classifier', () => {
    expect(plain(spec)).toEqual(spec);
    const lines = spec.marks.filter((mark) => mark.mark === 'line');
    expect(lines).toHaveLength(2);
    expect(lines[0].options?.strokeDasharray).toBeUndefined();
    expect(lines[1].options?.strokeDasharray).toBeDefined();
    expect((lines[0].data as {key: string}[]).every((row) => row.key.endsWith('-fp'))).toBe(true);
    expect((lines[1].data as {key: string}[]).every((row) => row.key.endsWith('-fn'))).toBe(true);
    expect(spec.color?.domain).toEqual(['chi', 'both']);
  });

  it('rules the slider’s value and spans its range', () => {
    expect(markData(spec, 'ruleX')).toEqual([150]);
    expect(spec.x?.domain).toEqual([10, 400]);
    expect(spec.y?.domain).toEqual([0, 100]);
  });
});

describe('figure2Specs (Bonfiglio et al. 2007, Fig. 2, approximate)', () => {
  const specs = figure2Specs(FIGURE_2, {time: 't', throughputAxis: 'kbit/s', sizeAxis: 'B', framingAxis: 'ms', limit: 'limit', measured: 'measured'});

  it('is plain data over one time axis, the call’s 310 s', () => {
    expect(plain(specs)).toEqual(specs);
    for (const spec of Object.values(specs)) expect(spec.x?.domain).toEqual([0, 310]);
  });

  it('draws the limit as a step curve that holds 20 kbit/s to the end of the call', () => {
    const limit = markData(specs.throughput, 'line');
    expect(limit.map((point) => [point.fromSeconds, point.kbps])).toEqual([
      [0, 75],
      [50, 55],
      [100, 45],
      [150, 30],
      [200, 20],
      [310, 20],
    ]);
    expect(specs.throughput.marks.find((mark) => mark.mark === 'line')?.options?.curve).toBe('step-after');
  });

  it('shades the throughput where the figure shows a spread (60–70 and 11–12 kbit/s) and draws every stretch at its middle', () => {
    expect(markData(specs.throughput, 'rect').map((band) => [band.x1, band.x2, band.y1, band.y2])).toEqual([
      [0, 25, 60, 70],
      [170, 310, 11, 12],
    ]);
    expect(markData(specs.throughput, 'link').map((segment) => [segment.x1, segment.x2, segment.y])).toEqual([
      [0, 25, 65],
      [40, 150, 30],
      [170, 310, 11.5],
    ]);
  });

  it('draws the message sizes and the two ΔT bands without shading (single levels)', () => {
    expect(markData(specs.messageSize, 'rect')).toEqual([]);
    expect(markData(specs.messageSize, 'link').map((segment) => segment.y)).toEqual([250, 120, 80]);
    expect(markData(specs.framing, 'link').map((segment) => [segment.x1, segment.x2, segment.y])).toEqual([
      [0, 160, 20],
      [0, 160, 30],
      [160, 310, 60],
    ]);
  });
});
