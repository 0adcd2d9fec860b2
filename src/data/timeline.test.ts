import {readFileSync, readdirSync} from 'node:fs';
import {createSlugger} from '@docusaurus/utils';
import {describe, expect, it} from 'vitest';
import rawTimeline from './timeline.json';
import {TIMELINE_ASSIGNMENTS, TIMELINE_CATEGORIES, TIMELINE_EVENTS, parseSources, parseTimelineDate, validateTimeline} from './timeline';

const docsFolder = new URL('../../docs/', import.meta.url);

/** '/docs/<slug>' → the anchors of that chapter's headings, slugged as Docusaurus does (its createSlugger, or an explicit {#id}). */
function chapterAnchors(): Map<string, Set<string>> {
  const chapters = new Map<string, Set<string>>();
  for (const file of readdirSync(docsFolder).filter((name) => name.endsWith('.mdx'))) {
    const text = readFileSync(new URL(file, docsFolder), 'utf8');
    const slug = /^slug:\s*(\S+)$/m.exec(text)?.[1];
    if (!slug) continue;
    const slugger = createSlugger();
    const anchors = new Set<string>();
    let inFence = false;
    for (const line of text.split('\n')) {
      if (/^\s*```/.test(line)) inFence = !inFence;
      const heading = inFence ? null : /^#{2,6}\s+(.+?)\s*$/.exec(line);
      if (!heading) continue;
      const explicit = /\{#([\w-]+)\}$/.exec(heading[1]);
      // Markdown emphasis and code marks are not part of the heading's text.
      anchors.add(explicit ? explicit[1] : slugger.slug(heading[1].replace(/[*_`]/g, '')));
    }
    chapters.set(`/docs${slug}`, anchors);
  }
  return chapters;
}

const referenceIds = new Set([...readFileSync(new URL('13-references.mdx', docsFolder), 'utf8').matchAll(/<Link id="([\w-]+)" \/>/g)].map((match) => match[1]));

describe('parseTimelineDate', () => {
  it('reads a day, a month and a year with their precision', () => {
    expect(parseTimelineDate('2003-08-29', 4)).toEqual({date: {year: 2003, month: 8, day: 29, text: '2003-08-29'}, precision: 'day'});
    expect(parseTimelineDate('2003-04', 3)).toEqual({date: {year: 2003, month: 4, day: null, text: '2003-04'}, precision: 'month'});
    expect(parseTimelineDate('2002', 0)).toEqual({date: {year: 2002, month: null, day: null, text: '2002'}, precision: 'year'});
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseTimelineDate('2004-02-29', 1).precision).toBe('day');
    expect(() => parseTimelineDate('2005-02-29', 1)).toThrow(/day 29 is not 01–28/);
  });

  it.each([
    ['2014-13', /month 13 is not 01–12/],
    ['2014-00', /month 00 is not 01–12/],
    ['2014-02-30', /day 30 is not 01–28 in 2014-02/],
    ['2014-06-31', /day 31 is not 01–30/],
    ['14-06-20', /expected YYYY, YYYY-MM or YYYY-MM-DD/],
    ['2014/06/20', /expected YYYY, YYYY-MM or YYYY-MM-DD/],
    ['', /expected YYYY/],
    ['2014-6-20', /expected YYYY/],
    [' 2014-06-20', /expected YYYY/],
  ])("rejects '%s', naming the event and the text", (text, why) => {
    expect(() => parseTimelineDate(text, 7)).toThrow(why);
    expect(() => parseTimelineDate(text, 7)).toThrow(`timeline event 7: bad date '${text}'`);
  });
});

describe('validateTimeline', () => {
  const copy = () => structuredClone(rawTimeline) as {date: string; event: string; source: string}[];

  it('fails on a bad date in the data, naming the event', () => {
    const broken = copy();
    broken[31].date = '2014-02-30';
    expect(() => validateTimeline(broken)).toThrow("timeline event 31: bad date '2014-02-30'");
  });

  it('fails on an event without a category', () => {
    const broken = copy();
    broken.push({date: '2026-01-01', event: 'An event we never read', source: 'https://example.org/'});
    expect(() => validateTimeline(broken)).toThrow("timeline event 40: no category assigned for '2026-01-01#40'");
  });

  it('fails on events out of date order', () => {
    const broken = copy();
    [broken[4], broken[5]] = [broken[5], broken[4]];
    // The keys follow date and index, so the swapped events are assigned under their new keys.
    const assignments = {...TIMELINE_ASSIGNMENTS, '2004-02#4': TIMELINE_ASSIGNMENTS['2004-02#5'], '2003-08-29#5': TIMELINE_ASSIGNMENTS['2003-08-29#4']};
    delete (assignments as Record<string, unknown>)['2004-02#5'];
    delete (assignments as Record<string, unknown>)['2003-08-29#4'];
    expect(() => validateTimeline(broken, assignments)).toThrow("timeline event 5: '2003-08-29' comes before event 4 '2004-02'");
  });

  it('fails on a missing sentence', () => {
    const broken = copy();
    broken[2].event = '';
    expect(() => validateTimeline(broken)).toThrow("timeline event 2: missing text field 'event'");
  });
});

