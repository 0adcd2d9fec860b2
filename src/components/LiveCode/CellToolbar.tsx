import type {ReactNode} from 'react';
import clsx from 'clsx';
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

interface ToolbarButtonProps {
  primary?: boolean;
  /** Not available now: the button says so and ignores presses, but keeps the focus (a disabled button drops it). */
  unavailable?: boolean;
  onClick(): void;
  children: ReactNode;
}

/** A toolbar button that stays focusable while unavailable, so that Enter on Run leaves the focus on Run. */
export function ToolbarButton({primary = false, unavailable = false, onClick, children}: ToolbarButtonProps): ReactNode {
  return (
    <button
      type="button"
      className={clsx('button', 'button--sm', primary ? 'button--primary' : 'button--secondary', styles.toolbarButton)}
      aria-disabled={unavailable}
      onClick={() => unavailable || onClick()}>
      {children}
    </button>
  );
}

/** Run, Stop, Edit, Reset and Share, with an "edited" badge: the controls every code cell has. */
export default function CellToolbar({cellId, code, running, busy = false, editing, edited, onRun, onStop, onEdit, onReset, children}: CellToolbarProps): ReactNode {
  return (
    <div className={styles.toolbar}>
      <ToolbarButton primary onClick={onRun} unavailable={running || busy}>
        <Translate id="notebook.toolbar.run">Run</Translate>
      </ToolbarButton>
      {children}
      <ToolbarButton onClick={onStop} unavailable={!running && !busy}>
        <Translate id="notebook.toolbar.stop">Stop</Translate>
      </ToolbarButton>
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
