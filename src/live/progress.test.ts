import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
  DAMAGED_PROGRESS_KEY,
  PROGRESS_FILE_MAX_CHARACTERS,
  PROGRESS_STORAGE_KEY,
  emptyProgress,
  exerciseStatus,
  forgetProgress,
  importProgress,
  isBetterScore,
  markExercise,
  mergeProgress,
  parseProgressFile,
  progressFileName,
  quizBestScore,
  readProgress,
  recordQuizScore,
  serialiseProgress,
  type Progress,
} from './progress';
import {memoryStorage} from './testing';

/** A file as the export writes it, with the entries given; written out by hand, not by serialiseProgress. */
function fileText(exercises: object = {}, quizzes: object = {}, extra: object = {}): string {
  return JSON.stringify({format: 'skype-notebook-progress', version: 2, exportedAt: '2025-05-09T10:00:00.000Z', exercises, quizzes, ...extra});
}

const sample: Progress = {
  version: 2,
  exercises: {
    '/docs/obfuscation#skype-crc32': {status: 'passed', updatedAt: 1_700_000_000_000},
    '/docs/compression#symbol-cost': {status: 'attempted', updatedAt: 1_700_000_100_000},
  },
  quizzes: {'/docs/compression#compression-quiz': {right: 4, total: 6, updatedAt: 1_700_000_200_000}},
};

describe('exercise progress', () => {
  it('markExercise records attempts and never downgrades a pass', () => {
    const storage = memoryStorage();
    expect(exerciseStatus('/p', 'e', storage)).toBe('new');
    markExercise('/p', 'e', false, storage);
    expect(exerciseStatus('/p', 'e', storage)).toBe('attempted');
    markExercise('/p', 'e', true, storage);
    markExercise('/p', 'e', false, storage);
    expect(exerciseStatus('/p', 'e', storage)).toBe('passed');
  });

  it('never throws when storage is disabled or full, and then remembers nothing', () => {
    expect(() => markExercise('/p', 'e', true, null)).not.toThrow();
    expect(exerciseStatus('/p', 'e', null)).toBe('new');
    const full = memoryStorage({full: true});
    expect(() => markExercise('/p', 'e', true, full)).not.toThrow();
    expect(exerciseStatus('/p', 'e', full)).toBe('new');
  });
});

describe('quiz scores', () => {
  it('recordQuizScore keeps the best share right, whatever the order', () => {
    const storage = memoryStorage();
    expect(quizBestScore('/docs/x', 'quiz', storage)).toBeNull();
    expect(recordQuizScore('/docs/x', 'quiz', {right: 2, total: 5}, storage)).toMatchObject({right: 2, total: 5});
    expect(recordQuizScore('/docs/x', 'quiz', {right: 1, total: 5}, storage)).toMatchObject({right: 2, total: 5});
    expect(recordQuizScore('/docs/x', 'quiz', {right: 4, total: 5}, storage)).toMatchObject({right: 4, total: 5});
    expect(quizBestScore('/docs/x', 'quiz', storage)).toMatchObject({right: 4, total: 5});
    expect(quizBestScore('/docs/x', 'other', storage)).toBeNull();
  });

  it('isBetterScore compares shares exactly: 3 of 4 beats 4 of 6, and 2 of 3 ties 4 of 6', () => {
    expect(isBetterScore({right: 3, total: 4}, {right: 4, total: 6})).toBe(true);
    expect(isBetterScore({right: 4, total: 6}, {right: 3, total: 4})).toBe(false);
    expect(isBetterScore({right: 2, total: 3}, {right: 4, total: 6})).toBe(false);
    expect(isBetterScore({right: 0, total: 3}, undefined)).toBe(true);
  });

  it('recordQuizScore returns the score even when storage is off', () => {
    expect(recordQuizScore('/docs/x', 'quiz', {right: 1, total: 2}, null)).toMatchObject({right: 1, total: 2});
  });
});