describe('TIMELINE_EVENTS', () => {
  it('holds the 40 events of timeline.json, in date order', () => {
    expect(TIMELINE_EVENTS).toHaveLength(40);
    expect(TIMELINE_EVENTS.map((event) => event.date.text)).toEqual(rawTimeline.map((entry) => entry.date));
    // Every date's first possible day is on or after the previous one's (all dates in the data are distinct).
    const starts = TIMELINE_EVENTS.map((event) => event.date.text.padEnd(10, '-00').slice(0, 10));
    expect([...starts].sort()).toEqual(starts);
  });

  it('gives month-only dates month precision, with no made-up day', () => {
    const monthOnly = TIMELINE_EVENTS.filter((event) => event.precision === 'month').map((event) => event.date.text);
    expect(monthOnly).toEqual(['2003-04', '2004-02', '2006-04', '2009-03', '2010-03', '2012-05', '2014-08']);
    for (const event of TIMELINE_EVENTS.filter((entry) => entry.precision === 'month')) expect(event.date.day).toBeNull();
  });

  it('has unique, stable ids from date and index', () => {
    expect(new Set(TIMELINE_EVENTS.map((event) => event.id)).size).toBe(40);
    expect(TIMELINE_EVENTS[3].id).toBe('2003-04-3');
    expect(TIMELINE_EVENTS[39].id).toBe('2025-05-05-39');
  });

  it('assigns every event one of our five categories, with a one-word reason', () => {
    for (const event of TIMELINE_EVENTS) {
      expect(TIMELINE_CATEGORIES).toContain(event.category);
      expect(event.categoryReason).toMatch(/^[a-z]+$/);
    }
    expect(Object.keys(TIMELINE_ASSIGNMENTS)).toHaveLength(40);
    for (const category of TIMELINE_CATEGORIES) expect(TIMELINE_EVENTS.some((event) => event.category === category)).toBe(true);
  });

  it("links every event to a heading that exists in that chapter's MDX", () => {
    const anchors = chapterAnchors();
    for (const event of TIMELINE_EVENTS) {
      const [page, anchor] = event.chapter.split('#');
      expect(anchors.has(page), `${event.id}: no chapter ${page}`).toBe(true);
      expect(anchors.get(page)?.has(anchor), `${event.id}: no heading #${anchor} in ${page}`).toBe(true);
    }
  });

  it('links every event to an entry of the references page', () => {
    for (const event of TIMELINE_EVENTS) {
      const anchor = event.reference.url.replace('/docs/references#', '');
      expect(referenceIds.has(anchor), `${event.id}: no reference #${anchor}`).toBe(true);
    }
  });

  it('gives every event a source address, except the four whose data names only stored PDFs', () => {
    // timeline.json names these by their stored copies (the 2004 report's §3, the two 2006 decks, the
    // 2007 paper): they have no address, and their reference entry carries the links.
    const withoutAddress = ['2004-02-5', '2006-03-02-10', '2006-06-17-12', '2007-08-27-14'];
    for (const event of TIMELINE_EVENTS) {
      const addresses = event.sources.filter((source) => source.url !== null);
      if (withoutAddress.includes(event.id)) expect(addresses, event.id).toHaveLength(0);
      else expect(addresses.length, event.id).toBeGreaterThan(0);
      for (const source of addresses) expect(() => new URL(source.url as string), `${event.id}: ${source.url}`).not.toThrow();
    }
    // Every address in the data reaches a source: none is dropped by the parsing.
    const inData = rawTimeline.flatMap((entry) => entry.source.match(/https?:\/\/\S+/g) ?? []);
    expect(TIMELINE_EVENTS.flatMap((event) => event.sources.flatMap((source) => (source.url ? [source.url] : []))).length).toBe(inData.length);
  });
});

describe('parseSources', () => {
  it('splits on " ; " and keeps the words before each address as its label', () => {
    expect(parseSources('White House statement, 28 Oct 1998: http://a.example/1 ; see also https://www.b.example/2')).toEqual([
      {label: 'White House statement, 28 Oct 1998', url: 'http://a.example/1'},
      {label: 'see also', url: 'https://www.b.example/2'},
    ]);
  });

  it('labels a bare address with its host and keeps words after it', () => {
    expect(parseSources('https://www.c.example/x (posted 14 Oct 2011)')).toEqual([{label: 'c.example', url: 'https://www.c.example/x', detail: '(posted 14 Oct 2011)'}]);
  });

  it('keeps a source without an address as a label alone', () => {
    expect(parseSources('Title slide of the deck; stored copy')).toEqual([{label: 'Title slide of the deck; stored copy', url: null}]);
  });

  it('reads two addresses in one part', () => {
    expect(parseSources('quoted in https://d.example/1 and discussed at http://e.example/2')).toEqual([
      {label: 'quoted in', url: 'https://d.example/1'},
      {label: 'and discussed at', url: 'http://e.example/2'},
    ]);
  });
});
