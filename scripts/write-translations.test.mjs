// `npm run write-translations` extracts every translatable string of the site, without a warning.
import {spawnSync} from 'node:child_process';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {SCANNED_FOLDERS} from './untranslated-strings.mjs';

/** The ids written literally in the site's translate() calls and <Translate> elements. */
function idsInSource(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return idsInSource(path);
    if (!/\.tsx?$/.test(name) || /\.test\.tsx?$/.test(name)) return [];
    const text = readFileSync(path, 'utf8');
    return [...text.matchAll(/translate\(\s*\{\s*id:\s*'([^']+)'|<Translate\s+id="([^"]+)"/g)].map((match) => match[1] ?? match[2]);
  });
}

describe('npm run write-translations', () => {
  it('writes code.json with every id of the components, theme and pages, and warns about nothing', () => {
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
