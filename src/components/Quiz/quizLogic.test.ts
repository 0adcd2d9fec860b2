import {describe, expect, it} from 'vitest';
import {isRecordable, isWithinTolerance, judge, numericProblemMessage, parseNumericAnswer, scoreOf} from './quizLogic';

describe('parseNumericAnswer(text)', () => {
  it('reads the forms the quiz interface accepts: decimal, grouped by commas, hex with 0x, with a decimal point', () => {
    expect(parseNumericAnswer('80')).toEqual({kind: 'number', value: 80});
    expect(parseNumericAnswer('1,355')).toEqual({kind: 'number', value: 1355});
    expect(parseNumericAnswer('1355')).toEqual({kind: 'number', value: 1355});
    expect(parseNumericAnswer('0x50')).toEqual({kind: 'number', value: 80});
    expect(parseNumericAnswer('0X5A')).toEqual({kind: 'number', value: 90});
    expect(parseNumericAnswer('0.5')).toEqual({kind: 'number', value: 0.5});
    expect(parseNumericAnswer('.5')).toEqual({kind: 'number', value: 0.5});
    expect(parseNumericAnswer('2.60')).toEqual({kind: 'number', value: 2.6});
    expect(parseNumericAnswer('12,000,000.25')).toEqual({kind: 'number', value: 12000000.25});
  });

  it('allows surrounding spaces and a sign, including the typographic minus', () => {
    expect(parseNumericAnswer('  80 ')).toEqual({kind: 'number', value: 80});
    expect(parseNumericAnswer('-3')).toEqual({kind: 'number', value: -3});
    expect(parseNumericAnswer('\u22123')).toEqual({kind: 'number', value: -3});
    expect(parseNumericAnswer('+0x10')).toEqual({kind: 'number', value: 16});
  });

  it('reads nothing typed as empty, not as a problem', () => {
    expect(parseNumericAnswer('')).toEqual({kind: 'empty'});
    expect(parseNumericAnswer('   ')).toEqual({kind: 'empty'});
  });

  it('names the first character that is not a digit, counted from 1 in the trimmed text', () => {
    expect(parseNumericAnswer('8o')).toEqual({kind: 'problem', problem: {kind: 'character', text: '8o', character: 'o', position: 2}});
    expect(parseNumericAnswer(' 80 bytes')).toEqual({kind: 'problem', problem: {kind: 'character', text: '80 bytes', character: ' ', position: 3}});
    expect(parseNumericAnswer('1.2.3')).toEqual({kind: 'problem', problem: {kind: 'character', text: '1.2.3', character: '.', position: 4}});
    expect(parseNumericAnswer('1e3')).toEqual({kind: 'problem', problem: {kind: 'character', text: '1e3', character: 'e', position: 2}});
    expect(parseNumericAnswer('--5')).toEqual({kind: 'problem', problem: {kind: 'character', text: '--5', character: '-', position: 2}});
    expect(parseNumericAnswer('-')).toEqual({kind: 'problem', problem: {kind: 'character', text: '-', character: '-', position: 1}});
  });

  it('explains commas that do not group thousands, such as a decimal comma', () => {
    expect(parseNumericAnswer('1,35')).toEqual({kind: 'problem', problem: {kind: 'commas', text: '1,35'}});
    expect(parseNumericAnswer('0,5')).toEqual({kind: 'problem', problem: {kind: 'commas', text: '0,5'}});
    expect(parseNumericAnswer('1.5,000')).toEqual({kind: 'problem', problem: {kind: 'commas', text: '1.5,000'}});
  });

  it('names a character after 0x that is not a hex digit, and 0x with no digits', () => {
    expect(parseNumericAnswer('0x5g')).toEqual({kind: 'problem', problem: {kind: 'hexDigit', text: '0x5g', character: 'g', position: 4}});
    expect(parseNumericAnswer('-0xz')).toEqual({kind: 'problem', problem: {kind: 'hexDigit', text: '-0xz', character: 'z', position: 4}});
    expect(parseNumericAnswer('0x')).toEqual({kind: 'problem', problem: {kind: 'hexEmpty', text: '0x'}});
  });
});

