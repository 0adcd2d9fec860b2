/**
 * A labelled slider of the detection lab: a native `<input type="range">` (arrow keys, Page Up/Down,
 * Home and End move it), its value written beside the label, and the same value with its meaning in
 * `aria-valuetext` for screen readers. Wrapped in `data-field="<name>"` like the lab's text fields.
 */
import {useId, type ReactNode} from 'react';
import clsx from 'clsx';
import labStyles from '@site/src/components/lab/styles.module.css';
import type {NumberRange} from './detectionInputs';
import styles from './styles.module.css';

export interface RangeFieldProps {
  name: string;
  label: string;
  range: NumberRange;
  /** The value the slider shows (the last good one while the address holds a bad one). */
  value: number;
  /** The value as written beside the label. */
  text: string;
  /** What a screen reader says for the value: the number and what it means. */
  valueText: string;
  onChange(value: string): void;
  hint?: ReactNode;
}

export default function RangeField({name, label, range, value, text, valueText, onChange, hint}: RangeFieldProps): ReactNode {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={clsx(labStyles.field, styles.rangeField)} data-field={name}>
      <div className={styles.rangeHeading}>
        <label htmlFor={id} className={labStyles.label}>
          {label}
        </label>
        <output htmlFor={id} className={styles.rangeValue} aria-hidden="true">
          {text}
        </output>
      </div>
      <input
        id={id}
        name={name}
        type="range"
        className={styles.range}
        min={range.minimum}
        max={range.maximum}
        step={range.step}
        value={value}
        aria-valuetext={valueText}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {hint && (
        <span id={hintId} className={labStyles.hint}>
          {hint}
        </span>
      )}
    </div>
  );
}
