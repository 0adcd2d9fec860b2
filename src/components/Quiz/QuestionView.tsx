import {useId, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import {numericProblemMessage, type Answer, type NumericProblem, type Verdict} from './quizLogic';
import type {ChoiceQuestion, NumericQuestionSpec, QuizQuestion} from './questions';
import styles from './styles.module.css';

interface QuestionViewProps {
  question: QuizQuestion;
  /** Its place in the quiz, from 1. */
  number: number;
  answer: Answer | undefined;
  verdict: Verdict | undefined;
  problem: NumericProblem | undefined;
  onAnswer(answer: Answer): void;
  onCheck(): void;
}

function VerdictText({verdict}: {verdict: Verdict}): ReactNode {
  const words = {
    right: translate({id: 'notebook.quiz.right', message: 'Right'}),
    wrong: translate({id: 'notebook.quiz.wrong', message: 'Not right'}),
    unanswered: translate({id: 'notebook.quiz.unanswered', message: 'No answer given: answer first, then check.'}),
  }[verdict];
  return (
    <p className={clsx(styles.verdict, styles[verdict])} data-output="verdict" data-value={verdict}>
      <span className={styles.icon} aria-hidden="true">
        {verdict === 'right' ? '✓' : '✗'}
      </span>
      {words}
    </p>
  );
}

/** After checking, what each choice was: the reader's right or wrong pick, or a right answer not picked. */
function choiceMark(verdict: Verdict | undefined, correct: boolean, ticked: boolean, multiple: boolean): {kind: 'rightPick' | 'wrongPick' | 'missed'; text: string} | null {
  if (verdict !== 'right' && verdict !== 'wrong') return null;
  if (ticked && correct) return {kind: 'rightPick', text: translate({id: 'notebook.quiz.mark.rightPick', message: 'your choice: right'})};
  if (ticked) return {kind: 'wrongPick', text: translate({id: 'notebook.quiz.mark.wrongPick', message: 'your choice: not right'})};
  if (!correct) return null;
  return {
    kind: 'missed',
    text: multiple ? translate({id: 'notebook.quiz.mark.alsoRight', message: 'also right'}) : translate({id: 'notebook.quiz.mark.theAnswer', message: 'the right answer'}),
  };
}

function ChoiceList({question, answer, verdict, onAnswer}: Pick<QuestionViewProps, 'answer' | 'verdict' | 'onAnswer'> & {question: ChoiceQuestion}): ReactNode {
  const groupName = useId();
  // Checkboxes when the reader must tick more than one: the control itself says "choose all that apply".
  const multiple = question.key.correct.length > 1;
  const ticked = Array.isArray(answer) ? answer : [];
  return (
    <div className={styles.choices}>
      {question.choices.map((content, index) => {
        const isTicked = ticked.includes(index);
        const mark = choiceMark(verdict, question.key.correct.includes(index), isTicked, multiple);
        const toggle = (on: boolean) => (on ? [...ticked.filter((other) => other !== index), index].sort((a, b) => a - b) : ticked.filter((other) => other !== index));
        return (
          <label key={index} className={clsx(styles.choice, mark && styles[mark.kind])} data-choice={index} data-mark={mark?.kind}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={groupName}
              value={index}
              checked={isTicked}
              onChange={(event) => onAnswer(multiple ? toggle(event.currentTarget.checked) : [index])}
            />
            <span className={styles.choiceText}>{content}</span>
            {mark && (
              <span className={styles.mark}>
                <span className={styles.icon} aria-hidden="true">
                  {mark.kind === 'wrongPick' ? '✗' : '✓'}
                </span>
                {mark.text}
              </span>
            )}
          </label>
        );
      })}
    </div>
  );
}

function NumericField({question, answer, problem, alertId, onAnswer, onCheck}: Pick<QuestionViewProps, 'answer' | 'problem' | 'onAnswer' | 'onCheck'> & {question: NumericQuestionSpec; alertId: string}): ReactNode {
  const inputId = useId();
  const unitId = useId();
  const describedBy = [question.unit ? unitId : null, problem ? alertId : null].filter(Boolean).join(' ');
  return (
    <div className={styles.numeric}>
      <label htmlFor={inputId} className={styles.numericLabel}>
        <Translate id="notebook.quiz.yourAnswer">Your answer</Translate>
      </label>
      <span className={styles.numericRow}>
        <input
          id={inputId}
          className={clsx(styles.input, problem && styles.invalid)}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={typeof answer === 'string' ? answer : ''}
          onChange={(event) => onAnswer(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter checks this question, as a form's submit would.
            if (event.key !== 'Enter') return;
            event.preventDefault();
            onCheck();
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {question.unit && (
          <span id={unitId} className={styles.unit}>
            {question.unit}
          </span>
        )}
      </span>
    </div>
  );
}

/** One numbered question: its prompt, its choices or number field, its own Check, the verdict and, once judged, the explanation. */
export default function QuestionView({question, number, answer, verdict, problem, onAnswer, onCheck}: QuestionViewProps): ReactNode {
  const id = useId();
  const numberId = `${id}-number`;
  const promptId = `${id}-prompt`;
  const alertId = `${id}-alert`;
  const judgedAnswer = verdict === 'right' || verdict === 'wrong';
  return (
    <li className={styles.question} data-question={question.id} data-kind={question.kind} data-result={verdict}>
      <div role="group" aria-labelledby={`${numberId} ${promptId}`}>
        <p id={numberId} className={styles.number}>
          <Translate id="notebook.quiz.number" values={{number}}>
            {'Question {number}'}
          </Translate>
        </p>
        <div id={promptId} className={styles.prompt}>
          {question.prompt}
        </div>
        {question.kind === 'choice' ? (
          <ChoiceList question={question} answer={answer} verdict={verdict} onAnswer={onAnswer} />
        ) : (
          <NumericField question={question} answer={answer} problem={problem} alertId={alertId} onAnswer={onAnswer} onCheck={onCheck} />
        )}
        {problem && (
          <p id={alertId} role="alert" className={styles.alert}>
            {numericProblemMessage(problem)}
          </p>
        )}
        <div className={styles.checkRow}>
          <button
            type="button"
            className="button button--sm button--secondary"
            onClick={onCheck}
            data-action="check"
            aria-label={translate({id: 'notebook.quiz.checkQuestion', message: 'Check question {number}'}, {number})}>
            <Translate id="notebook.quiz.check">Check</Translate>
          </button>
          {verdict && <VerdictText verdict={verdict} />}
        </div>
        {/* Not in the page before checking: the explanation gives the answer away. */}
        {judgedAnswer && question.explanation && (
          <div className={styles.explanation} data-explanation="">
            <p className={styles.explanationHeading}>
              <Translate id="notebook.quiz.explanation">Explanation</Translate>
            </p>
            {question.explanation}
          </div>
        )}
      </div>
    </li>
  );
}
