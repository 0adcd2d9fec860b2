/**
 * What the progress page shows, apart from React: the build's catalogue of exercises and quizzes
 * joined with the progress kept in this browser, chapter by chapter, with totals, and the stored
 * entries the catalogue no longer knows (an exercise removed since), so that they are shown, not lost.
 */
import type {LearningCatalogue} from '@site/plugins/learning-catalogue';
import type {ExerciseEntry, ExerciseStatus, Progress, QuizEntry} from '@site/src/live/progress';

export type SummaryItem =
  | {kind: 'exercise'; id: string; title: string; href: string; status: ExerciseStatus}
  | {kind: 'quiz'; id: string; title: string; href: string; questions: number; best: QuizEntry | null};

export type SummaryChapter = {permalink: string; title: string; items: SummaryItem[]};

export type UnknownEntry = {kind: 'exercise'; key: string; entry: ExerciseEntry} | {kind: 'quiz'; key: string; entry: QuizEntry};

export type ProgressSummary = {
  chapters: SummaryChapter[];
  totals: {exercises: number; exercisesPassed: number; quizzes: number; quizzesDone: number};
  unknown: UnknownEntry[];
};

/**
 * A key with its page path written the way the catalogue writes permalinks: without a trailing
 * slash, so that a visit to /docs/x/ counts for /docs/x.
 */
export function normaliseKey(key: string): string {
  const hash = key.indexOf('#');
  const path = key.slice(0, hash);
  return `${path.length > 1 ? path.replace(/\/+$/, '') : path}${key.slice(hash)}`;
}

/** Entries of one section by normalised key; of two spellings of one key, the better entry wins. */
function byNormalisedKey<T>(section: Record<string, T>, better: (candidate: T, current: T) => boolean): Map<string, {key: string; entry: T}> {
  const found = new Map<string, {key: string; entry: T}>();
  for (const [key, entry] of Object.entries(section)) {
    const normal = normaliseKey(key);
    const current = found.get(normal);
    if (!current || better(entry, current.entry)) found.set(normal, {key, entry});
  }
  return found;
}

/** Joins the catalogue and the stored progress. */
export function summariseProgress(catalogue: LearningCatalogue, progress: Progress): ProgressSummary {
  const exercises = byNormalisedKey(progress.exercises, (candidate, current) => candidate.status === 'passed' && current.status !== 'passed');
  const quizzes = byNormalisedKey(progress.quizzes, (candidate, current) => candidate.right * current.total > current.right * candidate.total);
  const known = new Set<string>();
  const totals = {exercises: 0, exercisesPassed: 0, quizzes: 0, quizzesDone: 0};

  const chapters = catalogue.chapters.map((chapter) => {
    const items: SummaryItem[] = [];
    for (const exercise of chapter.exercises) {
      const key = normaliseKey(`${chapter.permalink}#${exercise.id}`);
      known.add(`exercise ${key}`);
      const status = exercises.get(key)?.entry.status ?? 'new';
      totals.exercises++;
      if (status === 'passed') totals.exercisesPassed++;
      items.push({kind: 'exercise', id: exercise.id, title: exercise.title, href: `${chapter.permalink}#${exercise.id}`, status});
    }
    for (const quiz of chapter.quizzes) {
      const key = normaliseKey(`${chapter.permalink}#${quiz.id}`);
      known.add(`quiz ${key}`);
      const best = quizzes.get(key)?.entry ?? null;
      totals.quizzes++;
      if (best) totals.quizzesDone++;
      items.push({kind: 'quiz', id: quiz.id, title: quiz.title, href: `${chapter.permalink}#${quiz.id}`, questions: quiz.questions, best});
    }
    return {permalink: chapter.permalink, title: chapter.title, items};
  });

  const unknown: UnknownEntry[] = [
    ...[...exercises].filter(([key]) => !known.has(`exercise ${key}`)).map(([, {key, entry}]) => ({kind: 'exercise' as const, key, entry})),
    ...[...quizzes].filter(([key]) => !known.has(`quiz ${key}`)).map(([, {key, entry}]) => ({kind: 'quiz' as const, key, entry})),
  ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  return {chapters, totals, unknown};
}
