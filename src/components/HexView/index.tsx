import {useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import type {HexAnnotation} from '@site/src/live/types';
import {bytesToHex} from '@site/src/protocol/bytes';
import {FIELD_COLOUR_COUNT, asciiOf, fieldOfEachByte, fieldsWithin, type Field} from './fields';
import styles from './styles.module.css';

export interface HexViewProps {
  bytes: Uint8Array;
  /** Labelled fields, bytes [start, end) each; they get a colour and a legend entry. */
  annotations?: HexAnnotation[];
  /** What the bytes are, for screen readers and the copy field ("Datagram 1, 18 bytes"). */
  label: string;
  bytesPerRow?: number;
}

/** Rows a Page Up / Page Down jumps. */
const PAGE_ROWS = 8;
/** Bytes between the small gaps that make long rows easier to count. */
const GROUP_SIZE = 8;

const colourClass = (position: number) => styles[`field${position % FIELD_COLOUR_COUNT}`];

function byteRange(field: Field): string {
  return field.end - field.start === 1
    ? translate({id: 'notebook.hexView.oneByte', message: 'byte {offset}'}, {offset: field.start})
    : translate({id: 'notebook.hexView.byteRange', message: 'bytes {first}–{last}'}, {first: field.start, last: field.end - 1});
}

/**
 * The site's byte view: offsets, hex bytes and their ASCII, with labelled fields in colour. Hovering or
 * focusing a field's byte or its legend entry highlights both, and the grid is walked with the arrow
 * keys. A pure view: whatever the bytes mean comes from the caller.
 */
export default function HexView({bytes, annotations = [], label, bytesPerRow = 16}: HexViewProps): ReactNode {
  const fields = useMemo(() => fieldsWithin(annotations, bytes.length), [annotations, bytes.length]);
  const owner = useMemo(() => fieldOfEachByte(fields, bytes.length), [fields, bytes.length]);
  const [activeField, setActiveField] = useState<number | null>(null);
  const [focusedByte, setFocusedByte] = useState(0);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'unavailable'>('idle');
  const byteElements = useRef<(HTMLSpanElement | null)[]>([]);
  const copyFieldId = useId();

  const rowCount = Math.ceil(bytes.length / bytesPerRow);
  const offsetDigits = Math.max(4, Math.max(bytes.length - 1, 0).toString(16).length);
  const tabStop = Math.min(focusedByte, bytes.length - 1);
  // One hex string for the whole view: the copy button takes it, each byte cell reads its two digits.
  const hex = useMemo(() => bytesToHex(bytes), [bytes]);
  const hexOf = (offset: number) => hex.slice(offset * 2, offset * 2 + 2);
  // The first byte of each group gets a wider column, its gap inside, so that the columns stay aligned.
  const rowStyle: CSSProperties = useMemo(() => {
    const byteColumns = Array.from({length: bytesPerRow}, (_, column) => (column > 0 && column % GROUP_SIZE === 0 ? 'var(--hex-group-column)' : 'var(--hex-column)'));
    return {gridTemplateColumns: `auto ${byteColumns.join(' ')} auto`};
  }, [bytesPerRow]);

  function moveTo(offset: number) {
    if (offset < 0 || offset >= bytes.length) return;
    setFocusedByte(offset);
    byteElements.current[offset]?.focus();
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const rowStart = tabStop - (tabStop % bytesPerRow);
    const last = bytes.length - 1;
    const targets: Record<string, number> = {
      ArrowRight: tabStop + 1,
      ArrowLeft: tabStop - 1,
      ArrowDown: tabStop + bytesPerRow,
      ArrowUp: tabStop - bytesPerRow,
      Home: event.ctrlKey ? 0 : rowStart,
      End: event.ctrlKey ? last : Math.min(last, rowStart + bytesPerRow - 1),
      PageDown: Math.min(last, tabStop + PAGE_ROWS * bytesPerRow),
      PageUp: Math.max(0, tabStop - PAGE_ROWS * bytesPerRow),
    };
    if (!(event.key in targets)) return;
    event.preventDefault();
    moveTo(targets[event.key]);
  }

  async function copyHex() {
    try {
      await navigator.clipboard.writeText(hex);
      setCopyState('copied');
    } catch {
      // No clipboard (insecure page, permission refused): offer the text to copy by hand.
      setCopyState('unavailable');
    }
  }

  function byteLabel(offset: number): string {
    const value = `0x${hexOf(offset)}`;
    const field = owner[offset];
    return field === -1
      ? translate({id: 'notebook.hexView.byteLabel', message: 'byte {offset}: {value}'}, {offset, value})
      : translate({id: 'notebook.hexView.byteInFieldLabel', message: 'byte {offset}: {value}, field {field}'}, {offset, value, field: fields[field].label});
  }

  const fieldClasses = (offset: number) => {
    const field = owner[offset];
    return field === -1 ? undefined : clsx(styles.field, colourClass(field), field === activeField && styles.active);
  };

  if (bytes.length === 0) {
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

  return (
    <div className={styles.view} data-widget="hex-view">
      <div className={styles.scroller}>
        <div
          role="grid"
          aria-label={label}
          aria-readonly="true"
          className={styles.grid}
          onKeyDown={onGridKeyDown}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) setActiveField(null);
          }}
          onMouseLeave={() => setActiveField(null)}>
          {Array.from({length: rowCount}, (_, row) => {
            const rowStart = row * bytesPerRow;
            const offsets = Array.from({length: Math.min(bytesPerRow, bytes.length - rowStart)}, (__, column) => rowStart + column);
            return (
              <div role="row" className={styles.row} style={rowStyle} key={row}>
                <span role="rowheader" className={styles.offset}>
                  {rowStart.toString(16).padStart(offsetDigits, '0')}
                </span>
                {offsets.map((offset) => (
                  <span
                    key={offset}
                    role="gridcell"
                    ref={(element) => {
                      byteElements.current[offset] = element;
                    }}
                    tabIndex={offset === tabStop ? 0 : -1}
                    aria-label={byteLabel(offset)}
                    className={clsx(styles.byte, offset % GROUP_SIZE === 0 && offset !== rowStart && styles.groupStart, fieldClasses(offset))}
                    onFocus={() => {
                      setFocusedByte(offset);
                      setActiveField(owner[offset] === -1 ? null : owner[offset]);
                    }}
                    onMouseEnter={() => setActiveField(owner[offset] === -1 ? null : owner[offset])}>
                    {hexOf(offset)}
                  </span>
                ))}
                <span className={styles.ascii} style={{gridColumn: bytesPerRow + 2}} aria-hidden="true">
                  {offsets.map((offset) => (
                    <span key={offset} className={fieldClasses(offset)}>
                      {asciiOf(bytes[offset])}
                    </span>
                  ))}
                </span>
              </div>
            );
          })}
        </div>
      </div>

      {fields.length > 0 && (
        <ul className={styles.legend} aria-label={translate({id: 'notebook.hexView.legend', message: 'Fields'})}>
          {fields.map((field, position) => (
            <li key={`${field.index}-${field.start}`}>
              <button
                type="button"
                className={clsx(styles.legendEntry, position === activeField && styles.legendActive)}
                onMouseEnter={() => setActiveField(position)}
                onMouseLeave={() => setActiveField(null)}
                onFocus={() => setActiveField(position)}
                onBlur={() => setActiveField(null)}
                onClick={() => moveTo(field.start)}>
                <span className={clsx(styles.swatch, styles.field, colourClass(position))} aria-hidden="true" />
                <span className={styles.legendLabel}>{field.label}</span>
                <span className={styles.legendRange}>{byteRange(field)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <div className={styles.actions}>
        <button type="button" className="button button--sm button--secondary" onClick={copyHex}>
          <Translate id="notebook.hexView.copy">Copy hex</Translate>
        </button>
        <span role="status" className={styles.copyStatus}>
          {copyState === 'copied' && <Translate id="notebook.hexView.copied">Hex copied</Translate>}
        </span>
      </div>
      {copyState === 'unavailable' && (
        <div className={styles.copyFallback}>
          <label htmlFor={copyFieldId}>
            <Translate id="notebook.hexView.copyFallback">Copying is not available here. Select this hex and copy it yourself:</Translate>
          </label>
          <textarea id={copyFieldId} readOnly value={hex} rows={2} onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
