/**
 * Windowing of the byte view, as pure geometry: which lines to draw for the scroll box's position,
 * where spacers stand in for the rest, and the scroll position that shows a given line. Every line of
 * a view has the same height (its pitch), so every position is arithmetic; no DOM here, so it is
 * unit-tested on its own.
 */

/**
 * Lines drawn beyond each edge of the visible area, so that a small scroll shows no blank. One: every
 * line drawn is redrawn after an edit, and a three-row view's line is 75 px high (four lines each side
 * made the edit's redraw about twice the work of the lines actually seen).
 */
export const OVERSCAN_LINES = 1;

/**
 * Lines drawn before the box has been measured (the server render and the first client render, which
 * must match). A view of no more lines than this is always drawn whole, as most views are short.
 */
export const FIRST_WINDOW_LINES = 16;

/** Space kept between lines scrolled into view and the edge of the scroll box, in pixels. */
export const SCROLL_MARGIN = 8;

/** Lines [first, end) of a view, counted from 0. */
export interface LineRange {
  first: number;
  end: number;
}

/** Where the scroll box stands, in CSS pixels. */
export interface BoxGeometry {
  /** How far the box is scrolled (`scrollTop`). */
  scrollTop: number;
  /** The height of the box's visible area (`clientHeight`). */
  viewportHeight: number;
  /** The top of line 0, measured from the top of the box's scrolled content. */
  linesTop: number;
  /** The distance from the top of one line to the top of the next; 0 when not measured. */
  linePitch: number;
}

/** A run of lines of the view, either drawn or stood in for by one spacer of the same height. */
export interface LineSegment extends LineRange {
  drawn: boolean;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * The lines to draw: those that intersect the box's visible area, and `overscan` more on each side.
 *
 * @param box where the box stands
 * @param lineCount the view's number of lines
 * @param overscan lines added above and below the visible ones (default {@link OVERSCAN_LINES})
 * @returns lines [first, end), within [0, lineCount); the first {@link FIRST_WINDOW_LINES} lines while
 *   the pitch is unknown (a box not laid out yet, or hidden)
 * @example windowAt({scrollTop: 0, viewportHeight: 448, linesTop: 4, linePitch: 22.4}, 94) // {first: 0, end: 21}
 */
export function windowAt(box: BoxGeometry, lineCount: number, overscan: number = OVERSCAN_LINES): LineRange {
  if (!(box.linePitch > 0)) return {first: 0, end: clamp(FIRST_WINDOW_LINES, 0, lineCount)};
  const top = box.scrollTop - box.linesTop;
  const firstVisible = Math.floor(top / box.linePitch);
  const endVisible = Math.ceil((top + box.viewportHeight) / box.linePitch);
  // Past the last line (a box scrolled further than its content), the last lines stay drawn.
  const first = clamp(firstVisible - overscan, 0, Math.max(0, lineCount - 1));
  return {first, end: clamp(endVisible + overscan, first, lineCount)};
}

/**
 * The `scrollTop` that shows lines `first` to `last` with the least movement: unchanged when they are
 * in view, else their top or bottom brought to the edge they are beyond, `margin` inside it. A range
 * taller than the box shows its start.
 *
 * @returns a scrollTop, never negative
 * @example scrollTopToShow(40, 40, {scrollTop: 0, viewportHeight: 448, linesTop: 4, linePitch: 22.4}, 8) // 482.4: line 40 ends at 4 + 41 × 22.4 = 922.4
 */
export function scrollTopToShow(first: number, last: number, box: BoxGeometry, margin: number = SCROLL_MARGIN): number {
  const top = box.linesTop + first * box.linePitch;
  const bottom = box.linesTop + (last + 1) * box.linePitch;
  if (top < box.scrollTop || bottom - top > box.viewportHeight) return Math.max(0, top - margin);
  if (bottom > box.scrollTop + box.viewportHeight) return Math.max(0, bottom - box.viewportHeight + margin);
  return box.scrollTop;
}

/**
 * The view's lines as drawn runs and spacer runs, in order, covering [0, lineCount) exactly, so that
 * the spacers keep the full scroll height. `keptLine` is drawn even outside the window: it holds the
 * grid's tab stop, which must exist (and may have the focus while the reader scrolls away).
 *
 * @param window the lines to draw, clipped to the view
 * @param keptLine one more line to draw, or null
 * @param lineCount the view's number of lines
 * @example lineSegments({first: 36, end: 73}, 2, 94)
 * // [{first: 0, end: 2, drawn: false}, {first: 2, end: 3, drawn: true}, {first: 3, end: 36, drawn: false},
 * //  {first: 36, end: 73, drawn: true}, {first: 73, end: 94, drawn: false}]
 */
export function lineSegments(window: LineRange, keptLine: number | null, lineCount: number): LineSegment[] {
  const first = clamp(window.first, 0, lineCount);
  const drawnRuns: LineRange[] = [{first, end: clamp(window.end, first, lineCount)}];
  if (keptLine !== null && keptLine >= 0 && keptLine < lineCount) drawnRuns.push({first: keptLine, end: keptLine + 1});
  drawnRuns.sort((one, other) => one.first - other.first);

  const segments: LineSegment[] = [];
  let position = 0;
  for (const run of drawnRuns) {
    if (run.first >= run.end || run.end <= position) continue;
    const previous = segments[segments.length - 1];
    if (run.first > position) segments.push({first: position, end: run.first, drawn: false});
    // A run touching or overlapping the drawn run before it extends that run.
    if (run.first <= position && previous?.drawn) previous.end = run.end;
    else segments.push({first: Math.max(run.first, position), end: run.end, drawn: true});
    position = run.end;
  }
  if (position < lineCount) segments.push({first: position, end: lineCount, drawn: false});
  return segments;
}
