import {useId, useMemo, useRef, type ReactNode} from 'react';
import Translate from '@docusaurus/Translate';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import QuestionView from './QuestionView';
import {readQuestions} from './questions';
import {scoreOf} from './quizLogic';
import {useQuiz} from './useQuiz';
import styles from './styles.module.css';

export {Choice, Explanation, NumericQuestion, Question} from './parts';
export type {ChoiceProps, ExplanationProps, NumericQuestionProps, QuestionProps} from './parts';

export interface QuizProps {
  /** Unique on the page (kebab-case): the element's id, so pages can link to it, and the progress entry's name. */
  id: string;
  title: string;
  /** <Question>s and <NumericQuestion>s, in order; anything else is shown before them. */
  children?: ReactNode;
}

/**
 * A quiz checked in the page: numbered multiple-choice and numeric questions, each with its own
 * Check, a Check all, and Try again. Verdicts are given in words and an icon, explanations appear
 * once a question is judged, and a polite live region says what happened. The reader's answers
 * are kept in this browser, and a finished quiz's best score goes into their progress.
 */
export default function Quiz({id, title, children}: QuizProps): ReactNode {
  const root = useRef<HTMLElement>(null);
  const titleId = useId();
  // The quiz's id is where links to it land: tell the build's link check, so that pages may link here.
  useBrokenLinks().collectAnchor(id);
  const {questions, other} = useMemo(() => readQuestions(children), [children]);
  const quiz = useQuiz(id, questions);
  const score = scoreOf(questions.map((question) => quiz.verdicts[question.id]));

  const reset = () => {
    quiz.reset();
    root.current?.querySelector<HTMLInputElement>('input')?.focus();
  };

  return (
    <section ref={root} id={id} className={styles.quiz} data-widget="quiz" data-quiz={id} aria-labelledby={titleId}>
      <div className={styles.header}>
        <p id={titleId} className={styles.title}>
          {title}
        </p>
        {quiz.best && (
          <span className={styles.best} data-output="best" data-value={`${quiz.best.right}/${quiz.best.total}`}>
            <Translate id="notebook.quiz.best" values={{right: quiz.best.right, total: quiz.best.total}}>
              {'Your best: {right} of {total}'}
            </Translate>
          </span>
        )}
      </div>
      {other}
      <ol className={styles.questions}>
        {questions.map((question, index) => (
          <QuestionView
            key={question.id}
            question={question}
            number={index + 1}
            answer={quiz.answers[question.id]}
            verdict={quiz.verdicts[question.id]}
            problem={quiz.problems[question.id]}
            onAnswer={(answer) => quiz.answer(question.id, answer)}
            onCheck={() => quiz.check(question.id)}
          />
        ))}
      </ol>
      <div className={styles.actions}>
        <button type="button" className="button button--sm button--primary" onClick={quiz.checkAll} data-action="check-all">
          <Translate id="notebook.quiz.checkAll">Check all</Translate>
        </button>
        <button type="button" className="button button--sm button--secondary" onClick={reset} data-action="reset">
          <Translate id="notebook.quiz.reset">Try again</Translate>
        </button>
        {score.checked === score.total && score.total > 0 && (
          <p className={styles.score} data-output="score" data-value={`${score.right}/${score.total}`}>
            <Translate id="notebook.quiz.score" values={{right: score.right, total: score.total}}>
              {'Score: {right} of {total} right'}
            </Translate>
          </p>
        )}
      </div>
      <p role="status" className={styles.announcer} data-output="announcement">
        {/* A new key per announcement, so that the same words twice are read twice. */}
        <span key={quiz.announcement.serial}>{quiz.announcement.text}</span>
      </p>
    </section>
  );
}
