import {useId, type ReactNode} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

export interface LabFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** What is wrong with the value, or null; shown in the field's alert. */
  problem: string | null;
  /** A short line under the field: the expected form, or what the value means. */
  hint?: ReactNode;
  /** A textarea for long hex. */
  multiline?: boolean;
  /** Field name for browser tests and styling, e.g. "source-ip". */
  name: string;
  /** Wider fields for hex. */
  wide?: boolean;
}

/**
 * One labelled text input of a lab widget, with its hint and its own alert. The value is always
 * what the learner typed, never rewritten, so that nothing they type is lost while it is wrong.
 */
export default function LabField({label, value, onChange, problem, hint, multiline = false, name, wide = false}: LabFieldProps): ReactNode {
  const id = useId();
  const hintId = `${id}-hint`;
  const alertId = `${id}-alert`;
  const describedBy = [hint ? hintId : null, problem ? alertId : null].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    name,
    value,
    spellCheck: false,
    autoComplete: 'off',
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
    className: clsx(styles.input, problem && styles.invalid),
  } as const;
  return (
    <div className={clsx(styles.field, wide && styles.wide)} data-field={name}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {multiline ? (
        <textarea {...shared} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...shared} type="text" onChange={(event) => onChange(event.target.value)} />
      )}
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
      <p id={alertId} role="alert" className={styles.alert}>
        {problem}
      </p>
    </div>
  );
}