describe('numericProblemMessage(problem)', () => {
  it('says what is wrong and where, in the words of the quiz brief', () => {
    const result = parseNumericAnswer('8o');
    expect(result.kind === 'problem' && numericProblemMessage(result.problem)).toBe("'8o' is not a number: character 2 ('o') is not a digit. Use digits, like 80 or 0x50.");
    expect(numericProblemMessage({kind: 'commas', text: '0,5'})).toBe("'0,5' is not a number: commas may only separate groups of three digits, like 1,355. Write a decimal point as a dot, like 0.5.");
    expect(numericProblemMessage({kind: 'hexDigit', text: '0x5g', character: 'g', position: 4})).toBe("'0x5g' is not a number: character 4 ('g') is not a hex digit. After 0x, use 0-9 and a-f, like 0x50.");
    expect(numericProblemMessage({kind: 'hexEmpty', text: '0x'})).toBe("'0x' is not a number: write hex digits after 0x, like 0x50.");
  });
});

describe('isWithinTolerance(value, answer, tolerance)', () => {
  it('accepts the edges of the tolerance despite binary floating point (2.59 and 2.61 against 2.60 ± 0.01)', () => {
    expect(2.6 - 2.59).toBeGreaterThan(0.01); // the reason for the slack
    expect(isWithinTolerance(2.59, 2.6, 0.01)).toBe(true);
    expect(isWithinTolerance(2.61, 2.6, 0.01)).toBe(true);
    expect(isWithinTolerance(2.58, 2.6, 0.01)).toBe(false);
  });

  it('with no tolerance, only the answer itself is right', () => {
    expect(isWithinTolerance(80, 80, 0)).toBe(true);
    expect(isWithinTolerance(81, 80, 0)).toBe(false);
    expect(isWithinTolerance(1355, 1355, 0)).toBe(true);
  });
});

describe('judge(key, answer)', () => {
  const single = {kind: 'choice', correct: [1]} as const;
  const several = {kind: 'choice', correct: [0, 2]} as const;
  const numeric = {kind: 'numeric', answer: 80, tolerance: 0} as const;

  it('a single-answer question is right only with the correct choice', () => {
    expect(judge(single, [1])).toEqual({verdict: 'right'});
    expect(judge(single, [0])).toEqual({verdict: 'wrong'});
    expect(judge(single, [])).toEqual({verdict: 'unanswered'});
    expect(judge(single, undefined)).toEqual({verdict: 'unanswered'});
  });

  it('a choose-all question is right only with exactly the correct choices ticked', () => {
    expect(judge(several, [0, 2])).toEqual({verdict: 'right'});
    expect(judge(several, [2, 0])).toEqual({verdict: 'right'});
    expect(judge(several, [0])).toEqual({verdict: 'wrong'});
    expect(judge(several, [0, 1, 2])).toEqual({verdict: 'wrong'});
  });

  it('a numeric question accepts any accepted form of the number', () => {
    expect(judge(numeric, '80')).toEqual({verdict: 'right'});
    expect(judge(numeric, '0x50')).toEqual({verdict: 'right'});
    expect(judge(numeric, '128')).toEqual({verdict: 'wrong'});
    expect(judge(numeric, ' ')).toEqual({verdict: 'unanswered'});
    expect(judge(numeric, '8o')).toEqual({problem: {kind: 'character', text: '8o', character: 'o', position: 2}});
  });
});

describe('scoreOf(verdicts) and isRecordable(verdicts)', () => {
  it('counts right, checked and all questions', () => {
    expect(scoreOf(['right', 'wrong', undefined, 'right', 'unanswered'])).toEqual({right: 2, checked: 4, total: 5});
    expect(scoreOf([])).toEqual({right: 0, checked: 0, total: 0});
  });

  it('records a quiz once every question is checked and one at least was answered', () => {
    expect(isRecordable(['right', 'wrong', 'unanswered'])).toBe(true);
    expect(isRecordable(['right', undefined])).toBe(false);
    expect(isRecordable(['unanswered', 'unanswered'])).toBe(false);
    expect(isRecordable([])).toBe(false);
  });
});
