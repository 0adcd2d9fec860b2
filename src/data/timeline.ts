/**
 * The 40 dated events of the shared Skype timeline (timeline.json, a read-only copy), checked and typed
 * for the <Timeline> widget. Each event keeps its date exactly as the sources give it (a day, a month or
 * a year), its sentence and its sources. The categories, their one-word reasons, the chapter that
 * explains each event and its entry on the references page are ours, assigned by hand below.
 * No '@site' imports: the browser tests import this file under plain Node.
 */
import rawTimeline from './timeline.json';

/** Our five categories, in the order the widget lists them. */
export const TIMELINE_CATEGORIES = ['company', 'technology', 'reverse-engineering', 'security-and-surveillance', 'law'] as const;
export type TimelineCategory = (typeof TIMELINE_CATEGORIES)[number];

/** How much of a date the sources give: a day, only a month, or only a year. */
export type DatePrecision = 'day' | 'month' | 'year';

export interface TimelineDate {
  year: number;
  /** 1–12, or null when only the year is known. */
  month: number | null;
  /** 1–31, or null when only the month or the year is known. */
  day: number | null;
  /** The date as the data file writes it: '2003-04', '2003-08-29'. */
  text: string;
}

export interface TimelineSource {
  /** The words before the address in the source string, or its host name when there are none. */
  label: string;
  /** The address, or null for a source the data names without one (a stored PDF, a paper's reference). */
  url: string | null;
  /** Words after the address, such as '(posted 14 Oct 2011)'. */
  detail?: string;
}

export interface TimelineEvent {
  /** Stable slug from the date and the event's index in the data: '2003-04-3'. */
  id: string;
  date: TimelineDate;
  precision: DatePrecision;
  /** The event, as the data file words it. */
  sentence: string;
  category: TimelineCategory;
  /** One word: why the event has that category (ours). */
  categoryReason: string;
  /** The chapter section that explains the event: '/docs/legal-issues#dmca-1201f'. */
  chapter: string;
  /** The event's entry on the references page. */
  reference: {label: string; url: string};
  /** Parsed from the data's source string, in its order. */
  sources: readonly TimelineSource[];
}

/** What timeline.json holds for each event. */
export interface RawTimelineEvent {
  date: string;
  event: string;
  source: string;
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in `month` (1–12) of `year`, from the calendar itself (UTC, so no time zone moves the day). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads one date of the timeline strictly: YYYY, YYYY-MM or YYYY-MM-DD, a month 01–12 and a day that
 * exists in that month.
 *
 * @param text The date as written in the data.
 * @param index The event's position in the data (0-based), named in the error.
 * @returns The date's parts and its precision.
 * @throws Error naming the event index and the bad text, and what is wrong with it.
 * @example parseTimelineDate('2003-04', 3) // {date: {year: 2003, month: 4, day: null, text: '2003-04'}, precision: 'month'}
 */
export function parseTimelineDate(text: string, index: number): {date: TimelineDate; precision: DatePrecision} {
  const fail = (why: string): never => {
    throw new Error(`timeline event ${index}: bad date '${text}': ${why}`);
  };
  const match = DATE_PATTERN.exec(text);
  if (!match) return fail('expected YYYY, YYYY-MM or YYYY-MM-DD');
  const year = Number(match[1]);
  if (match[2] === undefined) return {date: {year, month: null, day: null, text}, precision: 'year'};
  const month = Number(match[2]);
  if (month < 1 || month > 12) return fail(`month ${match[2]} is not 01–12`);
  if (match[3] === undefined) return {date: {year, month, day: null, text}, precision: 'month'};
  const day = Number(match[3]);
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) return fail(`day ${match[3]} is not 01–${lastDay} in ${match[1]}-${match[2]}`);
  return {date: {year, month, day, text}, precision: 'day'};
}

const URL_PATTERN = /https?:\/\/\S+/g;

