/**
 * The published results of Bonfiglio et al. 2007, "Revealing Skype Traffic" (SIGCOMM 2007), for the
 * detection chapter (docs/10-protocol-detection.mdx) and its lab: Tables 3 and 4 (UDP, with ground
 * truth), Table 5 (TCP, flows flagged) and the curves of Fig. 2 (a call under a stepped bandwidth
 * limit). The tables are read from paper-tables.json, the research notes' machine-readable copy
 * (shared/spec/papers.md §2.6); Fig. 2 is typed below from the values read off the figure, which are
 * approximate (papers.md §2.1; the test checks them against the JSON's words). Pure data: no React.
 */
import paperTables from './paper-tables.json';

/** The references-page anchor of the paper. */
export const BONFIGLIO_2007_SOURCE = '/docs/references#bonfiglio2007';

/** The paper's classifiers: payload-based (the ground truth), naive Bayes, chi-square, and both together. */
export type PaperClassifier = 'PBC' | 'NBC' | 'CSC' | 'NBC_and_CSC';
export const PAPER_CLASSIFIERS: readonly PaperClassifier[] = ['PBC', 'NBC', 'CSC', 'NBC_and_CSC'];

/** End-to-end calls (E2E) and SkypeOut calls to the telephone network (E2O). */
export type PaperFlowClass = 'E2E' | 'E2O';

/** One row of Table 3 or 4. The PBC rows give only N: they are the ground truth the others are measured against. */
export interface PaperUdpRow {
  classifier: PaperClassifier;
  flowClass: PaperFlowClass;
  /** N: flows the classifier flagged as this class. */
  flagged: number;
  /** OK: of those, the ones PBC agrees with. */
  correct: number | null;
  falsePositives: number | null;
  /** FP / (eligible flows − PBC Skype flows), in percent (§5). */
  falsePositivePercent: number | null;
  falseNegatives: number | null;
  /** FN / PBC Skype flows of this class, in percent (§5). */
  falseNegativePercent: number | null;
}

/** Table 3 (CAMPUS) or Table 4 (ISP): UDP flows of real traffic captured in May 2006. */
export interface PaperUdpTable {
  table: 3 | 4;
  trace: 'CAMPUS' | 'ISP';
  rows: readonly PaperUdpRow[];
  /** Flows with at least 100 packets, the ones the classifiers judge. */
  eligibleFlows: number;
  totalFlows: number;
}

/** One row of Table 5: TCP flows flagged (there is no ground truth for TCP). */
export interface PaperTcpRow {
  classifier: Exclude<PaperClassifier, 'PBC'>;
  flowClass: PaperFlowClass | 'E2E+E2O';
  campus: number;
  isp: number;
}

export interface PaperTcpTable {
  table: 5;
  rows: readonly PaperTcpRow[];
  eligibleFlows: {campus: number; isp: number};
  totalFlows: {campus: number; isp: number};
}

type JsonCell = string | number | null;

/** Checks a cell read from the JSON, so that a changed file fails loudly instead of drawing nonsense. */
function numberOrNull(cell: JsonCell, where: string): number | null {
  if (cell === null || typeof cell === 'number') return cell;
  throw new Error(`paper-tables.json ${where}: expected a number or null, found ${JSON.stringify(cell)}`);
}

function number(cell: JsonCell, where: string): number {
  const value = numberOrNull(cell, where);
  if (value === null) throw new Error(`paper-tables.json ${where}: expected a number, found null`);
  return value;
}

function keyword<Word extends string>(cell: JsonCell, allowed: readonly Word[], where: string): Word {
  if (typeof cell === 'string' && (allowed as readonly string[]).includes(cell)) return cell as Word;
  throw new Error(`paper-tables.json ${where}: expected one of ${allowed.join(', ')}, found ${JSON.stringify(cell)}`);
}

const source = paperTables.bonfiglio_2007;

function udpTable(table: 3 | 4, trace: 'CAMPUS' | 'ISP', json: {rows: JsonCell[][]; eligible_flows_ge_100pkts: number; total_flows: number}): PaperUdpTable {
  const rows = json.rows.map((row, index): PaperUdpRow => {
    const where = `Table ${table} row ${index + 1}`;
    return {
      classifier: keyword(row[0], PAPER_CLASSIFIERS, where),
      flowClass: keyword(row[1], ['E2E', 'E2O'] as const, where),
      flagged: number(row[2], where),
      correct: numberOrNull(row[3], where),
      falsePositives: numberOrNull(row[4], where),
      falsePositivePercent: numberOrNull(row[5], where),
      falseNegatives: numberOrNull(row[6], where),
      falseNegativePercent: numberOrNull(row[7], where),
    };
  });
  return {table, trace, rows, eligibleFlows: json.eligible_flows_ge_100pkts, totalFlows: json.total_flows};
}

