/**
 * The learner's progress, kept in this browser's localStorage: which exercises they tried and passed,
 * and their best score in each quiz, keyed `${pagePath}#${id}`. It can be saved to a file and read
 * back: a file is checked whole before anything changes, and what is wrong is reported as a problem
 * with its place (a line and column, or a field path), which the progress page puts into words.
 * Nothing here throws: storage may be full, disabled or damaged, and a file may hold anything.
 */
import {jsonErrorOffset, lineAndColumn} from './jsonError';
import {browserStorage} from './storage';

export const PROGRESS_STORAGE_KEY = 'skype-notebook:progress';
/** Where a stored record that cannot be read is kept before the next write replaces it. */
export const DAMAGED_PROGRESS_KEY = 'skype-notebook:progress:damaged';
/** The `format` marker of exported files, so that a foreign JSON file is recognised as foreign. */
export const PROGRESS_FILE_FORMAT = 'skype-notebook-progress';
/** The shape stored and exported today. Version 1 (exercises only) was stored before quizzes existed. */
export const PROGRESS_VERSION = 2;
/** A progress file is a few kilobytes; anything far larger is not one, and reading it would stall the page. */
export const PROGRESS_FILE_MAX_CHARACTERS = 2_000_000;

export type ExerciseStatus = 'passed' | 'attempted' | 'new';
export type ExerciseEntry = {status: Exclude<ExerciseStatus, 'new'>; updatedAt: number};
/** A quiz's best score: questions right out of the quiz's questions, and when it was reached. */
export type QuizEntry = {right: number; total: number; updatedAt: number};
export type Progress = {
  version: typeof PROGRESS_VERSION;
  exercises: Record<string, ExerciseEntry>;
  quizzes: Record<string, QuizEntry>;
};

/** What a field must hold, for the message that says it does not. */
export type FieldExpectation = 'object' | 'status' | 'time' | 'count' | 'positiveCount';

/** Why a file cannot be imported. `found` is the offending value as short JSON, or null when it is missing. */
export type ProgressFileProblem =
  | {kind: 'empty'}
  | {kind: 'tooBig'; characters: number; limit: number}
  | {kind: 'notJson'; line: number; column: number; found: string | null}
  | {kind: 'notObject'; found: string}
  | {kind: 'notOurFormat'; found: string | null}
  | {kind: 'newerVersion'; version: number}
  | {kind: 'badVersion'; found: string | null}
  | {kind: 'field'; path: string; expected: FieldExpectation; found: string | null}
  | {kind: 'badKey'; section: 'exercises' | 'quizzes'; key: string}
  | {kind: 'rightAboveTotal'; path: string; right: number; total: number}
  | {kind: 'storage'};

/** What an import changed, entry by entry. */
export type MergeReport = {exercisesAdded: number; exercisesImproved: number; quizzesAdded: number; quizzesImproved: number; unchanged: number};

type Checked<T> = {ok: true; value: T} | {ok: false; problem: ProgressFileProblem};

export const emptyProgress = (): Progress => ({version: PROGRESS_VERSION, exercises: {}, quizzes: {}});

/** The key of an exercise or a quiz in the store: the page's path and the widget's id. */
export const progressKey = (pagePath: string, id: string): string => `${pagePath}#${id}`;

