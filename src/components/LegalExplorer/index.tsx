/**
 * The legal explorer (`data-widget="legal-explorer"`): the rules that allow reverse engineering for
 * interoperability side by side, for a scenario the reader picks, with every condition's status and
 * its reason linked to the source; then a walk through the conditions one at a time. It teaches the
 * rules and says so; it gives no legal advice. Interface state only: the rules and the statuses are
 * src/data/legalRules.ts, the verdicts legalLogic.ts. The scenario and the step are in the address.
 */
import {Fragment, useCallback, useId, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {RadioField} from '@site/src/components/lab/ChoiceField';
import Output from '@site/src/components/lab/Output';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import ShareLinkButton from '@site/src/components/lab/ShareLinkButton';
import {useUrlInputs} from '@site/src/components/lab/useUrlInputs';
import labStyles from '@site/src/components/lab/styles.module.css';
import StepPlayer from '@site/src/components/StepPlayer';
import {LEGAL_INSTRUMENTS, LEGAL_SCENARIOS, type ConditionAssessment, type LegalInstrument, type LegalScenario, type LegalSource} from '@site/src/data/legalRules';
import {
  LEGAL_DEFAULT_INPUTS,
  LEGAL_URL_PREFIX,
  STATUS_SYMBOLS,
  WALK_STOPS,
  assessmentOf,
  instrumentVerdict,
  readScenario,
  readStep,
  routeStatuses,
  stopName,
  type LegalInputName,
} from './legalLogic';
import {sourceText, statusLabel, verdictLabel} from './text';
import styles from './styles.module.css';

export interface LegalExplorerProps {
  /** The anchor of the widget, for links to it. Default 'legal-explorer'. */
  id?: string;
}

const defaults = {id: 'legal-explorer'};

/** Links to the sources of a statement, separated by semicolons. */
function Sources({sources}: {sources: readonly LegalSource[]}): ReactNode {
  return (
    <span className={styles.sources}>
      (
      {sources.map((source, index) => (
        <Fragment key={`${source.href} ${source.locator ?? ''}`}>
          {index > 0 && '; '}
          <Link to={source.href} data-source={source.href}>
            {sourceText(source)}
          </Link>
        </Fragment>
      ))}
      )
    </span>
  );
}

/** A status as a symbol and a word: never colour alone. */
function Status({assessment}: {assessment: ConditionAssessment}): ReactNode {
  return (
    <span className={clsx(styles.status, styles[`status-${assessment.status}`])}>
      <span aria-hidden="true">{STATUS_SYMBOLS[assessment.status]}</span> {statusLabel(assessment.status)}
    </span>
  );
}

/** The reason for a status, with its sources. */
function Reason({scenario, instrument, conditionId}: {scenario: LegalScenario; instrument: LegalInstrument; conditionId: string}): ReactNode {
  const assessment = assessmentOf(scenario, instrument.id, conditionId);
  return (
    <>
      {assessment.reason} {assessment.sources.length > 0 && <Sources sources={assessment.sources} />}
    </>
  );
}

/** One instrument: its verdict, then each route with its conditions, statuses and reasons. */
function InstrumentColumn({scenario, instrument, currentConditionId}: {scenario: LegalScenario; instrument: LegalInstrument; currentConditionId: string | null}): ReactNode {
  const headingId = useId();
  const routes = routeStatuses(scenario, instrument);
  const verdict = instrumentVerdict(scenario, instrument);
  return (
    <article className={styles.instrument} data-instrument={instrument.id} aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.instrumentName}>
        {instrument.name}
      </h4>
      <p className={styles.instrumentMeta}>
        {instrument.jurisdiction} · {instrument.allows}{' '}
        <Sources sources={[instrument.source]} />
      </p>
      <p className={clsx(styles.verdict, styles[`verdict-${verdict}`])}>
        <Translate id="lab.legal.verdictLabel">Verdict:</Translate>{' '}
        <Output name={`summary-${instrument.id}`} value={verdict} prose>
          {verdictLabel(verdict)}
        </Output>
      </p>
      {instrument.routes.map((route) => {
        const status = routes.find((candidate) => candidate.routeId === route.id)!.status;
        return (
          <div key={route.id} className={styles.route} data-route={route.id} data-status={status}>
            <h5 className={styles.routeName}>
              {route.name}{' '}
              <span className={styles.routeStatus}>
                <Translate id="lab.legal.routeStatus" values={{symbol: STATUS_SYMBOLS[status], status: statusLabel(status)}}>
                  {'(this route: {symbol} {status})'}
                </Translate>
              </span>
            </h5>
            <ul className={styles.conditions}>
              {instrument.conditions
                .filter((condition) => condition.route === route.id)
                .map((condition) => {
                  const assessment = assessmentOf(scenario, instrument.id, condition.id);
                  const current = condition.id === currentConditionId;
                  return (
                    <li key={condition.id} className={clsx(styles.condition, current && styles.current)} data-condition={condition.id} data-status={assessment.status} aria-current={current ? 'step' : undefined}>
                      <p className={styles.conditionText}>
                        <Status assessment={assessment} /> {condition.text} <Sources sources={[condition.source]} />
                        {current && (
                          <span className={styles.hereMark}>
                            {' '}
                            <Translate id="lab.legal.walkHere">◀ the walk is here</Translate>
                          </span>
                        )}
                      </p>
                      <p className={styles.reason}>
                        <Reason scenario={scenario} instrument={instrument} conditionId={condition.id} />
                      </p>
                    </li>
                  );
                })}
            </ul>
          </div>
        );
      })}
      {instrument.notes.map((note, index) => (
        <p key={index} className={styles.note}>
          {note.text} <Sources sources={note.sources} />
        </p>
      ))}
    </article>
  );
}

