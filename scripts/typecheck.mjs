// Type-checks the project with tsc and reports "typecheck: N passed, N failed" counted in files.
import {spawnSync} from 'node:child_process';
import {relative} from 'node:path';

// The second project proves that src/protocol uses no DOM or Node APIs.
const projects = ['tsconfig.json', 'src/protocol/tsconfig.json'];
let checkedFiles = 0;
const filesWithErrors = new Set();
let exitCode = 0;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '--pretty', 'false', '--listFiles', '-p', project], {encoding: 'utf8'});
  for (const line of result.stdout.split('\n')) {
    const error = /^(.+?)\(\d+,\d+\): error TS\d+/.exec(line);
    if (error) {
      filesWithErrors.add(error[1]);
      console.log(line);
    } else if (line.startsWith('/') && !line.includes('/node_modules/')) {
      checkedFiles++;
    } else if (line.startsWith('error TS') || line.includes('): error')) {
      console.log(line);
    }
  }
  if (result.status !== 0) exitCode = 1;
}
if (exitCode && filesWithErrors.size === 0) filesWithErrors.add('(project)');
console.log(`typecheck: ${checkedFiles - filesWithErrors.size} passed, ${filesWithErrors.size} failed`);
for (const file of filesWithErrors) console.log(`  errors in ${relative(process.cwd(), file)}`);
process.exitCode = exitCode;
