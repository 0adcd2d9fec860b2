/**
 * The detection lab's table of generated flows: what each flow is and what each classifier says at
 * the current thresholds. Rows are memoised on their verdicts, so that a slider move re-renders only
 * the rows whose verdicts changed; the table scrolls inside its own box.
 */
import {memo, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import type {FlowVerdicts} from '@site/src/simulations/detection';
import {isWrong, type FlowEntry} from './detectionRun';
import {chiVerdictLabel, decimal, kindLabel, skypeLabel} from './detectionWords';
import styles from './styles.module.css';

/** A verdict cell: the verdict in words, and a ✗ with "wrong" when the ground truth disagrees. */
function VerdictCell({text, wrong}: {text: string; wrong: boolean}): ReactNode {
  return (
    <td className={clsx(wrong && styles.wrongCell)}>
      {text}
      {wrong && (
        <span className={styles.wrongMark}>
          {' '}
          <span aria-hidden="true">✗</span>
          <span className={styles.visuallyHidden}>{translate({id: 'lab.detectionLab.table.wrong', message: '(wrong)'})}</span>
        </span>
      )}
    </td>
  );
}

const FlowRow = memo(
  function FlowRow({entry, verdicts}: {entry: FlowEntry; verdicts: FlowVerdicts}): ReactNode {
    return (
      <tr data-flow={entry.id} data-chi={verdicts.chiSquare} data-bayes={verdicts.bayes ? 'skype' : 'not-skype'} data-both={verdicts.both ? 'skype' : 'not-skype'}>
        <th scope="row">
          <code>{entry.id}</code>
        </th>
        <td>{kindLabel(entry.kind)}</td>
        <td>{entry.transport.toUpperCase()}</td>
        <td>{skypeLabel(verdicts.isSkype)}</td>
        <VerdictCell text={chiVerdictLabel(verdicts.chiSquare)} wrong={isWrong(verdicts, 'chiSquare')} />
        <td className={styles.number}>{decimal(verdicts.belief)}</td>
        <VerdictCell text={skypeLabel(verdicts.bayes)} wrong={isWrong(verdicts, 'bayes')} />
        <VerdictCell text={skypeLabel(verdicts.both)} wrong={isWrong(verdicts, 'both')} />
      </tr>
    );
  },
  // The statistics never change for an entry; only the verdicts move with the thresholds.
  (before, after) =>
    before.entry === after.entry && before.verdicts.chiSquare === after.verdicts.chiSquare && before.verdicts.bayes === after.verdicts.bayes && before.verdicts.both === after.verdicts.both,
);

export default function FlowTable({entries, verdicts}: {entries: readonly FlowEntry[]; verdicts: readonly FlowVerdicts[]}): ReactNode {
  return (
    <div className={clsx(styles.scrollBox, styles.tableBox)} tabIndex={0} role="region" aria-label={translate({id: 'lab.detectionLab.table.region', message: 'Generated flows and their verdicts (scrolls)'})}>
      <table className={styles.flowTable}>
        <caption className={styles.tableCaption}>
          {translate({id: 'lab.detectionLab.table.caption', message: '{count} generated flows and each classifier’s verdict at the thresholds above'}, {count: entries.length})}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="lab.detectionLab.table.flow">flow</Translate>
            </th>
            <th scope="col">
              <Translate id="lab.detectionLab.table.kind">kind</Translate>
            </th>
            <th scope="col">
              <Translate id="lab.detectionLab.table.transport">transport</Translate>
            </th>
            <th scope="col">
              <Translate id="lab.detectionLab.table.truth">ground truth</Translate>
            </th>
            <th scope="col">
              <Translate id="lab.detectionLab.table.chi">χ² verdict</Translate>
            </th>
            <th scope="col">
              <Translate id="lab.detectionLab.table.belief">Bayes belief</Translate>
            </th>
            <th scope="col">
              <Translate id="lab.detectionLab.table.bayes">Bayes verdict</Translate>
            </th>
            <th scope="col">
              <Translate id="lab.detectionLab.table.both">both</Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <FlowRow key={entry.id} entry={entry} verdicts={verdicts[index]} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
