/** Which exercises the learner has attempted and passed, kept in localStorage; never throws. */
const KEY = 'skype-notebook:progress';

export type ExerciseStatus = 'passed' | 'attempted' | 'new';
type Progress = {version: 1; exercises: Record<string, {status: Exclude<ExerciseStatus, 'new'>; updatedAt: number}>};

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readProgress(store = storage()): Progress {
  try {
    const parsed = JSON.parse(store?.getItem(KEY) ?? 'null');
    if (parsed?.version === 1 && typeof parsed.exercises === 'object' && parsed.exercises !== null) return parsed;
  } catch {
    // damaged progress reads as empty; the next write replaces it
  }
  return {version: 1, exercises: {}};
}

/** Records an attempt; a pass is never downgraded by a later failed attempt. */
export function markExercise(pagePath: string, exerciseId: string, passed: boolean, store = storage()): void {
  const progress = readProgress(store);
  const key = `${pagePath}#${exerciseId}`;
  const status = passed || progress.exercises[key]?.status === 'passed' ? 'passed' : 'attempted';
  progress.exercises[key] = {status, updatedAt: Date.now()};
  try {
    store?.setItem(KEY, JSON.stringify(progress));
  } catch {
    // progress is a convenience; a full or disabled storage only means it is not remembered
  }
}

export function exerciseStatus(pagePath: string, exerciseId: string, store = storage()): ExerciseStatus {
  return readProgress(store).exercises[`${pagePath}#${exerciseId}`]?.status ?? 'new';
}
