// The classifiers of Bonfiglio et al. 2007 against expectations that do not come from the code:
// statistics of hand-built payloads worked out by arithmetic, the paper's closed forms (§4.1,
// eq. 4–6) on generated flows, its thresholds and example (§4.2), read from paper-tables.json.
import {beforeAll, describe, expect, it} from 'vitest';
import paperTables from '../data/paper-tables.json';
import {
  CHI_SQUARE_BITS,
  CHI_SQUARE_GROUPS,
  NAIVE_BAYES_WINDOW,
  PAPER_BELIEF_THRESHOLD,
  PAPER_CHI_SQUARE_THRESHOLDS,
  chiSquareClassify,
  chiSquareGroups,
  chiSquareRuleStatistics,
  classifyFlow,
  confusion,
  decide,
  deterministicGroupChiSquare,
  detectionRatesByKind,
  naiveBayesBelief,
  naiveBayesClassify,
  oneFixedBitGroupChiSquare,
  type FlowVerdicts,
} from './detection';
import {SKYPE_WORKING_POINTS, expectedMessageSize, generateFlow, generateTraffic, type TrafficFlow, type TrafficKind} from './traffic';

const paper = paperTables.bonfiglio_2007;
const payloadsOf = (flow: TrafficFlow) => flow.messages.map((message) => message.payload);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
/** n messages of 8 bytes, message k made by `byteAt(k, j)`. */
const messages = (count: number, byteAt: (message: number, byteIndex: number) => number) =>
  Array.from({length: count}, (_, message) => Uint8Array.from({length: 8}, (__, byteIndex) => byteAt(message, byteIndex)));

describe('the classifiers use the paper\'s constants (paper-tables.json)', () => {
  it('16 groups of 4 bits, thresholds 150, windows of 30, B_min = −5', () => {
    expect(CHI_SQUARE_GROUPS).toBe(paper.chi_square_classifier.G);
    expect(CHI_SQUARE_BITS).toBe(paper.chi_square_classifier.b_bits);
    expect(PAPER_CHI_SQUARE_THRESHOLDS).toEqual({
      deterministic: paper.chi_square_classifier.thresholds.chi2_Det,
      random: paper.chi_square_classifier.thresholds.chi2_Rnd,
      mixed: paper.chi_square_classifier.thresholds.chi2_Mixed,
    });
    expect(NAIVE_BAYES_WINDOW).toBe(paper.naive_bayes_classifier.window_w_packets);
    expect(PAPER_BELIEF_THRESHOLD).toBe(paper.naive_bayes_classifier.B_min);
  });
});

describe('chiSquareGroups on hand-built payloads (§4.1, eq. 1–2)', () => {
  it('all-equal bytes: every group is deterministic, 15·n', () => {
    // One count is n, fifteen are 0, E = n/16: (15n/16)²/(n/16) + 15·(n/16) = 15n.
    expect(chiSquareGroups(messages(100, () => 0x5a))).toEqual(new Array(16).fill(1500));
    expect(chiSquareGroups(messages(37, () => 0xff))).toEqual(new Array(16).fill(555));
  });

  it('top bit fixed, three bits spread evenly over the 8 possible values: n + 2·0', () => {
    // Byte 1's high nibble is 8 + (k mod 8): 20 of each of the values 8..15 for n = 160.
    const groups = chiSquareGroups(messages(160, (message, byteIndex) => (byteIndex === 0 ? ((8 + (message % 8)) << 4) | 0x3 : 0)));
    expect(groups[0]).toBeCloseTo(160, 9);
  });

  it('top bit fixed, three bits with designed counts: n + 2·χ²(7 values) exactly', () => {
    // Counts 30, 10 and six 20s over the values 8..15 (n = 160). Among the 8 values E = 20, so
    // χ²_7 = (10² + 10²)/20 = 10 and the group gives 160 + 2·10 = 180. Directly, with E = 10 over 16 values:
    // (20² + 0² + 6·10² + 8·10²)/10 = 180.
    const highNibbles = [...new Array(30).fill(8), ...new Array(10).fill(9), ...[10, 11, 12, 13, 14, 15].flatMap((value) => new Array(20).fill(value))];
    const groups = chiSquareGroups(messages(160, (message, byteIndex) => (byteIndex === 0 ? highNibbles[message] << 4 : message % 256)));
    expect(groups[0]).toBeCloseTo(180, 9);
  });

  it('the bytes 0, 1, …, 255 repeated, cut into 8-byte messages: high nibbles uniform (0), low nibbles two values (1792)', () => {
    // 256 messages; byte j of message k is (8k + j) mod 256, which runs over j, j + 8, …, j + 248, each 8 times.
    // High nibble: each of the 16 values twice × 8 = 16 times = E, so χ² = 0. Low nibble: j and j + 8,
    // 128 times each: (16/256)·(128² + 128²) − 256 = 1792.
    const groups = chiSquareGroups(messages(256, (message, byteIndex) => (8 * message + byteIndex) % 256));
    groups.forEach((value, group) => expect(value).toBeCloseTo(group % 2 === 0 ? 0 : 1792, 9));
  });

  it('a message shorter than 8 bytes counts only in the groups it reaches; no message gives 0', () => {
    const groups = chiSquareGroups([...messages(32, () => 0x11), new Uint8Array([0x11, 0x11])]);
    expect(groups.slice(0, 4)).toEqual(new Array(4).fill(15 * 33));
    expect(groups.slice(4)).toEqual(new Array(12).fill(15 * 32));
    expect(chiSquareGroups([])).toEqual(new Array(16).fill(0));
  });

  it('rejects what is not a list of byte arrays', () => {
    expect(() => chiSquareGroups('abc' as never)).toThrow(RangeError);
    expect(() => chiSquareGroups([[1, 2, 3]] as never)).toThrow(/Uint8Array/);
  });
});

