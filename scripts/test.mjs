// `npm test`: type check, unit tests, production build, browser tests, in that order, stopping at the
// first failure. Each stage ends with a line "<stage>: N passed, N failed"; the last line is the total.
import {spawn} from 'node:child_process';
import {ensureSystemPackages} from './system-packages.mjs';

const stages = [
  {name: 'typecheck', command: ['node', 'scripts/typecheck.mjs']},
  {name: 'unit', command: ['node', 'scripts/unit.mjs']},
  {name: 'build', command: ['node', 'scripts/build.mjs']},
  {name: 'e2e', command: ['node', '--import', 'tsx', 'e2e/run.mjs']},
];

/** Runs a command, echoing its output, and returns its exit code and the last "N passed, N failed" line. */
function runStage(command) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), {stdio: ['ignore', 'pipe', 'inherit'], env: {...process.env, NO_COLOR: '1'}});
    let summary = null;
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const match = /^\w+: (\d+) passed, (\d+) failed/.exec(line.trim());
        if (match) summary = {passed: Number(match[1]), failed: Number(match[2])};
      }
    });
    child.on('close', (code) => resolve({code: code ?? 1, summary}));
  });
}

if (!ensureSystemPackages()) process.exit(1);

let passed = 0;
let failed = 0;
for (const stage of stages) {
  const started = Date.now();
  console.log(`\n=== ${stage.name} ===`);
  const {code, summary} = await runStage(stage.command);
  passed += summary?.passed ?? 0;
  failed += summary?.failed ?? 0;
  console.log(`=== ${stage.name} finished in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (code !== 0 || !summary) {
    if (!summary) {
      failed++;
      console.log(`${stage.name}: 0 passed, 1 failed`);
    }
    console.log(`total: ${passed} passed, ${failed} failed`);
    process.exit(1);
  }
}
console.log(`total: ${passed} passed, ${failed} failed`);
