/**
 * Keyboard moves of the byte view's grid, kept apart from React so that every key is unit-tested.
 * The view shows its rows (ciphertext, keystream, plaintext…) interleaved line by line: line 0 of
 * each row, then line 1 of each row, and so on. The grid's rows in reading order are those sub-lines.
 */

/** One byte cell: the row it belongs to and its offset in that row. */
export interface CellPosition {
  row: number;
  offset: number;
}

/** Lines that Page Up / Page Down jump. */
export const PAGE_LINES = 8;

/**
 * Where a navigation key moves the focus, following the ARIA grid pattern: Left/Right along the row
 * (across line ends), Up/Down to the sub-line above or below in reading order that has a byte in the
 * same column, Home/End to the ends of the sub-line (with Ctrl, to the first and last cell of the
 * grid), Page Up/Down by {@link PAGE_LINES} lines in the same row.
 *
 * @param key `KeyboardEvent.key`
 * @param from the focused cell, which must exist
 * @param rowLengths the byte count of each row
 * @param bytesPerLine bytes on one line of the view
 * @param control whether Ctrl (or Cmd) is held
 * @returns the cell to focus (`from` itself at an edge), or null when the key is not a navigation key
 * @example moveFocus('ArrowDown', {row: 0, offset: 3}, [18, 18], 16, false) // {row: 1, offset: 3}
 */
export function moveFocus(key: string, from: CellPosition, rowLengths: readonly number[], bytesPerLine: number, control: boolean): CellPosition | null {
  const length = rowLengths[from.row];
  const lineStart = from.offset - (from.offset % bytesPerLine);
  const inRow = (offset: number): CellPosition => ({row: from.row, offset: Math.min(Math.max(offset, 0), length - 1)});
  switch (key) {
    case 'ArrowRight':
      return inRow(from.offset + 1);
    case 'ArrowLeft':
      return inRow(from.offset - 1);
    case 'ArrowDown':
      return verticalNeighbour(from, rowLengths, bytesPerLine, 1) ?? from;
    case 'ArrowUp':
      return verticalNeighbour(from, rowLengths, bytesPerLine, -1) ?? from;
    case 'Home':
      return control ? firstCell(rowLengths) : inRow(lineStart);
    case 'End':
      return control ? lastCell(rowLengths, bytesPerLine) : inRow(lineStart + bytesPerLine - 1);
    case 'PageDown':
      return inRow(from.offset + PAGE_LINES * bytesPerLine);
    case 'PageUp':
      return inRow(from.offset - PAGE_LINES * bytesPerLine);
    default:
      return null;
  }
}

/** The nearest sub-line after (step 1) or before (step -1) `from` with a byte in the same column. */
function verticalNeighbour(from: CellPosition, rowLengths: readonly number[], bytesPerLine: number, step: 1 | -1): CellPosition | null {
  const column = from.offset % bytesPerLine;
  const longest = Math.max(...rowLengths);
  let line = (from.offset - column) / bytesPerLine;
  let row = from.row;
  for (;;) {
    row += step;
    if (row === rowLengths.length || row < 0) {
      line += step;
      row = step === 1 ? 0 : rowLengths.length - 1;
    }
    const offset = line * bytesPerLine + column;
    if (offset < 0 || offset >= longest) return null;
    if (offset < rowLengths[row]) return {row, offset};
  }
}

/** The first byte of the first row that has any. */
export function firstCell(rowLengths: readonly number[]): CellPosition | null {
  const row = rowLengths.findIndex((length) => length > 0);
  return row === -1 ? null : {row, offset: 0};
}

/** The last byte of the last sub-line in reading order: on the last line, the lowest row that reaches it. */
function lastCell(rowLengths: readonly number[], bytesPerLine: number): CellPosition {
  const longest = Math.max(...rowLengths);
  const lastLineStart = (Math.ceil(longest / bytesPerLine) - 1) * bytesPerLine;
  let row = rowLengths.length - 1;
  while (rowLengths[row] <= lastLineStart) row--;
  return {row, offset: rowLengths[row] - 1};
}

/**
 * The cell that holds the grid's one tab stop: the last focused cell, moved to the nearest existing
 * byte when the rows have become shorter since.
 *
 * @returns null when no row has any byte
 * @example tabStopCell({row: 2, offset: 40}, [18, 18, 7]) // {row: 2, offset: 6}
 */
export function tabStopCell(focused: CellPosition, rowLengths: readonly number[]): CellPosition | null {
  const row = Math.min(focused.row, rowLengths.length - 1);
  if (row >= 0 && rowLengths[row] > 0) return {row, offset: Math.min(focused.offset, rowLengths[row] - 1)};
  return firstCell(rowLengths);
}