describe('chiSquareClassify: the three rules of §4.1', () => {
  const random = new Array<number>(16).fill(15);
  it('E2E/UDP: groups 5–6 above χ²(Mixed), the others below χ²(Rnd)', () => {
    const groups = random.map((value, index) => (index === 4 ? 314 : index === 5 ? 4500 : value));
    expect(chiSquareClassify(groups, 'udp').verdict).toBe('skype-e2e-udp');
    expect(chiSquareClassify(groups.map((value, index) => (index === 4 ? 149 : value)), 'udp').verdict).toBe('not-skype');
    expect(chiSquareClassify(groups.map((value, index) => (index === 12 ? 151 : value)), 'udp').verdict).toBe('not-skype');
  });
  it('E2O/UDP: groups 1–8 above χ²(Det), groups 9–16 below χ²(Rnd)', () => {
    const groups = random.map((value, index) => (index < 8 ? 4500 : value));
    expect(chiSquareClassify(groups, 'udp').verdict).toBe('skypeout-udp');
    expect(chiSquareClassify(groups, 'udp', {deterministic: 5000, random: 150, mixed: 150}).verdict).toBe('not-skype');
  });
  it('TCP: every group below χ²(Rnd); UDP rules do not apply to TCP', () => {
    expect(chiSquareClassify(random, 'tcp').verdict).toBe('skype-tcp');
    expect(chiSquareClassify(random, 'udp').verdict).toBe('not-skype');
    expect(chiSquareClassify(random.map((value, index) => (index === 0 ? 200 : value)), 'tcp').verdict).toBe('not-skype');
  });
  it('rejects a wrong number of groups and an unknown transport', () => {
    expect(() => chiSquareClassify([1, 2, 3], 'udp')).toThrow(RangeError);
    expect(() => chiSquareClassify(random, 'sctp' as never)).toThrow(/transport/);
  });
});

