import type {ReactNode} from 'react';
import Translate from '@docusaurus/Translate';
import ShareButton from './ShareButton';
import styles from './styles.module.css';

export interface CellToolbarProps {
  cellId: string;
  code: string;
  /** The code is running; Stop is enabled. */
  running: boolean;
  /** Something else occupies the runner (an exercise's checks); Run waits. */
  busy?: boolean;
  editing: boolean;
  edited: boolean;
  onRun(): void;
  onStop(): void;
  onEdit(): void;
  onReset(): void;
  /** Extra actions of the cell (an exercise's Check). */
  children?: ReactNode;
}

/** Run, Stop, Edit, Reset and Share, with an "edited" badge: the controls every code cell has. */
export default function CellToolbar({cellId, code, running, busy = false, editing, edited, onRun, onStop, onEdit, onReset, children}: CellToolbarProps): ReactNode {
  return (
    <div className={styles.toolbar}>
      <button type="button" className="button button--sm button--primary" onClick={onRun} disabled={running || busy}>
        <Translate id="notebook.toolbar.run">Run</Translate>
      </button>
      {children}
      <button type="button" className="button button--sm button--secondary" onClick={onStop} disabled={!running && !busy}>
        <Translate id="notebook.toolbar.stop">Stop</Translate>
      </button>
      {!editing && (
        <button type="button" className="button button--sm button--secondary" onClick={onEdit}>
          <Translate id="notebook.toolbar.edit">Edit</Translate>
        </button>
      )}
      {edited && (
        <button type="button" className="button button--sm button--secondary" onClick={onReset}>
          <Translate id="notebook.toolbar.reset">Reset</Translate>
        </button>
      )}
      <ShareButton cellId={cellId} code={code} />
      {edited && (
        <span className={styles.badge}>
          <Translate id="notebook.toolbar.edited">edited</Translate>
        </span>
      )}
    </div>
  );
}
