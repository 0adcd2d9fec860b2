import type {ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import HexView from '@site/src/components/HexView';
import Chart from '@site/src/components/Chart';
import type {OutputEvent, RunOutcome} from '@site/src/live/types';
import styles from './styles.module.css';

export interface RunOutputProps {
  events: OutputEvent[];
  outcome: RunOutcome | null;
  running: boolean;
  /** Moves the editor's cursor to a line of the code; absent while no editor is open. */
  onShowLine?: (line: number, column: number) => void;
}

const CONSOLE_PREFIXES = {
  warn: () => translate({id: 'notebook.output.warningPrefix', message: 'Warning:'}),
  error: () => translate({id: 'notebook.output.errorPrefix', message: 'Error:'}),
};

function OutputItem({event, position}: {event: OutputEvent; position: number}): ReactNode {
  switch (event.kind) {
    case 'console': {
      const prefix = event.level === 'warn' || event.level === 'error' ? CONSOLE_PREFIXES[event.level]() : null;
      return (
        <div className={clsx(styles.line, event.level === 'warn' && styles.warn, event.level === 'error' && styles.error)}>
          {prefix && <strong className={styles.prefix}>{prefix} </strong>}
          {event.text}
        </div>
      );
    }
    case 'hex':
      return (
        <HexView
          bytes={event.bytes}
          annotations={event.annotations}
          label={translate(
            {id: 'notebook.output.hexLabel', message: 'Output {position}: {count} bytes'},
            {position, count: event.bytes.length},
          )}
        />
      );
    case 'table': {
      const label = translate({id: 'notebook.output.tableLabel', message: 'Output {position}: table of {count} rows'}, {position, count: event.rows.length});
      return (
        // Focusable so that a wide table can be scrolled with the keyboard.
        <div className={styles.tableScroller} role="group" aria-label={label} tabIndex={0}>
          <table className={styles.table}>
            <thead>
              <tr>
                {event.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {event.rows.map((row, index) => (
                <tr key={index}>
                  {event.columns.map((column) => (
                    <td key={column}>{row[column]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'plot':
      return (
        <Chart
          spec={event.spec}
          label={event.spec.title ?? translate({id: 'notebook.output.chartLabel', message: 'Output {position}: a chart'}, {position})}
        />
      );
    case 'result':
      return (
        <div className={clsx(styles.line, styles.result)}>
          <Translate id="notebook.output.result" values={{value: event.text}}>
            {'→ {value}'}
          </Translate>
        </div>
      );
    case 'truncated':
      return <p className={styles.note}>{event.text}</p>;
  }
}

function Outcome({outcome, onShowLine}: {outcome: RunOutcome; onShowLine?: RunOutputProps['onShowLine']}): ReactNode {
  const milliseconds = Math.round(outcome.milliseconds);
  switch (outcome.status) {
    case 'ok':
      return (
        <p role="status" className={styles.outcome}>
          <Translate id="notebook.outcome.finished" values={{milliseconds}}>
            {'Finished in {milliseconds} ms'}
          </Translate>
        </p>
      );
    case 'timeout':
      return (
        <p role="alert" className={clsx(styles.outcome, styles.outcomeProblem)}>
          <Translate id="notebook.outcome.timeout" values={{limit: outcome.limitMilliseconds}}>
            {'Stopped after the time limit of {limit} ms'}
          </Translate>
        </p>
      );
    case 'stopped':
      return (
        <p role="status" className={styles.outcome}>
          <Translate id="notebook.outcome.stopped">Stopped</Translate>
        </p>
      );
    case 'error': {
      const position = outcome.position;
      const line = position
        ? translate({id: 'notebook.outcome.line', message: 'line {line}'}, {line: position.line})
        : null;
      return (
        <div role="alert" className={clsx(styles.outcome, styles.outcomeProblem)}>
          <strong>{outcome.name}</strong>: {outcome.message}
          {position && (
            <>
              {' ('}
              {onShowLine ? (
                <button type="button" className={styles.lineButton} onClick={() => onShowLine(position.line, position.column)}>
                  {line}
                </button>
              ) : (
                line
              )}
              {')'}
            </>
          )}{' '}
          <span className={styles.timing}>
            <Translate id="notebook.outcome.failedAfter" values={{milliseconds}}>
              {'after {milliseconds} ms'}
            </Translate>
          </span>
        </div>
      );
    }
  }
}

/** What a run printed and showed, in order, then how it ended. */
export default function RunOutput({events, outcome, running, onShowLine}: RunOutputProps): ReactNode {
  const empty = events.length === 0 && !running && !outcome;
  return (
    // Nothing run yet: on paper the box would only say "Press Run".
    <div className={clsx(styles.output, empty && styles.outputEmpty)}>
      <div role="log" aria-live="polite" aria-label={translate({id: 'notebook.output.label', message: 'Output'})} className={styles.log}>
        {empty && (
          <p className={styles.placeholder}>
            <Translate id="notebook.output.placeholder">Press Run to see the output here.</Translate>
          </p>
        )}
        {events.map((event, index) => (
          <OutputItem key={index} event={event} position={index + 1} />
        ))}
      </div>
      {running && (
        <p role="status" className={styles.outcome}>
          <Translate id="notebook.outcome.running">Running…</Translate>
        </p>
      )}
      {outcome && <Outcome outcome={outcome} onShowLine={onShowLine} />}
    </div>
  );
}
