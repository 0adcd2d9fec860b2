import {useId, useState, type ReactNode} from 'react';
import styles from './styles.module.css';

export interface DisclosureProps {
  showLabel: ReactNode;
  hideLabel: ReactNode;
  /** What the panel holds ("Hint"): on paper, where the button is left out, it heads the open panel. */
  heading: ReactNode;
  children: ReactNode;
}

/** A button that shows and hides a panel (a hint, a solution), announced as expanded or collapsed. */
export default function Disclosure({showLabel, hideLabel, heading, children}: DisclosureProps): ReactNode {
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
        <p className={styles.panelHeading}>{heading}</p>
        {children}
      </div>
    </div>
  );
}
