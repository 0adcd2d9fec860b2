import {useEffect, useState} from 'react';
import {useLocation} from '@docusaurus/router';
import {translate} from '@docusaurus/Translate';
import {quizBestScore, recordQuizScore, type QuizEntry} from '@site/src/live/progress';
import {loadAnswers, saveAnswers, type QuizAnswers} from './answers';
import {isRecordable, judge, scoreOf, type Answer, type NumericProblem, type Verdict} from './quizLogic';
import type {QuizQuestion} from './questions';

export interface QuizState {
  answers: QuizAnswers;
  /** The verdict of each question checked since its answer last changed. */
  verdicts: Record<string, Verdict>;
  /** Typed answers that are not numbers, found when checking; cleared when the answer changes. */
  problems: Record<string, NumericProblem>;
  /** The latest news for the live region, with a serial so that the same words are announced again. */
  announcement: {text: string; serial: number};
  /** The best score kept in this browser, once read (null before, or when there is none). */
  best: QuizEntry | null;
  answer(questionId: string, answer: Answer): void;
  check(questionId: string): void;
  checkAll(): void;
  reset(): void;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = {...record};
  delete copy[key];
  return copy;
}

const scoreText = (right: number, total: number) => translate({id: 'notebook.quiz.announce.score', message: '{right} of {total} right.'}, {right, total});

/**
 * A quiz's interface state: answers (kept per page and quiz), verdicts, problems and what to
 * announce. When every question has been checked, the score goes into the reader's progress.
 */
export function useQuiz(quizId: string, questions: readonly QuizQuestion[]): QuizState {
  // The same path Exercise uses, so that both land under one page in the progress store.
  const pagePath = useLocation().pathname;
  const [answers, setAnswers] = useState<QuizAnswers>({});
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({});
  const [problems, setProblems] = useState<Record<string, NumericProblem>>({});
  const [announcement, setAnnouncement] = useState({text: '', serial: 0});
  const [best, setBest] = useState<QuizEntry | null>(null);

  // Storage lives in the browser, so it is read after the server-rendered page has hydrated.
  useEffect(() => {
    setAnswers(loadAnswers(pagePath, quizId));
    setBest(quizBestScore(pagePath, quizId));
  }, [pagePath, quizId]);

  const announce = (text: string) => setAnnouncement((previous) => ({text, serial: previous.serial + 1}));

  /** Judges the given questions against the current answers: the verdicts and problems that follow. */
  const judged = (ids: readonly string[]) => {
    const nextVerdicts = {...verdicts};
    const nextProblems = {...problems};
    for (const question of questions.filter((candidate) => ids.includes(candidate.id))) {
      const outcome = judge(question.key, answers[question.id]);
      if ('problem' in outcome) {
        nextProblems[question.id] = outcome.problem;
        delete nextVerdicts[question.id];
      } else {
        nextVerdicts[question.id] = outcome.verdict;
        delete nextProblems[question.id];
      }
    }
    return {nextVerdicts, nextProblems};
  };

  /** Puts a finished quiz's score into the progress store; returns the score's words, or '' if not finished. */
  const finish = (nextVerdicts: Record<string, Verdict>): string => {
    const inOrder = questions.map((question) => nextVerdicts[question.id]);
    if (!isRecordable(inOrder)) return '';
    const {right, total} = scoreOf(inOrder);
    setBest(recordQuizScore(pagePath, quizId, {right, total}));
    return scoreText(right, total);
  };

  const answer = (questionId: string, next: Answer) => {
    const nextAnswers = {...answers, [questionId]: next};
    setAnswers(nextAnswers);
    saveAnswers(pagePath, quizId, nextAnswers);
    // A verdict or a problem belongs to the answer it judged; an alert that came and went with every
    // keystroke would be announced over and over, so a problem waits for the next Check.
    setVerdicts((previous) => without(previous, questionId));
    setProblems((previous) => without(previous, questionId));
  };

  const check = (questionId: string) => {
    const {nextVerdicts, nextProblems} = judged([questionId]);
    setVerdicts(nextVerdicts);
    setProblems(nextProblems);
    const verdict = nextVerdicts[questionId];
    // A problem is announced by its own alert.
    if (verdict === undefined) return;
    const number = questions.findIndex((question) => question.id === questionId) + 1;
    const words = {
      right: translate({id: 'notebook.quiz.announce.right', message: 'Question {number}: right.'}, {number}),
      wrong: translate({id: 'notebook.quiz.announce.wrong', message: 'Question {number}: not right.'}, {number}),
      unanswered: translate({id: 'notebook.quiz.announce.unanswered', message: 'Question {number}: no answer given.'}, {number}),
    }[verdict];
    announce([words, finish(nextVerdicts)].filter(Boolean).join(' '));
  };

  const checkAll = () => {
    const {nextVerdicts, nextProblems} = judged(questions.map((question) => question.id));
    setVerdicts(nextVerdicts);
    setProblems(nextProblems);
    const finished = finish(nextVerdicts);
    if (finished) {
      announce(finished);
      return;
    }
    const {right, checked, total} = scoreOf(questions.map((question) => nextVerdicts[question.id]));
    announce(
      checked === total
        ? translate({id: 'notebook.quiz.announce.nothingAnswered', message: 'No question is answered yet.'})
        : translate(
            {id: 'notebook.quiz.announce.partial', message: '{right} of {total} right; {unchecked} could not be checked: see the messages.'},
            {right, total, unchecked: total - checked},
          ),
    );
  };

  const reset = () => {
    setAnswers({});
    setVerdicts({});
    setProblems({});
    saveAnswers(pagePath, quizId, {});
    announce(translate({id: 'notebook.quiz.announce.reset', message: 'Answers cleared. Your best score is kept.'}));
  };

  return {answers, verdicts, problems, announcement, best, answer, check, checkAll, reset};
}
