/**
 * The lab widgets' fixed choices, as LabField is for text: a labelled select (optionally grouped)
 * and a group of radio buttons, each wrapped in `data-field="<name>"` (a select also takes `name`;
 * radios get a name unique to the widget, so that two widgets on a page do not share a group).
 */
import {Fragment, useId, type ReactNode} from 'react';
import clsx from 'clsx';
import labStyles from './styles.module.css';

export interface Choice {
  value: string;
  label: string;
}

export interface ChoiceGroup {
  label: string;
  choices: readonly Choice[];
}

export interface SelectFieldProps {
  name: string;
  label: string;
  value: string;
  /** The choices, in groups (an optgroup each). */
  groups: readonly ChoiceGroup[];
  onChange(value: string): void;
  /** The text of an option that stands for none of the choices, shown while `value` matches none. Default: none. */
  noneLabel?: string;
  hint?: ReactNode;
  wide?: boolean;
}

/** A labelled select; a group with an empty label is written as plain options. */
export function SelectField({name, label, value, groups, onChange, noneLabel, hint, wide = false}: SelectFieldProps): ReactNode {
  const id = useId();
  const hintId = `${id}-hint`;
  const known = groups.some((group) => group.choices.some((choice) => choice.value === value));
  const options = (choices: readonly Choice[]) =>
    choices.map((choice) => (
      <option key={choice.value} value={choice.value}>
        {choice.label}
      </option>
    ));
  return (
    <div className={clsx(labStyles.field, wide && labStyles.wide)} data-field={name}>
      <label htmlFor={id} className={labStyles.label}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        className={clsx(labStyles.input, labStyles.select)}
        value={known ? value : ''}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}>
        {noneLabel !== undefined && (
          <option value="" disabled>
            {noneLabel}
          </option>
        )}
        {groups.map((group) =>
          group.label === '' ? (
            <Fragment key="">{options(group.choices)}</Fragment>
          ) : (
            <optgroup key={group.label} label={group.label}>
              {options(group.choices)}
            </optgroup>
          ),
        )}
      </select>
      {hint && (
        <span id={hintId} className={labStyles.hint}>
          {hint}
        </span>
      )}
    </div>
  );
}

export interface RadioFieldProps {
  name: string;
  legend: string;
  value: string;
  choices: readonly Choice[];
  onChange(value: string): void;
  hint?: ReactNode;
}

/** A group of radio buttons under a legend; arrow keys move between them, as browsers do for radios. */
export function RadioField({name, legend, value, choices, onChange, hint}: RadioFieldProps): ReactNode {
  const id = useId();
  return (
    <fieldset className={clsx(labStyles.field, labStyles.radios)} data-field={name} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className={labStyles.label}>{legend}</legend>
      <div className={labStyles.radioChoices}>
        {choices.map((choice) => (
          <label key={choice.value} className={labStyles.radio}>
            <input type="radio" name={`${id}-${name}`} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} />
            {choice.label}
          </label>
        ))}
      </div>
      {hint && (
        <span id={`${id}-hint`} className={labStyles.hint}>
          {hint}
        </span>
      )}
    </fieldset>
  );
}
