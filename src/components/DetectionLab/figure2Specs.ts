/**
 * Fig. 2 of Bonfiglio et al. 2007 (a voice call under a stepped bandwidth limit) as three plain-data
 * Plot specs over the same time axis: throughput against the limit, message size, and the framing
 * time ΔT. The values are the ones read off the figure (src/data/bonfiglio2007.ts), approximate: a
 * level is a thick segment, a spread (60–70 kbit/s) a shaded band, and the transitions between
 * stretches, which were not read, are left empty.
 */
import type {PlotSpec} from '@site/src/live/types';
import type {FigureBand, Figure2Values} from '@site/src/data/bonfiglio2007';

export interface Figure2Labels {
  time: string;
  throughputAxis: string;
  sizeAxis: string;
  framingAxis: string;
  /** Line labels written on the throughput chart. */
  limit: string;
  measured: string;
}

const LINE_WIDTH = 3;

/** A band's segment at its middle, and its shaded spread when it has one. */
function bandMarks(bands: readonly FigureBand[], colour: string): PlotSpec['marks'] {
  const segments = bands.map((band) => ({x1: band.fromSeconds, x2: band.toSeconds, y: (band.low + band.high) / 2}));
  const spreads = bands.filter((band) => band.high > band.low).map((band) => ({x1: band.fromSeconds, x2: band.toSeconds, y1: band.low, y2: band.high}));
  return [
    {mark: 'rect', data: spreads, options: {x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: colour, fillOpacity: 0.3}},
    {mark: 'link', data: segments, options: {x1: 'x1', x2: 'x2', y1: 'y', y2: 'y', stroke: colour, strokeWidth: LINE_WIDTH}},
  ];
}

/** The three charts of Fig. 2, in the order of the paper's panels. */
export function figure2Specs(values: Figure2Values, labels: Figure2Labels): {throughput: PlotSpec; messageSize: PlotSpec; framing: PlotSpec} {
  const time = {domain: [0, values.durationSeconds], label: labels.time, grid: true};
  const last = values.bandwidthLimit[values.bandwidthLimit.length - 1];
  // The limit holds its last step to the end of the call: a step curve needs the end point too.
  const limit = [...values.bandwidthLimit, {fromSeconds: values.durationSeconds, kbps: last.kbps}];
  const highest = (bands: readonly FigureBand[]) => Math.max(...bands.map((band) => band.high));
  const middle = values.throughputKbps[Math.floor(values.throughputKbps.length / 2)];
  return {
    throughput: {
      height: 220,
      x: time,
      y: {domain: [0, Math.max(highest(values.throughputKbps), ...limit.map((step) => step.kbps)) * 1.15], label: labels.throughputAxis, grid: true},
      marks: [
        {mark: 'line', data: limit, options: {x: 'fromSeconds', y: 'kbps', curve: 'step-after', stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '6 4'}},
        ...bandMarks(values.throughputKbps, 'var(--ifm-color-primary)'),
        // The limit is labelled above its last step, the throughput below its middle stretch: apart from each other and from the lines.
        {mark: 'text', data: [{x: last.fromSeconds, y: last.kbps, label: labels.limit}], options: {x: 'x', y: 'y', text: 'label', textAnchor: 'start', dx: 6, dy: -9, fontSize: 11}},
        {mark: 'text', data: [{x: middle.fromSeconds, y: middle.low, label: labels.measured}], options: {x: 'x', y: 'y', text: 'label', textAnchor: 'start', dx: 4, dy: 11, fontSize: 11}},
      ],
    },
    messageSize: {
      height: 170,
      x: time,
      y: {domain: [0, highest(values.messageSizeBytes) * 1.2], label: labels.sizeAxis, grid: true},
      marks: bandMarks(values.messageSizeBytes, 'var(--ifm-color-primary)'),
    },
    framing: {
      height: 170,
      x: time,
      y: {domain: [0, highest(values.framingMs) * 1.2], label: labels.framingAxis, grid: true},
      marks: bandMarks(values.framingMs, 'var(--ifm-color-primary)'),
    },
  };
}
