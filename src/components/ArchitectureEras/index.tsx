/**
 * Widget "architecture eras" (`data-widget="architecture-eras"`): Skype's architecture in four states
 * (supernodes on users' machines, supernodes hosted by Microsoft, MSNP24, retired), drawn with its
 * parties and lines, and the chapter's three questions answered under the drawing with their sources.
 * A "before / after" mode draws two states side by side and says in words what moved. Interface state
 * only: the facts are src/data/architectureEras.ts; the state is in the address (`?eras.era=msnp24`).
 */
import {useId, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {RadioField, SelectField} from '@site/src/components/lab/ChoiceField';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import ShareLinkButton from '@site/src/components/lab/ShareLinkButton';
import {useUrlInputs} from '@site/src/components/lab/useUrlInputs';
import labStyles from '@site/src/components/lab/styles.module.css';
import {
  ARCHITECTURE_ERAS,
  ERA_DATA,
  ERA_QUESTIONS,
  compareEras,
  compareParties,
  partyRole,
  ERA_PARTIES,
  type ArchitectureEraId,
  type EraCitation,
  type EraQuestion,
  type EraStatement,
} from '@site/src/data/architectureEras';
import EraDiagram from './EraDiagram';
import {ERAS_DEFAULT_INPUTS, ERAS_URL_PREFIX, readEra, readMode, type ErasInputName} from './state';
import {changeText, eraTitle, eventText, holderText, partyName, presenceText, questionText, questionTopic, sourceName, statementText} from './text';
import styles from './styles.module.css';

export interface ArchitectureErasProps {
  /** The anchor of the widget, for links to it. Default 'architecture-eras'. */
  id?: string;
}

/** A citation as the chapter writes it: "Baset & Schulzrinne 2004, §1", linked to the references page. */
function Citation({citation}: {citation: EraCitation}): ReactNode {
  const name = sourceName(citation.source.split('#')[1]);
  return <Link to={citation.source}>{citation.section === '' ? name : `${name}, ${citation.section}`}</Link>;
}

/** One statement: its sentence and its sources in brackets, with a word when it is our inference or was not checked. */
function Statement({statement}: {statement: EraStatement}): ReactNode {
  // A statement with no source says itself that the sources are silent ("Our sources do not describe it").
  const notChecked = statement.basis === 'described-not-checked' ? translate({id: 'lab.eras.basis.described', message: 'described, not checked'}) : null;
  return (
    <li data-statement={statement.id} data-basis={statement.basis}>
      {statement.basis === 'our-inference' && <strong>{translate({id: 'lab.eras.basis.inference', message: 'Our inference:'})} </strong>}
      {statementText(statement.id)}
      {statement.citations.length > 0 && (
        <>
          {' ('}
          {statement.citations.map((citation, index) => (
            <span key={`${citation.source} ${citation.section}`}>
              {index > 0 && '; '}
              <Citation citation={citation} />
            </span>
          ))}
          {notChecked && <em>; {notChecked}</em>}
          {')'}
        </>
      )}
      {'.'}
    </li>
  );
}

/** The answer to one question in one state, as a test reads it: `data-output` the question, `data-value` who it names. */
function Answer({era, question, output}: {era: ArchitectureEraId; question: EraQuestion; output: string}): ReactNode {
  const answer = ERA_DATA[era].answers[question];
  return (
    <div className={styles.answer} data-output={output} data-value={answer.holder} data-era={era}>
      <h4 className={styles.answerQuestion}>{questionText(question)}</h4>
      <p className={styles.answerHolder}>
        <strong>{holderText(answer.holder)}</strong>
      </p>
      <ul className={styles.statements}>
        {answer.statements.map((statement) => (
          <Statement key={statement.id} statement={statement} />
        ))}
      </ul>
    </div>
  );
}

/** When the state began and ended, from the timeline data. */
function EraDates({era}: {era: ArchitectureEraId}): ReactNode {
  const {start, end} = ERA_DATA[era];
  const dated = (date: string, id: string) => (
    <>
      <time dateTime={date}>{date}</time> ({eventText(id)})
    </>
  );
  return (
    <p className={styles.dates} data-output="dates" data-value={`${start[0].date}/${end?.date ?? ''}`}>
      {end ? (
        <Translate id="lab.eras.dates.span" values={{start: dated(start[0].date, start[0].id), end: dated(end.date, end.id)}}>
          {'From {start} until {end}.'}
        </Translate>
      ) : (
        <Translate id="lab.eras.dates.from" values={{start: dated(start[0].date, start[0].id)}}>
          {'From {start}.'}
        </Translate>
      )}
      {start.slice(1).map((event) => (
        <span key={event.id}>
          {' '}
          <Translate id="lab.eras.dates.announced" values={{event: dated(event.date, event.id)}}>
            {'Announced before: {event}.'}
          </Translate>
        </span>
      ))}{' '}
      <Translate id="lab.eras.dates.source" values={{timeline: <Link to="/docs/references#timeline">{sourceName('timeline')}</Link>}}>
        {'Dates: {timeline}.'}
      </Translate>
    </p>
  );
}

/** Every party's role in one state. */
function PartyTable({era}: {era: ArchitectureEraId}): ReactNode {
  return (
    <div className={styles.scrollBox}>
      <table className={styles.partyTable}>
        <caption>{translate({id: 'lab.eras.parties.caption', message: 'Who held or saw what in this state'})}</caption>
        <thead>
          <tr>
            <th scope="col">{translate({id: 'lab.eras.parties.party', message: 'Party'})}</th>
            <th scope="col">{translate({id: 'lab.eras.parties.presence', message: 'There?'})}</th>
            <th scope="col">{translate({id: 'lab.eras.parties.role', message: 'What it held or saw'})}</th>
          </tr>
        </thead>
        <tbody>
          {ERA_PARTIES.map((party) => {
            const role = partyRole(era, party);
            return (
              <tr key={party} data-party={party} data-presence={role.presence}>
                <th scope="row">{partyName(party, era)}</th>
                <td>{presenceText(role.presence)}</td>
                <td>
                  <ul className={styles.statements}>
                    {role.statements.map((statement) => (
                      <Statement key={statement.id} statement={statement} />
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Before / after: what each question's answer and each party became, in words, the changes marked. */
function Changes({before, after}: {before: ArchitectureEraId; after: ArchitectureEraId}): ReactNode {
  const changes = compareEras(before, after);
  const parties = compareParties(before, after);
  const changedWord = translate({id: 'lab.eras.changes.changed', message: 'Changed'});
  const sameWord = translate({id: 'lab.eras.changes.same', message: 'Same'});
  return (
    <div className={styles.changes}>
      <h4 className={styles.answerQuestion}>
        <Translate id="lab.eras.changes.title" values={{before: eraTitle(before), after: eraTitle(after)}}>
          {'What changed from {before} to {after}'}
        </Translate>
      </h4>
      <ul className={styles.changeList}>
        {changes.map((change) => (
          <li key={change.question} className={clsx(change.kind !== 'same' && styles.changed)} data-output={`change-${change.question}`} data-value={`${change.before}/${change.after}`} data-kind={change.kind}>
            <strong>{questionTopic(change.question)}:</strong> {changeText(change)}
          </li>
        ))}
      </ul>
      <div className={styles.scrollBox}>
        <table className={styles.partyTable}>
          <caption>{translate({id: 'lab.eras.changes.partiesCaption', message: 'The parties before and after'})}</caption>
          <thead>
            <tr>
              <th scope="col">{translate({id: 'lab.eras.parties.party', message: 'Party'})}</th>
              <th scope="col">{translate({id: 'lab.eras.changes.before', message: 'Before'})}</th>
              <th scope="col">{translate({id: 'lab.eras.changes.after', message: 'After'})}</th>
              <th scope="col">{translate({id: 'lab.eras.changes.column', message: 'Change'})}</th>
            </tr>
          </thead>
          <tbody>
            {parties.map((change) => (
              <tr key={change.party} data-party={change.party} data-changed={change.changed} className={clsx(change.changed && styles.changed)}>
                <th scope="row">{partyName(change.party, after)}</th>
                {[change.before, change.after].map((role, index) => (
                  <td key={index}>
                    <strong>{presenceText(role.presence)}</strong>
                    <ul className={styles.statements}>
                      {role.statements.map((statement) => (
                        <Statement key={statement.id} statement={statement} />
                      ))}
                    </ul>
                  </td>
                ))}
                <td>{change.changed ? <strong>{changedWord}</strong> : sameWord}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** What the widget shows, in a sentence for screen readers: each question's answer, or what changed. */
function spokenSummary(mode: 'single' | 'compare', era: ArchitectureEraId, before: ArchitectureEraId, after: ArchitectureEraId): string {
  if (mode === 'single') {
    const answers = ERA_QUESTIONS.map((question) => `${questionTopic(question)}: ${holderText(ERA_DATA[era].answers[question].holder)}`).join('; ');
    return translate({id: 'lab.eras.status.single', message: '{era}. {answers}.'}, {era: eraTitle(era), answers});
  }
  const changes = compareEras(before, after)
    .map((change) => `${questionTopic(change.question)}: ${changeText(change)}`)
    .join(' ');
  return translate({id: 'lab.eras.status.compare', message: 'From {before} to {after}. {changes}'}, {before: eraTitle(before), after: eraTitle(after), changes});
}

export default function ArchitectureEras({id = 'architecture-eras'}: ArchitectureErasProps): ReactNode {
  const headingId = useId();
  const [inputs, setInput] = useUrlInputs<ErasInputName>(ERAS_URL_PREFIX, ERAS_DEFAULT_INPUTS);
  const labels = {
    mode: translate({id: 'lab.eras.field.mode', message: 'Show'}),
    era: translate({id: 'lab.eras.field.era', message: 'State'}),
    before: translate({id: 'lab.eras.field.before', message: 'Before'}),
    after: translate({id: 'lab.eras.field.after', message: 'After'}),
  };
  const mode = readMode(inputs.mode, labels.mode);
  const era = readEra(inputs.era, 'peer-to-peer', labels.era);
  const before = readEra(inputs.before, 'peer-to-peer', labels.before);
  const after = readEra(inputs.after, 'hosted-supernodes', labels.after);
  const problems = [mode, era, before, after].map((read) => read.problem).filter((problem) => problem !== null);
  const eraChoices = ARCHITECTURE_ERAS.map((value) => ({value, label: eraTitle(value)}));

  return (
    <section data-widget="architecture-eras" id={id} aria-labelledby={headingId} className={clsx(labStyles.panel, styles.widget)} data-mode={mode.value}>
      <h3 id={headingId} className={labStyles.panelTitle}>
        <Translate id="lab.eras.title">Who held what: Skype’s architecture, 2003–2025</Translate>
      </h3>
      <p>
        <Translate id="lab.eras.intro">
          Pick a state of the network to see its parties and who held the directory, relayed calls and could see messages, or compare two states. Solid lines are sourced, dashed lines our inference, dotted lines what our sources do not describe.
        </Translate>
      </p>
      <div className={labStyles.fields}>
        <RadioField
          name="mode"
          legend={labels.mode}
          value={mode.value}
          choices={[
            {value: 'single', label: translate({id: 'lab.eras.mode.single', message: 'One state'})},
            {value: 'compare', label: translate({id: 'lab.eras.mode.compare', message: 'Before and after'})},
          ]}
          onChange={(value) => setInput('mode', value)}
        />
        {mode.value === 'single' ? (
          <RadioField
            name="era"
            legend={labels.era}
            value={era.value}
            choices={eraChoices}
            onChange={(value) => setInput('era', value)}
            hint={translate({id: 'lab.eras.field.eraHint', message: 'The arrow keys move between the states.'})}
          />
        ) : (
          <>
            <SelectField name="before" label={labels.before} value={before.value} groups={[{label: '', choices: eraChoices}]} onChange={(value) => setInput('before', value)} />
            <SelectField name="after" label={labels.after} value={after.value} groups={[{label: '', choices: eraChoices}]} onChange={(value) => setInput('after', value)} />
          </>
        )}
      </div>
      <div role="alert" className={labStyles.alert}>
        {problems.map((problem) => (
          <p key={problem}>{problem}</p>
        ))}
      </div>
      <ResultStatus summary={spokenSummary(mode.value, era.value, before.value, after.value)} />

      {mode.value === 'single' ? (
        <div data-era={era.value}>
          <p>
            <strong data-output="era" data-value={era.value}>
              {eraTitle(era.value)}
            </strong>
          </p>
          <EraDates era={era.value} />
          <EraDiagram era={era.value} />
          <div className={styles.answers}>
            {ERA_QUESTIONS.map((question) => (
              <Answer key={question} era={era.value} question={question} output={question} />
            ))}
          </div>
          <PartyTable era={era.value} />
        </div>
      ) : (
        <div>
          <div className={styles.sideBySide}>
            {[
              {side: 'before', value: before.value, caption: labels.before},
              {side: 'after', value: after.value, caption: labels.after},
            ].map(({side, value, caption}) => (
              <div key={side} className={styles.side} data-side={side} data-era={value}>
                <EraDiagram era={value} caption={`${caption}: ${eraTitle(value)}`} />
                <EraDates era={value} />
                {ERA_QUESTIONS.map((question) => (
                  <Answer key={question} era={value} question={question} output={`${side}-${question}`} />
                ))}
              </div>
            ))}
          </div>
          <Changes before={before.value} after={after.value} />
        </div>
      )}
      <p className={styles.explain}>
        <Translate id="lab.eras.note">
          The answers for the first three states are those of the chapter’s table, with the same sources; the fourth state, the retirement, comes from the 2025 announcement.
        </Translate>
      </p>
      <ShareLinkButton prefix={ERAS_URL_PREFIX} inputs={inputs} anchor={id} />
    </section>
  );
}
