/**
 * The chi-square classifier of Bonfiglio et al. 2007 ("Nyx", §4.1; public API in detection.ts):
 * Pearson's statistic of 16 groups of 4 bits taken from the first 8 bytes of every message of a
 * flow, and the paper's three rules that turn the 16 statistics into a verdict.
 */

/** G, the number of groups (§4.1). */
export const CHI_SQUARE_GROUPS = 16;
/** b, the bits per group (§4.1): a group takes 2^b = 16 values. */
export const CHI_SQUARE_BITS = 4;
/** The bytes of each message the test reads: G·b bits. */
export const CHI_SQUARE_BYTES = (CHI_SQUARE_GROUPS * CHI_SQUARE_BITS) / 8;
const GROUP_VALUES = 2 ** CHI_SQUARE_BITS;
/** The paper uses flows of at least 100 messages (§4.1): E_i = n/16 ≥ 5 needs 80, and 100 is about 3 s of voice. */
export const CHI_SQUARE_MIN_MESSAGES = 100;

/** χ²(Det), χ²(Rnd) and χ²(Mixed), the three thresholds of the rules (§4.1). */
export interface ChiSquareThresholds {
  /** A group counts as deterministic above this. */
  deterministic: number;
  /** A group counts as random below this. */
  random: number;
  /** A group counts as mixed (not random) above this. */
  mixed: number;
}

/** The paper's thresholds: 150 each (§4.1; §5.2 finds 100–200 a good range). */
export const PAPER_CHI_SQUARE_THRESHOLDS: ChiSquareThresholds = Object.freeze({deterministic: 150, random: 150, mixed: 150});

/**
 * The 16 chi-square statistics of a flow (§4.1, eq. 1–2). Group g (1 to 16) is bits 4(g−1) to
 * 4g−1 of the first 8 bytes, high nibble first: group 1 is the high nibble of byte 1, group 2 its
 * low nibble, groups 5–6 are byte 3. For each group the counts O_i of its 16 values give
 * χ²_g = Σ_i (O_i − E)²/E with E = n/16.
 *
 * A message shorter than 8 bytes counts only in the groups it reaches, so n may differ between
 * groups (our choice: the paper's flows always had 8 bytes). A group no message reaches gives 0.
 *
 * @param payloads the UDP payloads or TCP messages of the flow, in any order
 * @returns χ²_1 … χ²_16
 * @example chiSquareGroups(Array.from({length: 100}, () => new Uint8Array(8)))[0] // 1500 = 15·n: every group is deterministic
 */
export function chiSquareGroups(payloads: readonly Uint8Array[]): number[] {
  if (!Array.isArray(payloads)) throw new RangeError('chiSquareGroups: expected an array of payloads (Uint8Array)');
  // counts[group · 16 + value], in one typed array: no allocation per message.
  const counts = new Uint32Array(CHI_SQUARE_GROUPS * GROUP_VALUES);
  const messagesReaching = new Uint32Array(CHI_SQUARE_BYTES);
  for (const payload of payloads) {
    if (!(payload instanceof Uint8Array)) throw new RangeError('chiSquareGroups: every payload must be a Uint8Array');
    const length = Math.min(payload.length, CHI_SQUARE_BYTES);
    for (let byteIndex = 0; byteIndex < length; byteIndex++) {
      const byte = payload[byteIndex];
      counts[2 * byteIndex * GROUP_VALUES + (byte >> 4)]++;
      counts[(2 * byteIndex + 1) * GROUP_VALUES + (byte & 0x0f)]++;
      messagesReaching[byteIndex]++;
    }
  }
  const statistics: number[] = [];
  for (let group = 0; group < CHI_SQUARE_GROUPS; group++) {
    const messages = messagesReaching[group >> 1];
    if (messages === 0) {
      statistics.push(0);
      continue;
    }
    const expected = messages / GROUP_VALUES;
    let sum = 0;
    for (let value = 0; value < GROUP_VALUES; value++) {
      const difference = counts[group * GROUP_VALUES + value] - expected;
      sum += (difference * difference) / expected;
    }
    statistics.push(sum);
  }
  return statistics;
}

/** What the chi-square test says a flow is. */
export type ChiSquareVerdict = 'skype-e2e-udp' | 'skypeout-udp' | 'skype-tcp' | 'not-skype';

/** The extremes the three rules compare with the thresholds (groups numbered 1 to 16 as in the paper). */
export interface ChiSquareRuleStatistics {
  /** E2E/UDP: the largest χ² of the groups other than 5 and 6 (must be below χ²(Rnd)). */
  endToEndOtherMaximum: number;
  /** E2E/UDP: the smaller χ² of groups 5 and 6, the Fun byte (must be above χ²(Mixed)). */
  endToEndFunMinimum: number;
  /** E2O/UDP: the smallest χ² of groups 1–8, the connection id (must be above χ²(Det)). */
  skypeOutIdMinimum: number;
  /** E2O/UDP: the largest χ² of groups 9–16 (must be below χ²(Rnd)). */
  skypeOutBodyMaximum: number;
  /** TCP: the largest χ² of all 16 groups (must be below χ²(Rnd)). */
  tcpMaximum: number;
}

const extreme = (groups: readonly number[], pick: (a: number, b: number) => number, from: number, to: number, skip: readonly number[] = []): number => {
  let result = Number.NaN;
  for (let group = from; group <= to; group++) {
    if (skip.includes(group)) continue;
    const value = groups[group - 1];
    result = Number.isNaN(result) ? value : pick(result, value);
  }
  return result;
};

