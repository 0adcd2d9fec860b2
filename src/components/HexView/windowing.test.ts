import {describe, expect, it} from 'vitest';
import {FIRST_WINDOW_LINES, OVERSCAN_LINES, lineSegments, scrollTopToShow, windowAt} from './windowing';

// The geometry of the site's byte view at the default 16 px root size: a sub-line is 0.875rem × 1.6
// = 22.4 px; a three-row view (ciphertext, keystream, plaintext) adds a 0.5rem gap, so its pitch is
// 3 × 22.4 + 8 = 75.2 px. The box is at most 28rem = 448 px high, and its 0.25rem padding puts line 0
// 4 px below the top of the content. A 1,500-byte datagram at 16 bytes a line has 94 lines.
const LINES_1500 = 94;
const oneRow = {viewportHeight: 448, linesTop: 4, linePitch: 22.4};
const threeRows = {viewportHeight: 448, linesTop: 4, linePitch: 75.2};

describe('windowAt(box, lineCount, overscan)', () => {
  it('draws the lines in view at the top of the box and the overscan below', () => {
    // 444 px of lines in view / 22.4 = 19.8: lines 0-19 are seen, 20-27 are an overscan of 8.
    expect(windowAt({...oneRow, scrollTop: 0}, LINES_1500, 8)).toEqual({first: 0, end: 28});
    // With the default overscan of 1: line 20 only.
    expect(OVERSCAN_LINES).toBe(1);
    expect(windowAt({...oneRow, scrollTop: 0}, LINES_1500)).toEqual({first: 0, end: 21});
  });

  it('draws 8 lines above and below a box scrolled to the middle', () => {
    // Lines 44 (from 4 + 44 × 22.4 = 989.6) to 64 (ends at 4 + 65 × 22.4 = 1460) meet [1000, 1448].
    expect(windowAt({...oneRow, scrollTop: 1000}, LINES_1500, 8)).toEqual({first: 36, end: 73});
  });

  it('draws fewer lines when each line holds three rows', () => {
    // 444 / 75.2 = 5.9: lines 0-5 are seen.
    expect(windowAt({...threeRows, scrollTop: 0}, LINES_1500, 8)).toEqual({first: 0, end: 14});
    // The box scrolled to its end: content 4 + 94 × 75.2 = 7072.8 (plus 4 px padding), visible from 6628.8.
    expect(windowAt({...threeRows, scrollTop: 6628.8}, LINES_1500, 8)).toEqual({first: 80, end: 94});
  });

  it('counts a line that only touches the top edge of the visible area as seen', () => {
    // Line 10 spans [228, 250.4); scrolled to 250 it still shows 0.4 px.
    expect(windowAt({...oneRow, scrollTop: 250}, LINES_1500, 0).first).toBe(10);
    expect(windowAt({...oneRow, scrollTop: 250.4}, LINES_1500, 0).first).toBe(11);
  });

  it('keeps the last lines drawn when the box reports a scroll past the content', () => {
    expect(windowAt({...oneRow, scrollTop: 50_000}, LINES_1500)).toEqual({first: 93, end: 94});
  });

  it('draws the first window while the box is unmeasured or hidden (pitch 0)', () => {
    expect(windowAt({scrollTop: 0, viewportHeight: 0, linesTop: 0, linePitch: 0}, LINES_1500)).toEqual({first: 0, end: FIRST_WINDOW_LINES});
    expect(windowAt({scrollTop: 0, viewportHeight: 0, linesTop: 0, linePitch: 0}, 2)).toEqual({first: 0, end: 2});
  });

  it('takes the overscan as given', () => {
    expect(windowAt({...oneRow, scrollTop: 1000}, LINES_1500, 0)).toEqual({first: 44, end: 65});
    expect(windowAt({...oneRow, scrollTop: 1000}, LINES_1500, 2)).toEqual({first: 42, end: 67});
  });
});

