/**
 * One line of the byte view: up to `bytesPerRow` columns, one sub-line per row. Memoised on its own
 * facts (hex slices, field per column, highlight, tab stop), compared item by item, so that after an
 * edit only the lines whose bytes or facts changed render again.
 * It has no event handlers: the grid around it handles pointer, focus and keys for every cell. Nor
 * does it know the field under the pointer: the view marks that field's bytes (`data-field`) with one
 * style rule, so hovering a field that spans the whole datagram renders no line again. Cell labels
 * are filled in from messages translated once (`byteLabels.ts`).
 */
import {memo, type CSSProperties, type ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import {LABEL_MARKERS, byteLabel, byteLabelTemplates, type ByteLabelMessages} from './byteLabels';
import {FIELD_COLOUR_COUNT, GROUP_SIZE, asciiOfHex, byteRuns, spacedBytes, type ByteRange} from './fields';
import styles from './styles.module.css';


export interface HexLineProps {
  /** Offset of the line's first byte in the view (0 for the first line). */
  lineStart: number;
  /** Bytes on a full line: a shorter sub-line pads its text column to where a full one's starts. */
  bytesPerRow: number;
  /** The `aria-rowindex` of the line's first sub-line: 1-based, counting the sub-lines of every line of the view. */
  firstRowIndex: number;
  /** The offset of the line's first byte as the reader sees it (the view's start offset added). */
  shownStart: number;
  /** That offset in hex, padded to the width of the offset column. */
  offsetText: string;
  /** The name of each row; null for a single unnamed row. */
  rowNames: readonly string[] | null;
  /** Two hex digits per byte of this line, for each row; shorter or empty where a row ends early. */
  rowHex: readonly string[];
  /** For each column, the position of the field that owns it, or -1. */
  columnFields: readonly number[];
  /** For each column, the label of that field, or ''. */
  columnLabels: readonly string[];
  /** Columns of this line inside the caller's highlight, or null. */
  highlight: ByteRange | null;
  /** The cell holding the grid's tab stop when it is on this line, as row and column, else -1 and -1. */
  tabStopRow: number;
  tabStopColumn: number;
}

// The page's locale never changes while it runs, so the messages are translated on first use only.
let labelMessages: ByteLabelMessages | null = null;

function translatedLabelMessages(): ByteLabelMessages {
  const {offset, value, row, field, cell} = LABEL_MARKERS;
  labelMessages ??= {
    byte: translate({id: 'notebook.hexView.byteLabel', message: 'byte {offset}: {value}'}, {offset, value}),
    rowByte: translate({id: 'notebook.hexView.rowByteLabel', message: '{row} byte {offset}: {value}'}, {row, offset, value}),
    inField: translate({id: 'notebook.hexView.inField', message: '{cell}, field {field}'}, {cell, field}),
    highlighted: translate({id: 'notebook.hexView.highlighted', message: '{cell}, highlighted'}, {cell}),
  };
  return labelMessages;
}

/** The columns and group gaps a sub-line of `byteCount` bytes lacks, as the CSS variables of its text column. */
function missingColumns(byteCount: number, bytesPerRow: number): Record<string, number> {
  let gaps = 0;
  for (let column = Math.max(byteCount, 1); column < bytesPerRow; column++) if (column % GROUP_SIZE === 0) gaps++;
  return {'--hex-missing-columns': bytesPerRow - byteCount, '--hex-missing-gaps': gaps};
}

function HexLine(props: HexLineProps): ReactNode {
  const {lineStart, bytesPerRow, firstRowIndex, shownStart, offsetText, rowNames, rowHex, columnFields, columnLabels, highlight, tabStopRow, tabStopColumn} = props;
  const labelTemplates = byteLabelTemplates(translatedLabelMessages(), rowNames !== null);
  const isHighlighted = (column: number) => highlight !== null && column >= highlight.start && column < highlight.end;

  // Classes a column gets from its field and the highlight; bytes and text column share them.
  const markClasses = (column: number) => {
    const field = columnFields[column];
    const highlighted = isHighlighted(column);
    return clsx(
      field !== -1 && [styles.field, styles[`field${field % FIELD_COLOUR_COUNT}`]],
      highlighted && styles.highlighted,
      highlighted && column === highlight?.start && styles.highlightStart,
      highlighted && column === (highlight?.end ?? 0) - 1 && styles.highlightEnd,
    );
  };

  return (
    <div role="rowgroup" className={styles.line} data-line-start={lineStart}>
      {rowHex.map((hex, row) => {
        const name = rowNames === null ? null : rowNames[row];
        const byteCount = hex.length / 2;
        const ascii = asciiOfHex(hex);
        // The text column in runs of equal marking: far fewer elements than one per character.
        const runs: {classes: string; field: number; text: string}[] = [];
        for (let column = 0; column < byteCount; column++) {
          const classes = markClasses(column);
          const last = runs[runs.length - 1];
          if (last && last.classes === classes && last.field === columnFields[column]) last.text += ascii[column];
          else runs.push({classes, field: columnFields[column], text: ascii[column]});
        }
        return (
          <div role="row" aria-rowindex={firstRowIndex + row} className={styles.subLine} key={row}>
            {name === null ? (
              <span role="rowheader" className={styles.offset}>
                {offsetText}
              </span>
            ) : (
              <>
                <span className={styles.offset} aria-hidden="true">
                  {row === 0 ? offsetText : ''}
                </span>
                <span role="rowheader" className={styles.rowName}>
                  {name}
                </span>
              </>
            )}
            {tabStopRow === -1
              ? // A line without the tab stop: its bytes in runs of equal marking, one element per run, split at
                // the group gaps so that every run starts on a column; far cheaper to redraw than a cell a byte.
                byteRuns(byteCount, columnFields, markClasses).map((run) => (
                  <span
                    key={run.start}
                    role="gridcell"
                    data-row={row}
                    data-offset={lineStart + run.start}
                    data-run={run.end - run.start}
                    data-field={columnFields[run.start] === -1 ? undefined : columnFields[run.start]}
                    className={clsx(styles.byte, styles.run, run.start > 0 && run.start % GROUP_SIZE === 0 && styles.groupStart, run.classes)}
                    style={{'--hex-run-columns': run.end - run.start} as CSSProperties}>
                    {spacedBytes(hex, run.start, run.end)}
                  </span>
                ))
              : Array.from({length: byteCount}, (_, column) => {
                  const value = hex.slice(column * 2, column * 2 + 2);
                  return (
                    <span
                      key={column}
                      role="gridcell"
                      data-row={row}
                      data-offset={lineStart + column}
                      data-field={columnFields[column] === -1 ? undefined : columnFields[column]}
                      tabIndex={row === tabStopRow && column === tabStopColumn ? 0 : -1}
                      aria-label={byteLabel(labelTemplates, {
                        offset: shownStart + column,
                        value: `0x${value}`,
                        row: name ?? '',
                        field: columnLabels[column],
                        highlighted: isHighlighted(column),
                      })}
                      className={clsx(styles.byte, column > 0 && column % GROUP_SIZE === 0 && styles.groupStart, markClasses(column))}>
                      {value}
                    </span>
                  );
                })}
            <span className={styles.ascii} aria-hidden="true" style={byteCount < bytesPerRow ? (missingColumns(byteCount, bytesPerRow) as CSSProperties) : undefined}>
              {runs.map((run, position) => (
                <span key={position} className={run.classes || undefined} data-field={run.field === -1 ? undefined : run.field}>
                  {run.text}
                </span>
              ))}
            </span>
          </div>
        );
      })}
    </div>
  );
}

function sameItems<Item>(first: readonly Item[] | null, second: readonly Item[] | null): boolean {
  if (first === second) return true;
  if (first === null || second === null || first.length !== second.length) return false;
  return first.every((item, position) => item === second[position]);
}

// The parent builds fresh arrays on every render; comparing their few items is far cheaper than
// rendering the line's cells again.
function sameLine(previous: HexLineProps, next: HexLineProps): boolean {
  return (
    previous.lineStart === next.lineStart &&
    previous.bytesPerRow === next.bytesPerRow &&
    previous.firstRowIndex === next.firstRowIndex &&
    previous.shownStart === next.shownStart &&
    previous.offsetText === next.offsetText &&
    previous.highlight?.start === next.highlight?.start &&
    previous.highlight?.end === next.highlight?.end &&
    previous.tabStopRow === next.tabStopRow &&
    previous.tabStopColumn === next.tabStopColumn &&
    sameItems(previous.rowNames, next.rowNames) &&
    sameItems(previous.rowHex, next.rowHex) &&
    sameItems(previous.columnFields, next.columnFields) &&
    sameItems(previous.columnLabels, next.columnLabels)
  );
}

export default memo(HexLine, sameLine);