/** A path, then one '#', then an id: what Exercise and Quiz write, and nothing that could name an object's prototype. */
const KEY_PATTERN = /^\/[^#\s]*#[^#\s]+$/;
const KEY_MAX_LENGTH = 500;

// ---- Reading and writing the store ----

function readRaw(store: Storage | null): string | null {
  try {
    return store?.getItem(PROGRESS_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The stored record, migrated to the current version; null when there is none or it cannot be read. */
function parseStored(raw: string | null): Progress | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  // Version 1 had no quizzes; it reads as version 2 with none.
  if (value.version === 1) {
    const exercises = checkExercises(value.exercises);
    return exercises.ok ? {version: PROGRESS_VERSION, exercises: exercises.value, quizzes: {}} : null;
  }
  if (value.version !== PROGRESS_VERSION) return null;
  const sections = checkSections(value);
  return sections.ok ? sections.value : null;
}

/** The learner's progress; empty when nothing is stored, storage is off, or the record is damaged. */
export function readProgress(store = browserStorage()): Progress {
  return parseStored(readRaw(store)) ?? emptyProgress();
}

/**
 * Stores `progress` whole. A damaged record is copied aside first (one copy, the first seen), so
 * that a write never silently destroys what may still be someone's recoverable work.
 *
 * @returns whether it was stored.
 */
export function writeProgress(progress: Progress, store = browserStorage()): boolean {
  if (!store) return false;
  try {
    const raw = store.getItem(PROGRESS_STORAGE_KEY);
    if (raw !== null && parseStored(raw) === null && store.getItem(DAMAGED_PROGRESS_KEY) === null) store.setItem(DAMAGED_PROGRESS_KEY, raw);
    store.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(progress));
    return true;
  } catch {
    // full or refused: progress is a convenience, and the caller says it was not kept
    return false;
  }
}

/** Removes all progress from this browser; true when it is gone (or was never there). */
export function forgetProgress(store = browserStorage()): boolean {
  if (!store) return false;
  try {
    store.removeItem(PROGRESS_STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

// ---- Exercises and quizzes ----

/** Records an attempt; a pass is never downgraded by a later failed attempt. */
export function markExercise(pagePath: string, exerciseId: string, passed: boolean, store = browserStorage()): void {
  const progress = readProgress(store);
  const key = progressKey(pagePath, exerciseId);
  const status = passed || progress.exercises[key]?.status === 'passed' ? 'passed' : 'attempted';
  progress.exercises[key] = {status, updatedAt: Date.now()};
  writeProgress(progress, store);
}

export function exerciseStatus(pagePath: string, exerciseId: string, store = browserStorage()): ExerciseStatus {
  return readProgress(store).exercises[progressKey(pagePath, exerciseId)]?.status ?? 'new';
}

/** Whether `candidate` is a strictly better quiz score than `current`: a larger share right (3 of 4 beats 4 of 6). */
export function isBetterScore(candidate: {right: number; total: number}, current: {right: number; total: number} | undefined): boolean {
  if (!current) return true;
  // Cross-multiplied, so that 2 of 3 and 4 of 6 are equal with no rounding.
  return candidate.right * current.total > current.right * candidate.total;
}

/**
 * Records a checked quiz and keeps the best score.
 *
 * @returns the best score now stored (the one given if storage is off).
 */
export function recordQuizScore(pagePath: string, quizId: string, score: {right: number; total: number}, store = browserStorage()): QuizEntry {
  const progress = readProgress(store);
  const key = progressKey(pagePath, quizId);
  const best = progress.quizzes[key];
  if (best && !isBetterScore(score, best)) return best;
  const entry = {right: score.right, total: score.total, updatedAt: Date.now()};
  progress.quizzes[key] = entry;
  writeProgress(progress, store);
  return entry;
}

export function quizBestScore(pagePath: string, quizId: string, store = browserStorage()): QuizEntry | null {
  return readProgress(store).quizzes[progressKey(pagePath, quizId)] ?? null;
}

// ---- Files ----

/** The name an export is saved under, dated by the reader's own calendar: skype-notebook-progress-2025-05-09.json. */
export function progressFileName(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${PROGRESS_FILE_FORMAT}-${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}.json`;
}

const sortedEntries = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The export file's text: the format marker and version first, entries sorted by key so two exports diff cleanly. */
export function serialiseProgress(progress: Progress, exportedAt: Date): string {
  const file = {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: exportedAt.toISOString(),
    exercises: sortedEntries(progress.exercises),
    quizzes: sortedEntries(progress.quizzes),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads an exported file. Every entry is checked, and the first problem found is returned with its
 * place: a line and column for broken JSON, a field path such as `exercises['/docs/x#y'].status` for
 * a wrong value.
 */
export function parseProgressFile(text: string): Checked<Progress> {
  if (text.length > PROGRESS_FILE_MAX_CHARACTERS) return fail({kind: 'tooBig', characters: text.length, limit: PROGRESS_FILE_MAX_CHARACTERS});
  // Editors on Windows may start a UTF-8 file with a byte order mark, which JSON does not allow.
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (body.trim() === '') return fail({kind: 'empty'});
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const offset = jsonErrorOffset(body) ?? 0;
    const {line, column} = lineAndColumn(body, offset);
    return fail({kind: 'notJson', line, column, found: offset < body.length ? body[offset] : null});
  }
  if (!isRecord(value)) return fail({kind: 'notObject', found: describeType(value)});
  if (value.format !== PROGRESS_FILE_FORMAT) return fail({kind: 'notOurFormat', found: 'format' in value ? shortJson(value.format) : null});
  const version = value.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION) return fail({kind: 'newerVersion', version});
  if (version !== PROGRESS_VERSION) return fail({kind: 'badVersion', found: 'version' in value ? shortJson(version) : null});
  return checkSections(value);
}

/**
 * Both progress records in one, keeping the better of each entry: a pass beats an attempt, a larger
 * share of a quiz right beats a smaller one; on a tie the entry already here stays.
 */
export function mergeProgress(current: Progress, incoming: Progress): {progress: Progress; report: MergeReport} {
  const report: MergeReport = {exercisesAdded: 0, exercisesImproved: 0, quizzesAdded: 0, quizzesImproved: 0, unchanged: 0};
  const exercises = {...current.exercises};
  for (const [key, entry] of Object.entries(incoming.exercises)) {
    const here = exercises[key];
    if (!here) report.exercisesAdded++;
    else if (here.status === 'attempted' && entry.status === 'passed') report.exercisesImproved++;
    else {
      report.unchanged++;
      continue;
    }
    exercises[key] = {...entry};
  }
  const quizzes = {...current.quizzes};
  for (const [key, entry] of Object.entries(incoming.quizzes)) {
    const here = quizzes[key];
    if (!here) report.quizzesAdded++;
    else if (isBetterScore(entry, here)) report.quizzesImproved++;
    else {
      report.unchanged++;
      continue;
    }
    quizzes[key] = {...entry};
  }
  return {progress: {version: PROGRESS_VERSION, exercises, quizzes}, report};
}

/** Reads a file and merges it into the store; on any problem, the store is left exactly as it was. */
export function importProgress(text: string, store = browserStorage()): {ok: true; report: MergeReport} | {ok: false; problem: ProgressFileProblem} {
  const parsed = parseProgressFile(text);
  if (!parsed.ok) return parsed;
  const {progress, report} = mergeProgress(readProgress(store), parsed.value);
  return writeProgress(progress, store) ? {ok: true, report} : fail({kind: 'storage'});
}

// ---- Checking the shape ----

const fail = (problem: ProgressFileProblem): {ok: false; problem: ProgressFileProblem} => ({ok: false, problem});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as short JSON for a message; long values are cut with an ellipsis. */
function shortJson(value: unknown): string {
  const text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

/** `exercises['/docs/x#y']`, quoting the key as a reader would write it. */
const entryPath = (section: string, key: string) => `${section}['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;

function field(value: Record<string, unknown>, path: string, name: string, expected: FieldExpectation): ProgressFileProblem {
  return {kind: 'field', path: `${path}.${name}`, expected, found: name in value ? shortJson(value[name]) : null};
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isCount = (value: unknown, minimum: number): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum;

/** Checks each entry of a section with `checkEntry`, in key order so that the first problem reported is stable. */
function checkSection<T>(section: 'exercises' | 'quizzes', value: unknown, checkEntry: (entry: Record<string, unknown>, path: string) => Checked<T>): Checked<Record<string, T>> {
  if (!isRecord(value)) return fail({kind: 'field', path: section, expected: 'object', found: value === undefined ? null : shortJson(value)});
  const result: Record<string, T> = {};
  for (const key of Object.keys(value).sort()) {
    if (key.length > KEY_MAX_LENGTH || !KEY_PATTERN.test(key)) return fail({kind: 'badKey', section, key: key.length > 80 ? `${key.slice(0, 79)}…` : key});
    const path = entryPath(section, key);
    const entry = value[key];
    if (!isRecord(entry)) return fail({kind: 'field', path, expected: 'object', found: shortJson(entry)});
    const checked = checkEntry(entry, path);
    if (!checked.ok) return checked;
    result[key] = checked.value;
  }
  return {ok: true, value: result};
}

function checkExercises(value: unknown): Checked<Record<string, ExerciseEntry>> {
  return checkSection('exercises', value, (entry, path) => {
    if (entry.status !== 'passed' && entry.status !== 'attempted') return fail(field(entry, path, 'status', 'status'));
    if (!isTime(entry.updatedAt)) return fail(field(entry, path, 'updatedAt', 'time'));
    return {ok: true, value: {status: entry.status, updatedAt: entry.updatedAt}};
  });
}

function checkQuizzes(value: unknown): Checked<Record<string, QuizEntry>> {
  return checkSection('quizzes', value, (entry, path) => {
    if (!isCount(entry.right, 0)) return fail(field(entry, path, 'right', 'count'));
    if (!isCount(entry.total, 1)) return fail(field(entry, path, 'total', 'positiveCount'));
    if (entry.right > entry.total) return fail({kind: 'rightAboveTotal', path, right: entry.right, total: entry.total});
    if (!isTime(entry.updatedAt)) return fail(field(entry, path, 'updatedAt', 'time'));
    return {ok: true, value: {right: entry.right, total: entry.total, updatedAt: entry.updatedAt}};
  });
}

function checkSections(value: Record<string, unknown>): Checked<Progress> {
  const exercises = checkExercises(value.exercises);
  if (!exercises.ok) return exercises;
  const quizzes = checkQuizzes(value.quizzes);
  if (!quizzes.ok) return quizzes;
  return {ok: true, value: {version: PROGRESS_VERSION, exercises: exercises.value, quizzes: quizzes.value}};
}
