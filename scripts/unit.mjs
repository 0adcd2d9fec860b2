// Runs vitest and prints its result as "unit: N passed, N failed[, N skipped]"; zero tests is a failure.
import {spawnSync} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';

const reportFile = 'vitest-report.json';
rmSync(reportFile, {force: true});
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)],
  {stdio: 'inherit', env: {...process.env, NO_COLOR: '1'}},
);
let report;
try {
  report = JSON.parse(readFileSync(reportFile, 'utf8'));
} catch {
  console.log('unit: 0 passed, 1 failed (vitest wrote no report)');
  process.exit(1);
}
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`unit: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = run.status === 0 && report.success && report.numTotalTests > 0 ? 0 : 1;
