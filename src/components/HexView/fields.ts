import type {HexAnnotation} from '@site/src/live/types';

/** How many distinct field colours the stylesheet defines; further fields reuse them in order. */
export const FIELD_COLOUR_COUNT = 8;

/** An annotation clipped to the bytes that exist, with its position in the caller's list. */
export interface Field {
  index: number;
  start: number;
  end: number;
  label: string;
}

/** The annotations that cover at least one existing byte, clipped to the byte count. */
export function fieldsWithin(annotations: readonly HexAnnotation[], byteCount: number): Field[] {
  return annotations.flatMap((annotation, index) => {
    const start = Math.max(0, Math.floor(annotation.start));
    const end = Math.min(byteCount, Math.floor(annotation.end));
    return start < end ? [{index, start, end, label: annotation.label}] : [];
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

/** Printable ASCII stands for itself in the text column; everything else is a dot. */
export function asciiOf(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
}

