// `npm run bench`: runs every benchmark and prints its figures; exits 1 when a goal is missed.
// Benchmarks measure against a peer in the same run (the bare template, Node's zlib, …) because
// absolute times on a shared 2-core machine vary from run to run.
import {spawnSync} from 'node:child_process';
import {run as animation} from './animation.mjs';
import {run as detection} from './detection.mjs';
import {run as labLatency} from './lab-latency.mjs';
import {run as liveCode} from './live-code.mjs';
import {run as pageWeight} from './page-weight.mjs';

/** The protocol benchmark is TypeScript run by tsx in its own process. */
function protocolThroughput() {
  const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bench/protocol.ts'], {stdio: 'inherit'});
  return {goalsFailed: result.status === 0 ? 0 : 1};
}

const benchmarks = [
  ['protocol library throughput', protocolThroughput],
  ['page weight and build time', pageWeight],
  ['live code: initial weight and run latency (uses the build made above)', liveCode],
  ['lab widgets: time from an input change to the new result on screen (uses the same build)', labLatency],
  ['network animations: no task over 50 ms while one plays (uses the same build)', animation],
  ['detection: classifying 1,000 flows in Chromium, and a threshold slider redrawing (uses the same build)', detection],
];
let goalsFailed = 0;
for (const [name, benchmark] of benchmarks) {
  console.log(`\n=== ${name} ===`);
  goalsFailed += (await benchmark()).goalsFailed;
}
console.log(`\nbench: ${goalsFailed === 0 ? 'all goals met' : `${goalsFailed} goal(s) missed`}`);
process.exitCode = goalsFailed ? 1 : 0;