/** The host of an address, for a source that has no words before it. */
function hostName(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/**
 * Splits a source string into sources: parts are separated by ' ; ', and within a part the words
 * before each address are its label.
 *
 * @example parseSources('eBay release: https://www.sec.gov/x ; https://arxiv.org/abs/cs/0412017')
 * // [{label: 'eBay release', url: 'https://www.sec.gov/x'}, {label: 'arxiv.org', url: 'https://arxiv.org/abs/cs/0412017'}]
 */
export function parseSources(source: string): TimelineSource[] {
  const sources: TimelineSource[] = [];
  for (const part of source.split(' ; ').map((text) => text.trim()).filter(Boolean)) {
    const urls = [...part.matchAll(URL_PATTERN)];
    if (urls.length === 0) {
      sources.push({label: part, url: null});
      continue;
    }
    let consumed = 0;
    for (const found of urls) {
      const url = found[0];
      const words = part.slice(consumed, found.index).trim().replace(/[:,;]$/, '').trim();
      sources.push({label: words === '' ? hostName(url) : words, url});
      consumed = (found.index ?? 0) + url.length;
    }
    const after = part.slice(consumed).trim();
    if (after !== '') sources[sources.length - 1].detail = after;
  }
  return sources;
}

/** Our reading of each event, keyed by its date and index in the data ('2003-04#3'). */
interface Assignment {
  category: TimelineCategory;
  reason: string;
  chapter: string;
  /** Anchor on the references page. */
  reference: string;
  referenceLabel: string;
}

// Chapter sections are headings of the chapters as written; timeline.test.ts checks that each exists.
const LEGAL = '/docs/legal-issues';
const HISTORY = '/docs/history-and-deprecation';
const UNCOVERED = '/docs/protocol-overview#how-the-protocol-was-uncovered';
const OUTAGES = '/docs/network-architecture#when-the-overlay-fails';
const FAIR_USE = `${LEGAL}#fair-use-sega-v-accolade-and-sony-v-connectix`;
const FOUNDING = `${HISTORY}#founding-and-growth-20032005`;
const EBAY = `${HISTORY}#the-ebay-years-and-the-reverse-engineers-20052009`;
const JOLTID = `${HISTORY}#joltid-global-index-and-the-sale-2009`;
const MICROSOFT = `${HISTORY}#microsoft-2011-onward`;
const PRISM = `${HISTORY}#hosted-supernodes-2012-and-prism-2013`;
const MSNP24 = `${HISTORY}#the-switch-to-msnp24-2014`;
const BUSINESS = `${HISTORY}#skype-for-business-20142021`;
const RETIREMENT = `${HISTORY}#retirement-2025`;
const CONGESTION = '/docs/protocol-detection#beyond-detection-how-skype-calls-react-to-congestion';

const assign = (category: TimelineCategory, reason: string, chapter: string, reference: string, referenceLabel: string): Assignment => ({category, reason, chapter, reference, referenceLabel});

/** Every one of the 40 events, by hand; the references follow the chapter's table of events. */
export const TIMELINE_ASSIGNMENTS: Readonly<Record<string, Assignment>> = {
  '1992-10-20#0': assign('law', 'ruling', FAIR_USE, 'sega1992', 'Sega v. Accolade'),
  '1998-10-28#1': assign('law', 'statute', `${LEGAL}#dmca-1201f`, 'dmca1201f', '17 U.S.C. §1201(f)'),
  '2000-02-10#2': assign('law', 'ruling', FAIR_USE, 'sony2000', 'Sony v. Connectix'),
  '2003-04#3': assign('company', 'founding', FOUNDING, 'timeline', 'timeline'),
  '2003-08-29#4': assign('technology', 'launch', FOUNDING, 'timeline', 'timeline'),
  '2004-02#5': assign('reverse-engineering', 'measurement', UNCOVERED, 'baset2004', 'Baset & Schulzrinne 2004'),
  '2004-09-15#6': assign('reverse-engineering', 'report', UNCOVERED, 'baset2004', 'Baset & Schulzrinne 2004'),
  '2004-12-05#7': assign('reverse-engineering', 'publication', UNCOVERED, 'baset2004', 'Baset & Schulzrinne 2004'),
  '2005-09-12#8': assign('company', 'acquisition', EBAY, 'ebay2005', 'eBay 2005'),
  '2005-10-14#9': assign('company', 'acquisition', EBAY, 'ebay2005', 'eBay 2005'),
  '2006-03-02#10': assign('reverse-engineering', 'talk', UNCOVERED, 'biondi2006', 'Biondi & Desclaux 2006'),
  '2006-04#11': assign('reverse-engineering', 'publication', EBAY, 'baset2006', 'Baset & Schulzrinne 2006'),
  '2006-06-17#12': assign('reverse-engineering', 'talk', UNCOVERED, 'desclaux2006', 'Desclaux & Kortchinsky 2006'),
  '2007-08-16#13': assign('technology', 'outage', OUTAGES, 'skype-outage2007', 'Skype outage 2007'),
  '2007-08-27#14': assign('security-and-surveillance', 'detection', '/docs/protocol-detection#why-anyone-wanted-to-find-skype', 'bonfiglio2007', 'Bonfiglio et al. 2007'),
  '2008-12-09#15': assign('reverse-engineering', 'modelling', CONGESTION, 'decicco2008', 'De Cicco et al. 2008'),
  '2009-03#16': assign('company', 'licence', JOLTID, 'joltid2009', 'Joltid dispute 2009'),
  '2009-04-23#17': assign('law', 'directive', `${LEGAL}#directive-91250eec-and-its-codified-successor-200924ec`, 'eu-directive-2009', 'Directive 2009/24/EC'),
  '2009-09-01#18': assign('company', 'sale', JOLTID, 'timeline', 'timeline'),
  '2009-09-16#19': assign('law', 'lawsuit', JOLTID, 'joltid2009', 'Joltid dispute 2009'),
  '2009-11-06#20': assign('company', 'settlement', JOLTID, 'joltid2009', 'Joltid dispute 2009'),
  '2009-11-20#21': assign('company', 'sale', JOLTID, 'timeline', 'timeline'),
  '2010-03#22': assign('reverse-engineering', 'modelling', CONGESTION, 'decicco2010', 'De Cicco & Mascolo 2010'),
  '2010-12-22#23': assign('technology', 'outage', OUTAGES, 'skype-outage2010', 'Skype outage 2010'),
  '2011-02-06#24': assign('security-and-surveillance', 'collection', MICROSOFT, 'guardian2013', 'The Guardian 2013'),
  '2011-05-10#25': assign('company', 'acquisition', MICROSOFT, 'microsoft2011', 'Microsoft 2011'),
  '2011-06-02#26': assign('reverse-engineering', 'release', UNCOVERED, 'bushmanov2011', 'Bushmanov 2011'),
  '2011-10-13#27': assign('company', 'acquisition', MICROSOFT, 'microsoft2011', 'Microsoft 2011'),
  '2012-05#28': assign('technology', 'architecture', '/docs/network-architecture#2012-supernodes-move-to-microsoft', 'arstechnica2012', 'Ars Technica 2012'),
  '2013-06-06#29': assign('security-and-surveillance', 'disclosure', PRISM, 'washingtonpost2013', 'The Washington Post 2013'),
  '2013-07-12#30': assign('security-and-surveillance', 'disclosure', PRISM, 'guardian2013', 'The Guardian 2013'),
  '2014-06-20#31': assign('technology', 'protocol', MSNP24, 'skypeblog2014', 'Skype blog 2014'),
  '2014-08#32': assign('technology', 'deprecation', MSNP24, 'inquirer2014', 'The Inquirer 2014'),
  '2014-11-11#33': assign('company', 'rebranding', BUSINESS, 'timeline', 'timeline'),
  '2015-04-14#34': assign('company', 'product', BUSINESS, 'timeline', 'timeline'),
  '2017-09-25#35': assign('company', 'product', BUSINESS, 'timeline', 'timeline'),
  '2019-07-30#36': assign('company', 'retirement', BUSINESS, 'timeline', 'timeline'),
  '2021-07-31#37': assign('technology', 'shutdown', BUSINESS, 'timeline', 'timeline'),
  '2025-02-28#38': assign('company', 'retirement', RETIREMENT, 'microsoft2025', 'Microsoft 2025'),
  '2025-05-05#39': assign('technology', 'shutdown', RETIREMENT, 'microsoft2025', 'Microsoft 2025'),
};

/** The first and last day an event may have happened on, for ordering: a month covers all its days. */
function dateBounds(date: TimelineDate): [string, string] {
  const pad = (value: number) => String(value).padStart(2, '0');
  if (date.month === null) return [`${date.year}-01-01`, `${date.year}-12-31`];
  if (date.day === null) return [`${date.year}-${pad(date.month)}-01`, `${date.year}-${pad(date.month)}-${pad(daysInMonth(date.year, date.month))}`];
  const day = `${date.year}-${pad(date.month)}-${pad(date.day)}`;
  return [day, day];
}

/**
 * Checks the whole timeline and types it: every date strict, every event assigned a category, the
 * events in date order (a month-only event may share its month with dated events).
 *
 * @param raw The parsed timeline.json.
 * @param assignments Our categories and links, keyed by date and index.
 * @returns The typed events, in the data's order.
 * @throws Error naming the event index: a bad date, a missing field, a missing assignment, or an event out of order.
 */
export function validateTimeline(raw: unknown, assignments: Readonly<Record<string, Assignment>> = TIMELINE_ASSIGNMENTS): TimelineEvent[] {
  if (!Array.isArray(raw)) throw new Error('timeline: expected an array of events');
  const events = raw.map((entry: unknown, index): TimelineEvent => {
    const record = entry as Partial<RawTimelineEvent> | null;
    // An empty date is left to parseTimelineDate, which says what a date must look like.
    if (typeof record?.date !== 'string') throw new Error(`timeline event ${index}: missing text field 'date'`);
    for (const field of ['event', 'source'] as const) {
      if (typeof record[field] !== 'string' || record[field] === '') throw new Error(`timeline event ${index}: missing text field '${field}'`);
    }
    const {date: dateText, event, source} = record as RawTimelineEvent;
    const {date, precision} = parseTimelineDate(dateText, index);
    const key = `${dateText}#${index}`;
    const assignment = assignments[key];
    if (!assignment) throw new Error(`timeline event ${index}: no category assigned for '${key}'`);
    return {
      id: `${dateText}-${index}`,
      date,
      precision,
      sentence: event,
      category: assignment.category,
      categoryReason: assignment.reason,
      chapter: assignment.chapter,
      reference: {label: assignment.referenceLabel, url: `/docs/references#${assignment.reference}`},
      sources: parseSources(source),
    };
  });
  const used = new Set(events.map((event, index) => `${event.date.text}#${index}`));
  const unused = Object.keys(assignments).filter((key) => !used.has(key));
  if (unused.length > 0) throw new Error(`timeline: assignments for no event: ${unused.join(', ')}`);
  events.forEach((event, index) => {
    if (index === 0) return;
    const [previousStart] = dateBounds(events[index - 1].date);
    const [, end] = dateBounds(event.date);
    if (end < previousStart) throw new Error(`timeline event ${index}: '${event.date.text}' comes before event ${index - 1} '${events[index - 1].date.text}'`);
  });
  return events;
}

/** The 40 events, checked when this module loads. */
export const TIMELINE_EVENTS: readonly TimelineEvent[] = validateTimeline(rawTimeline);
