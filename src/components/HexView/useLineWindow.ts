/**
 * The lines of a byte view to draw: the window around the scroll box's visible area (see
 * `windowing.ts`), kept in step with the box's scroll and size, and every line while the page prints.
 * The line pitch is measured from the lines as laid out, so zoom and font size need no constant, and
 * spacers get that pitch times their lines: the lines keep the places they would have if all were drawn.
 */
import {useEffect, useLayoutEffect, useState, type RefObject} from 'react';
import {flushSync} from 'react-dom';
import {FIRST_WINDOW_LINES, scrollTopToShow, windowAt, type BoxGeometry, type LineRange} from './windowing';

export interface LineWindowOptions {
  /** The scroll box. */
  scrollerRef: RefObject<HTMLElement | null>;
  /** The element holding the lines (each with `data-line-start`) and the spacers, and nothing else. */
  gridRef: RefObject<HTMLElement | null>;
  /** The view's number of lines. */
  lineCount: number;
  /** Rows on each line: the pitch changes with them. */
  rowCount: number;
  /**
   * False while the view waits for its first deferred render: nothing is measured until then, as a
   * measure forces the browser to lay the page out in the middle of the edit's own frame.
   */
  drawing: boolean;
}

export interface LineWindow {
  /** The lines to draw around the visible area; every line when `windowed` is false. */
  range: LineRange;
  /** Whether lines outside `range` are left out (the view is long and the page is not printing). */
  windowed: boolean;
  /** The measured distance between line tops in CSS pixels, or null before the first measure (the CSS value serves). */
  linePitch: number | null;
  /**
   * Scrolls the box, only the box, so that lines `first` to `last` are in view (their start if they do
   * not fit), and moves the window there in the same render. Call it from an event handler or a
   * layout effect, when the DOM matches the current line count.
   */
  showLines(first: number, last: number): void;
}

const FIRST_WINDOW: LineRange = {first: 0, end: FIRST_WINDOW_LINES};
const NO_LINES: LineRange = {first: 0, end: 0};
/** How far from the page's visible area a long view starts drawing its lines: a quarter screen above and below. */
const NEAR_VIEWPORT_MARGIN = '25% 0px';

/**
 * The pitch from two drawn neighbours, exact as the browser rounded the lines' heights (a spacer of
 * the CSS pitch times n drifts from n such lines by a fraction of a pixel each); else, with no two
 * lines side by side, the grid's height shared out.
 */
function measurePitch(grid: HTMLElement, lineCount: number): number {
  const second = grid.querySelector(':scope > [data-line-start] + [data-line-start]');
  const first = second?.previousElementSibling;
  if (first && second) return second.getBoundingClientRect().top - first.getBoundingClientRect().top;
  return lineCount > 0 ? grid.getBoundingClientRect().height / lineCount : 0;
}

function measure(scroller: HTMLElement, grid: HTMLElement, lineCount: number): BoxGeometry {
  const scrollerTop = scroller.getBoundingClientRect().top + scroller.clientTop;
  return {
    scrollTop: scroller.scrollTop,
    viewportHeight: scroller.clientHeight,
    linesTop: grid.getBoundingClientRect().top - scrollerTop + scroller.scrollTop,
    linePitch: measurePitch(grid, lineCount),
  };
}

/** Windowing state for a byte view; see {@link LineWindow}. */
export function useLineWindow({scrollerRef, gridRef, lineCount, rowCount, drawing}: LineWindowOptions): LineWindow {
  // The server and the first client render draw the same first lines, so hydration matches.
  const [range, setRange] = useState<LineRange>(FIRST_WINDOW);
  const [linePitch, setLinePitch] = useState<number | null>(null);
  const [printing, setPrinting] = useState(false);
  // A long view far from the page's visible area draws no lines at all: a lab widget holds several
  // views of a whole datagram, and after an edit only those the reader can see need to be redrawn.
  const [nearViewport, setNearViewport] = useState(true);
  const windowable = lineCount > FIRST_WINDOW_LINES;
  const windowed = windowable && !printing;

  function moveWindow(scroller: HTMLElement, grid: HTMLElement) {
    const geometry = measure(scroller, grid, lineCount);
    // A hidden box (a closed <details>) measures 0: keep what was known.
    if (!(geometry.linePitch > 0)) return;
    setLinePitch((current) => (current !== null && Math.abs(current - geometry.linePitch) < 0.01 ? current : geometry.linePitch));
    const next = windowAt(geometry, lineCount);
    setRange((current) => (current.first === next.first && current.end === next.end ? current : next));
  }

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const grid = gridRef.current;
    if (!windowed || !drawing || !scroller || !grid) return;
    const update = () => moveWindow(scroller, grid);
    update();
    scroller.addEventListener('scroll', update, {passive: true});
    // The box's size (a resized page, a closed <details> opening) and the grid's (a font size change).
    const observer = new ResizeObserver(update);
    observer.observe(scroller);
    observer.observe(grid);
    return () => {
      scroller.removeEventListener('scroll', update);
      observer.disconnect();
    };
    // moveWindow reads nothing from the render but lineCount; rowCount changes the pitch to measure.
  }, [windowed, drawing, lineCount, rowCount]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!windowed || !scroller || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setNearViewport(entry.isIntersecting), {rootMargin: NEAR_VIEWPORT_MARGIN});
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [windowed]);

  useEffect(() => {
    if (!windowable) return;
    // The browser lays the page out for print right after `beforeprint`: every line must be in the
    // DOM by then, hence flushSync. The media query covers printing that fires no such event.
    const startPrinting = () => flushSync(() => setPrinting(true));
    const stopPrinting = () => setPrinting(false);
    const onPrintChange = (event: MediaQueryListEvent) => (event.matches ? startPrinting() : stopPrinting());
    const printQuery = window.matchMedia('print');
    window.addEventListener('beforeprint', startPrinting);
    window.addEventListener('afterprint', stopPrinting);
    printQuery.addEventListener('change', onPrintChange);
    return () => {
      window.removeEventListener('beforeprint', startPrinting);
      window.removeEventListener('afterprint', stopPrinting);
      printQuery.removeEventListener('change', onPrintChange);
    };
  }, [windowable]);

  function showLines(first: number, last: number) {
    const scroller = scrollerRef.current;
    const grid = gridRef.current;
    if (!scroller || !grid) return;
    const geometry = measure(scroller, grid, lineCount);
    if (!(geometry.linePitch > 0)) return;
    const scrollTop = scrollTopToShow(first, last, geometry);
    if (scrollTop !== geometry.scrollTop) scroller.scrollTop = scrollTop;
    if (windowed) moveWindow(scroller, grid);
  }

  return {range: windowed && !nearViewport ? NO_LINES : range, windowed, linePitch, showLines};
}
