import {useId, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import CellEditor from '@site/src/components/LiveCode/CellEditor';
import CellNotices from '@site/src/components/LiveCode/CellNotices';
import CellToolbar, {ToolbarButton} from '@site/src/components/LiveCode/CellToolbar';
import RunOutput from '@site/src/components/LiveCode/RunOutput';
import type {EditorHandle} from '@site/src/components/LiveCode/editorTypes';
import {useCellCode} from '@site/src/components/LiveCode/useCellCode';
import {useRunner} from '@site/src/components/LiveCode/useRunner';
import cellStyles from '@site/src/components/LiveCode/styles.module.css';
import type {ExerciseStatus} from '@site/src/live/progress';
import type {ExerciseCheck} from '@site/src/live/types';
import CheckList from './CheckList';
import Disclosure from './Disclosure';
import SolutionPanel from './SolutionPanel';
import {useChecks} from './useChecks';
import styles from './styles.module.css';

export interface ExerciseProps {
  /** Unique on the page: names the kept edit, share links and the progress entry. */
  id: string;
  title: string;
  /** The code the reader starts from. */
  starter: string;
  solution: string;
  hint?: string;
  /** Run one by one after the reader's code, in the same module. */
  checks: ExerciseCheck[];
  /** Time limit of a plain Run in milliseconds (default 2000); checks have their own. */
  timeout?: number;
  /** The task, in prose. */
  children?: ReactNode;
}

function ProgressBadge({status}: {status: ExerciseStatus}): ReactNode {
  const text = {
    new: translate({id: 'notebook.exercise.statusNew', message: 'Not tried yet'}),
    attempted: translate({id: 'notebook.exercise.statusAttempted', message: 'Tried, not passed yet'}),
    passed: translate({id: 'notebook.exercise.statusPassed', message: '✓ Passed'}),
  }[status];
  return <span className={clsx(styles.status, status === 'passed' && styles.statusPassed)}>{text}</span>;
}

/**
 * A self-checking exercise: the task, an editor like a live code cell's (same pieces), checks that
 * run in the sandbox, a hint, the solution, and the reader's progress.
 */
export default function Exercise({id, title, starter, solution, hint, checks, timeout, children}: ExerciseProps): ReactNode {
  const root = useRef<HTMLDivElement>(null);
  const editorHandle = useRef<EditorHandle | null>(null);
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const cell = useCellCode(id, starter, root);
  const runner = useRunner(timeout);
  const checking = useChecks(cell.pagePath, id, checks);
  // The exercise is a link target (the progress page and the teacher's guide link to it by its id).
  useBrokenLinks().collectAnchor(id);
  const busy = runner.running || checking.checking;

  const run = (code = cell.code) => {
    if (busy) return;
    cell.markRun();
    runner.run(code);
  };
  const check = () => {
    if (busy) return;
    cell.markRun();
    checking.check(cell.code);
  };

  return (
    <div ref={root} id={id} className={clsx(cellStyles.cell, styles.exercise)} data-widget="exercise" role="group" aria-labelledby={titleId}>
      <div className={cellStyles.header}>
        <span id={titleId} className={cellStyles.title}>
          <Translate id="notebook.exercise.title" values={{title}}>
            {'Exercise: {title}'}
          </Translate>
        </span>
        <ProgressBadge status={checking.status} />
      </div>
      <div className={styles.task}>{children}</div>
      <CellNotices cell={cell} original={starter} />
      <CellEditor
        editing={editing}
        onStartEditing={() => setEditing(true)}
        code={cell.code}
        onChange={cell.edit}
        onRun={run}
        modelPath={`file:///exercises/${id}.ts`}
        label={translate({id: 'notebook.exercise.editorLabel', message: 'Your code for “{title}”'}, {title})}
        handleRef={editorHandle}
      />
      <CellToolbar
        cellId={id}
        code={cell.code}
        running={runner.running}
        busy={checking.checking}
        editing={editing}
        edited={cell.edited}
        onRun={() => run()}
        onStop={() => {
          runner.stop();
          checking.stop();
        }}
        onEdit={() => setEditing(true)}
        onReset={cell.reset}>
        <ToolbarButton primary onClick={check} unavailable={busy}>
          <Translate id="notebook.exercise.check">Check</Translate>
        </ToolbarButton>
      </CellToolbar>
      <CheckList checks={checks} results={checking.results} checking={checking.checking} checked={checking.checked} />
      <RunOutput
        events={runner.events}
        outcome={runner.outcome}
        running={runner.running}
        onShowLine={editing ? (line, column) => editorHandle.current?.revealPosition(line, column) : undefined}
      />
      <div className={styles.help}>
        {hint && (
          <Disclosure
            showLabel={<Translate id="notebook.exercise.showHint">Show hint</Translate>}
            hideLabel={<Translate id="notebook.exercise.hideHint">Hide hint</Translate>}
            heading={<Translate id="notebook.exercise.hintHeading">Hint</Translate>}>
            <p className={styles.hint}>{hint}</p>
          </Disclosure>
        )}
        <Disclosure
          showLabel={<Translate id="notebook.exercise.showSolution">Show solution</Translate>}
          hideLabel={<Translate id="notebook.exercise.hideSolution">Hide solution</Translate>}
          heading={<Translate id="notebook.exercise.solutionHeading">Solution</Translate>}>
          <SolutionPanel exerciseId={id} starter={starter} solution={solution} cell={cell} />
        </Disclosure>
      </div>
    </div>
  );
}