describe('the closed forms on generated flows (§4.1, eq. 4–6)', () => {
  const n = 300;
  let endToEnd: number[][];
  let skypeOut: number[][];
  let randomUdp: number[][];
  beforeAll(() => {
    endToEnd = generateTraffic({seed: 41, flowsPerKind: 200, messageCount: n, kinds: ['skype-e2e-udp']}).map((flow) => chiSquareGroups(payloadsOf(flow)));
    skypeOut = generateTraffic({seed: 41, flowsPerKind: 50, messageCount: n, kinds: ['skypeout-udp']}).map((flow) => chiSquareGroups(payloadsOf(flow)));
    randomUdp = generateTraffic({seed: 41, flowsPerKind: 50, messageCount: n, kinds: ['random-udp']}).map((flow) => chiSquareGroups(payloadsOf(flow)));
  });

  it('E2E group 6 (Fun = 0xd in the low nibble of byte 3) is exactly 15·n', () => {
    for (const groups of endToEnd) expect(groups[5]).toBeCloseTo(15 * n, 6);
    expect(deterministicGroupChiSquare(n)).toBe(15 * n);
  });

  it('E2E group 5 (bit 7 fixed, bits 4–6 random) averages n + 14 within ±10 %, and (χ² − n)/2 averages 7, the mean of χ²(7), within ±1', () => {
    const groupFive = endToEnd.map((groups) => groups[4]);
    expect(Math.abs(mean(groupFive) - (n + 14)) / (n + 14)).toBeLessThan(0.1);
    expect(Math.abs(mean(groupFive.map((value) => (value - n) / 2)) - 7)).toBeLessThan(1);
    // A one-fixed-bit group can never fall below n: 2·χ²(7) ≥ 0.
    for (const value of groupFive) expect(value).toBeGreaterThanOrEqual(n - 1e-9);
    expect(oneFixedBitGroupChiSquare(n)).toBe(n + 14);
  });

  it('SkypeOut groups 1–8 (the connection id) are exactly 15·n', () => {
    for (const groups of skypeOut) for (const value of groups.slice(0, 8)) expect(value).toBeCloseTo(15 * n, 6);
  });

  it('random groups average 15, the mean of χ²(15), within ±1 (E2E groups other than 5–6, SkypeOut 9–16, random UDP all)', () => {
    const randomGroups = [
      ...endToEnd.flatMap((groups) => groups.filter((_, index) => index !== 4 && index !== 5)),
      ...skypeOut.flatMap((groups) => groups.slice(8)),
      ...randomUdp.flat(),
    ];
    expect(Math.abs(mean(randomGroups) - 15)).toBeLessThan(1);
    // χ²(15) exceeds 60 with probability about 2·10⁻⁷: none of these ~5,000 groups comes near 150.
    expect(Math.max(...randomGroups)).toBeLessThan(60);
  });
});

