import {useId, type ReactNode} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

export interface LabCheckboxProps {
  /** Field name for browser tests: `data-field` on the wrapper, `name` on the input. */
  name: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  /** A short line under the box: what ticking it does. Default: none. */
  hint?: ReactNode;
}

/** One labelled checkbox of a lab widget, the counterpart of LabField for a yes-or-no setting. */
export default function LabCheckbox({name, label, checked, onChange, hint}: LabCheckboxProps): ReactNode {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={clsx(styles.field, styles.wide)} data-field={name}>
      <span className={styles.checkbox}>
        <input
          id={id}
          type="checkbox"
          name={name}
          checked={checked}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </span>
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
    </div>
  );
}
