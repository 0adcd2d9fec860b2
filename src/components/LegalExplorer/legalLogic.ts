/**
 * The legal explorer's reading of src/data/legalRules.ts: how the statuses of an instrument's
 * conditions add up to a verdict, the order of the walk through the conditions, and the inputs in
 * the page address (`?legal.scenario=publish-key-engine&legal.step=3`). Pure functions, unit-tested.
 */
import {
  LEGAL_INSTRUMENTS,
  LEGAL_SCENARIOS,
  SCENARIO_IDS,
  type ConditionAssessment,
  type ConditionStatus,
  type InstrumentId,
  type LegalCondition,
  type LegalInstrument,
  type LegalScenario,
  type ScenarioId,
} from '@site/src/data/legalRules';

/** Prefix of the widget's inputs in the page address. */
export const LEGAL_URL_PREFIX = 'legal';

export type LegalInputName = 'scenario' | 'step';

/** What the widget shows first: writing a compatible client, at the first condition. */
export const LEGAL_DEFAULT_INPUTS: Record<LegalInputName, string> = {scenario: 'write-client', step: '0'};

/**
 * What an instrument says about a scenario: 'allowed' when one of its routes has every condition
 * met (or not applicable); 'not-allowed' when every route that applies has a condition not met;
 * 'not-applicable' when none of its conditions applies to the act; 'open' otherwise.
 */
export type InstrumentVerdict = 'allowed' | 'not-allowed' | 'open' | 'not-applicable';

/** The status of one route from its conditions' statuses. */
export function routeStatus(statuses: readonly ConditionStatus[]): ConditionStatus {
  if (statuses.every((status) => status === 'not-applicable')) return 'not-applicable';
  if (statuses.includes('not-met')) return 'not-met';
  if (statuses.includes('open')) return 'open';
  return 'met';
}

/** An instrument's verdict from its routes' statuses (routes are alternatives: one is enough). */
export function verdictOfRoutes(routes: readonly ConditionStatus[]): InstrumentVerdict {
  if (routes.includes('met')) return 'allowed';
  if (routes.includes('open')) return 'open';
  if (routes.includes('not-met')) return 'not-allowed';
  return 'not-applicable';
}

/** How one condition stands in a scenario. */
export function assessmentOf(scenario: LegalScenario, instrumentId: InstrumentId, conditionId: string): ConditionAssessment {
  return scenario.assessments[instrumentId][conditionId];
}

/** Each route of the instrument with its status in the scenario, in the instrument's order. */
export function routeStatuses(scenario: LegalScenario, instrument: LegalInstrument): {routeId: string; status: ConditionStatus}[] {
  return instrument.routes.map((route) => ({
    routeId: route.id,
    status: routeStatus(instrument.conditions.filter((condition) => condition.route === route.id).map((condition) => assessmentOf(scenario, instrument.id, condition.id).status)),
  }));
}

/** The instrument's verdict on the scenario. */
export function instrumentVerdict(scenario: LegalScenario, instrument: LegalInstrument): InstrumentVerdict {
  return verdictOfRoutes(routeStatuses(scenario, instrument).map((route) => route.status));
}

/** One stop of the walk: a condition of an instrument. */
export interface WalkStop {
  instrument: LegalInstrument;
  condition: LegalCondition;
  /** This is the instrument's last condition: the walk shows its verdict here. */
  closesInstrument: boolean;
}

/** Every condition of every instrument, in the order the instruments are shown. */
export const WALK_STOPS: readonly WalkStop[] = LEGAL_INSTRUMENTS.flatMap((instrument) =>
  instrument.conditions.map((condition, index) => ({instrument, condition, closesInstrument: index === instrument.conditions.length - 1})),
);

/** The canonical name of a stop, for tests: '<instrument>/<condition>'. */
export const stopName = (stop: WalkStop): string => `${stop.instrument.id}/${stop.condition.id}`;

/** The scenario named in the address, or the first one. */
export function readScenario(text: string): LegalScenario {
  const id = (SCENARIO_IDS as readonly string[]).includes(text.trim()) ? (text.trim() as ScenarioId) : SCENARIO_IDS[0];
  return LEGAL_SCENARIOS.find((scenario) => scenario.id === id)!;
}

/**
 * The step in the address, clamped to the walk: a whole number in decimal, or 0.
 * @example readStep('3') // 3
 */
export function readStep(text: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return 0;
  return Math.min(Number(trimmed), WALK_STOPS.length - 1);
}

/** The symbol shown beside each status, so that colour is never the only signal. */
export const STATUS_SYMBOLS: Readonly<Record<ConditionStatus, string>> = {met: '✓', 'not-met': '✗', open: '?', 'not-applicable': '—'};