describe('at the paper\'s thresholds (150 / −5), flows of 300 messages', () => {
  let rates: ReturnType<typeof detectionRatesByKind>;
  let verdicts: FlowVerdicts[];
  beforeAll(() => {
    verdicts = generateTraffic({seed: 2007, flowsPerKind: 200, messageCount: 300}).map((flow) => classifyFlow(flow));
    rates = detectionRatesByKind(verdicts);
  });
  const rate = (kind: TrafficKind) => rates[kind]!;

  it('accept at least 99 % of Skype voice flows, end to end and SkypeOut, with each classifier alone and both together', () => {
    for (const kind of ['skype-e2e-udp', 'skypeout-udp'] as const) {
      expect(rate(kind).flows).toBe(200);
      expect(rate(kind).chiSquare).toBeGreaterThanOrEqual(0.99);
      expect(rate(kind).bayes).toBeGreaterThanOrEqual(0.99);
      expect(rate(kind).both).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('classify Skype flows as the right kind', () => {
    for (const flow of verdicts.filter((candidate) => candidate.kind === 'skype-e2e-udp')) expect(flow.chiSquare).toBe('skype-e2e-udp');
    for (const flow of verdicts.filter((candidate) => candidate.kind === 'skypeout-udp')) expect(flow.chiSquare).toBe('skypeout-udp');
    expect(rate('skype-tcp').both).toBeGreaterThanOrEqual(0.99);
  });

  it('reject at least 99 % of RTP and random-payload flows with both together; the chi-square test alone already does', () => {
    for (const kind of ['rtp', 'random-udp'] as const) {
      expect(1 - rate(kind).both).toBeGreaterThanOrEqual(0.99);
      expect(1 - rate(kind).chiSquare).toBeGreaterThanOrEqual(0.99);
    }
    expect(1 - rate('random-udp').bayes).toBeGreaterThanOrEqual(0.99);
  });

  it('naive Bayes alone takes RTP voice for Skype, as at the ISP (Table 4): it behaves like voice but does not look random', () => {
    expect(rate('rtp').bayes).toBeGreaterThan(0.9);
    expect(rate('rtp').chiSquare).toBe(0);
  });

  it('reject DNS and HTTP-like flows', () => {
    for (const kind of ['dns', 'http-like'] as const) expect(rate(kind).both).toBe(0);
  });

  it('confusion counts each flow once and gives the paper\'s rates: FP / non-Skype flows, FN / Skype flows', () => {
    const both = confusion(verdicts, 'both');
    expect(both.truePositive + both.falseNegative).toBe(600);
    expect(both.falsePositive + both.trueNegative).toBe(800);
    expect(both.falsePositiveRate).toBeLessThanOrEqual(0.01);
    expect(both.falseNegativeRate).toBeLessThanOrEqual(0.01);
    const bayes = confusion(verdicts, 'bayes');
    expect(bayes.falsePositiveRate).toBeCloseTo(bayes.falsePositive / 800, 12);
    expect(bayes.falsePositive).toBeGreaterThanOrEqual(180); // the RTP flows
  });
});

describe('short flows and the "mixed" test (papers.md §2.3, derived check)', () => {
  const failures = (messageCount: number) =>
    generateTraffic({seed: 77, flowsPerKind: 200, messageCount, kinds: ['skype-e2e-udp']})
      .map((flow) => chiSquareRuleStatistics(chiSquareGroups(payloadsOf(flow))))
      .filter((statistics) => statistics.endToEndFunMinimum <= PAPER_CHI_SQUARE_THRESHOLDS.mixed);

  it('a 100-message E2E flow usually fails it: group 5 is about 100 + 14 < 150', () => {
    // Passing needs 2·χ²(7) > 50, which happens with probability under 0.1 %.
    expect(failures(100).length).toBeGreaterThanOrEqual(180);
  });

  it('a 300-message E2E flow never does: group 5 is at least 300', () => {
    expect(failures(300).length).toBe(0);
  });

  it('raising χ²(Mixed) to 400, above 300 + 14, makes 300-message E2E flows fail (§5.2: large thresholds misclassify mixed groups)', () => {
    const flows = generateTraffic({seed: 77, flowsPerKind: 50, messageCount: 300, kinds: ['skype-e2e-udp']}).map((flow) => classifyFlow(flow));
    const raised = flows.map((flow) => decide(flow, 'udp', {chiSquare: {deterministic: 150, random: 150, mixed: 400}, belief: -5}));
    expect(confusion(raised, 'chiSquare').falseNegativeRate).toBeGreaterThan(0.9);
  });
});

describe('naiveBayesBelief (§4.2, eq. 9–15)', () => {
  const g729At30 = SKYPE_WORKING_POINTS.find((point) => point.codec === 'G.729' && point.framingMs === 30 && point.redundancy === 1)!;

  it('a G.729 flow at RF = 1, ΔT = 30 ms has its best working point at μ = 42 B (the paper\'s example)', () => {
    for (const kind of ['skypeout-udp', 'skype-e2e-udp', 'skype-tcp'] as const) {
      const result = naiveBayesBelief(generateFlow({kind, messageCount: 300, seed: 3, workingPoint: g729At30}));
      expect(result.bestCodec).toBe('G.729');
      expect(expectedMessageSize(result.bestPoint)).toBe(42);
      expect(result.bestPoint).toMatchObject({framingMs: 30, redundancy: 1});
      expect(naiveBayesClassify(result)).toBe(true);
    }
  });

  it('a flow of 42-byte messages exactly 30 ms apart: size belief −ln √(2π), gap belief −ln √(2π) − ½ (τ = 29·30/30 = 29 ms)', () => {
    const flow: TrafficFlow = {
      id: 'by-hand',
      kind: 'skypeout-udp',
      transport: 'udp',
      isSkype: true,
      isSkypeVoice: true,
      workingPoint: null,
      messages: Array.from({length: 90}, (_, index) => ({timeMs: 30 * index, payload: new Uint8Array(42)})),
    };
    const result = naiveBayesBelief(flow);
    const logPeak = -Math.log(Math.sqrt(2 * Math.PI)); // −0.9189
    expect(result.windows).toBe(3);
    expect(result.sizeBelief).toBeCloseTo(logPeak, 9);
    expect(result.gapBelief).toBeCloseTo(logPeak - 0.5, 9);
    expect(result.belief).toBeCloseTo(logPeak - 0.5, 9);
  });

  it('a flow shorter than one window has no belief (−Infinity)', () => {
    expect(naiveBayesBelief(generateFlow({kind: 'skypeout-udp', messageCount: 29, seed: 1})).belief).toBe(-Infinity);
  });

  it('naiveBayesClassify: Skype voice when B > B_min', () => {
    const result = naiveBayesBelief(generateFlow({kind: 'skypeout-udp', messageCount: 60, seed: 1}));
    expect(naiveBayesClassify({...result, belief: -4.9})).toBe(true);
    expect(naiveBayesClassify({...result, belief: -5})).toBe(false);
    expect(naiveBayesClassify({...result, belief: -2}, -1)).toBe(false);
  });
});

describe('classifyFlow and decide', () => {
  it('decide uses the statistics it is given and recomputes nothing', () => {
    const made: FlowVerdicts = {
      flowId: 'made-up',
      kind: 'skypeout-udp',
      isSkype: true,
      chiSquare: 'not-skype',
      bayes: false,
      both: false,
      groups: [...new Array(8).fill(1000), ...new Array(8).fill(10)],
      belief: -2,
    };
    const decided = decide(made, 'udp', {chiSquare: PAPER_CHI_SQUARE_THRESHOLDS, belief: -5});
    expect(decided).toMatchObject({chiSquare: 'skypeout-udp', bayes: true, both: true});
    expect(decided.groups).toBe(made.groups);
    expect(made.chiSquare).toBe('not-skype');
    expect(decide(made, 'udp', {chiSquare: {deterministic: 1200, random: 150, mixed: 150}, belief: -1})).toMatchObject({chiSquare: 'not-skype', bayes: false, both: false});
  });

  it('deciding again with new thresholds gives what classifying with them gives', () => {
    const thresholds = {chiSquare: {deterministic: 120, random: 40, mixed: 200}, belief: -3};
    for (const flow of generateTraffic({seed: 5, flowsPerKind: 5, messageCount: 150})) {
      expect(decide(classifyFlow(flow), flow.transport, thresholds)).toEqual(classifyFlow(flow, thresholds));
    }
  });

  it('is deterministic', () => {
    const flows = generateTraffic({seed: 5, flowsPerKind: 3, messageCount: 120});
    expect(flows.map((flow) => classifyFlow(flow))).toEqual(flows.map((flow) => classifyFlow(flow)));
  });
});

describe('confusion on hand-made verdicts', () => {
  const verdict = (isSkype: boolean, chiSquare: boolean, bayes: boolean): FlowVerdicts => ({
    flowId: 'x',
    kind: isSkype ? 'skype-e2e-udp' : 'rtp',
    isSkype,
    chiSquare: chiSquare ? 'skype-e2e-udp' : 'not-skype',
    bayes,
    both: chiSquare && bayes,
    groups: new Array(16).fill(0),
    belief: 0,
  });
  const set = [verdict(true, true, true), verdict(true, true, false), verdict(true, false, false), verdict(false, true, true), verdict(false, false, true), verdict(false, false, false), verdict(false, false, false), verdict(false, false, false)];

  it('counts and rates for each classifier', () => {
    // 3 Skype, 5 not. chiSquare: TP 2, FN 1, FP 1, TN 4. bayes: TP 1, FN 2, FP 2, TN 3. both: TP 1, FN 2, FP 1, TN 4.
    expect(confusion(set, 'chiSquare')).toEqual({truePositive: 2, falsePositive: 1, trueNegative: 4, falseNegative: 1, falsePositiveRate: 1 / 5, falseNegativeRate: 1 / 3});
    expect(confusion(set, 'bayes')).toEqual({truePositive: 1, falsePositive: 2, trueNegative: 3, falseNegative: 2, falsePositiveRate: 2 / 5, falseNegativeRate: 2 / 3});
    expect(confusion(set, 'both')).toEqual({truePositive: 1, falsePositive: 1, trueNegative: 4, falseNegative: 2, falsePositiveRate: 1 / 5, falseNegativeRate: 2 / 3});
  });

  it('gives rates of 0 when a class is empty', () => {
    expect(confusion([], 'both')).toEqual({truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0, falsePositiveRate: 0, falseNegativeRate: 0});
  });
});
