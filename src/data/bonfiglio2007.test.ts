import {describe, expect, it} from 'vitest';
import {FIGURE_2, PAPER_TABLE_3, PAPER_TABLE_4, PAPER_TABLE_5, type FigureBand, type PaperUdpTable} from './bonfiglio2007';
// The research notes' machine-readable tables, copied unchanged from the shared research folder.
import paperTables from './paper-tables.json';

const json = paperTables.bonfiglio_2007;

const row = (table: PaperUdpTable, classifier: string, flowClass: string) => table.rows.find((entry) => entry.classifier === classifier && entry.flowClass === flowClass);

describe('PAPER_TABLE_3 and PAPER_TABLE_4 (Bonfiglio et al. 2007, Tables 3–4, UDP)', () => {
  it('hold every row of paper-tables.json, cell for cell, in the order of the paper', () => {
    for (const [table, source] of [
      [PAPER_TABLE_3, json.table3_campus_udp],
      [PAPER_TABLE_4, json.table4_isp_udp],
    ] as const) {
      expect(table.rows.map((entry) => [entry.classifier, entry.flowClass, entry.flagged, entry.correct, entry.falsePositives, entry.falsePositivePercent, entry.falseNegatives, entry.falseNegativePercent])).toEqual(source.rows);
      expect([table.eligibleFlows, table.totalFlows]).toEqual([source.eligible_flows_ge_100pkts, source.total_flows]);
    }
  });

  it('give the figures papers.md §2.6 quotes: NBC∧CSC E2E FP 0.01 % in both traces, FN 29.98 % (CAMPUS) and 24.62 % (ISP)', () => {
    expect(row(PAPER_TABLE_3, 'NBC_and_CSC', 'E2E')).toMatchObject({flagged: 716, falsePositives: 6, falsePositivePercent: 0.01, falseNegativePercent: 29.98});
    expect(row(PAPER_TABLE_3, 'NBC_and_CSC', 'E2O')).toMatchObject({falsePositivePercent: 0, falseNegativePercent: 9.82});
    expect(row(PAPER_TABLE_4, 'NBC_and_CSC', 'E2E')).toMatchObject({falsePositivePercent: 0.01, falseNegativePercent: 24.62});
    expect(row(PAPER_TABLE_4, 'NBC_and_CSC', 'E2O')).toMatchObject({falsePositivePercent: 0.11, falseNegativePercent: 2.4});
    expect(row(PAPER_TABLE_4, 'NBC', 'E2E')).toMatchObject({flagged: 27437, falsePositivePercent: 73.73});
    expect(row(PAPER_TABLE_3, 'CSC', 'E2E')).toMatchObject({flagged: 2781, falsePositives: 1797, falsePositivePercent: 2.4, falseNegativePercent: 2.96});
    expect([PAPER_TABLE_3.eligibleFlows, PAPER_TABLE_3.totalFlows, PAPER_TABLE_4.eligibleFlows, PAPER_TABLE_4.totalFlows]).toEqual([76025, 487729, 37212, 258634]);
  });

  it('keep the PBC rows (the ground truth) without error columns: 1014 E2E and 163 E2O on CAMPUS, 65 and 125 at the ISP', () => {
    for (const [table, counts] of [
      [PAPER_TABLE_3, [1014, 163]],
      [PAPER_TABLE_4, [65, 125]],
    ] as const) {
      const truth = table.rows.filter((entry) => entry.classifier === 'PBC');
      expect(truth.map((entry) => entry.flagged)).toEqual(counts);
      for (const entry of truth) expect([entry.correct, entry.falsePositives, entry.falsePositivePercent, entry.falseNegatives, entry.falseNegativePercent]).toEqual([null, null, null, null, null]);
    }
  });

  it('are consistent with their own counts: OK + FP = N for every classifier row', () => {
    for (const table of [PAPER_TABLE_3, PAPER_TABLE_4]) {
      for (const entry of table.rows.filter((candidate) => candidate.classifier !== 'PBC')) expect((entry.correct ?? 0) + (entry.falsePositives ?? 0)).toBe(entry.flagged);
    }
  });
});