/**
 * The five extremes the rules of §4.1 look at, for a widget that shows how far each is from its threshold.
 *
 * @throws RangeError unless `groups` holds 16 numbers
 */
export function chiSquareRuleStatistics(groups: readonly number[]): ChiSquareRuleStatistics {
  if (!Array.isArray(groups) || groups.length !== CHI_SQUARE_GROUPS || !groups.every((value) => typeof value === 'number' && !Number.isNaN(value))) {
    throw new RangeError(`expected the ${CHI_SQUARE_GROUPS} statistics of chiSquareGroups, as numbers; got ${Array.isArray(groups) ? `${groups.length} values` : typeof groups}`);
  }
  return {
    endToEndOtherMaximum: extreme(groups, Math.max, 1, 16, [5, 6]),
    endToEndFunMinimum: extreme(groups, Math.min, 5, 6),
    skypeOutIdMinimum: extreme(groups, Math.min, 1, 8),
    skypeOutBodyMaximum: extreme(groups, Math.max, 9, 16),
    tcpMaximum: extreme(groups, Math.max, 1, 16),
  };
}

const rounded = (value: number) => value.toFixed(0);

/**
 * The paper's decision rules (§4.1), tried in this order:
 * E2E over UDP, max_{g∉{5,6}} χ²_g < χ²(Rnd) and min_{g∈{5,6}} χ²_g > χ²(Mixed);
 * E2O over UDP, min_{g=1..8} χ²_g > χ²(Det) and max_{g=9..16} χ²_g < χ²(Rnd);
 * TCP, max_g χ²_g < χ²(Rnd); anything else is not Skype.
 *
 * @param groups the 16 statistics of {@link chiSquareGroups}
 * @param transport the flow's transport: UDP flows are tried against the E2E and E2O rules, TCP flows against the TCP rule
 * @param thresholds default the paper's 150, 150, 150
 * @returns the verdict, and in English the numbers that decided it
 * @throws RangeError unless `groups` holds 16 numbers and `transport` is 'udp' or 'tcp'
 * @example chiSquareClassify(chiSquareGroups(flow.messages.map((message) => message.payload)), 'udp').verdict // 'skype-e2e-udp'
 */
export function chiSquareClassify(
  groups: readonly number[],
  transport: 'udp' | 'tcp',
  thresholds: ChiSquareThresholds = PAPER_CHI_SQUARE_THRESHOLDS,
): {verdict: ChiSquareVerdict; reason: string} {
  const statistics = chiSquareRuleStatistics(groups);
  const {deterministic, random, mixed} = thresholds;
  if (transport === 'tcp') {
    return statistics.tcpMaximum < random
      ? {verdict: 'skype-tcp', reason: `TCP rule: every group is below ${random} (largest ${rounded(statistics.tcpMaximum)}), so every byte looks random`}
      : {verdict: 'not-skype', reason: `TCP rule fails: a group reaches ${rounded(statistics.tcpMaximum)}, not below ${random}`};
  }
  if (transport !== 'udp') throw new RangeError(`chiSquareClassify: transport must be 'udp' or 'tcp'; got ${JSON.stringify(transport)}`);
  if (statistics.endToEndOtherMaximum < random && statistics.endToEndFunMinimum > mixed) {
    return {
      verdict: 'skype-e2e-udp',
      reason: `E2E rule: groups 5–6 are at least ${rounded(statistics.endToEndFunMinimum)} > ${mixed}, and the other groups at most ${rounded(statistics.endToEndOtherMaximum)} < ${random}`,
    };
  }
  if (statistics.skypeOutIdMinimum > deterministic && statistics.skypeOutBodyMaximum < random) {
    return {
      verdict: 'skypeout-udp',
      reason: `E2O rule: groups 1–8 are at least ${rounded(statistics.skypeOutIdMinimum)} > ${deterministic}, and groups 9–16 at most ${rounded(statistics.skypeOutBodyMaximum)} < ${random}`,
    };
  }
  return {
    verdict: 'not-skype',
    reason:
      `neither UDP rule holds: E2E needs groups 5–6 > ${mixed} (smaller ${rounded(statistics.endToEndFunMinimum)}) and the others < ${random} (largest ${rounded(statistics.endToEndOtherMaximum)}); ` +
      `E2O needs groups 1–8 > ${deterministic} (smallest ${rounded(statistics.skypeOutIdMinimum)}) and groups 9–16 < ${random} (largest ${rounded(statistics.skypeOutBodyMaximum)})`,
  };
}

/**
 * χ² of a fully deterministic group: n·(2^b − 1) = 15·n (§4.1, eq. 4).
 *
 * @example deterministicGroupChiSquare(100) // 1500
 */
export function deterministicGroupChiSquare(messageCount: number): number {
  return messageCount * (GROUP_VALUES - 1);
}

/**
 * The expected χ² of a group with one fixed bit and three random ones: the paper's 2·χ²(7) + n
 * (§4.1, eq. 5–6), whose mean is n + 2·7 since a χ² variable with 7 degrees of freedom has mean 7.
 *
 * @example oneFixedBitGroupChiSquare(100) // 114: below the threshold of 150
 */
export function oneFixedBitGroupChiSquare(messageCount: number): number {
  const freeValues = GROUP_VALUES / 2;
  return messageCount + 2 * (freeValues - 1);
}

/** The expected χ² of a uniformly random group: the mean of χ² with 2^b − 1 = 15 degrees of freedom. */
export const RANDOM_GROUP_CHI_SQUARE_MEAN = GROUP_VALUES - 1;
