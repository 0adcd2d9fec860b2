import {createElement, type ReactNode} from 'react';
import {describe, expect, it} from 'vitest';
import {Choice, Explanation, NumericQuestion, Question} from './parts';
import {readQuestions} from './questions';

/** The children of a <Quiz> as MDX compiles them: paragraphs are 'p' elements, and components are direct children. */
const p = (...children: ReactNode[]) => createElement('p', null, ...children);

describe('readQuestions(children)', () => {
  const children = [
    p('Answer these after reading the chapter.'),
    createElement(
      Question,
      {id: 'rc4-key-length'},
      p('How many bytes does the key engine turn one 32-bit seed into?'),
      createElement(Choice, null, '16'),
      createElement(Choice, {correct: true}, '80'),
      createElement(Choice, null, '256'),
      createElement(Explanation, null, p('Eighty.')),
    ),
    '\n',
    createElement(NumericQuestion, {id: 'largest-datagram', answer: 1355, tolerance: 0, unit: 'bytes'}, p('What is the largest datagram?'), createElement(Explanation, null, p('Because.'))),
    createElement(
      Question,
      {id: 'cheap-lists'},
      p('Choose all that apply.'),
      createElement(Choice, {correct: true}, 'a'),
      createElement(Choice, null, 'b'),
      createElement(Choice, {correct: true}, 'c'),
      createElement(Explanation, null, 'Why.'),
    ),
    createElement(NumericQuestion, {id: 'no-tolerance', answer: 80}, p('Bytes?'), createElement(Explanation, null, 'E.')),
  ];

  it('reads the questions in order with their answer keys', () => {
    const {questions} = readQuestions(children);
    expect(questions.map((question) => [question.id, question.kind, question.key])).toEqual([
      ['rc4-key-length', 'choice', {kind: 'choice', correct: [1]}],
      ['largest-datagram', 'numeric', {kind: 'numeric', answer: 1355, tolerance: 0}],
      ['cheap-lists', 'choice', {kind: 'choice', correct: [0, 2]}],
      ['no-tolerance', 'numeric', {kind: 'numeric', answer: 80, tolerance: 0}],
    ]);
  });

  it('keeps the prompt, the choices and the explanation apart', () => {
    const [first, second] = readQuestions(children).questions;
    expect(first.prompt).toHaveLength(1);
    expect(first.kind === 'choice' && first.choices).toEqual(['16', '80', '256']);
    expect(first.explanation).toMatchObject({type: 'p', props: {children: 'Eighty.'}});
    expect(second.kind === 'numeric' && second.unit).toBe('bytes');
    expect(second.prompt).toHaveLength(1);
  });

  it('gives back what is not a question, and drops whitespace between components', () => {
    const {other} = readQuestions(children);
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({type: 'p', props: {children: 'Answer these after reading the chapter.'}});
  });
});
