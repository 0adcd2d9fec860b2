/**
 * Pure helpers of the byte view: which field owns each byte, which part of a byte range falls on one
 * line of the view, and the text column. No React here, so they are unit-tested on their own.
 */
import type {HexAnnotation} from '@site/src/live/types';

/** Bytes between the small gaps that make long lines easier to count. */
export const GROUP_SIZE = 8;

/** How many distinct field colours the stylesheet defines; further fields reuse them in order. */
export const FIELD_COLOUR_COUNT = 8;

/** Bytes [start, end) of a view, counted from its first byte. */
export interface ByteRange {
  start: number;
  end: number;
}

/** An annotation clipped to the bytes that exist, with its position in the caller's list. */
export interface Field extends ByteRange {
  index: number;
  label: string;
}

/**
 * A range clipped to [0, byteCount), or null when nothing of it is left. Ends are rounded down, so a
 * fractional or out-of-range end from a caller never invents a byte.
 */
export function clipRange(range: ByteRange | null | undefined, byteCount: number): ByteRange | null {
  if (!range) return null;
  const start = Math.max(0, Math.floor(range.start));
  const end = Math.min(byteCount, Math.floor(range.end));
  return start < end ? {start, end} : null;
}

/** The annotations that cover at least one existing byte, clipped to the byte count. */
export function fieldsWithin(annotations: readonly HexAnnotation[], byteCount: number): Field[] {
  return annotations.flatMap((annotation, index) => {
    const clipped = clipRange(annotation, byteCount);
    return clipped ? [{index, ...clipped, label: annotation.label}] : [];
  });
}

/**
 * For each byte, the position in `fields` of the narrowest field that covers it, or -1. Nested
 * fields are common (a header and its packet id); the narrowest says the most about a byte.
 */
export function fieldOfEachByte(fields: readonly Field[], byteCount: number): Int32Array {
  const owner = new Int32Array(byteCount).fill(-1);
  fields.forEach((field, position) => {
    for (let offset = field.start; offset < field.end; offset++) {
      const current = owner[offset];
      if (current === -1 || field.end - field.start < fields[current].end - fields[current].start) owner[offset] = position;
    }
  });
  return owner;
}

/**
 * The columns of one line that a range covers, counted from the line's first byte, or null when the
 * range misses the line. Each line of the view gets only the facts about itself, so a change
 * elsewhere leaves it alone.
 */
export function columnsInLine(range: ByteRange | null, lineStart: number, bytesPerLine: number): ByteRange | null {
  if (!range) return null;
  const start = Math.max(range.start, lineStart) - lineStart;
  const end = Math.min(range.end, lineStart + bytesPerLine) - lineStart;
  return start < end ? {start, end} : null;
}

/** Printable ASCII stands for itself in the text column; everything else is a dot. */
export function asciiOf(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
}

/**
 * The text column of one line, from the line's hex digits (two per byte), so a line needs no copy of
 * the bytes themselves.
 */
export function asciiOfHex(hex: string): string {
  let text = '';
  for (let position = 0; position + 1 < hex.length; position += 2) text += asciiOf(parseInt(hex.slice(position, position + 2), 16));
  return text;
}

/** Columns [start, end) of a line that share their marking and lie in one group of {@link GROUP_SIZE}. */
export interface ByteRun {
  start: number;
  end: number;
  classes: string;
}

/** The runs of a line's `byteCount` columns: a new run wherever the marking changes or a group starts. */
export function byteRuns(byteCount: number, columnFields: readonly number[], markClasses: (column: number) => string): ByteRun[] {
  const runs: ByteRun[] = [];
  for (let column = 0; column < byteCount; column++) {
    const classes = markClasses(column);
    const last = runs[runs.length - 1];
    if (last && last.classes === classes && columnFields[column] === columnFields[last.start] && column % GROUP_SIZE !== 0) last.end = column + 1;
    else runs.push({start: column, end: column + 1, classes});
  }
  return runs;
}

/** The hex of bytes [start, end) of a line, a space between bytes: "7f 4e 02". */
export function spacedBytes(hex: string, start: number, end: number): string {
  let text = hex.slice(start * 2, start * 2 + 2);
  for (let column = start + 1; column < end; column++) text += ' ' + hex.slice(column * 2, column * 2 + 2);
  return text;
}
