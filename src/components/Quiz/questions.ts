/**
 * Turns a <Quiz>'s children, as MDX hands them over, into questions: each with its prompt, its
 * choices or numeric answer, and its explanation. MDX unwraps a paragraph that holds only components,
 * so <Choice> and <Explanation> arrive as direct children, after the prompt's paragraphs.
 */
import {Children, isValidElement, type ReactElement, type ReactNode} from 'react';
import type {AnswerKey} from './quizLogic';
import {Choice, Explanation, NumericQuestion, Question, type ChoiceProps, type ExplanationProps, type NumericQuestionProps, type QuestionProps} from './parts';

type QuestionBase = {id: string; prompt: ReactNode[]; explanation: ReactNode};
export type ChoiceQuestion = QuestionBase & {kind: 'choice'; choices: ReactNode[]; key: AnswerKey & {kind: 'choice'}};
export type NumericQuestionSpec = QuestionBase & {kind: 'numeric'; unit: string | undefined; key: AnswerKey & {kind: 'numeric'}};
export type QuizQuestion = ChoiceQuestion | NumericQuestionSpec;

const isElementOf = <P>(node: ReactNode, type: (props: P) => ReactNode): node is ReactElement<P> => isValidElement(node) && node.type === type;

/** Whitespace between components carries nothing. */
const hasContent = (node: ReactNode) => !(typeof node === 'string' && node.trim() === '') && node !== null && node !== undefined && typeof node !== 'boolean';

/** The prompt and explanation of a question's children; the rest (choices) is left to the caller. */
function promptAndExplanation(children: ReactNode): {prompt: ReactNode[]; explanation: ReactNode; rest: ReactNode[]} {
  const prompt: ReactNode[] = [];
  const rest: ReactNode[] = [];
  let explanation: ReactNode = null;
  for (const child of Children.toArray(children).filter(hasContent)) {
    if (isElementOf<ExplanationProps>(child, Explanation)) explanation = child.props.children;
    else if (isElementOf<ChoiceProps>(child, Choice)) rest.push(child);
    else prompt.push(child);
  }
  return {prompt, explanation, rest};
}

/**
 * The questions of a quiz, in order, and whatever else it holds (an introduction), in order too.
 *
 * @example readQuestions(<><Question id="a">…<Choice correct>80</Choice>…</Question></>).questions[0].key // {kind: 'choice', correct: [0]}
 */
export function readQuestions(children: ReactNode): {questions: QuizQuestion[]; other: ReactNode[]} {
  const questions: QuizQuestion[] = [];
  const other: ReactNode[] = [];
  for (const child of Children.toArray(children).filter(hasContent)) {
    if (isElementOf<QuestionProps>(child, Question)) {
      const {prompt, explanation, rest} = promptAndExplanation(child.props.children);
      const choices = rest.filter((node): node is ReactElement<ChoiceProps> => isElementOf<ChoiceProps>(node, Choice));
      const correct = choices.flatMap((choice, index) => (choice.props.correct ? [index] : []));
      questions.push({id: child.props.id, kind: 'choice', prompt, explanation, choices: choices.map((choice) => choice.props.children), key: {kind: 'choice', correct}});
    } else if (isElementOf<NumericQuestionProps>(child, NumericQuestion)) {
      const {answer, tolerance = 0, unit, id} = child.props;
      const {prompt, explanation} = promptAndExplanation(child.props.children);
      questions.push({id, kind: 'numeric', prompt, explanation, unit, key: {kind: 'numeric', answer, tolerance}});
    } else {
      other.push(child);
    }
  }
  return {questions, other};
}
