/**
 * The detection lab's words: names of the kinds of flow, of the verdicts and of the classifiers, and
 * what is wrong with an input. Every string goes through Docusaurus i18n (ids `lab.detectionLab.*`).
 */
import {translate} from '@docusaurus/Translate';
import {problemMessage} from '@site/src/components/lab/messages';
import type {ChiSquareVerdict} from '@site/src/simulations/detection';
import type {TrafficKind} from '@site/src/simulations/traffic';
import type {DetectionInputProblem} from './detectionInputs';
import type {ClassifierName} from './detectionRun';

/** A kind of generated flow, in words; a kind added to the model later shows under its own name. */
export function kindLabel(kind: TrafficKind): string {
  switch (kind) {
    case 'skype-e2e-udp':
      return translate({id: 'lab.detectionLab.kind.skypeE2eUdp', message: 'Skype E2E voice (UDP)'});
    case 'skypeout-udp':
      return translate({id: 'lab.detectionLab.kind.skypeoutUdp', message: 'SkypeOut voice (UDP)'});
    case 'skype-tcp':
      return translate({id: 'lab.detectionLab.kind.skypeTcp', message: 'Skype over TCP'});
    case 'rtp':
      return translate({id: 'lab.detectionLab.kind.rtp', message: 'RTP voice (UDP)'});
    case 'dns':
      return translate({id: 'lab.detectionLab.kind.dns', message: 'DNS queries (UDP)'});
    case 'http-like':
      return translate({id: 'lab.detectionLab.kind.httpLike', message: 'HTTP-like text (TCP)'});
    case 'random-udp':
      return translate({id: 'lab.detectionLab.kind.randomUdp', message: 'random payloads (UDP)'});
    default:
      return kind;
  }
}

/** The chi-square test's verdict, in the paper's words. */
export function chiVerdictLabel(verdict: ChiSquareVerdict): string {
  switch (verdict) {
    case 'skype-e2e-udp':
      return translate({id: 'lab.detectionLab.verdict.e2e', message: 'Skype E2E'});
    case 'skypeout-udp':
      return translate({id: 'lab.detectionLab.verdict.e2o', message: 'Skype E2O'});
    case 'skype-tcp':
      return translate({id: 'lab.detectionLab.verdict.tcp', message: 'Skype TCP'});
    default:
      return translate({id: 'lab.detectionLab.verdict.notSkype', message: 'not Skype'});
  }
}

/** A yes/no verdict (naive Bayes, or both tests together). */
export const skypeLabel = (isSkype: boolean): string =>
  isSkype ? translate({id: 'lab.detectionLab.verdict.skype', message: 'Skype'}) : translate({id: 'lab.detectionLab.verdict.notSkype', message: 'not Skype'});

/** The three classifiers, with the paper's abbreviations. */
export function classifierLabel(classifier: ClassifierName): string {
  switch (classifier) {
    case 'chiSquare':
      return translate({id: 'lab.detectionLab.classifier.chiSquare', message: 'χ² test (CSC)'});
    case 'bayes':
      return translate({id: 'lab.detectionLab.classifier.bayes', message: 'naive Bayes (NBC)'});
    case 'both':
      return translate({id: 'lab.detectionLab.classifier.both', message: 'both (NBC∧CSC)'});
  }
}

/** What is wrong with an input, starting with the field's name. */
export function detectionProblemMessage(field: string, problem: DetectionInputProblem): string {
  if (problem.kind === 'between' && problem.range.step === 1) {
    return translate(
      {id: 'lab.detectionLab.input.wholeBetween', message: '{field}: {text} is not a whole number from {minimum} to {maximum}.'},
      {field, text: JSON.stringify(problem.text), minimum: problem.range.minimum, maximum: problem.range.maximum},
    );
  }
  if (problem.kind === 'between') {
    return translate(
      {id: 'lab.detectionLab.input.between', message: '{field}: {text} is not a number from {minimum} to {maximum}.'},
      {field, text: JSON.stringify(problem.text), minimum: problem.range.minimum, maximum: problem.range.maximum},
    );
  }
  return problemMessage(field, problem);
}

/** A flow named in a link that was not generated. */
export const unknownFlowMessage = (field: string, requested: string, shown: string): string =>
  translate({id: 'lab.detectionLab.input.unknownFlow', message: '{field}: {requested} is not one of the generated flows; the bars show {shown}.'}, {field, requested: JSON.stringify(requested), shown});

/** A statistic or a belief as the lab shows it: two decimals, and −∞ for a flow no working point explains at all. */
export function decimal(value: number): string {
  if (value === Number.NEGATIVE_INFINITY) return '−∞';
  return value.toFixed(2).replace(/^-/, '−');
}

/** A threshold as the sliders show it: as short as it is, with a true minus sign. @example signedNumber(-4.5) // '−4.5' */
export const signedNumber = (value: number): string => String(value).replace(/^-/, '−');