/** Table 3: the CAMPUS trace (95 h from Monday 29 May 2006, Politecnico di Torino), UDP. */
export const PAPER_TABLE_3: PaperUdpTable = udpTable(3, 'CAMPUS', source.table3_campus_udp);

/** Table 4: the ISP trace (one day, Monday 15 May 2006, a FastWeb point of presence), UDP. */
export const PAPER_TABLE_4: PaperUdpTable = udpTable(4, 'ISP', source.table4_isp_udp);

/** Table 5: TCP flows flagged in both traces (no ground truth). */
export const PAPER_TABLE_5: PaperTcpTable = {
  table: 5,
  rows: source.table5_tcp.rows.map((row, index): PaperTcpRow => {
    const where = `Table 5 row ${index + 1}`;
    return {
      classifier: keyword(row[0], ['NBC', 'CSC', 'NBC_and_CSC'] as const, where),
      flowClass: keyword(row[1], ['E2E', 'E2O', 'E2E+E2O'] as const, where),
      campus: number(row[2], where),
      isp: number(row[3], where),
    };
  }),
  eligibleFlows: {campus: source.table5_tcp.eligible_flows_ge_100pkts.CAMPUS, isp: source.table5_tcp.eligible_flows_ge_100pkts.ISP},
  totalFlows: {campus: source.table5_tcp.total_flows.CAMPUS, isp: source.table5_tcp.total_flows.ISP},
};

/** A stretch of Fig. 2 where a curve stays between `low` and `high` (equal when the figure shows one level). */
export interface FigureBand {
  fromSeconds: number;
  toSeconds: number;
  low: number;
  high: number;
}

/** A step of the bandwidth limit: from `fromSeconds` on, the link carries at most `kbps`. */
export interface LimitStep {
  fromSeconds: number;
  kbps: number;
}

/**
 * Fig. 2 of the paper: an iSAC voice call whose bandwidth limit is stepped down. Every value is read
 * off the figure and approximate (papers.md §2.1). Between two bands the figure shows a transition
 * that was not read, so those stretches are left out rather than guessed.
 */
export interface Figure2Values {
  durationSeconds: number;
  /** The stepped limit imposed on the link, in kbit/s. */
  bandwidthLimit: readonly LimitStep[];
  /** The call's measured throughput, in kbit/s. */
  throughputKbps: readonly FigureBand[];
  /** The framing time ΔT between messages, in ms: two bands at once (20 and 30 ms) in the first part of the call. */
  framingMs: readonly FigureBand[];
  /** The message size, in bytes. */
  messageSizeBytes: readonly FigureBand[];
}

const figure2 = source.figure2_stepped_bandwidth_call;

export const FIGURE_2: Figure2Values = {
  durationSeconds: figure2.duration_s,
  bandwidthLimit: figure2.bandwidth_limit_kbps_steps.map(([fromSeconds, kbps]) => ({fromSeconds, kbps})),
  // JSON: "60-70 (first ~25 s)", "~30 (until ~150 s)", "~11-12 (to end)".
  throughputKbps: [
    {fromSeconds: 0, toSeconds: 25, low: 60, high: 70},
    {fromSeconds: 40, toSeconds: 150, low: 30, high: 30},
    {fromSeconds: 170, toSeconds: figure2.duration_s, low: 11, high: 12},
  ],
  // JSON: "20 and 30 bands" from 0 s, "60" from 160 s.
  framingMs: [
    {fromSeconds: 0, toSeconds: 160, low: 20, high: 20},
    {fromSeconds: 0, toSeconds: 160, low: 30, high: 30},
    {fromSeconds: 160, toSeconds: figure2.duration_s, low: 60, high: 60},
  ],
  // JSON: "~250" from 0 s, "~120" from 40 s, "~80" from 160 s; the ends (30 s, 150 s) from papers.md §2.1.
  messageSizeBytes: [
    {fromSeconds: 0, toSeconds: 30, low: 250, high: 250},
    {fromSeconds: 40, toSeconds: 150, low: 120, high: 120},
    {fromSeconds: 160, toSeconds: figure2.duration_s, low: 80, high: 80},
  ],
};
