/**
 * The reader's current answers to one quiz, kept in localStorage per page and quiz so that they
 * survive a reload. Only answers are kept, never verdicts: after a reload the reader checks again.
 * Nothing here throws; without storage, answers last as long as the page.
 */
import type {Answer} from './quizLogic';
import {browserStorage} from '@site/src/live/storage';

const PREFIX = 'skype-notebook:quiz:';
/** A typed answer longer than this is not an answer to a numeric question; it is not kept. */
const MAX_TYPED_LENGTH = 200;

export type QuizAnswers = Record<string, Answer>;

export const answersKey = (pagePath: string, quizId: string): string => `${PREFIX}${pagePath}#${quizId}`;

const isAnswer = (value: unknown): value is Answer =>
  (typeof value === 'string' && value.length <= MAX_TYPED_LENGTH) ||
  (Array.isArray(value) && value.every((index) => Number.isSafeInteger(index) && index >= 0));

/** The kept answers; anything damaged is left out rather than trusted. */
export function loadAnswers(pagePath: string, quizId: string, store = browserStorage()): QuizAnswers {
  let stored: unknown;
  try {
    stored = JSON.parse(store?.getItem(answersKey(pagePath, quizId)) ?? 'null');
  } catch {
    return {};
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter(([questionId, answer]) => questionId !== '__proto__' && isAnswer(answer)));
}

/** Keeps the answers; an empty set removes the entry, so a reset quiz leaves nothing behind. */
export function saveAnswers(pagePath: string, quizId: string, answers: QuizAnswers, store = browserStorage()): void {
  const given = Object.entries(answers).filter(([, answer]) => answer.length > 0);
  try {
    if (given.length === 0) store?.removeItem(answersKey(pagePath, quizId));
    else store?.setItem(answersKey(pagePath, quizId), JSON.stringify(Object.fromEntries(given)));
  } catch {
    // full or refused: the answers stay on the page until it is left
  }
}
