// Browser tests: serves ./build and runs every spec in e2e/specs against it in Debian's Chromium.
// Usage: node e2e/run.mjs [name-filter]. Ends with the line "e2e: N passed, N failed".
import {readdirSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {dirname, join} from 'node:path';
import {createTally, launchBrowser, startServer} from './lib/harness.mjs';

const specsDir = join(dirname(fileURLToPath(import.meta.url)), 'specs');
const filter = process.argv[2] ?? '';
const tally = createTally();
let server;
try {
  server = await startServer(process.env.BUILD_DIR ?? 'build');
  const specs = readdirSync(specsDir).filter((name) => name.endsWith('.mjs') && name.includes(filter)).sort();
  for (const name of specs) {
    const started = Date.now();
    console.log(`\n# ${name}`);
    const spec = await import(pathToFileURL(join(specsDir, name)).href);
    try {
      await spec.run({baseUrl: server.baseUrl, check: tally.check, launchBrowser});
    } catch (error) {
      tally.check(`${name} ran to the end`, false, error?.stack ?? String(error));
    }
    console.log(`# ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} catch (error) {
  tally.check('browser tests started', false, error?.stack ?? String(error));
} finally {
  server?.stop();
}
console.log(`e2e: ${tally.passed} passed, ${tally.failed} failed`);
process.exitCode = tally.failed > 0 || tally.passed === 0 ? 1 : 0;
