/**
 * RC4's 256-byte state S as a 16×16 table (row = high hex digit of the position, column = low digit),
 * with positions i and j outlined and labelled. When the reader moves one step forward, the two
 * swapped values slide from each other's cell (not with reduced motion). A pure view of one state.
 */
import {memo, type CSSProperties, type ReactNode} from 'react';
import clsx from 'clsx';
import {bytesToHex} from '@site/src/protocol';
import type {ScheduleSwap} from './rc4Schedule';
import styles from './styles.module.css';

export interface StateGridProps {
  /** The 256 bytes of S to show. */
  state: Uint8Array;
  /** The swap shown (its positions i and j are marked), or null before any swap. */
  swap: Pick<ScheduleSwap, 'i' | 'j'> | null;
  /** Slide the two swapped values into place; false for jumps, scrubbing and reduced motion. */
  animate: boolean;
  /** Changes with every step, so that the slide starts again at each one. */
  step: number;
  /** What the table shows, for screen readers: "RC4 state S after swap 4". */
  label: string;
}

const DIGITS = Array.from({length: 16}, (_, digit) => digit.toString(16));

type Marker = 'i' | 'j' | 'both' | null;

interface CellProps {
  value: number;
  marker: Marker;
  /** Where the value slides in from, in cells to the right and down; null when it stays still. */
  fromColumns: number | null;
  fromRows: number | null;
  /** Changes at each step while sliding, to restart the animation; null when still. */
  slideKey: number | null;
}

const markerText = (marker: Exclude<Marker, null>) => (marker === 'both' ? 'i=j' : marker);

/** One cell; memoised on plain values, so a step re-renders only the cells whose value or marking changed. */
const Cell = memo(function Cell({value, marker, fromColumns, fromRows, slideKey}: CellProps): ReactNode {
  const sliding = slideKey !== null;
  return (
    <td className={clsx(styles.cell, marker === 'i' && styles.cellI, marker === 'j' && styles.cellJ, marker === 'both' && styles.cellBoth)}>
      <span
        // A new key restarts the slide at every step.
        key={sliding ? `slide-${slideKey}` : 'still'}
        className={clsx(styles.cellValue, sliding && styles.sliding)}
        style={sliding ? ({'--from-columns': fromColumns, '--from-rows': fromRows} as CSSProperties) : undefined}>
        {value.toString(16).padStart(2, '0')}
      </span>
      {marker && <span className={styles.marker}>{markerText(marker)}</span>}
    </td>
  );
});

function StateGrid({state, swap, animate, step, label}: StateGridProps): ReactNode {
  const markerOf = (position: number): Marker => {
    if (!swap) return null;
    if (position === swap.i && position === swap.j) return 'both';
    if (position === swap.i) return 'i';
    return position === swap.j ? 'j' : null;
  };
  // The value now at i came from j, and the other way round.
  const slideOf = (position: number) => {
    if (!swap || !animate || swap.i === swap.j || (position !== swap.i && position !== swap.j)) return {fromColumns: null, fromRows: null, slideKey: null};
    const other = position === swap.i ? swap.j : swap.i;
    return {fromColumns: (other & 15) - (position & 15), fromRows: (other >> 4) - (position >> 4), slideKey: step};
  };
  return (
    <div className={styles.gridBox}>
      <table
        className={styles.stateGrid}
        aria-label={label}
        data-output="rc4-state"
        data-value={bytesToHex(state)}
        data-i={swap?.i ?? ''}
        data-j={swap?.j ?? ''}>
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>
              S
            </th>
            {DIGITS.map((digit) => (
              <th key={digit} scope="col" className={styles.columnHeader}>
                {`_${digit}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DIGITS.map((rowDigit, row) => (
            <tr key={rowDigit}>
              <th scope="row" className={styles.rowHeader}>
                {`${rowDigit}_`}
              </th>
              {DIGITS.map((columnDigit, column) => {
                const position = row * 16 + column;
                return <Cell key={columnDigit} value={state[position]} marker={markerOf(position)} {...slideOf(position)} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Memoised: edits that keep the key (a new plaintext) do not render the 256 cells again. */
export default memo(StateGrid);
