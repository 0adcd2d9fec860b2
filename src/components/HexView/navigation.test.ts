import {describe, expect, it} from 'vitest';
import {PAGE_LINES, moveFocus, tabStopCell} from './navigation';

// Row lengths as a widget shows them: the 18-byte slide datagram of spec §2.2 above its 7-byte
// plaintext, and a third 18-byte row; 16 bytes a line, so line 1 holds bytes 16-17 of the long rows.
const datagramAndPlaintext = [18, 7];
const threeRows = [18, 7, 18];

describe('moveFocus(key, from, rowLengths, bytesPerLine, control)', () => {
  it('moves Left and Right along the row, across the end of a line, and stops at the row ends', () => {
    expect(moveFocus('ArrowRight', {row: 0, offset: 15}, datagramAndPlaintext, 16, false)).toEqual({row: 0, offset: 16});
    expect(moveFocus('ArrowLeft', {row: 0, offset: 16}, datagramAndPlaintext, 16, false)).toEqual({row: 0, offset: 15});
    expect(moveFocus('ArrowRight', {row: 1, offset: 6}, datagramAndPlaintext, 16, false)).toEqual({row: 1, offset: 6});
    expect(moveFocus('ArrowLeft', {row: 0, offset: 0}, datagramAndPlaintext, 16, false)).toEqual({row: 0, offset: 0});
  });

  it('moves Down to the next sub-line in the same column, then on to the next line', () => {
    expect(moveFocus('ArrowDown', {row: 0, offset: 1}, datagramAndPlaintext, 16, false)).toEqual({row: 1, offset: 1});
    expect(moveFocus('ArrowDown', {row: 1, offset: 1}, datagramAndPlaintext, 16, false)).toEqual({row: 0, offset: 17});
  });

  it('moves Up to the sub-line above, back across lines', () => {
    expect(moveFocus('ArrowUp', {row: 0, offset: 17}, datagramAndPlaintext, 16, false)).toEqual({row: 1, offset: 1});
    expect(moveFocus('ArrowUp', {row: 1, offset: 1}, datagramAndPlaintext, 16, false)).toEqual({row: 0, offset: 1});
  });

  it('skips the blank cell of a shorter row when moving Up or Down', () => {
    expect(moveFocus('ArrowDown', {row: 0, offset: 9}, threeRows, 16, false)).toEqual({row: 2, offset: 9});
    expect(moveFocus('ArrowUp', {row: 2, offset: 9}, threeRows, 16, false)).toEqual({row: 0, offset: 9});
  });

  it('stays put when no sub-line above or below has a byte in the column', () => {
    expect(moveFocus('ArrowDown', {row: 0, offset: 9}, datagramAndPlaintext, 16, false)).toEqual({row: 0, offset: 9});
    expect(moveFocus('ArrowDown', {row: 2, offset: 17}, threeRows, 16, false)).toEqual({row: 2, offset: 17});
    expect(moveFocus('ArrowUp', {row: 0, offset: 4}, threeRows, 16, false)).toEqual({row: 0, offset: 4});
  });

  it('moves Home and End to the ends of the sub-line, the shorter row ending early', () => {
    expect(moveFocus('Home', {row: 0, offset: 17}, datagramAndPlaintext, 16, false)).toEqual({row: 0, offset: 16});
    expect(moveFocus('End', {row: 0, offset: 3}, datagramAndPlaintext, 16, false)).toEqual({row: 0, offset: 15});
    expect(moveFocus('End', {row: 1, offset: 2}, datagramAndPlaintext, 16, false)).toEqual({row: 1, offset: 6});
  });

  it('moves Ctrl+Home and Ctrl+End to the first and the last cell of the grid in reading order', () => {
    expect(moveFocus('Home', {row: 1, offset: 5}, datagramAndPlaintext, 16, true)).toEqual({row: 0, offset: 0});
    expect(moveFocus('End', {row: 1, offset: 5}, datagramAndPlaintext, 16, true)).toEqual({row: 0, offset: 17});
    expect(moveFocus('End', {row: 0, offset: 5}, threeRows, 16, true)).toEqual({row: 2, offset: 17});
    expect(moveFocus('Home', {row: 1, offset: 0}, [0, 7], 16, true)).toEqual({row: 1, offset: 0});
  });

  it(`moves Page Down and Page Up by ${PAGE_LINES} lines in the same row, stopping at its ends`, () => {
    // A full-size fragment (spec §2.1: 1355 bytes) in one row.
    expect(moveFocus('PageDown', {row: 0, offset: 5}, [1355], 16, false)).toEqual({row: 0, offset: 133});
    expect(moveFocus('PageUp', {row: 0, offset: 133}, [1355], 16, false)).toEqual({row: 0, offset: 5});
    expect(moveFocus('PageDown', {row: 0, offset: 1300}, [1355], 16, false)).toEqual({row: 0, offset: 1354});
    expect(moveFocus('PageUp', {row: 0, offset: 100}, [1355], 16, false)).toEqual({row: 0, offset: 0});
  });

  it('gives null for a key that is not a navigation key', () => {
    expect(moveFocus('a', {row: 0, offset: 0}, datagramAndPlaintext, 16, false)).toBeNull();
    expect(moveFocus('Tab', {row: 0, offset: 0}, datagramAndPlaintext, 16, false)).toBeNull();
  });
});

describe('tabStopCell(focused, rowLengths)', () => {
  it('keeps a focused cell that still exists', () => {
    expect(tabStopCell({row: 1, offset: 4}, datagramAndPlaintext)).toEqual({row: 1, offset: 4});
  });

  it('moves to the last byte of the row, or the last row, when the rows have shrunk', () => {
    expect(tabStopCell({row: 2, offset: 40}, [18, 18, 7])).toEqual({row: 2, offset: 6});
    expect(tabStopCell({row: 2, offset: 3}, datagramAndPlaintext)).toEqual({row: 1, offset: 3});
  });

  it('falls back to the first byte of the first row that has any, and null when none has', () => {
    expect(tabStopCell({row: 0, offset: 5}, [0, 7])).toEqual({row: 1, offset: 0});
    expect(tabStopCell({row: 0, offset: 0}, [0, 0])).toBeNull();
    expect(tabStopCell({row: 0, offset: 0}, [])).toBeNull();
  });
});
