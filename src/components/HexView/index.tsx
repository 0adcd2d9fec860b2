/**
 * The site's one byte view: offsets, hex bytes and their text, in one or several aligned rows
 * (ciphertext, keystream, plaintext), with labelled fields in colour and a legend. Hovering or focusing
 * a field's byte or its legend entry highlights both; a caller can highlight a range of its own (a
 * dissector tree's node). A pure view: whatever the bytes mean comes from the caller. A long view draws
 * only the lines near its scroll box's visible area (`useLineWindow.ts`), and every line for print.
 */
import {useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import type {HexAnnotation} from '@site/src/live/types';
import {bytesToHex} from '@site/src/protocol/bytes';
import HexLine from './HexLine';
import {FIELD_COLOUR_COUNT, clipRange, columnsInLine, fieldOfEachByte, fieldsWithin, type ByteRange, type Field} from './fields';
import {moveFocus, tabStopCell, type CellPosition} from './navigation';
import {useLineWindow} from './useLineWindow';
import {SCROLL_MARGIN, lineSegments} from './windowing';
import styles from './styles.module.css';

export type {ByteRange} from './fields';

/** One row of a multi-row view: a short name ("ciphertext") and its bytes. */
export interface HexViewRow {
  name: string;
  bytes: Uint8Array;
}

/** A field as reported to `onFieldActivate`: bytes [start, end) of the view and the field's label. */
export interface HexViewField {
  start: number;
  end: number;
  label: string;
}

export interface HexViewProps {
  /** The bytes, shown as one unnamed row. Ignored when `rows` is given. Default: no bytes. */
  bytes?: Uint8Array;
  /**
   * Several rows shown aligned, byte k of every row in the same column, each sub-line headed by its
   * row's name. Rows may differ in length. Replaces `bytes`. Default: absent (one row of `bytes`).
   */
  rows?: readonly HexViewRow[];
  /**
   * Labelled fields, bytes [start, end) counted from the view's first byte (not from `startOffset`);
   * they apply to every row and get a colour and a legend entry. Bytes outside the view are dropped.
   * Default: none.
   */
  annotations?: readonly HexAnnotation[];
  /** What the bytes are, for screen readers and the empty message ("Datagram 1, 18 bytes"). Required. */
  label: string;
  /** Bytes on one line. Default: 16. */
  bytesPerRow?: number;
  /** The offset shown for the first byte, for a view of a slice of a bigger buffer. Default: 0. */
  startOffset?: number;
  /**
   * Bytes [start, end) of every row to outline, counted like `annotations`, and scrolled into view
   * inside the view's own box (never the page, never taking focus). Default: null (nothing).
   */
  highlight?: ByteRange | null;
  /** Called with the field the reader hovers or focuses (in bytes or the legend), and null when they leave. */
  onFieldActivate?: (field: HexViewField | null) => void;
}

const defaults = {
  annotations: [] as readonly HexAnnotation[],
  bytesPerRow: 16,
  startOffset: 0,
  highlight: null,
};

const NO_BYTES = new Uint8Array(0);
/** Stand-ins for a new view's rows and fields until its deferred first render. */
const PENDING_ROWS: readonly HexViewRow[] = [];
const PENDING_ANNOTATIONS: readonly HexAnnotation[] = [];

/** Whether the page has hydrated: a view mounted after that appeared on an edit. */
let pageHydrated = false;

const colourClass = (position: number) => styles[`field${position % FIELD_COLOUR_COUNT}`];

function byteRange(field: Field, startOffset: number): string {
  const first = startOffset + field.start;
  return field.end - field.start === 1
    ? translate({id: 'notebook.hexView.oneByte', message: 'byte {offset}'}, {offset: first})
    : translate({id: 'notebook.hexView.byteRange', message: 'bytes {first}–{last}'}, {first, last: startOffset + field.end - 1});
}

/** The byte cell an event happened in, read from the cell's data attributes. */
function cellOf(target: EventTarget | null): CellPosition | null {
  const cell = target instanceof Element ? target.closest<HTMLElement>('[data-offset]') : null;
  return cell ? {row: Number(cell.dataset.row), offset: Number(cell.dataset.offset)} : null;
}

// Only byte cells have a tabindex: a run of bytes (a line without the tab stop) may share the offset.
const cellSelector = (cell: CellPosition) => `[data-row="${cell.row}"][data-offset="${cell.offset}"][tabindex]`;

/** The byte under the pointer in a run of bytes: the run's first offset plus the column the pointer is in. */
function byteInRun(run: HTMLElement, clientX: number): CellPosition {
  const columns = Number(run.dataset.run);
  const box = run.getBoundingClientRect();
  const column = Math.min(columns - 1, Math.max(0, Math.floor(((clientX - box.left) / box.width) * columns)));
  return {row: Number(run.dataset.row), offset: Number(run.dataset.offset) + column};
}

/**
 * Scrolls `box` sideways, just enough to show `cell`'s column (on a phone the lines are wider than
 * the box). Only the box moves: `scrollIntoView` would move the page too.
 */
function scrollColumnIntoBox(box: HTMLElement, cell: Element) {
  const originLeft = box.getBoundingClientRect().left + box.clientLeft - box.scrollLeft;
  const cellRect = cell.getBoundingClientRect();
  const left = cellRect.left - originLeft;
  const right = cellRect.right - originLeft;
  if (left < box.scrollLeft || right > box.scrollLeft + box.clientWidth) box.scrollLeft = Math.max(0, left - SCROLL_MARGIN);
}

/** A cell to act on once it is drawn: to focus, or to scroll the box sideways to. */
interface Reveal {
  selector: string;
  focus: boolean;
}

/**
 * The site's byte view. One tab stop; arrow keys walk the grid (see `navigation.ts`), each legend
 * entry is a button that moves the focus to its field.
 */
export default function HexView(props: HexViewProps): ReactNode {
  const {
    bytes,
    rows,
    annotations: givenAnnotations = defaults.annotations,
    label,
    bytesPerRow: requestedBytesPerRow = defaults.bytesPerRow,
    startOffset: requestedStartOffset = defaults.startOffset,
    highlight = defaults.highlight,
    onFieldActivate,
  } = props;
  const bytesPerRow = Math.max(1, Math.floor(requestedBytesPerRow));
  const startOffset = Math.max(0, Math.floor(requestedStartOffset));
  const named = rows !== undefined;
  const givenRows = useMemo(() => rows ?? [{name: '', bytes: bytes ?? NO_BYTES}], [rows, bytes]);
  // New bytes are drawn in a deferred render: the widget around the view shows its new values in the
  // frame of the edit, and a view of a whole datagram follows without holding up the typing. So are
  // the first bytes of a view that appears after an edit (a lab's later stage): until then it keeps
  // its full height with no lines drawn. Views of the page's first render draw at once, as the
  // server's HTML has their bytes.
  const [appearedAfterEdit] = useState(() => pageHydrated);
  useEffect(() => {
    pageHydrated = true;
  }, []);
  const deferredRows = useDeferredValue(givenRows, appearedAfterEdit ? PENDING_ROWS : givenRows);
  const annotations = useDeferredValue(givenAnnotations, appearedAfterEdit ? PENDING_ANNOTATIONS : givenAnnotations);
  const pending = deferredRows === PENDING_ROWS;
  const rowList = pending ? givenRows : deferredRows;
  // One hex string per row: copying takes it whole, each line takes its slice.
  const rowHex = useMemo(() => rowList.map((row) => bytesToHex(row.bytes)), [rowList]);
  const rowLengths = rowList.map((row) => row.bytes.length);
  const rowNames = named ? rowList.map((row) => row.name) : null;
  const longest = Math.max(0, ...rowLengths);

  const fields = useMemo(() => fieldsWithin(annotations, longest), [annotations, longest]);
  const owner = useMemo(() => fieldOfEachByte(fields, longest), [fields, longest]);
  const [activeField, setActiveField] = useState<number | null>(null);
  // The field last reported, read synchronously: a blur and a focus arrive in one event loop turn,
  // before the state set by the first is rendered.
  const reportedField = useRef<number | null>(null);
  const [focusedCell, setFocusedCell] = useState<CellPosition>({row: 0, offset: 0});
  const [copy, setCopy] = useState<{row: number; state: 'copied' | 'unavailable'} | null>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  // A cell asked for before the render that draws it; the next commit acts on it.
  const pendingReveal = useRef<Reveal | null>(null);
  const copyFieldId = useId();
  const gridId = useId();

  // Annotations may shrink under a remembered field or focus; fall back to what still exists.
  const active = activeField !== null && activeField < fields.length ? activeField : null;
  const tabStop = tabStopCell(focusedCell, rowLengths);
  const marked = clipRange(highlight, longest);
  const offsetDigits = Math.max(4, Math.max(startOffset + longest - 1, 0).toString(16).length);
  const lineCount = Math.ceil(longest / bytesPerRow);
  const lineOf = (offset: number) => Math.floor(offset / bytesPerRow);
  const rowCount = rowList.length;
  const {range: lineWindow, windowed, linePitch, showLines} = useLineWindow({scrollerRef, gridRef, lineCount, rowCount, drawing: !pending});

  /** Focuses `target`, or scrolls the box to its column, if it is drawn; says whether it was. */
  function tryReveal(target: Reveal): boolean {
    const scroller = scrollerRef.current;
    const cell = scroller?.querySelector<HTMLElement>(target.selector);
    if (!scroller || !cell) return false;
    if (target.focus) cell.focus();
    else scrollColumnIntoBox(scroller, cell);
    return true;
  }

  /** Reveals `target` now if it is drawn, else in the next commit (which the caller's state change brings). */
  function reveal(target: Reveal) {
    pendingReveal.current = tryReveal(target) ? null : target;
  }

  // Declared before the effects that ask for a reveal, so it acts on a request of an earlier commit;
  // once: a cell still not drawn (the bytes changed meanwhile) is given up.
  useLayoutEffect(() => {
    const target = pendingReveal.current;
    pendingReveal.current = null;
    if (target !== null) tryReveal(target);
  });

  const highlightStart = marked?.start ?? -1;
  const highlightEnd = marked?.end ?? -1;
  // By computed positions: the highlighted lines may not be drawn yet. The box scrolls; the page never does.
  useLayoutEffect(() => {
    if (highlightStart < 0) return;
    showLines(lineOf(highlightStart), lineOf(highlightEnd - 1));
    reveal({selector: `[data-offset="${highlightStart}"]`, focus: false});
    // Follows the highlight alone: showLines and lineOf are new on every render.
  }, [highlightStart, highlightEnd, bytesPerRow]);

  function activate(position: number | null) {
    if (position === reportedField.current) return;
    reportedField.current = position;
    setActiveField(position);
    const field = position === null ? null : fields[position];
    onFieldActivate?.(field && {start: field.start, end: field.end, label: field.label});
  }

  function fieldAt(offset: number): number | null {
    return owner[offset] === -1 ? null : owner[offset];
  }

  // The box scrolls to the cell's line first, so that the window draws it with its neighbours; the
  // cell is focused at once if drawn already, else once the tab stop's move has drawn it.
  function moveTo(cell: CellPosition) {
    const line = lineOf(cell.offset);
    showLines(line, line);
    setFocusedCell(cell);
    reveal({selector: cellSelector(cell), focus: true});
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const from = cellOf(event.target) ?? tabStop;
    if (from === null) return;
    const target = moveFocus(event.key, from, rowLengths, bytesPerRow, event.ctrlKey || event.metaKey);
    if (target === null) return;
    event.preventDefault();
    moveTo(target);
  }

  function onGridFocus(event: FocusEvent<HTMLDivElement>) {
    const cell = cellOf(event.target);
    if (cell === null) return;
    setFocusedCell(cell);
    activate(fieldAt(cell.offset));
  }

  // The pointer over a gap or the text column keeps the field it last touched, so that crossing a
  // group gap does not flicker the highlight (and a linked tree) off and on.
  function onGridMouseOver(event: MouseEvent<HTMLDivElement>) {
    const cell = cellOf(event.target);
    if (cell !== null) activate(fieldAt(cell.offset));
  }

  function focusField(field: Field) {
    const row = tabStop !== null && rowLengths[tabStop.row] > field.start ? tabStop.row : rowLengths.findIndex((length) => length > field.start);
    moveTo({row, offset: field.start});
  }

  async function copyRow(row: number) {
    try {
      await navigator.clipboard.writeText(rowHex[row]);
      setCopy({row, state: 'copied'});
    } catch {
      // No clipboard (insecure page, permission refused): offer the text to copy by hand.
      setCopy({row, state: 'unavailable'});
    }
  }

  if (longest === 0) {
    return (
      <div className={styles.view} data-widget="hex-view">
        <p className={styles.empty}>
          <Translate id="notebook.hexView.empty" values={{label}}>
            {'{label}: no bytes'}
          </Translate>
        </p>
      </div>
    );
  }

  function drawLine(line: number): ReactNode {
    const lineStart = line * bytesPerRow;
    const lineEnd = Math.min(lineStart + bytesPerRow, longest);
    const columnFields = Array.from(owner.subarray(lineStart, lineEnd));
    const tabStopHere = tabStop !== null && tabStop.offset >= lineStart && tabStop.offset < lineEnd ? tabStop : null;
    return (
      <HexLine
        key={lineStart}
        lineStart={lineStart}
        bytesPerRow={bytesPerRow}
        firstRowIndex={line * rowCount + 1}
        shownStart={startOffset + lineStart}
        offsetText={(startOffset + lineStart).toString(16).padStart(offsetDigits, '0')}
        rowNames={rowNames}
        rowHex={rowHex.map((hex) => hex.slice(lineStart * 2, lineEnd * 2))}
        columnFields={columnFields}
        columnLabels={columnFields.map((position) => (position === -1 ? '' : fields[position].label))}
        highlight={columnsInLine(marked, lineStart, bytesPerRow)}
        tabStopRow={tabStopHere?.row ?? -1}
        tabStopColumn={tabStopHere === null ? -1 : tabStopHere.offset - lineStart}
      />
    );
  }

  // The tab stop's line is drawn wherever the window is: the grid's one tab stop must exist, and it
  // may hold the focus while the reader scrolls away.
  const segments = pending
    ? [{first: 0, end: lineCount, drawn: false}]
    : windowed
      ? lineSegments(lineWindow, tabStop && lineOf(tabStop.offset), lineCount)
      : [{first: 0, end: lineCount, drawn: true}];
  const lines: ReactNode[] = [];
  for (const segment of segments) {
    if (!segment.drawn) {
      const spacerLines = segment.end - segment.first;
      // The CSS pitch serves until the lines have been measured.
      const spacerStyle = {'--hex-spacer-lines': spacerLines, height: linePitch === null ? undefined : spacerLines * linePitch};
      lines.push(<div key={`spacer-${segment.first}`} className={styles.spacer} style={spacerStyle as CSSProperties} aria-hidden="true" />);
      continue;
    }
    for (let line = segment.first; line < segment.end; line++) lines.push(drawLine(line));
  }

  const copied = copy !== null && copy.row < rowList.length ? copy : null;
  const copyStatus =
    copied?.state !== 'copied'
      ? ''
      : rowList.length === 1
        ? translate({id: 'notebook.hexView.copied', message: 'Hex copied'})
        : translate({id: 'notebook.hexView.rowCopied', message: '{name} copied'}, {name: rowList[copied.row].name});

  return (
    <div className={styles.view} data-widget="hex-view">
      {/* Marks the active field's bytes by a rule instead of a class on each, so no line renders again. */}
      {/* Only while a field is active: an empty style element would not survive the HTML minifier, and hydration would then fail. */}
      {active !== null && <style>{`[data-hex-grid="${gridId}"] [data-field="${active}"] { --hex-active: 1; }`}</style>}
      <div className={styles.scroller} ref={scrollerRef}>
        <div
          ref={gridRef}
          role="grid"
          aria-label={label}
          aria-readonly="true"
          aria-rowcount={lineCount * rowCount}
          data-hex-grid={gridId}
          className={clsx(styles.grid, rowCount > 1 && styles.multiRow)}
          style={
            {
              '--hex-row-count': rowCount,
              '--hex-offset-digits': offsetDigits,
              '--hex-name-width': rowNames === null ? 0 : Math.max(...rowNames.map((name) => name.length)),
            } as CSSProperties
          }
          onKeyDown={onGridKeyDown}
          onFocus={onGridFocus}
          onMouseOver={onGridMouseOver}
          onClick={(event) => {
            // A click in a run of bytes (not focusable) moves the tab stop to the byte clicked.
            const run = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-run]') : null;
            if (run) moveTo(byteInRun(run, event.clientX));
          }}
          onMouseLeave={() => activate(null)}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) activate(null);
          }}>
          {lines}
        </div>
      </div>

      {fields.length > 0 && (
        <ul className={styles.legend} aria-label={translate({id: 'notebook.hexView.legend', message: 'Fields'})}>
          {fields.map((field, position) => (
            <li key={`${field.index}-${field.start}`}>
              <button
                type="button"
                className={clsx(styles.legendEntry, position === active && styles.legendActive)}
                onMouseEnter={() => activate(position)}
                onMouseLeave={() => activate(null)}
                onFocus={() => activate(position)}
                onBlur={() => activate(null)}
                onClick={() => focusField(field)}>
                <span className={clsx(styles.swatch, styles.field, colourClass(position))} aria-hidden="true" />
                <span>{field.label}</span>
                <span className={styles.legendRange}>{byteRange(field, startOffset)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <div className={styles.actions}>
        {rowList.length === 1 ? (
          <button type="button" className="button button--sm button--secondary" onClick={() => copyRow(0)}>
            <Translate id="notebook.hexView.copy">Copy hex</Translate>
          </button>
        ) : (
          rowList.map((row, position) => (
            <button key={position} type="button" className="button button--sm button--secondary" onClick={() => copyRow(position)}>
              <Translate id="notebook.hexView.copyRow" values={{name: row.name}}>
                {'Copy {name}'}
              </Translate>
            </button>
          ))
        )}
        <span role="status" className={styles.copyStatus}>
          {copyStatus}
        </span>
      </div>
      {copied?.state === 'unavailable' && (
        <div className={styles.copyFallback}>
          <label htmlFor={copyFieldId}>
            <Translate id="notebook.hexView.copyFallback">Copying is not available here. Select this hex and copy it yourself:</Translate>
          </label>
          <textarea id={copyFieldId} readOnly value={rowHex[copied.row]} rows={2} onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
