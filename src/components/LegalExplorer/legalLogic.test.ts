import {describe, expect, it} from 'vitest';
import {LEGAL_INSTRUMENTS, LEGAL_SCENARIOS, type InstrumentId, type ScenarioId} from '@site/src/data/legalRules';
import {WALK_STOPS, instrumentVerdict, readScenario, readStep, routeStatus, stopName, verdictOfRoutes} from './legalLogic';

const scenario = (id: ScenarioId) => LEGAL_SCENARIOS.find((candidate) => candidate.id === id)!;
const instrument = (id: InstrumentId) => LEGAL_INSTRUMENTS.find((candidate) => candidate.id === id)!;

describe('routeStatus', () => {
  it('is not met as soon as one condition is not met', () => expect(routeStatus(['met', 'open', 'not-met'])).toBe('not-met'));
  it('is open while a condition is open and none fails', () => expect(routeStatus(['met', 'open', 'not-applicable'])).toBe('open'));
  it('is met when every condition that applies is met', () => expect(routeStatus(['met', 'not-applicable'])).toBe('met'));
  it('does not apply when no condition applies', () => expect(routeStatus(['not-applicable', 'not-applicable'])).toBe('not-applicable'));
});

describe('verdictOfRoutes', () => {
  it('allows when one route is met, whatever the others', () => expect(verdictOfRoutes(['not-met', 'met'])).toBe('allowed'));
  it('stays open while a route is open', () => expect(verdictOfRoutes(['not-met', 'open'])).toBe('open'));
  it('does not allow when every applicable route fails', () => expect(verdictOfRoutes(['not-met', 'not-applicable'])).toBe('not-allowed'));
  it('does not apply when no route applies', () => expect(verdictOfRoutes(['not-applicable'])).toBe('not-applicable'));
});

describe('instrumentVerdict on the chapter’s cases', () => {
  it('publishing the key engine is not allowed in France (Caen appeal, 2015) nor covered by the fair-use rulings', () => {
    expect(instrumentVerdict(scenario('publish-key-engine'), instrument('france'))).toBe('not-allowed');
    expect(instrumentVerdict(scenario('publish-key-engine'), instrument('sega-1992'))).toBe('not-allowed');
    expect(instrumentVerdict(scenario('publish-key-engine'), instrument('skype-licence'))).toBe('not-allowed');
  });
  it('writing a client leaves the licence open: the EU may void the clause', () => {
    expect(instrumentVerdict(scenario('write-client'), instrument('skype-licence'))).toBe('open');
  });
  it('statistical detection circumvents nothing, so §1201(f) does not apply to it', () => {
    expect(instrumentVerdict(scenario('detect-traffic'), instrument('dmca-1201f'))).toBe('not-applicable');
  });
  it('a security study is not an interoperability purpose under §1201(f)', () => {
    expect(instrumentVerdict(scenario('security-study'), instrument('dmca-1201f'))).toBe('not-allowed');
  });
});

describe('the walk and the address', () => {
  it('stops at every condition of every instrument once, in the instruments’ order', () => {
    const expected = LEGAL_INSTRUMENTS.flatMap((candidate) => candidate.conditions.map((condition) => `${candidate.id}/${condition.id}`));
    expect(WALK_STOPS.map(stopName)).toEqual(expected);
    expect(WALK_STOPS.filter((stop) => stop.closesInstrument).map((stop) => stop.instrument.id)).toEqual(LEGAL_INSTRUMENTS.map((candidate) => candidate.id));
  });
  it('reads a step, clamps it to the walk, and falls back to 0', () => {
    expect(readStep('3')).toBe(3);
    expect(readStep(' 12 ')).toBe(12);
    expect(readStep('999999')).toBe(WALK_STOPS.length - 1);
    expect(readStep('-1')).toBe(0);
    expect(readStep('two')).toBe(0);
  });
  it('reads a scenario, or falls back to writing a client', () => {
    expect(readScenario('detect-traffic').id).toBe('detect-traffic');
    expect(readScenario('steal-everything').id).toBe('write-client');
  });
});
