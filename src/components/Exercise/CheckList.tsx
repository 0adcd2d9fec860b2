import {useId, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import type {CheckResult} from '@site/src/live/exercise';
import type {ExerciseCheck} from '@site/src/live/types';
import styles from './styles.module.css';

type CheckState = 'passed' | 'failed' | 'running' | 'waiting' | 'idle';

const ICONS: Record<CheckState, string> = {passed: '✓', failed: '✗', running: '…', waiting: '·', idle: '○'};

function verdict(state: CheckState): string {
  switch (state) {
    case 'passed':
      return translate({id: 'notebook.checks.passed', message: 'Passed'});
    case 'failed':
      return translate({id: 'notebook.checks.failed', message: 'Failed'});
    case 'running':
      return translate({id: 'notebook.checks.running', message: 'Checking…'});
    case 'waiting':
      return translate({id: 'notebook.checks.waiting', message: 'Waiting'});
    case 'idle':
      return translate({id: 'notebook.checks.idle', message: 'Not checked yet'});
  }
}

export interface CheckListProps {
  checks: ExerciseCheck[];
  results: (CheckResult | null)[];
  checking: boolean;
  checked: boolean;
}

/** Each check with its verdict (an icon and a word) and message, and how many pass. */
export default function CheckList({checks, results, checking, checked}: CheckListProps): ReactNode {
  const headingId = useId();
  const firstPending = results.findIndex((result) => result === null);
  const passed = results.filter((result) => result?.passed).length;

  const stateOf = (index: number): CheckState => {
    const result = results[index];
    if (result) return result.passed ? 'passed' : 'failed';
    if (!checking) return 'idle';
    return index === firstPending ? 'running' : 'waiting';
  };

  return (
    <div className={styles.checks}>
      <p id={headingId} className={styles.checksHeading}>
        <Translate id="notebook.checks.heading">Checks</Translate>
      </p>
      <ul className={styles.checkList} aria-labelledby={headingId}>
        {checks.map((check, index) => {
          const state = stateOf(index);
          const result = results[index];
          return (
            <li key={index} className={clsx(styles.check, styles[state])}>
              <span className={styles.icon} aria-hidden="true">
                {ICONS[state]}
              </span>
              <span className={styles.verdict}>{verdict(state)}:</span> <span>{check.name}</span>
              {result && !result.passed && <div className={styles.message}>{result.message}</div>}
            </li>
          );
        })}
      </ul>
      <p role="status" className={styles.summary}>
        {checked &&
          !checking &&
          (passed === checks.length
            ? translate({id: 'notebook.checks.allPass', message: 'All {total} checks pass.'}, {total: checks.length})
            : translate({id: 'notebook.checks.summary', message: '{passed} of {total} checks pass'}, {passed, total: checks.length}))}
      </p>
    </div>
  );
}
