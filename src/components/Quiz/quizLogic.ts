/**
 * The quiz's rules, apart from React: reading a typed number, judging an answer, and the score.
 * Parsing never throws; a typed answer that is not a number comes back as a problem with the
 * offending character and its position (counted from 1, as a reader counts), which
 * `numericProblemMessage` puts into words.
 */
import {translate} from '@docusaurus/Translate';

/** What the reader answered: the indexes of the ticked choices, or the text typed. */
export type Answer = readonly number[] | string;

/** The answer key of one question. */
export type AnswerKey = {kind: 'choice'; correct: readonly number[]} | {kind: 'numeric'; answer: number; tolerance: number};

export type Verdict = 'right' | 'wrong' | 'unanswered';

export type NumericProblem =
  | {kind: 'character'; text: string; character: string; position: number}
  | {kind: 'commas'; text: string}
  | {kind: 'hexDigit'; text: string; character: string; position: number}
  | {kind: 'hexEmpty'; text: string};

export type NumericParse = {kind: 'empty'} | {kind: 'number'; value: number} | {kind: 'problem'; problem: NumericProblem};

/** Digits grouped by commas in threes (1,355 or 12,000,000), or plain, with an optional decimal part (`5.` is 5). */
const DECIMAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?$/;

/**
 * A number as a reader types it: decimal (`80`, `1,355`, `1355`), with a decimal point (`0.5`,
 * `.5`), or hexadecimal after 0x (`0x50`); a leading sign and surrounding spaces are allowed.
 *
 * @example parseNumericAnswer(' 0x50 ') // {kind: 'number', value: 80}
 * @example parseNumericAnswer('8o') // {kind: 'problem', problem: {kind: 'character', text: '8o', character: 'o', position: 2}}
 */
export function parseNumericAnswer(typed: string): NumericParse {
  const text = typed.trim();
  if (text === '') return {kind: 'empty'};
  // The typographic minus (U+2212) is what some keyboards and copied text give.
  const signLength = /^[-+\u2212]/.test(text) ? 1 : 0;
  const sign = signLength === 1 && text[0] !== '+' ? -1 : 1;
  const body = text.slice(signLength);
  const problem = (found: NumericProblem): NumericParse => ({kind: 'problem', problem: found});

  if (/^0x/i.test(body)) {
    const digits = body.slice(2);
    if (digits === '') return problem({kind: 'hexEmpty', text});
    const bad = [...digits].findIndex((character) => !/[0-9a-f]/i.test(character));
    if (bad >= 0) return problem({kind: 'hexDigit', text, character: digits[bad], position: signLength + 2 + bad + 1});
    return {kind: 'number', value: sign * parseInt(digits, 16)};
  }
  // The first character that belongs to no way of writing a number, or a second decimal point.
  const firstPoint = body.indexOf('.');
  const bad = [...body].findIndex((character, index) => !/[0-9.,]/.test(character) || (character === '.' && index !== firstPoint));
  if (bad >= 0) return problem({kind: 'character', text, character: body[bad], position: signLength + bad + 1});
  // A sign or a point alone: the first character is not a digit, and there is none after it.
  if (!/[0-9]/.test(body)) return problem({kind: 'character', text, character: text[0], position: 1});
  if (!DECIMAL.test(body)) return problem({kind: 'commas', text});
  return {kind: 'number', value: sign * Number(body.replace(/,/g, ''))};
}

/** What is wrong with a typed answer, in words: "'8o' is not a number: character 2 ('o') is not a digit. Use digits, like 80 or 0x50." */
export function numericProblemMessage(problem: NumericProblem): string {
  switch (problem.kind) {
    case 'character':
      return translate(
        {id: 'notebook.quiz.problem.character', message: "'{text}' is not a number: character {position} ('{character}') is not a digit. Use digits, like 80 or 0x50."},
        {text: problem.text, position: problem.position, character: problem.character},
      );
    case 'commas':
      return translate(
        {
          id: 'notebook.quiz.problem.commas',
          message: "'{text}' is not a number: commas may only separate groups of three digits, like 1,355. Write a decimal point as a dot, like 0.5.",
        },
        {text: problem.text},
      );
    case 'hexDigit':
      return translate(
        {id: 'notebook.quiz.problem.hexDigit', message: "'{text}' is not a number: character {position} ('{character}') is not a hex digit. After 0x, use 0-9 and a-f, like 0x50."},
        {text: problem.text, position: problem.position, character: problem.character},
      );
    case 'hexEmpty':
      return translate({id: 'notebook.quiz.problem.hexEmpty', message: "'{text}' is not a number: write hex digits after 0x, like 0x50."}, {text: problem.text});
  }
}

/**
 * Whether `value` is within `tolerance` of `answer`. A hair of slack is allowed for binary floating
 * point, in which 2.6 - 2.59 is 0.010000000000000231 and would miss a tolerance of 0.01.
 */
export function isWithinTolerance(value: number, answer: number, tolerance: number): boolean {
  return Math.abs(value - answer) <= tolerance + 1e-9 * Math.max(1, Math.abs(answer));
}

/**
 * Judges one answer against its key. A choice question is right when exactly the correct choices
 * are ticked; a numeric one when the typed number is within the tolerance.
 *
 * @returns the verdict, or the problem of a typed answer that is not a number.
 */
export function judge(key: AnswerKey, answer: Answer | undefined): {verdict: Verdict} | {problem: NumericProblem} {
  if (key.kind === 'choice') {
    const ticked = typeof answer === 'string' || answer === undefined ? [] : answer;
    if (ticked.length === 0) return {verdict: 'unanswered'};
    const right = ticked.length === key.correct.length && key.correct.every((index) => ticked.includes(index));
    return {verdict: right ? 'right' : 'wrong'};
  }
  const parsed = parseNumericAnswer(typeof answer === 'string' ? answer : '');
  if (parsed.kind === 'empty') return {verdict: 'unanswered'};
  if (parsed.kind === 'problem') return {problem: parsed.problem};
  return {verdict: isWithinTolerance(parsed.value, key.answer, key.tolerance) ? 'right' : 'wrong'};
}

/** The score of a quiz: questions right, questions checked, and all questions. */
export function scoreOf(verdicts: readonly (Verdict | undefined)[]): {right: number; checked: number; total: number} {
  return {
    right: verdicts.filter((verdict) => verdict === 'right').length,
    checked: verdicts.filter((verdict) => verdict !== undefined).length,
    total: verdicts.length,
  };
}

/**
 * Whether a score goes into the reader's progress: every question checked, and at least one of
 * them answered (a "Check all" on an untouched quiz is not an attempt).
 */
export function isRecordable(verdicts: readonly (Verdict | undefined)[]): boolean {
  return verdicts.length > 0 && verdicts.every((verdict) => verdict !== undefined) && verdicts.some((verdict) => verdict !== 'unanswered');
}