describe('the store', () => {
  it('reads a version 1 record (exercises only) as version 2 with no quizzes, and keeps its exercises on the next write', () => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_STORAGE_KEY, '{"version":1,"exercises":{"/docs/obfuscation#udp-seed":{"status":"passed","updatedAt":1700000000000}}}');
    expect(readProgress(storage)).toEqual({version: 2, exercises: {'/docs/obfuscation#udp-seed': {status: 'passed', updatedAt: 1700000000000}}, quizzes: {}});
    recordQuizScore('/docs/obfuscation', 'obfuscation-quiz', {right: 3, total: 5}, storage);
    const stored = JSON.parse(storage.getItem(PROGRESS_STORAGE_KEY)!);
    expect(stored.version).toBe(2);
    expect(stored.exercises['/docs/obfuscation#udp-seed'].status).toBe('passed');
    expect(stored.quizzes['/docs/obfuscation#obfuscation-quiz']).toMatchObject({right: 3, total: 5});
  });

  it('reads a damaged record as empty, and keeps its text aside before the next write replaces it', () => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_STORAGE_KEY, '{"version":2,"exercises":{"/p#e":{"status":"great"}}');
    expect(readProgress(storage)).toEqual(emptyProgress());
    markExercise('/p', 'e', true, storage);
    expect(storage.getItem(DAMAGED_PROGRESS_KEY)).toBe('{"version":2,"exercises":{"/p#e":{"status":"great"}}');
    expect(exerciseStatus('/p', 'e', storage)).toBe('passed');
  });

  it('reads records of unknown versions as empty', () => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_STORAGE_KEY, '{"version":3,"exercises":{},"quizzes":{}}');
    expect(readProgress(storage)).toEqual(emptyProgress());
  });

  it('forgetProgress removes everything, and says so; with storage off it says it could not', () => {
    const storage = memoryStorage();
    markExercise('/p', 'e', true, storage);
    expect(forgetProgress(storage)).toBe(true);
    expect(storage.getItem(PROGRESS_STORAGE_KEY)).toBeNull();
    expect(forgetProgress(null)).toBe(false);
  });
});

describe('export files', () => {
  it('progressFileName(date) is dated by the local calendar, with two-digit month and day', () => {
    expect(progressFileName(new Date(2025, 4, 9, 23, 59))).toBe('skype-notebook-progress-2025-05-09.json');
    expect(progressFileName(new Date(2026, 11, 31))).toBe('skype-notebook-progress-2026-12-31.json');
  });

  it('serialiseProgress(progress) writes the format marker, the version, the time and the entries sorted by key', () => {
    const text = serialiseProgress(sample, new Date(Date.UTC(2025, 4, 9, 10, 0, 0)));
    expect(text).toBe(`{
  "format": "skype-notebook-progress",
  "version": 2,
  "exportedAt": "2025-05-09T10:00:00.000Z",
  "exercises": {
    "/docs/compression#symbol-cost": {
      "status": "attempted",
      "updatedAt": 1700000100000
    },
    "/docs/obfuscation#skype-crc32": {
      "status": "passed",
      "updatedAt": 1700000000000
    }
  },
  "quizzes": {
    "/docs/compression#compression-quiz": {
      "right": 4,
      "total": 6,
      "updatedAt": 1700000200000
    }
  }
}
`);
  });

  it('parseProgressFile(serialiseProgress(p)) gives p back', () => {
    expect(parseProgressFile(serialiseProgress(sample, new Date()))).toEqual({ok: true, value: sample});
  });

  it('parseProgressFile reads a file that starts with a byte order mark, and ignores fields it does not know', () => {
    expect(parseProgressFile(`\ufeff${fileText({}, {}, {comment: 'from the classroom'})}`)).toEqual({ok: true, value: emptyProgress()});
  });
});

