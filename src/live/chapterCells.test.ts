// Every live cell and exercise in the chapters, run the way the runner worker runs them: each cell
// must finish without an error, each exercise's solution must pass all its checks, and its starter
// must fail at least one (otherwise there is nothing to do).
import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {runProgram} from './runProgram';
import type {RunOutcome, RunRequest, WorkerMessage} from './types';

const DOCS = new URL('../../docs/', import.meta.url);
/** Cells that never end by design; the browser test of the notebook guide watches the time limit stop them. */
const ENDLESS_CELLS = new Set(['endless-loop']);

/** The index just past the JavaScript expression that opens at `start` (a `{`), skipping strings and template literals. */
function expressionEnd(text: string, start: number): number {
  let depth = 0;
  // Template literals nest: each entry is the brace depth at which a `${` opened inside one.
  const templates: number[] = [];
  let inTemplate = false;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (inTemplate) {
      if (character === '\\') index++;
      else if (character === '`') inTemplate = false;
      else if (character === '$' && text[index + 1] === '{') {
        templates.push(depth);
        depth++;
        index++;
        inTemplate = false;
      }
      continue;
    }
    if (character === '"' || character === "'") {
      for (index++; index < text.length && text[index] !== character; index++) if (text[index] === '\\') index++;
    } else if (character === '`') inTemplate = true;
    else if (character === '{') depth++;
    else if (character === '}') {
      depth--;
      if (templates.length > 0 && templates.at(-1) === depth) {
        templates.pop();
        inTemplate = true;
      } else if (depth === 0) return index + 1;
    }
  }
  throw new Error(`unclosed expression at ${start}`);
}

/** The props of every `<Tag … />` in `text`, each expression prop evaluated as the MDX compiler would. */
function componentProps(text: string, tag: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (const opening of text.matchAll(new RegExp(`<${tag}\\s`, 'g'))) {
    const props: Record<string, unknown> = {};
    let index = opening.index + tag.length + 1;
    const attribute = /\s*([A-Za-z]+)=/y;
    for (;;) {
      attribute.lastIndex = index;
      const match = attribute.exec(text);
      if (!match) break;
      index = attribute.lastIndex;
      if (text[index] === '"') {
        const end = text.indexOf('"', index + 1);
        props[match[1]] = text.slice(index + 1, end);
        index = end + 1;
      } else {
        const end = expressionEnd(text, index);
        props[match[1]] = new Function(`return (${text.slice(index + 1, end - 1)});`)();
        index = end;
      }
    }
    found.push(props);
  }
  return found;
}

async function run(request: RunRequest): Promise<{outcome: RunOutcome; printed: string[]}> {
  const printed: string[] = [];
  let outcome: RunOutcome | undefined;
  await runProgram(request, (message: WorkerMessage) => {
    if (message.type === 'event' && 'text' in message.event) printed.push(message.event.text);
    if (message.type === 'done') outcome = message.outcome;
  });
  return {outcome: outcome!, printed};
}

const describeFailure = ({outcome, printed}: {outcome: RunOutcome; printed: string[]}) =>
  outcome.status === 'error' ? `${outcome.name}: ${outcome.message} at ${JSON.stringify(outcome.position)}; printed ${printed.slice(-3).join(' | ')}` : outcome.status;

const chapters = readdirSync(DOCS)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => ({name, text: readFileSync(new URL(name, DOCS), 'utf8')}));

describe('the chapters have cells to run', () => {
  it('finds the live cells and exercises', () => {
    const cells = chapters.flatMap((chapter) => componentProps(chapter.text, 'LiveCode'));
    const exercises = chapters.flatMap((chapter) => componentProps(chapter.text, 'Exercise'));
    // Counted in the chapters by `grep -c`: every cell has code, every exercise checks.
    expect(cells.length).toBeGreaterThanOrEqual(40);
    expect(exercises.length).toBeGreaterThanOrEqual(10);
    for (const cell of cells) expect(typeof cell.code).toBe('string');
    for (const exercise of exercises) expect(Array.isArray(exercise.checks)).toBe(true);
  });
});

for (const {name, text} of chapters) {
  const cells = componentProps(text, 'LiveCode').filter((cell) => !ENDLESS_CELLS.has(String(cell.id)));
  const exercises = componentProps(text, 'Exercise');
  if (cells.length === 0 && exercises.length === 0) continue;
  describe(name, () => {
    for (const cell of cells) {
      it(`cell "${String(cell.id)}" runs without an error`, async () => {
        const result = await run({type: 'run', code: String(cell.code)});
        expect(result.outcome.status, describeFailure(result)).toBe('ok');
      });
    }
    for (const exercise of exercises) {
      const checks = exercise.checks as {name: string; code: string}[];
      it(`exercise "${String(exercise.id)}": the solution passes every check`, async () => {
        for (const check of checks) {
          const result = await run({type: 'run', code: String(exercise.solution), epilogue: check.code});
          expect(result.outcome.status, `${check.name}: ${describeFailure(result)}`).toBe('ok');
        }
      });
      it(`exercise "${String(exercise.id)}": the starter fails a check`, async () => {
        const outcomes = [];
        for (const check of checks) outcomes.push((await run({type: 'run', code: String(exercise.starter), epilogue: check.code})).outcome.status);
        expect(outcomes).toContain('error');
      });
    }
  });
}
