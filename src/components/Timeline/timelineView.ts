/**
 * What the <Timeline> widget shows, as pure functions: its URL state read and checked, the events that
 * pass the filters and the zoom, each event's span of time, its date in words, the chart's plain-data
 * spec, and the list's keyboard moves. No React, so that the tests run it in Node.
 */
import type {PlotSpec} from '@site/src/live/types';
import {TIMELINE_CATEGORIES, type TimelineCategory, type TimelineEvent} from '@site/src/data/timeline';

/** The widget's inputs in the address: `?timeline.categories=law,company&timeline.from=2009&timeline.event=…`. */
export const TIMELINE_URL_PREFIX = 'timeline';
export type TimelineInputName = 'categories' | 'from' | 'to' | 'event';

/** Colour and symbol of each category: never colour alone. Mid-tone colours, at least 3:1 against both page backgrounds (tested). */
export const CATEGORY_MARKS: Readonly<Record<TimelineCategory, {colour: string; symbol: 'circle' | 'square' | 'diamond' | 'triangle' | 'star'}>> = {
  company: {colour: '#0072b2', symbol: 'square'},
  technology: {colour: '#d55e00', symbol: 'circle'},
  'reverse-engineering': {colour: '#009e73', symbol: 'diamond'},
  'security-and-surveillance': {colour: '#a05a9c', symbol: 'triangle'},
  law: {colour: '#8a7400', symbol: 'star'},
};

/** The first and last year of the events: the zoom's limits. */
export function yearRange(events: readonly TimelineEvent[]): {first: number; last: number} {
  return {first: events[0].date.year, last: events[events.length - 1].date.year};
}

/** The default inputs: every category, the whole span, nothing selected. */
export function defaultTimelineInputs(events: readonly TimelineEvent[]): Record<TimelineInputName, string> {
  const {first, last} = yearRange(events);
  return {categories: TIMELINE_CATEGORIES.join(','), from: String(first), to: String(last), event: ''};
}

/** A problem in the inputs, for the widget to put in words: which input, and what was wrong. */
export type TimelineProblem =
  | {input: 'categories'; kind: 'unknown-category'; text: string}
  | {input: 'from' | 'to'; kind: 'not-a-year'; text: string; first: number; last: number}
  | {input: 'from'; kind: 'after-to'; from: number; to: number}
  | {input: 'event'; kind: 'unknown-event'; text: string};

export interface TimelineState {
  categories: ReadonlySet<TimelineCategory>;
  /** The zoom, whole years, or null when the years given are not usable (keep the last good zoom). */
  zoom: {from: number; to: number} | null;
  /** The selected event's id, or null. */
  eventId: string | null;
  problems: TimelineProblem[];
}

/**
 * Reads the widget's inputs (from its controls or from a link). Unknown category names are left out,
 * a year outside the events' years or a zoom that ends before it starts gives no zoom, an unknown
 * event selects nothing; each names its problem.
 */
export function readTimelineState(inputs: Record<TimelineInputName, string>, events: readonly TimelineEvent[]): TimelineState {
  const problems: TimelineProblem[] = [];
  const categories = new Set<TimelineCategory>();
  for (const name of inputs.categories.split(',').map((text) => text.trim()).filter(Boolean)) {
    if ((TIMELINE_CATEGORIES as readonly string[]).includes(name)) categories.add(name as TimelineCategory);
    else problems.push({input: 'categories', kind: 'unknown-category', text: name});
  }
  const {first, last} = yearRange(events);
  const year = (input: 'from' | 'to'): number | null => {
    const text = inputs[input].trim();
    const value = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
    if (value >= first && value <= last) return value;
    problems.push({input, kind: 'not-a-year', text: inputs[input], first, last});
    return null;
  };
  const from = year('from');
  const to = year('to');
  let zoom: TimelineState['zoom'] = null;
  if (from !== null && to !== null) {
    if (from > to) problems.push({input: 'from', kind: 'after-to', from, to});
    else zoom = {from, to};
  }
  let eventId: string | null = null;
  if (inputs.event !== '') {
    if (events.some((event) => event.id === inputs.event)) eventId = inputs.event;
    else problems.push({input: 'event', kind: 'unknown-event', text: inputs.event});
  }
  return {categories, zoom, eventId, problems};
}

/**
 * When an event may have happened: from its first possible moment to the moment after its last (UTC).
 * A month-only event covers its whole month, a year-only event its whole year: no day is made up.
 */
export function eventSpan(event: TimelineEvent): {start: Date; end: Date} {
  const {year, month, day} = event.date;
  if (month === null) return {start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1))};
  if (day === null) return {start: new Date(Date.UTC(year, month - 1, 1)), end: new Date(Date.UTC(year, month, 1))};
  return {start: new Date(Date.UTC(year, month - 1, day)), end: new Date(Date.UTC(year, month - 1, day + 1))};
}