describe('parseProgressFile(text) problems, with their places', () => {
  const problemOf = (text: string) => {
    const result = parseProgressFile(text);
    return result.ok ? null : result.problem;
  };

  it('an empty file', () => {
    expect(problemOf('')).toEqual({kind: 'empty'});
    expect(problemOf(' \n\t ')).toEqual({kind: 'empty'});
  });

  it('broken JSON: the line and column of the first character that cannot continue it', () => {
    const text = '{\n  "format": "skype-notebook-progress",\n  "version": 2,,\n}';
    // Line 3 is `  "version": 2,,`: the second comma is its 16th character.
    expect(problemOf(text)).toEqual({kind: 'notJson', line: 3, column: 16, found: ','});
    expect(problemOf('{"exercises": {"/docs/x#y": {"status": "passed",}}}')).toEqual({kind: 'notJson', line: 1, column: 49, found: '}'});
    expect(problemOf('{"format": "skype-notebook-progress"')).toEqual({kind: 'notJson', line: 1, column: 37, found: null});
    expect(problemOf('format: skype')).toEqual({kind: 'notJson', line: 1, column: 1, found: 'f'});
  });

  it('JSON that is not an object', () => {
    expect(problemOf('[1, 2]')).toEqual({kind: 'notObject', found: 'array'});
    expect(problemOf('"progress"')).toEqual({kind: 'notObject', found: 'string'});
    expect(problemOf('null')).toEqual({kind: 'notObject', found: 'null'});
  });

  it('a foreign JSON file: no format marker, or another one', () => {
    expect(problemOf('{"name": "my-package", "version": "1.0.0"}')).toEqual({kind: 'notOurFormat', found: null});
    expect(problemOf('{"format": "anki-deck", "version": 2}')).toEqual({kind: 'notOurFormat', found: '"anki-deck"'});
  });

  it('a file from a newer notebook, and versions that are not 2', () => {
    expect(problemOf('{"format": "skype-notebook-progress", "version": 3}')).toEqual({kind: 'newerVersion', version: 3});
    expect(problemOf('{"format": "skype-notebook-progress", "version": "2"}')).toEqual({kind: 'badVersion', found: '"2"'});
    expect(problemOf('{"format": "skype-notebook-progress", "version": 1}')).toEqual({kind: 'badVersion', found: '1'});
    expect(problemOf('{"format": "skype-notebook-progress"}')).toEqual({kind: 'badVersion', found: null});
  });

  it('wrong field types, named by their path', () => {
    expect(problemOf(fileText({'/docs/x#y': {status: 'done', updatedAt: 1}}))).toEqual({
      kind: 'field',
      path: "exercises['/docs/x#y'].status",
      expected: 'status',
      found: '"done"',
    });
    expect(problemOf(fileText({'/docs/x#y': {status: 'passed', updatedAt: -5}}))).toEqual({kind: 'field', path: "exercises['/docs/x#y'].updatedAt", expected: 'time', found: '-5'});
    expect(problemOf(fileText({'/docs/x#y': {status: 'passed'}}))).toEqual({kind: 'field', path: "exercises['/docs/x#y'].updatedAt", expected: 'time', found: null});
    expect(problemOf(fileText({'/docs/x#y': 'passed'}))).toEqual({kind: 'field', path: "exercises['/docs/x#y']", expected: 'object', found: '"passed"'});
    expect(problemOf(fileText({}, {'/docs/x#q': {right: 1.5, total: 3, updatedAt: 1}}))).toEqual({kind: 'field', path: "quizzes['/docs/x#q'].right", expected: 'count', found: '1.5'});
    expect(problemOf(fileText({}, {'/docs/x#q': {right: 0, total: 0, updatedAt: 1}}))).toEqual({kind: 'field', path: "quizzes['/docs/x#q'].total", expected: 'positiveCount', found: '0'});
    expect(problemOf(fileText({}, {"/docs/it's#q": {right: 4, total: 3, updatedAt: 1}}))).toEqual({kind: 'rightAboveTotal', path: "quizzes['/docs/it\\'s#q']", right: 4, total: 3});
    expect(problemOf('{"format": "skype-notebook-progress", "version": 2, "exercises": {}}')).toEqual({kind: 'field', path: 'quizzes', expected: 'object', found: null});
    expect(problemOf('{"format": "skype-notebook-progress", "version": 2, "exercises": [], "quizzes": {}}')).toEqual({kind: 'field', path: 'exercises', expected: 'object', found: '[]'});
  });

  it('keys that are not a page path and an id, including ones that would name a prototype', () => {
    expect(problemOf(fileText({'skype-crc32': {status: 'passed', updatedAt: 1}}))).toEqual({kind: 'badKey', section: 'exercises', key: 'skype-crc32'});
    expect(problemOf('{"format": "skype-notebook-progress", "version": 2, "exercises": {"__proto__": {"status": "passed", "updatedAt": 1}}, "quizzes": {}}')).toEqual({
      kind: 'badKey',
      section: 'exercises',
      key: '__proto__',
    });
    expect(problemOf(fileText({}, {'/docs/x#a#b': {right: 1, total: 1, updatedAt: 1}}))).toEqual({kind: 'badKey', section: 'quizzes', key: '/docs/x#a#b'});
  });

  it('a file too large to be a progress file is refused before it is parsed', () => {
    expect(problemOf(' '.repeat(PROGRESS_FILE_MAX_CHARACTERS + 1))).toEqual({kind: 'tooBig', characters: PROGRESS_FILE_MAX_CHARACTERS + 1, limit: PROGRESS_FILE_MAX_CHARACTERS});
  });
});

