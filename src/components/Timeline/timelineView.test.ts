import {describe, expect, it} from 'vitest';
import {TIMELINE_CATEGORIES, TIMELINE_EVENTS} from '@site/src/data/timeline';
import {CATEGORY_MARKS, defaultTimelineInputs, eventSpan, formatEventDate, listMove, markTitle, readTimelineState, timelineSpec, visibleEvents} from './timelineView';

const byId = (id: string) => TIMELINE_EVENTS.find((event) => event.id === id)!;
const ALL = new Set(TIMELINE_CATEGORIES);
const LABELS = Object.fromEntries(TIMELINE_CATEGORIES.map((category) => [category, category])) as Record<(typeof TIMELINE_CATEGORIES)[number], string>;

/** WCAG relative luminance and contrast ratio of two '#rrggbb' colours. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
const contrast = (one: string, other: string) => {
  const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
};

describe('CATEGORY_MARKS', () => {
  // Infima's page backgrounds: #ffffff in light mode, #1b1b1d in dark mode (WCAG 1.4.11 asks 3:1 for graphics).
  it.each(TIMELINE_CATEGORIES)('%s reads at 3:1 on the light and the dark page', (category) => {
    expect(contrast(CATEGORY_MARKS[category].colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(CATEGORY_MARKS[category].colour, '#1b1b1d')).toBeGreaterThanOrEqual(3);
  });

  it('gives each category its own symbol and colour', () => {
    expect(new Set(TIMELINE_CATEGORIES.map((category) => CATEGORY_MARKS[category].symbol)).size).toBe(5);
    expect(new Set(TIMELINE_CATEGORIES.map((category) => CATEGORY_MARKS[category].colour)).size).toBe(5);
  });
});

describe('eventSpan', () => {
  it('covers one day for a dated event', () => {
    const {start, end} = eventSpan(byId('2003-08-29-4'));
    expect([start.toISOString(), end.toISOString()]).toEqual(['2003-08-29T00:00:00.000Z', '2003-08-30T00:00:00.000Z']);
  });

  it('covers the whole month for a month-only event, with no made-up day', () => {
    const {start, end} = eventSpan(byId('2003-04-3'));
    expect([start.toISOString(), end.toISOString()]).toEqual(['2003-04-01T00:00:00.000Z', '2003-05-01T00:00:00.000Z']);
  });
});

describe('formatEventDate', () => {
  it("writes a month-only event as 'April 2003' and a dated one with its day", () => {
    expect(formatEventDate(byId('2003-04-3'), 'en-GB')).toBe('April 2003');
    expect(formatEventDate(byId('2014-08-32'), 'en-GB')).toBe('August 2014');
    expect(formatEventDate(byId('2003-08-29-4'), 'en-GB')).toBe('29 August 2003');
  });
});

describe('readTimelineState', () => {
  const defaults = defaultTimelineInputs(TIMELINE_EVENTS);

  it('defaults to every category, 1992 to 2025, nothing selected', () => {
    expect(defaults).toEqual({categories: 'company,technology,reverse-engineering,security-and-surveillance,law', from: '1992', to: '2025', event: ''});
    const state = readTimelineState(defaults, TIMELINE_EVENTS);
    expect([...state.categories]).toEqual([...TIMELINE_CATEGORIES]);
    expect(state.zoom).toEqual({from: 1992, to: 2025});
    expect(state.eventId).toBeNull();
    expect(state.problems).toEqual([]);
  });

  it('names an unknown category, a year out of range, a zoom backwards and an unknown event', () => {
    expect(readTimelineState({...defaults, categories: 'law,gossip'}, TIMELINE_EVENTS).problems).toEqual([{input: 'categories', kind: 'unknown-category', text: 'gossip'}]);
    const outOfRange = readTimelineState({...defaults, from: '1980'}, TIMELINE_EVENTS);
    expect(outOfRange.zoom).toBeNull();
    expect(outOfRange.problems).toEqual([{input: 'from', kind: 'not-a-year', text: '1980', first: 1992, last: 2025}]);
    const backwards = readTimelineState({...defaults, from: '2010', to: '2005'}, TIMELINE_EVENTS);
    expect(backwards.zoom).toBeNull();
    expect(backwards.problems).toEqual([{input: 'from', kind: 'after-to', from: 2010, to: 2005}]);
    expect(readTimelineState({...defaults, event: 'nope'}, TIMELINE_EVENTS).problems).toEqual([{input: 'event', kind: 'unknown-event', text: 'nope'}]);
  });

  it('selects a known event, and an empty category list shows none', () => {
    const state = readTimelineState({...defaults, categories: '', event: '2012-05-28'}, TIMELINE_EVENTS);
    expect(state.eventId).toBe('2012-05-28');
    expect(state.categories.size).toBe(0);
  });
});

describe('visibleEvents', () => {
  it('shows all 40 by default', () => {
    expect(visibleEvents(TIMELINE_EVENTS, ALL, {from: 1992, to: 2025})).toHaveLength(40);
  });

  it('keeps only the chosen categories: the data has 5 law events', () => {
    // Counted by hand from the assignments: Sega, the DMCA, Sony, Directive 2009/24/EC and the Joltid suit.
    expect(visibleEvents(TIMELINE_EVENTS, new Set(['law'] as const), {from: 1992, to: 2025}).map((event) => event.date.text)).toEqual([
      '1992-10-20',
      '1998-10-28',
      '2000-02-10',
      '2009-04-23',
      '2009-09-16',
    ]);
  });

  it('zooms to whole years, month-only events included', () => {
    // 2009: March (month only), 23 April, 1 and 16 September, 6 and 20 November.
    expect(visibleEvents(TIMELINE_EVENTS, ALL, {from: 2009, to: 2009}).map((event) => event.date.text)).toEqual(['2009-03', '2009-04-23', '2009-09-01', '2009-09-16', '2009-11-06', '2009-11-20']);
    expect(visibleEvents(TIMELINE_EVENTS, ALL, {from: 2016, to: 2016})).toEqual([]);
  });
});

describe('timelineSpec', () => {
  const events = visibleEvents(TIMELINE_EVENTS, ALL, {from: 2014, to: 2014});
  const spec = timelineSpec({events, zoom: {from: 2014, to: 2014}, selectedId: '2014-08-32', categoryLabels: LABELS, locale: 'en-GB'});
  const eventRows = spec.marks.filter((mark) => (mark.mark === 'dot' || mark.mark === 'link') && (mark.options as {title?: string}).title === 'title').flatMap((mark) => mark.data as {id: string}[]);

  it('draws one titled mark per event shown, dated events as symbols and month-only ones as bars', () => {
    expect(eventRows.map((row) => row.id).sort()).toEqual(['2014-06-20-31', '2014-08-32', '2014-11-11-33']);
    const bars = spec.marks.filter((mark) => mark.mark === 'link').flatMap((mark) => mark.data as {id: string; start: Date; end: Date}[]);
    expect(bars.map((bar) => [bar.id, bar.start.toISOString().slice(0, 10), bar.end.toISOString().slice(0, 10)])).toEqual([['2014-08-32', '2014-08-01', '2014-09-01']]);
  });

  it('marks the selected month-only event by its start and end, and spans the zoomed year', () => {
    const rules = spec.marks.find((mark) => mark.mark === 'ruleX');
    expect((rules?.data as Date[]).map((date) => date.toISOString().slice(0, 10))).toEqual(['2014-08-01', '2014-09-01']);
    expect((spec.x?.domain as Date[]).map((date) => date.toISOString().slice(0, 10))).toEqual(['2014-01-01', '2015-01-01']);
  });

  it("titles each mark with the event's date in words and its sentence", () => {
    expect(markTitle(byId('2014-08-32'), 'en-GB')).toBe(`August 2014: ${byId('2014-08-32').sentence}`);
  });

  it('survives JSON: a spec is plain data', () => {
    expect(() => JSON.stringify(spec)).not.toThrow();
    expect(JSON.stringify(spec)).not.toContain('function');
  });
});

describe('listMove', () => {
  it('steps with the arrows, stops at the ends, jumps with Home and End', () => {
    expect(listMove('ArrowDown', 0, 5)).toBe(1);
    expect(listMove('ArrowDown', 4, 5)).toBe(4);
    expect(listMove('ArrowUp', 0, 5)).toBe(0);
    expect(listMove('Home', 3, 5)).toBe(0);
    expect(listMove('End', 1, 5)).toBe(4);
    expect(listMove('Enter', 1, 5)).toBeNull();
    expect(listMove('ArrowDown', 0, 0)).toBeNull();
  });
});