describe('PAPER_TABLE_5 (TCP, no ground truth)', () => {
  it('holds every row of paper-tables.json and the eligible flows of both traces', () => {
    expect(PAPER_TABLE_5.rows.map((entry) => [entry.classifier, entry.flowClass, entry.campus, entry.isp])).toEqual(json.table5_tcp.rows);
    expect(PAPER_TABLE_5.rows.find((entry) => entry.classifier === 'NBC_and_CSC' && entry.flowClass === 'E2E')).toMatchObject({campus: 621, isp: 12});
    expect(PAPER_TABLE_5.eligibleFlows).toEqual({campus: 1646424, isp: 108831});
    expect(PAPER_TABLE_5.totalFlows).toEqual({campus: 23856424, isp: 1614553});
  });
});

/** "60-70 (first ~25 s)" → 60 to 70; "~30 (until ~150 s)" → 30; "60" → 60. */
function levels(text: string): {low: number; high: number} {
  const found = /^~?(\d+)(?:-(\d+))?/.exec(text.trim());
  if (!found) throw new Error(`no level in ${JSON.stringify(text)}`);
  return {low: Number(found[1]), high: Number(found[2] ?? found[1])};
}

/** The end of a stretch as the JSON words it: "first ~25 s" (from 0), "until ~150 s", "to end". */
function end(text: string, duration: number): number | null {
  if (/to end/.test(text)) return duration;
  const found = /(?:first|until) ~(\d+) s/.exec(text);
  return found ? Number(found[1]) : null;
}

const startsAndLevels = (bands: readonly FigureBand[]) => bands.map((band) => [band.fromSeconds, band.low, band.high]);

describe('FIGURE_2 (values read off Fig. 2, approximate)', () => {
  const figure = json.figure2_stepped_bandwidth_call;

  it('steps the limit 75 → 55 → 45 → 30 → 20 kbit/s at 0, 50, 100, 150 and 200 s, over 310 s (papers.md §2.1)', () => {
    expect(FIGURE_2.durationSeconds).toBe(310);
    expect(FIGURE_2.bandwidthLimit.map((step) => [step.fromSeconds, step.kbps])).toEqual([
      [0, 75],
      [50, 55],
      [100, 45],
      [150, 30],
      [200, 20],
    ]);
  });

  it('types the measured throughput as the JSON words it: starts, levels and ends', () => {
    expect(startsAndLevels(FIGURE_2.throughputKbps)).toEqual(figure.measured_throughput_kbps.map(([start, text]) => [start, levels(String(text)).low, levels(String(text)).high]));
    expect(FIGURE_2.throughputKbps.map((band) => band.toSeconds)).toEqual(figure.measured_throughput_kbps.map(([, text]) => end(String(text), figure.duration_s)));
  });

  it('types ΔT as two bands (20 and 30 ms) until 160 s, then 60 ms, as in the JSON', () => {
    expect(figure.deltaT_ms).toEqual([
      [0, '20 and 30 bands'],
      [160, '60'],
    ]);
    expect(FIGURE_2.framingMs.map((band) => [band.fromSeconds, band.toSeconds, band.low])).toEqual([
      [0, 160, 20],
      [0, 160, 30],
      [160, 310, 60],
    ]);
  });

  it('types the message sizes as the JSON gives them (~250, ~120, ~80 B), ending where papers.md §2.1 says (30 s, 150 s, the end)', () => {
    expect(startsAndLevels(FIGURE_2.messageSizeBytes)).toEqual(figure.message_size_B.map(([start, text]) => [start, levels(String(text)).low, levels(String(text)).high]));
    expect(FIGURE_2.messageSizeBytes.map((band) => band.toSeconds)).toEqual([30, 150, 310]);
  });

  it('leaves a gap between consecutive stretches of a curve (the transitions were not read) and stays within the call', () => {
    for (const bands of [FIGURE_2.throughputKbps, FIGURE_2.messageSizeBytes]) {
      bands.forEach((band, index) => {
        expect(band.fromSeconds).toBeLessThan(band.toSeconds);
        expect(band.low).toBeLessThanOrEqual(band.high);
        expect(band.toSeconds).toBeLessThanOrEqual(FIGURE_2.durationSeconds);
        if (index > 0) expect(band.fromSeconds).toBeGreaterThan(bands[index - 1].toSeconds);
      });
    }
  });
});
