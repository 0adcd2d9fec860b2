import {describe, expect, it} from 'vitest';
import {parseProgressFile} from '@site/src/live/progress';
import {importProblemMessage, importReportMessage} from './messages';

/** English plurals, as usePluralForm().selectMessage picks them for 'en'. */
const english = (count: number, messages: string) => messages.split('|')[count === 1 ? 0 : 1];

const messageFor = (text: string) => {
  const result = parseProgressFile(text);
  if (result.ok) throw new Error('the file was expected to be refused');
  return importProblemMessage(result.problem);
};

describe('importProblemMessage(problem)', () => {
  it('says where JSON breaks, by line and column', () => {
    expect(messageFor('{\n  "format": "skype-notebook-progress",\n  "version": 2,,\n}')).toBe("Line 3, column 16: not valid JSON (found ',').");
    expect(messageFor('{"format": ')).toBe('Line 1, column 12: not valid JSON (the file ends too early).');
    expect(messageFor('{"a": "tab\there"}')).toBe('Line 1, column 11: not valid JSON (found "\\t").');
  });

  it('says a foreign file is foreign, and why', () => {
    expect(messageFor('{"name": "my-package"}')).toBe('This is not a progress file of this notebook: it has no "format": "skype-notebook-progress".');
    expect(messageFor('{"format": "anki-deck"}')).toBe('This is not a progress file of this notebook: its format is "anki-deck", not "skype-notebook-progress".');
    expect(messageFor('[1, 2]')).toBe('This is not a progress file: it holds a JSON array, where a progress file holds an object.');
    expect(messageFor('  ')).toBe('The file is empty.');
  });

  it('says a newer file needs a newer notebook', () => {
    expect(messageFor('{"format": "skype-notebook-progress", "version": 3}')).toBe(
      'This file comes from a newer version of the notebook (progress version 3); this page reads version 2. Reload the page to get the newest notebook, then import again.',
    );
  });

  it('names a wrong field by its path, as the brief words it', () => {
    const file = (exercises: object, quizzes: object = {}) => JSON.stringify({format: 'skype-notebook-progress', version: 2, exercises, quizzes});
    expect(messageFor(file({'/docs/x#y': {status: 'done', updatedAt: 1}}))).toBe("exercises['/docs/x#y'].status must be 'passed' or 'attempted'; found \"done\".");
    expect(messageFor(file({'/docs/x#y': {status: 'passed'}}))).toBe("exercises['/docs/x#y'].updatedAt must be a time in milliseconds (a whole number from 0); found nothing (the field is missing).");
    expect(messageFor(file({}, {'/docs/x#q': {right: 4, total: 3, updatedAt: 1}}))).toBe("quizzes['/docs/x#q'].right (4) is more than quizzes['/docs/x#q'].total (3).");
    expect(messageFor(file({x: {status: 'passed', updatedAt: 1}}))).toBe("exercises has the key 'x', which is not a page and an id, like '/docs/obfuscation#skype-crc32'.");
  });
});

describe('importReportMessage(report, select)', () => {
  it('lists what was added and improved, with English plurals', () => {
    expect(importReportMessage({exercisesAdded: 2, exercisesImproved: 1, quizzesAdded: 1, quizzesImproved: 0, unchanged: 3}, english)).toBe(
      'Imported: 2 exercise results added, 1 exercise now passed, 1 quiz score added, 3 entries already as good here.',
    );
    expect(importReportMessage({exercisesAdded: 0, exercisesImproved: 0, quizzesAdded: 0, quizzesImproved: 2, unchanged: 1}, english)).toBe(
      'Imported: 2 quiz scores improved, 1 entry already as good here.',
    );
  });

  it('says when the file held nothing', () => {
    expect(importReportMessage({exercisesAdded: 0, exercisesImproved: 0, quizzesAdded: 0, quizzesImproved: 0, unchanged: 0}, english)).toBe(
      'The file holds no exercises or quiz scores; nothing changed.',
    );
  });
});