describe('scrollTopToShow(first, last, box, margin)', () => {
  it('leaves the box where it is when the lines are in view', () => {
    expect(scrollTopToShow(3, 5, {...oneRow, scrollTop: 0}, 8)).toBe(0);
    expect(scrollTopToShow(44, 44, {...oneRow, scrollTop: 980}, 8)).toBe(980);
  });

  it('brings a line below the box up to its bottom edge, less the margin', () => {
    // Line 40 ends at 4 + 41 × 22.4 = 922.4; 922.4 - 448 + 8 = 482.4.
    expect(scrollTopToShow(40, 40, {...oneRow, scrollTop: 0}, 8)).toBeCloseTo(482.4, 6);
  });

  it('brings a line above the box down to its top edge, less the margin', () => {
    // Line 10 starts at 4 + 10 × 22.4 = 228; 228 - 8 = 220.
    expect(scrollTopToShow(10, 10, {...oneRow, scrollTop: 1000}, 8)).toBeCloseTo(220, 6);
  });

  it('shows the start of a range taller than the box', () => {
    // Lines 20-60 of three rows span 41 × 75.2 px; line 20 starts at 4 + 20 × 75.2 = 1508.
    expect(scrollTopToShow(20, 60, {...threeRows, scrollTop: 0}, 8)).toBeCloseTo(1500, 6);
    expect(scrollTopToShow(20, 60, {...threeRows, scrollTop: 5000}, 8)).toBeCloseTo(1500, 6);
  });

  it('never returns a negative scrollTop', () => {
    expect(scrollTopToShow(0, 0, {...oneRow, scrollTop: 300}, 8)).toBe(0);
  });

  it('brings a line scrolled to by the window into the window computed from the new scrollTop', () => {
    const scrollTop = scrollTopToShow(90, 90, {...threeRows, scrollTop: 0}, 8);
    const window = windowAt({...threeRows, scrollTop}, LINES_1500);
    expect(window.first <= 90 && 90 < window.end).toBe(true);
  });
});

describe('lineSegments(window, keptLine, lineCount)', () => {
  const heightOf = (segments: {first: number; end: number}[]) => segments.reduce((lines, segment) => lines + segment.end - segment.first, 0);

  it('draws every line of a view that the window covers, with no spacer', () => {
    // The 18-byte slide datagram of spec §2.2: two lines.
    expect(lineSegments({first: 0, end: FIRST_WINDOW_LINES}, 0, 2)).toEqual([{first: 0, end: 2, drawn: true}]);
  });

  it('puts spacers of the exact line counts before and after the window', () => {
    const segments = lineSegments({first: 36, end: 73}, 40, LINES_1500);
    expect(segments).toEqual([
      {first: 0, end: 36, drawn: false},
      {first: 36, end: 73, drawn: true},
      {first: 73, end: LINES_1500, drawn: false},
    ]);
    expect(heightOf(segments)).toBe(LINES_1500);
  });

  it('draws the tab stop line outside the window, between two spacers', () => {
    expect(lineSegments({first: 36, end: 73}, 2, LINES_1500)).toEqual([
      {first: 0, end: 2, drawn: false},
      {first: 2, end: 3, drawn: true},
      {first: 3, end: 36, drawn: false},
      {first: 36, end: 73, drawn: true},
      {first: 73, end: LINES_1500, drawn: false},
    ]);
    expect(lineSegments({first: 0, end: 28}, 93, LINES_1500)).toEqual([
      {first: 0, end: 28, drawn: true},
      {first: 28, end: 93, drawn: false},
      {first: 93, end: 94, drawn: true},
    ]);
  });

  it('joins a tab stop line that touches the window to it', () => {
    expect(lineSegments({first: 36, end: 73}, 73, LINES_1500)).toEqual([
      {first: 0, end: 36, drawn: false},
      {first: 36, end: 74, drawn: true},
      {first: 74, end: LINES_1500, drawn: false},
    ]);
    expect(lineSegments({first: 36, end: 73}, 35, LINES_1500)).toEqual([
      {first: 0, end: 35, drawn: false},
      {first: 35, end: 73, drawn: true},
      {first: 73, end: LINES_1500, drawn: false},
    ]);
  });

  it('clips a window left from a longer view to the lines that exist', () => {
    expect(lineSegments({first: 80, end: 94}, null, 40)).toEqual([{first: 0, end: 40, drawn: false}]);
    expect(lineSegments({first: 30, end: 60}, 39, 40)).toEqual([
      {first: 0, end: 30, drawn: false},
      {first: 30, end: 40, drawn: true},
    ]);
  });

  it('draws the tab stop line alone when the window is empty, and ignores a line outside the view', () => {
    expect(lineSegments({first: 50, end: 50}, 3, LINES_1500)).toEqual([
      {first: 0, end: 3, drawn: false},
      {first: 3, end: 4, drawn: true},
      {first: 4, end: LINES_1500, drawn: false},
    ]);
    expect(lineSegments({first: 0, end: 2}, 7, 2)).toEqual([{first: 0, end: 2, drawn: true}]);
  });
});
