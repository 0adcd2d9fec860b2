/**
 * The legal explorer's words through Docusaurus i18n (ids `lab.legal.*`): the status and verdict labels.
 * The data's own sentences (conditions, reasons, scenarios) are content, like the chapters' prose, and
 * are shown as src/data/legalRules.ts writes them.
 */
import {translate} from '@docusaurus/Translate';
import type {ConditionStatus, LegalSource} from '@site/src/data/legalRules';
import type {InstrumentVerdict} from './legalLogic';

export function statusLabel(status: ConditionStatus): string {
  switch (status) {
    case 'met':
      return translate({id: 'lab.legal.status.met', message: 'met'});
    case 'not-met':
      return translate({id: 'lab.legal.status.notMet', message: 'not met'});
    case 'open':
      return translate({id: 'lab.legal.status.open', message: 'open'});
    case 'not-applicable':
      return translate({id: 'lab.legal.status.notApplicable', message: 'not applicable'});
  }
}

export function verdictLabel(verdict: InstrumentVerdict): string {
  switch (verdict) {
    case 'allowed':
      return translate({id: 'lab.legal.verdict.allowed', message: '✓ Allowed by this rule, as the sources state it'});
    case 'not-allowed':
      return translate({id: 'lab.legal.verdict.notAllowed', message: '✗ Not allowed by this rule'});
    case 'open':
      return translate({id: 'lab.legal.verdict.open', message: '? Open: the sources do not settle it'});
    case 'not-applicable':
      return translate({id: 'lab.legal.verdict.notApplicable', message: '— This rule does not reach this act'});
  }
}

/** "Directive 2009/24/EC, Art. 6(1)(a)". */
export function sourceText(source: LegalSource): string {
  return source.locator === undefined ? source.label : translate({id: 'lab.legal.sourceWithLocator', message: '{label}, {locator}'}, {label: source.label, locator: source.locator});
}
