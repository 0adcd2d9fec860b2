/**
 * The progress page's words for what an import found and did. Counts go through `select`, which
 * picks a plural form from "one|other" messages (Docusaurus's usePluralForm().selectMessage on the page).
 */
import {translate} from '@docusaurus/Translate';
import type {MergeReport, ProgressFileProblem} from '@site/src/live/progress';

export type SelectPlural = (count: number, pluralMessages: string) => string;

const kilobytes = (characters: number) => Math.ceil(characters / 1000);

/** A character for a message: printable ones as they are, others (a tab, a control character) as JSON writes them. */
const shown = (character: string) => (/^[\x21-\x7e\u00a0-\uffff]$/.test(character) ? `'${character}'` : JSON.stringify(character));

function fieldMessage(problem: ProgressFileProblem & {kind: 'field'}): string {
  const found = problem.found ?? translate({id: 'notebook.progress.problem.missing', message: 'nothing (the field is missing)'});
  const values = {path: problem.path, found};
  switch (problem.expected) {
    case 'object':
      return translate({id: 'notebook.progress.problem.object', message: '{path} must be an object; found {found}.'}, values);
    case 'status':
      return translate({id: 'notebook.progress.problem.status', message: "{path} must be 'passed' or 'attempted'; found {found}."}, values);
    case 'time':
      return translate({id: 'notebook.progress.problem.time', message: '{path} must be a time in milliseconds (a whole number from 0); found {found}.'}, values);
    case 'count':
      return translate({id: 'notebook.progress.problem.count', message: '{path} must be a whole number from 0; found {found}.'}, values);
    case 'positiveCount':
      return translate({id: 'notebook.progress.problem.positiveCount', message: '{path} must be a whole number from 1; found {found}.'}, values);
  }
}

/** What is wrong with a file, and where: "Line 3, column 14: not valid JSON (found '}')." */
export function importProblemMessage(problem: ProgressFileProblem): string {
  switch (problem.kind) {
    case 'empty':
      return translate({id: 'notebook.progress.problem.empty', message: 'The file is empty.'});
    case 'tooBig':
      return translate(
        {id: 'notebook.progress.problem.tooBig', message: 'The file is too large to be a progress file ({size} KB; a progress file has at most {limit} KB).'},
        {size: kilobytes(problem.characters), limit: kilobytes(problem.limit)},
      );
    case 'notJson':
      return problem.found === null
        ? translate({id: 'notebook.progress.problem.jsonEnd', message: 'Line {line}, column {column}: not valid JSON (the file ends too early).'}, {line: problem.line, column: problem.column})
        : translate(
            {id: 'notebook.progress.problem.json', message: 'Line {line}, column {column}: not valid JSON (found {found}).'},
            {line: problem.line, column: problem.column, found: shown(problem.found)},
          );
    case 'notObject':
      return translate(
        {id: 'notebook.progress.problem.notObject', message: 'This is not a progress file: it holds a JSON {type}, where a progress file holds an object.'},
        {type: problem.found},
      );
    case 'notOurFormat':
      return problem.found === null
        ? translate({id: 'notebook.progress.problem.noFormat', message: 'This is not a progress file of this notebook: it has no "format": "skype-notebook-progress".'})
        : translate(
            {id: 'notebook.progress.problem.otherFormat', message: 'This is not a progress file of this notebook: its format is {found}, not "skype-notebook-progress".'},
            {found: problem.found},
          );
    case 'newerVersion':
      return translate(
        {
          id: 'notebook.progress.problem.newerVersion',
          message: 'This file comes from a newer version of the notebook (progress version {version}); this page reads version 2. Reload the page to get the newest notebook, then import again.',
        },
        {version: problem.version},
      );
    case 'badVersion':
      return problem.found === null
        ? translate({id: 'notebook.progress.problem.noVersion', message: 'version is missing; it must be 2.'})
        : translate({id: 'notebook.progress.problem.badVersion', message: 'version must be 2; found {found}.'}, {found: problem.found});
    case 'field':
      return fieldMessage(problem);
    case 'badKey':
      return translate(
        {id: 'notebook.progress.problem.badKey', message: "{section} has the key '{key}', which is not a page and an id, like '/docs/obfuscation#skype-crc32'."},
        {section: problem.section, key: problem.key},
      );
    case 'rightAboveTotal':
      return translate(
        {id: 'notebook.progress.problem.rightAboveTotal', message: '{path}.right ({right}) is more than {path}.total ({total}).'},
        {path: problem.path, right: problem.right, total: problem.total},
      );
    case 'storage':
      return translate({id: 'notebook.progress.problem.storage', message: 'Your browser did not let this page save progress (storage is full or turned off).'});
  }
}

/** What an import did: "Imported: 2 exercise results added, 1 quiz score improved, 3 entries already as good here." */
export function importReportMessage(report: MergeReport, select: SelectPlural): string {
  const parts = [
    [report.exercisesAdded, translate({id: 'notebook.progress.report.exercisesAdded', message: '{count} exercise result added|{count} exercise results added'}, {count: report.exercisesAdded})],
    [report.exercisesImproved, translate({id: 'notebook.progress.report.exercisesImproved', message: '{count} exercise now passed|{count} exercises now passed'}, {count: report.exercisesImproved})],
    [report.quizzesAdded, translate({id: 'notebook.progress.report.quizzesAdded', message: '{count} quiz score added|{count} quiz scores added'}, {count: report.quizzesAdded})],
    [report.quizzesImproved, translate({id: 'notebook.progress.report.quizzesImproved', message: '{count} quiz score improved|{count} quiz scores improved'}, {count: report.quizzesImproved})],
    [report.unchanged, translate({id: 'notebook.progress.report.unchanged', message: '{count} entry already as good here|{count} entries already as good here'}, {count: report.unchanged})],
  ] as const;
  const said = parts.filter(([count]) => count > 0).map(([count, messages]) => select(count, messages));
  if (said.length === 0) return translate({id: 'notebook.progress.report.nothing', message: 'The file holds no exercises or quiz scores; nothing changed.'});
  return translate({id: 'notebook.progress.report', message: 'Imported: {parts}.'}, {parts: said.join(', ')});
}
