// `npm run write-translations` extracts every translatable string of the site, without a warning.
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it, onTestFinished} from 'vitest';
import {SCANNED_FOLDERS} from './untranslated-strings.mjs';

/** The site's source files that readers' words come from. */
function sourceFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The ids written literally in the site's translate() calls and <Translate> elements. */
function idsInSource(folder) {
  return sourceFiles(folder).flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/translate\(\s*\{\s*id:\s*'([^']+)'|<Translate\s+id="([^"]+)"/g)].map((match) => match[1] ?? match[2]),
  );
}

/** translate() calls whose id and message are both written on one line: id -> the messages given to it. */
function messagesById() {
  const messages = new Map();
  for (const path of SCANNED_FOLDERS.flatMap(sourceFiles)) {
    for (const match of readFileSync(path, 'utf8').matchAll(/translate\(\s*\{\s*id:\s*'([^']+)',\s*message:\s*(['"])((?:\\.|(?!\2).)*)\2/g)) {
      messages.set(match[1], new Set([...(messages.get(match[1]) ?? []), match[3]]));
    }
  }
  return messages;
}

describe('translation ids', () => {
  it('name one message each: a second message under the same id would be replaced by the first', () => {
    const clashes = [...messagesById()].filter(([, messages]) => messages.size > 1).map(([id, messages]) => `${id}: ${[...messages].join(' | ')}`);
    expect(clashes).toEqual([]);
  });
});

describe('npm run write-translations', () => {
  it('writes code.json with every id of the components, theme and pages, and warns about nothing', () => {
    // The default locale's files are not kept: the build would read their messages instead of the source's.
    const hadFiles = existsSync('i18n/en');
    onTestFinished(() => hadFiles || rmSync('i18n/en', {recursive: true, force: true}));
    const run = spawnSync(process.execPath, ['node_modules/@docusaurus/core/bin/docusaurus.mjs', 'write-translations', '--locale', 'en'], {
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'},
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output.split('\n').filter((line) => /\[(WARNING|ERROR)\]/.test(line))).toEqual([]);
    const written = JSON.parse(readFileSync('i18n/en/code.json', 'utf8'));
    const missing = [...new Set(SCANNED_FOLDERS.flatMap(idsInSource))].filter((id) => !(id in written));
    expect(missing).toEqual([]);
    expect(Object.keys(written).length).toBeGreaterThan(1000);
  }, 120_000);
});
