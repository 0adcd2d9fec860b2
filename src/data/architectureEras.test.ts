import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {
  ARCHITECTURE_ERAS,
  ERA_DATA,
  ERA_PARTIES,
  ERA_QUESTIONS,
  compareEras,
  compareParties,
  partyRole,
  type ArchitectureEraId,
  type EraQuestion,
  type EraStatement,
} from './architectureEras';
import timeline from './timeline.json';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const REFERENCE_ANCHORS = new Set([...read('../../docs/13-references.mdx').matchAll(/<Link id="([^"]+)"/g)].map((match) => match[1]));
const CHAPTER = read('../../docs/12-history-and-deprecation.mdx');
const TIMELINE_DATES = new Set(timeline.map((event) => event.date));

const everyStatement = (): [string, EraStatement][] =>
  ARCHITECTURE_ERAS.flatMap((era) => [
    ...ERA_QUESTIONS.flatMap((question) => ERA_DATA[era].answers[question].statements.map((statement): [string, EraStatement] => [`${era} ${question}`, statement])),
    ...ERA_DATA[era].parties.flatMap((role) => role.statements.map((statement): [string, EraStatement] => [`${era} ${role.party}`, statement])),
  ]);

/** The chapter's table "What changed technically": one row per question, one cell per era (the first three states). */
function chapterTable(): Record<EraQuestion, string[]> {
  const section = CHAPTER.split('## What changed technically, 2011–2014')[1].split('\n## ')[0];
  const rows = section.split('\n').filter((line) => line.startsWith('| Who'));
  const cells = (label: string) => {
    const row = rows.find((line) => line.startsWith(`| ${label}`));
    if (!row) throw new Error(`the chapter's table has no row "${label}"`);
    return row.split(' | ').slice(1).map((cell) => cell.replace(/ \|$/, ''));
  };
  return {directory: cells('Who holds the user directory?'), relays: cells('Who relays calls?'), messages: cells('Who can see messages?')};
}

describe('architecture eras: sources', () => {
  it.each(everyStatement())('%s: every citation of the statement is an anchor of the references page, or it is marked unknown', (_, statement) => {
    if (statement.basis === 'unknown') {
      expect(statement.citations).toEqual([]);
      return;
    }
    expect(statement.citations.length).toBeGreaterThan(0);
    for (const citation of statement.citations) {
      expect(citation.source).toMatch(/^\/docs\/references#/);
      expect(REFERENCE_ANCHORS.has(citation.source.split('#')[1]), citation.source).toBe(true);
    }
  });

  it('lists every party once in every state, and every question is answered', () => {
    for (const era of ARCHITECTURE_ERAS) {
      expect(ERA_DATA[era].parties.map((role) => role.party)).toEqual([...ERA_PARTIES]);
      for (const question of ERA_QUESTIONS) expect(ERA_DATA[era].answers[question].statements.length).toBeGreaterThan(0);
    }
  });

  it('an answer that names no holder ("unknown") has a statement saying the sources are silent', () => {
    for (const era of ARCHITECTURE_ERAS)
      for (const question of ERA_QUESTIONS) {
        const answer = ERA_DATA[era].answers[question];
        if (answer.holder === 'unknown') expect(answer.statements.some((statement) => statement.basis === 'unknown'), `${era} ${question}`).toBe(true);
      }
  });
});

describe("architecture eras: the chapter's table", () => {
  const table = chapterTable();
  const tableEras: ArchitectureEraId[] = ['peer-to-peer', 'hosted-supernodes', 'msnp24'];

  it('has one column per era of the table', () => {
    for (const question of ERA_QUESTIONS) expect(table[question]).toHaveLength(tableEras.length);
  });

  it.each(tableEras.flatMap((era, column) => ERA_QUESTIONS.map((question) => [era, question, column] as const)))(
    '%s, %s: the data cites exactly the anchors of the table cell, with its sections',
    (era, question, column) => {
      const cell = table[question][column];
      const links = [...cell.matchAll(/\[([^\]]+)\]\(\/docs\/references#([^)]+)\)/g)].map((match) => ({text: match[1], anchor: match[2]}));
      const statements = ERA_DATA[era].answers[question].statements;
      const cited = new Set(statements.flatMap((statement) => statement.citations.map((citation) => citation.source.split('#')[1])));
      expect(cited).toEqual(new Set(links.map((link) => link.anchor)));
      for (const citation of statements.flatMap((statement) => statement.citations)) {
        const anchor = citation.source.split('#')[1];
        // '§4.4–4.5' in the data, 'Baset & Schulzrinne 2004, §4.4–4.5' in the cell.
        if (citation.section !== '') expect(links.some((link) => link.anchor === anchor && link.text.endsWith(citation.section)), `${anchor} ${citation.section} in: ${cell}`).toBe(true);
      }
    },
  );

  it.each(tableEras.flatMap((era, column) => ERA_QUESTIONS.map((question) => [era, question, column] as const)))(
    '%s, %s: the data is silent exactly where the cell says "Our sources do not describe it"',
    (era, question, column) => {
      const silentCell = table[question][column].trim() === 'Our sources do not describe it.';
      const allUnknown = ERA_DATA[era].answers[question].statements.every((statement) => statement.basis === 'unknown');
      expect(allUnknown).toBe(silentCell);
    },
  );

  it('marks as our inference what the table calls an inference ("We infer")', () => {
    const inferenceCells = tableEras.flatMap((era, column) => ERA_QUESTIONS.filter((question) => /We infer/.test(table[question][column])).map((question) => `${era} ${question}`));
    const inferenceAnswers = tableEras.flatMap((era) =>
      ERA_QUESTIONS.filter((question) => ERA_DATA[era].answers[question].statements.some((statement) => statement.basis === 'our-inference')).map((question) => `${era} ${question}`),
    );
    expect(inferenceAnswers).toEqual(inferenceCells);
    expect(inferenceCells).toEqual(['msnp24 messages']);
  });
});

describe('architecture eras: dates from the timeline data', () => {
  it('every date is a date of timeline.json, written as there', () => {
    for (const era of ARCHITECTURE_ERAS) {
      const dates = [...ERA_DATA[era].start, ...(ERA_DATA[era].end ? [ERA_DATA[era].end] : [])];
      for (const {date} of dates) expect(TIMELINE_DATES.has(date), `${era} ${date}`).toBe(true);
    }
  });

  it('the states follow each other: each ends where the next starts, and only the last is open', () => {
    // Expected dates from the chapter: first beta 2003-08-29, hosted supernodes reported 2012-05, switch 2014-08, end 2025-05-05.
    expect(ARCHITECTURE_ERAS.map((era) => ERA_DATA[era].start[0].date)).toEqual(['2003-08-29', '2012-05', '2014-08', '2025-05-05']);
    for (let index = 0; index + 1 < ARCHITECTURE_ERAS.length; index++) expect(ERA_DATA[ARCHITECTURE_ERAS[index]].end?.date).toBe(ERA_DATA[ARCHITECTURE_ERAS[index + 1]].start[0].date);
    expect(ERA_DATA.retired.end).toBeNull();
  });
});

describe('compareEras', () => {
  it('says the 2012 change moved the directory from users to Microsoft and left the relays unknown', () => {
    expect(compareEras('peer-to-peer', 'hosted-supernodes')).toEqual([
      {question: 'directory', before: 'users-machines', after: 'microsoft', kind: 'moved'},
      {question: 'relays', before: 'users-machines', after: 'unknown', kind: 'unknown'},
      {question: 'messages', before: 'the-two-peers', after: 'microsoft-and-nsa-reported', kind: 'moved'},
    ]);
  });

  it('finds nothing changed when both sides are the same state', () => {
    for (const era of ARCHITECTURE_ERAS) expect(compareEras(era, era).every((change) => change.kind === 'same')).toBe(true);
  });

  it('compares the parties: the user supernodes go in 2012, the login server becomes unknown', () => {
    const changes = compareParties('peer-to-peer', 'hosted-supernodes');
    const presence = Object.fromEntries(changes.map((change) => [change.party, `${change.before.presence}>${change.after.presence}`]));
    expect(presence).toEqual({
      'users-machines': 'present>present',
      'login-server': 'present>unknown',
      'user-supernodes': 'present>absent',
      'hosted-supernodes': 'absent>present',
      'company-servers': 'present>present',
      relays: 'present>unknown',
    });
    expect(changes.filter((change) => !change.changed).map((change) => change.party)).toEqual([]);
    expect(compareParties('msnp24', 'msnp24').some((change) => change.changed)).toBe(false);
    expect(() => partyRole('retired', 'nowhere' as never)).toThrow(RangeError);
  });
});