/** The zoom as a time span: from 1 January of its first year to 1 January after its last. */
export function zoomSpan(zoom: {from: number; to: number}): {start: Date; end: Date} {
  return {start: new Date(Date.UTC(zoom.from, 0, 1)), end: new Date(Date.UTC(zoom.to + 1, 0, 1))};
}

/** The events of the chosen categories whose span lies in the zoom, in date order: what the chart and the list both show. */
export function visibleEvents(events: readonly TimelineEvent[], categories: ReadonlySet<TimelineCategory>, zoom: {from: number; to: number}): TimelineEvent[] {
  const span = zoomSpan(zoom);
  return events.filter((event) => {
    const {start, end} = eventSpan(event);
    return categories.has(event.category) && start >= span.start && end <= span.end;
  });
}

/**
 * The date as the sources know it, in words: '29 August 2003', 'April 2003', '2003'.
 *
 * @param locale A BCP 47 locale; English pages use 'en-GB' to match the chapters' day-month-year dates.
 */
export function formatEventDate(event: TimelineEvent, locale: string): string {
  const {start} = eventSpan(event);
  const options: Intl.DateTimeFormatOptions =
    event.precision === 'day' ? {day: 'numeric', month: 'long', year: 'numeric'} : event.precision === 'month' ? {month: 'long', year: 'numeric'} : {year: 'numeric'};
  return new Intl.DateTimeFormat(locale, {...options, timeZone: 'UTC'}).format(start);
}

/** The tooltip of an event's mark, also how a click on the mark finds its event: date and sentence. */
export function markTitle(event: TimelineEvent, locale: string): string {
  return `${formatEventDate(event, locale)}: ${event.sentence}`;
}

export interface TimelineSpecOptions {
  events: readonly TimelineEvent[];
  zoom: {from: number; to: number};
  selectedId: string | null;
  /** Row name of each category, as the reader sees it. */
  categoryLabels: Readonly<Record<TimelineCategory, string>>;
  locale: string;
  width?: number;
}

const ROW_HEIGHT = 44;

/**
 * The chart: one row per category (labelled in the drawing), one mark per event. A dated event is a
 * symbol; an event known only to the month or year is a bar over that whole month or year. The
 * selected event is marked by dashed rules at its start and end.
 */
export function timelineSpec({events, zoom, selectedId, categoryLabels, locale}: TimelineSpecOptions): PlotSpec {
  const span = zoomSpan(zoom);
  const rows = events.map((event) => ({
    ...eventSpan(event),
    category: event.category,
    row: categoryLabels[event.category],
    dated: event.precision === 'day',
    title: markTitle(event, locale),
    id: event.id,
  }));
  const marks: PlotSpec['marks'] = [];
  const selected = rows.find((row) => row.id === selectedId);
  if (selected) {
    const edges = selected.dated ? [selected.start] : [selected.start, selected.end];
    marks.push({mark: 'ruleX', data: edges, options: {stroke: 'currentColor', strokeDasharray: '4,3', strokeWidth: 1.5}});
  }
  for (const category of TIMELINE_CATEGORIES) {
    const {colour, symbol} = CATEGORY_MARKS[category];
    const ofCategory = rows.filter((row) => row.category === category);
    marks.push({
      mark: 'link',
      data: ofCategory.filter((row) => !row.dated),
      options: {x1: 'start', x2: 'end', y1: 'row', y2: 'row', stroke: colour, strokeWidth: 14, strokeLinecap: 'butt', title: 'title'},
    });
    marks.push({mark: 'dot', data: ofCategory.filter((row) => row.dated), options: {x: 'start', y: 'row', symbol, fill: colour, r: 6, title: 'title'}});
  }
  if (selected?.dated) marks.push({mark: 'dot', data: [selected], options: {x: 'start', y: 'row', r: 11, stroke: 'currentColor', strokeWidth: 2, fill: 'none'}});
  // Row names inside the drawing: a left axis would need a margin the wrapper does not set.
  const labels = TIMELINE_CATEGORIES.map((category) => ({row: categoryLabels[category], at: span.start}));
  marks.push({mark: 'text', data: labels, options: {x: 'at', y: 'row', text: 'row', dy: -16, textAnchor: 'start', fill: 'currentColor', fontSize: 12}});
  return {
    height: TIMELINE_CATEGORIES.length * ROW_HEIGHT + 50,
    x: {type: 'utc', domain: [span.start, span.end], label: null, grid: true},
    y: {type: 'point', domain: TIMELINE_CATEGORIES.map((category) => categoryLabels[category]), axis: null, inset: 24},
    marks,
  };
}

/** Where the list's focus goes on a key: ArrowUp/ArrowDown one step (stopping at the ends), Home and End; null for other keys. */
export function listMove(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
