import {useId, useRef, useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import {DEFAULT_TIME_LIMIT} from '@site/src/live/runCode';
import CellEditor from './CellEditor';
import CellNotices from './CellNotices';
import CellToolbar from './CellToolbar';
import RunOutput from './RunOutput';
import type {EditorHandle} from './editorTypes';
import {useCellCode} from './useCellCode';
import {useRunner} from './useRunner';
import styles from './styles.module.css';

export interface LiveCodeProps {
  /** Unique on the page: names the kept edit and share links. */
  id: string;
  /** The lesson's TypeScript; it may `import … from 'skype'`. */
  code: string;
  title?: string;
  /** Time limit of a run in milliseconds (default 2000). */
  timeout?: number;
}

/**
 * A live code cell: the lesson's code, highlighted on the server so the page reads without JavaScript,
 * that the reader can run in a sandboxed worker, edit (Monaco, loaded on demand), reset and share.
 */
export default function LiveCode({id, code: original, title, timeout}: LiveCodeProps): ReactNode {
  const root = useRef<HTMLDivElement>(null);
  const editorHandle = useRef<EditorHandle | null>(null);
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const cell = useCellCode(id, original, root);
  const runner = useRunner(timeout);
  const heading = title ?? translate({id: 'notebook.liveCode.untitled', message: 'Live code'});

  const run = (code = cell.code) => {
    if (runner.running) return;
    cell.markRun();
    runner.run(code);
  };

  return (
    <div ref={root} className={styles.cell} data-widget="live-code" role="group" aria-labelledby={titleId}>
      <div className={styles.header}>
        <span id={titleId} className={styles.title}>
          {heading}
        </span>
        <span className={styles.limit}>
          <Translate id="notebook.liveCode.timeLimit" values={{limit: timeout ?? DEFAULT_TIME_LIMIT}}>
            {'time limit {limit} ms'}
          </Translate>
        </span>
      </div>
      <CellNotices cell={cell} original={original} />
      <CellEditor
        editing={editing}
        onStartEditing={() => setEditing(true)}
        code={cell.code}
        onChange={cell.edit}
        onRun={run}
        modelPath={`file:///cells/${id}.ts`}
        label={translate({id: 'notebook.liveCode.editorLabel', message: 'Code of “{title}”'}, {title: heading})}
        handleRef={editorHandle}
      />
      <CellToolbar
        cellId={id}
        code={cell.code}
        running={runner.running}
        editing={editing}
        edited={cell.edited}
        onRun={() => run()}
        onStop={runner.stop}
        onEdit={() => setEditing(true)}
        onReset={cell.reset}
      />
      <RunOutput
        events={runner.events}
        outcome={runner.outcome}
        running={runner.running}
        onShowLine={editing ? (line, column) => editorHandle.current?.revealPosition(line, column) : undefined}
      />
    </div>
  );
}