describe('mergeProgress(current, incoming)', () => {
  it('keeps the better of each entry and counts what it added and improved', () => {
    const current: Progress = {
      version: 2,
      exercises: {'/a#passed-here': {status: 'passed', updatedAt: 1}, '/a#tried-here': {status: 'attempted', updatedAt: 1}},
      quizzes: {'/a#quiz-low': {right: 1, total: 4, updatedAt: 1}, '/a#quiz-high': {right: 5, total: 5, updatedAt: 1}},
    };
    const incoming: Progress = {
      version: 2,
      exercises: {
        '/a#passed-here': {status: 'attempted', updatedAt: 9},
        '/a#tried-here': {status: 'passed', updatedAt: 9},
        '/b#new': {status: 'attempted', updatedAt: 9},
      },
      quizzes: {'/a#quiz-low': {right: 3, total: 4, updatedAt: 9}, '/a#quiz-high': {right: 2, total: 5, updatedAt: 9}, '/b#quiz-new': {right: 0, total: 3, updatedAt: 9}},
    };
    const {progress, report} = mergeProgress(current, incoming);
    expect(progress).toEqual({
      version: 2,
      exercises: {
        '/a#passed-here': {status: 'passed', updatedAt: 1},
        '/a#tried-here': {status: 'passed', updatedAt: 9},
        '/b#new': {status: 'attempted', updatedAt: 9},
      },
      quizzes: {'/a#quiz-low': {right: 3, total: 4, updatedAt: 9}, '/a#quiz-high': {right: 5, total: 5, updatedAt: 1}, '/b#quiz-new': {right: 0, total: 3, updatedAt: 9}},
    });
    expect(report).toEqual({exercisesAdded: 1, exercisesImproved: 1, quizzesAdded: 1, quizzesImproved: 1, unchanged: 2});
  });

  it('changes neither argument', () => {
    const current = structuredClone(sample);
    const incoming: Progress = {version: 2, exercises: {'/docs/compression#symbol-cost': {status: 'passed', updatedAt: 5}}, quizzes: {}};
    mergeProgress(current, incoming);
    expect(current).toEqual(sample);
    expect(incoming.exercises['/docs/compression#symbol-cost'].status).toBe('passed');
  });

  it('merging a record into itself changes nothing', () => {
    const {progress, report} = mergeProgress(sample, sample);
    expect(progress).toEqual(sample);
    expect(report).toEqual({exercisesAdded: 0, exercisesImproved: 0, quizzesAdded: 0, quizzesImproved: 0, unchanged: 3});
  });
});

describe('importProgress(text)', () => {
  it('merges a good file into the store and reports it', () => {
    const storage = memoryStorage();
    markExercise('/docs/compression', 'symbol-cost', false, storage);
    const result = importProgress(serialiseProgress(sample, new Date()), storage);
    expect(result).toEqual({ok: true, report: {exercisesAdded: 1, exercisesImproved: 0, quizzesAdded: 1, quizzesImproved: 0, unchanged: 1}});
    expect(exerciseStatus('/docs/obfuscation', 'skype-crc32', storage)).toBe('passed');
    expect(quizBestScore('/docs/compression', 'compression-quiz', storage)).toEqual({right: 4, total: 6, updatedAt: 1_700_000_200_000});
  });

  it('leaves the store exactly as it was when the file is bad or storage refuses the write', () => {
    const storage = memoryStorage();
    markExercise('/docs/obfuscation', 'udp-seed', true, storage);
    const before = storage.getItem(PROGRESS_STORAGE_KEY);
    expect(importProgress('{"format": "skype-notebook-progress", "version": 2, "exercises": {"/x#y": {"status": 1}}, "quizzes": {}}', storage).ok).toBe(false);
    expect(storage.getItem(PROGRESS_STORAGE_KEY)).toBe(before);
    expect(importProgress(serialiseProgress(sample, new Date()), memoryStorage({full: true}))).toEqual({ok: false, problem: {kind: 'storage'}});
    expect(importProgress(serialiseProgress(sample, new Date()), null)).toEqual({ok: false, problem: {kind: 'storage'}});
  });

  it('random garbage never throws and never changes the store (fuzz)', () => {
    const storage = memoryStorage();
    importProgress(serialiseProgress(sample, new Date()), storage);
    const before = storage.getItem(PROGRESS_STORAGE_KEY);
    const good = serialiseProgress(sample, new Date(0));
    // Garbage of three kinds: any text, any JSON value, and a good file with a few characters changed.
    const mutatedFile = fc
      .array(fc.tuple(fc.nat({max: good.length - 1}), fc.string({maxLength: 2})), {minLength: 1, maxLength: 4})
      .map((edits) => edits.reduce((text, [position, replacement]) => text.slice(0, position) + replacement + text.slice(position + 1), good));
    const anyJson = fc.jsonValue().map((value) => JSON.stringify(value));
    const ourFormatWithJunk = fc
      .record({exercises: fc.jsonValue(), quizzes: fc.jsonValue()})
      .map((sections) => JSON.stringify({format: 'skype-notebook-progress', version: 2, ...sections}));
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyJson, mutatedFile, ourFormatWithJunk), (text) => {
        const result = importProgress(text, storage);
        if (!result.ok) return storage.getItem(PROGRESS_STORAGE_KEY) === before;
        // A mutation that still makes a valid file (a changed time, say) is imported; put the store back.
        storage.setItem(PROGRESS_STORAGE_KEY, before!);
        return true;
      }),
      {numRuns: 3000},
    );
  });
});