export default function LegalExplorer({id = defaults.id}: LegalExplorerProps): ReactNode {
  const headingId = useId();
  const [inputs, setInput] = useUrlInputs<LegalInputName>(LEGAL_URL_PREFIX, LEGAL_DEFAULT_INPUTS);
  const scenario = readScenario(inputs.scenario);
  const step = readStep(inputs.step);
  const stop = WALK_STOPS[step];
  const stopAssessment = assessmentOf(scenario, stop.instrument.id, stop.condition.id);

  const describeStep = useCallback(
    (index: number) => {
      const {instrument, condition} = WALK_STOPS[index];
      const assessment = assessmentOf(scenario, instrument.id, condition.id);
      return translate(
        {id: 'lab.legal.walk.describe', message: '{instrument}: {condition} {symbol} {status}: {reason}'},
        {
          instrument: instrument.name,
          condition: condition.text,
          symbol: STATUS_SYMBOLS[assessment.status],
          status: statusLabel(assessment.status),
          reason: assessment.reason,
        },
      );
    },
    [scenario],
  );

  return (
    <section data-widget="legal-explorer" id={id} aria-labelledby={headingId} className={clsx(labStyles.panel, styles.widget)}>
      <h3 id={headingId} className={labStyles.panelTitle}>
        <Translate id="lab.legal.title">The rules side by side, for a scenario</Translate>
      </h3>
      <p className={styles.notice} data-notice="not-legal-advice">
        <strong>
          <Translate id="lab.legal.notice">This explains the rules for learning; it is not legal advice.</Translate>
        </strong>{' '}
        <Translate id="lab.legal.noticeMore">Laws differ by country and change over time, and how a rule applies depends on the facts.</Translate>
      </p>
      <RadioField
        name="scenario"
        legend={translate({id: 'lab.legal.field.scenario', message: 'Scenario'})}
        value={scenario.id}
        choices={LEGAL_SCENARIOS.map((candidate) => ({value: candidate.id, label: candidate.title}))}
        onChange={(value) => setInput('scenario', value)}
      />
      <ResultStatus
        summary={translate(
          {id: 'lab.legal.status', message: '{scenario}. Verdicts: {verdicts}.'},
          {scenario: scenario.title, verdicts: LEGAL_INSTRUMENTS.map((instrument) => `${instrument.name}: ${verdictLabel(instrumentVerdict(scenario, instrument))}`).join('; ')},
        )}
      />
      <div className={styles.scenario} data-output="scenario" data-value={scenario.id}>
        <p>
          {scenario.description} <Sources sources={scenario.sources} />
        </p>
        {scenario.siteChoice && (
          <p className={styles.siteChoice} data-site-choice="">
            {scenario.siteChoice.text}{' '}
            <Link to={scenario.siteChoice.href}>
              <Translate id="lab.legal.siteChoiceLink">Why: what this site does</Translate>
            </Link>
          </p>
        )}
      </div>
      <p className={styles.legend}>
        <Translate
          id="lab.legal.legend"
          values={{
            met: `${STATUS_SYMBOLS.met} ${statusLabel('met')}`,
            notMet: `${STATUS_SYMBOLS['not-met']} ${statusLabel('not-met')}`,
            open: `${STATUS_SYMBOLS.open} ${statusLabel('open')}`,
            notApplicable: `${STATUS_SYMBOLS['not-applicable']} ${statusLabel('not-applicable')}`,
          }}>
          {'Each condition is {met}, {notMet}, {open} (the sources do not settle it) or {notApplicable}. A rule allows the act when every condition of one of its routes is met; the labels of the statuses and verdicts are our reading of the sources cited beside them.'}
        </Translate>
      </p>
      <div className={styles.instruments}>
        {LEGAL_INSTRUMENTS.map((instrument) => (
          <InstrumentColumn key={instrument.id} scenario={scenario} instrument={instrument} currentConditionId={stop.instrument.id === instrument.id ? stop.condition.id : null} />
        ))}
      </div>
      <div className={styles.walk}>
        <h4 className={styles.walkTitle}>
          <Translate id="lab.legal.walk.title">Walk through the conditions, one at a time</Translate>
        </h4>
        <StepPlayer
          label={translate({id: 'lab.legal.walk.label', message: 'Conditions of the scenario'})}
          stepCount={WALK_STOPS.length}
          step={step}
          onStepChange={(next) => setInput('step', String(next))}
          describeStep={describeStep}
          initialSpeed={1}>
          <div className={styles.walkStep} data-output="walk-step" data-value={stopName(stop)} data-status={stopAssessment.status}>
            <p className={styles.walkInstrument}>{stop.instrument.name}</p>
            <p>
              {stop.condition.text} <Sources sources={[stop.condition.source]} />
            </p>
            <p>
              <Status assessment={stopAssessment} />
              {': '}
              <Reason scenario={scenario} instrument={stop.instrument} conditionId={stop.condition.id} />
            </p>
            {stop.closesInstrument && (
              <p className={styles.walkVerdict}>
                <Translate id="lab.legal.walk.verdict" values={{verdict: verdictLabel(instrumentVerdict(scenario, stop.instrument))}}>
                  {'All its conditions seen. Verdict of this rule: {verdict}'}
                </Translate>
              </p>
            )}
          </div>
        </StepPlayer>
      </div>
      <ShareLinkButton prefix={LEGAL_URL_PREFIX} inputs={inputs} anchor={id} />
    </section>
  );
}
