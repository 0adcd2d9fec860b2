/**
 * The pieces a chapter writes inside a <Quiz>. Quiz reads their props to build each question, so
 * they render nothing of their own inside it; the build's learning catalogue stops a page that puts
 * one anywhere else (plugins/learning-catalogue.ts). Outside a quiz they would show their content.
 */
import type {ReactNode} from 'react';

export interface QuestionProps {
  /** Unique in the quiz; names the kept answer. */
  id: string;
  /** The prompt (any MDX), 2 to 5 <Choice>s and one <Explanation>. */
  children?: ReactNode;
}

export interface ChoiceProps {
  /** This choice is (one of) the right answer(s). With more than one, the reader ticks all of them. */
  correct?: boolean;
  children?: ReactNode;
}

export interface NumericQuestionProps {
  /** Unique in the quiz; names the kept answer. */
  id: string;
  answer: number;
  /** How far a typed number may be from `answer` and still be right. Default 0. */
  tolerance?: number;
  /** Shown after the input, such as "bytes". */
  unit?: string;
  /** The prompt (any MDX) and one <Explanation>. */
  children?: ReactNode;
}

export interface ExplanationProps {
  /** Why the right answer is right and a tempting wrong one wrong, with a citation; shown once checked. */
  children?: ReactNode;
}

/** A multiple-choice question. */
export function Question({children}: QuestionProps): ReactNode {
  return children;
}

/** One answer of a <Question>. */
export function Choice({children}: ChoiceProps): ReactNode {
  return children;
}

/** A question answered with a number. */
export function NumericQuestion({children}: NumericQuestionProps): ReactNode {
  return children;
}

/** What a question's answer teaches, revealed after checking. */
export function Explanation({children}: ExplanationProps): ReactNode {
  return children;
}
