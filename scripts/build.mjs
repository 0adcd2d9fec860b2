// Production build; reports "build: N passed, N failed" counted in HTML pages written.
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';

function countPages(directory) {
  let pages = 0;
  for (const entry of readdirSync(directory, {withFileTypes: true})) {
    if (entry.isDirectory()) pages += countPages(join(directory, entry.name));
    else if (entry.name.endsWith('.html')) pages++;
  }
  return pages;
}

const build = spawnSync(process.execPath, ['node_modules/@docusaurus/core/bin/docusaurus.mjs', 'build', '--out-dir', 'build'], {stdio: 'inherit'});
if (build.status !== 0) {
  console.log('build: 0 passed, 1 failed');
  process.exit(1);
}
console.log(`build: ${countPages('build')} passed, 0 failed`);
