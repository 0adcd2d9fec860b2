import {useEffect, useId, useState, type ReactNode} from 'react';
import CodeBlock from '@theme/CodeBlock';
import Translate, {translate} from '@docusaurus/Translate';
import {loadEdit, saveEdit} from '@site/src/live/storage';
import type {CellCode} from '@site/src/components/LiveCode/useCellCode';
import styles from './styles.module.css';

export interface SolutionPanelProps {
  exerciseId: string;
  starter: string;
  solution: string;
  cell: CellCode;
}

/**
 * The solution, and a way to load it into the editor that never costs the reader their own code:
 * they confirm first, and their code is kept (as a second kept edit) so that they can bring it back.
 */
export default function SolutionPanel({exerciseId, starter, solution, cell}: SolutionPanelProps): ReactNode {
  const [confirming, setConfirming] = useState(false);
  const [backupAvailable, setBackupAvailable] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const questionId = useId();
  const backupId = `${exerciseId}:before-solution`;

  useEffect(() => {
    setBackupAvailable(loadEdit(cell.pagePath, backupId, starter).edit !== null);
  }, [cell.pagePath, backupId, starter]);

  function loadSolution() {
    setProblem(null);
    // Nothing of the reader's own would be replaced.
    if (cell.code === starter || cell.code === solution) cell.replace(solution);
    else setConfirming(true);
  }

  function replaceTheirCode() {
    setConfirming(false);
    const kept = saveEdit(cell.pagePath, backupId, starter, cell.code);
    if (kept.problem) {
      setProblem(
        translate(
          {id: 'notebook.solution.notKept', message: 'Your code was not replaced, because it could not be kept first: {problem}'},
          {problem: kept.problem},
        ),
      );
      return;
    }
    cell.replace(solution);
    setBackupAvailable(true);
  }

  function restoreTheirCode() {
    const {edit, problem: loadProblem} = loadEdit(cell.pagePath, backupId, starter);
    if (edit) cell.replace(edit.code);
    else setProblem(loadProblem ?? translate({id: 'notebook.solution.nothingKept', message: 'No earlier code of yours is kept for this exercise.'}));
  }

  return (
    <>
      <CodeBlock language="ts">{solution}</CodeBlock>
      <div className={styles.solutionActions}>
        {confirming ? (
          <div role="group" aria-labelledby={questionId} className={styles.confirm}>
            <p id={questionId}>
              <Translate id="notebook.solution.confirm">
                Replace your code in the editor with the solution? Your code is kept, and “Restore my code” brings it back.
              </Translate>
            </p>
            <button type="button" className="button button--sm button--primary" onClick={replaceTheirCode} autoFocus>
              <Translate id="notebook.solution.replace">Replace my code</Translate>
            </button>{' '}
            <button type="button" className="button button--sm button--secondary" onClick={() => setConfirming(false)}>
              <Translate id="notebook.solution.cancel">Keep my code</Translate>
            </button>
          </div>
        ) : (
          <button type="button" className="button button--sm button--secondary" onClick={loadSolution}>
            <Translate id="notebook.solution.load">Load the solution into the editor</Translate>
          </button>
        )}
        {backupAvailable && !confirming && (
          <button type="button" className="button button--sm button--secondary" onClick={restoreTheirCode}>
            <Translate id="notebook.solution.restore">Restore my code</Translate>
          </button>
        )}
      </div>
      {problem && (
        <p role="alert" className={`alert alert--danger ${styles.problem}`}>
          {problem}
        </p>
      )}
    </>
  );
}
