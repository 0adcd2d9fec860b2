import {useId, useState, type ReactNode} from 'react';
import styles from './styles.module.css';

/** A button that shows and hides a panel (a hint, a solution), announced as expanded or collapsed. */
export default function Disclosure({showLabel, hideLabel, children}: {showLabel: ReactNode; hideLabel: ReactNode; children: ReactNode}): ReactNode {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className={styles.disclosure}>
      <button
        type="button"
        className="button button--sm button--link"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((shown) => !shown)}>
        {open ? hideLabel : showLabel}
      </button>
      <div id={panelId} hidden={!open} className={styles.panel}>
        {children}
      </div>
    </div>
  );
}
