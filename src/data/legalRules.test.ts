import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {CONDITION_STATUSES, LEGAL_INSTRUMENTS, LEGAL_SCENARIOS, OPEN_REASON_ENDING, SITE_CHOICE_HREF, type LegalSource} from './legalRules';

const references = readFileSync(new URL('../../docs/13-references.mdx', import.meta.url), 'utf8');
const legalChapter = readFileSync(new URL('../../docs/11-legal-issues.mdx', import.meta.url), 'utf8');

/** Every source the data names: instruments, conditions, notes, scenarios and reasons. */
function allSources(): [string, LegalSource][] {
  const found: [string, LegalSource][] = [];
  for (const instrument of LEGAL_INSTRUMENTS) {
    found.push([instrument.id, instrument.source]);
    for (const condition of instrument.conditions) found.push([`${instrument.id}/${condition.id}`, condition.source]);
    instrument.notes.forEach((note, index) => note.sources.forEach((source) => found.push([`${instrument.id} note ${index}`, source])));
  }
  for (const scenario of LEGAL_SCENARIOS) {
    scenario.sources.forEach((source) => found.push([scenario.id, source]));
    for (const [instrumentId, conditions] of Object.entries(scenario.assessments))
      for (const [conditionId, assessment] of Object.entries(conditions)) assessment.sources.forEach((source) => found.push([`${scenario.id}: ${instrumentId}/${conditionId}`, source]));
  }
  return found;
}

describe('legalRules: the instruments of the chapter', () => {
  it('holds the seven instruments the chapter compares, each with conditions on its own routes', () => {
    expect(LEGAL_INSTRUMENTS.map((instrument) => instrument.id).sort()).toEqual(['dmca-1201f', 'eu-1991', 'eu-2009', 'france', 'sega-1992', 'skype-licence', 'sony-2000']);
    for (const instrument of LEGAL_INSTRUMENTS) {
      expect(instrument.conditions.length).toBeGreaterThan(0);
      const ids = instrument.conditions.map((condition) => condition.id);
      expect(new Set(ids).size).toBe(ids.length);
      const routes = instrument.routes.map((route) => route.id);
      for (const condition of instrument.conditions) expect(routes).toContain(condition.route);
      for (const route of routes) expect(instrument.conditions.some((condition) => condition.route === route)).toBe(true);
    }
  });

  it('gives Art. 6 of the 2009 directive its three conditions on who and how much and its three limits on use (chapter, "Layer 2")', () => {
    const locators = LEGAL_INSTRUMENTS.find((instrument) => instrument.id === 'eu-2009')!.conditions.map((condition) => condition.source.locator);
    for (const locator of ['Art. 5(3)', 'Art. 6(1)', 'Art. 6(1)(a)', 'Art. 6(1)(b)', 'Art. 6(1)(c)', 'Art. 6(2)(a)', 'Art. 6(2)(b)', 'Art. 6(2)(c)', 'Art. 6(3)']) expect(locators).toContain(locator);
  });

  it('cites each instrument to its own entry on the references page', () => {
    const expected = {
      'skype-licence': '/docs/references#skype-eula',
      'eu-1991': '/docs/references#eu-directive-1991',
      'eu-2009': '/docs/references#eu-directive-2009',
      france: '/docs/references#france-cpi',
      'dmca-1201f': '/docs/references#dmca1201f',
      'sega-1992': '/docs/references#sega1992',
      'sony-2000': '/docs/references#sony2000',
    };
    for (const instrument of LEGAL_INSTRUMENTS) expect(instrument.source.href).toBe(expected[instrument.id]);
  });
});

describe('legalRules: the scenarios', () => {
  it('are the five of the issue', () => {
    expect(LEGAL_SCENARIOS.map((scenario) => scenario.id)).toEqual(['write-client', 'publish-key-engine', 'publish-packet-formats', 'detect-traffic', 'security-study']);
  });

  it.each(LEGAL_SCENARIOS.map((scenario) => [scenario.id, scenario] as const))('%s gives every condition of every instrument a status, and nothing else', (_, scenario) => {
    expect(Object.keys(scenario.assessments).sort()).toEqual(LEGAL_INSTRUMENTS.map((instrument) => instrument.id).sort());
    for (const instrument of LEGAL_INSTRUMENTS) {
      const assessed = scenario.assessments[instrument.id];
      expect(Object.keys(assessed).sort(), instrument.id).toEqual(instrument.conditions.map((condition) => condition.id).sort());
      for (const assessment of Object.values(assessed)) {
        expect(CONDITION_STATUSES).toContain(assessment.status);
        expect(assessment.reason.trim().length).toBeGreaterThan(10);
      }
    }
  });

  it('never says met or not met without a source, and says so when the sources do not settle a question', () => {
    for (const scenario of LEGAL_SCENARIOS)
      for (const [instrumentId, conditions] of Object.entries(scenario.assessments))
        for (const [conditionId, assessment] of Object.entries(conditions)) {
          const where = `${scenario.id}: ${instrumentId}/${conditionId}`;
          if (assessment.status === 'met' || assessment.status === 'not-met') expect(assessment.sources.length, where).toBeGreaterThan(0);
          if (assessment.status === 'open') expect(assessment.reason.endsWith('the sources do not settle this.'), where).toBe(true);
        }
    expect(OPEN_REASON_ENDING).toBe('the sources do not settle this.');
  });

  it('publishing the key engine follows the Caen appeal ruling: not allowed to pass on the decompiled code, infringing in France', () => {
    const scenario = LEGAL_SCENARIOS.find((candidate) => candidate.id === 'publish-key-engine')!;
    const france = scenario.assessments.france;
    expect(france['not-given-to-others'].status).toBe('not-met');
    expect(france['not-similar-program'].status).toBe('not-met');
    expect(france['not-given-to-others'].sources.map((source) => source.href)).toContain('/docs/references#france-cpi');
    expect(scenario.assessments['eu-2009']['not-given-to-others'].status).toBe('not-met');
    expect(scenario.siteChoice?.href).toBe('/docs/legal-issues#what-this-site-does-and-why');
  });
});

describe('legalRules: every source exists', () => {
  it.each(allSources())('%s cites an anchor of the references page', (_, source) => {
    const anchor = /^\/docs\/references#([a-z0-9-]+)$/.exec(source.href)?.[1];
    expect(anchor, source.href).toBeDefined();
    expect(references).toContain(`<Link id="${anchor}" />`);
    expect(source.label.length).toBeGreaterThan(0);
  });

  it("the site's choice links to a section of the legal chapter", () => {
    expect(SITE_CHOICE_HREF).toBe('/docs/legal-issues#what-this-site-does-and-why');
    expect(legalChapter).toMatch(/^## What this site does, and why$/m);
  });
});
