// Starts the built site on 127.0.0.1 and Debian's Chromium, and keeps the tally of checks.
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium} from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags for a sandboxed, offline machine: no background traffic that would be refused or counted.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Serves a built site directory with `docusaurus serve`; resolves once it answers. */
export async function startServer(buildDir = 'build') {
  if (!existsSync(join(buildDir, 'index.html'))) {
    throw new Error(`${buildDir}/index.html is missing: run the build first (npm run build)`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Spawned directly (not through npm) so that killing this process stops the server.
  const server = spawn(
    process.execPath,
    ['node_modules/@docusaurus/core/bin/docusaurus.mjs', 'serve', '--dir', buildDir, '--host', '127.0.0.1', '--port', String(port), '--no-open'],
    {stdio: ['ignore', 'ignore', 'inherit']},
  );
  let exited = false;
  server.on('exit', () => (exited = true));
  for (let attempt = 0; attempt < 300; attempt++) {
    if (exited) throw new Error('docusaurus serve exited before answering');
    try {
      if ((await fetch(baseUrl + '/')).ok) return {baseUrl, stop: () => server.kill()};
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error('docusaurus serve did not answer within 30 s');
}

/**
 * A fresh Chromium profile; `options` go to Playwright's persistent context (viewport, colorScheme, …).
 * The service worker runs only with `{serviceWorkers: 'allow'}` (the offline spec): elsewhere the pages see a
 * browser without service workers, as its 24 MB precache would only slow the other tests down.
 */
export async function launchBrowser({serviceWorkers, ...options} = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: install Debian's package "chromium"`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'notebook-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: {width: 1280, height: 800},
    ...options,
  });
  // Playwright's own blocking makes the site's registration fail with a console error; no API, no attempt.
  if (serviceWorkers !== 'allow') await context.addInitScript(() => delete Navigator.prototype.serviceWorker);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, {recursive: true, force: true});
    },
  };
}

/** Counts checks and prints one line each; `detail` is shown only for failures. */
export function createTally() {
  let passed = 0;
  let failed = 0;
  return {
    check(name, ok, detail = '') {
      if (ok) passed++;
      else failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n     ${detail}` : ''}`);
      return ok;
    },
    get passed() {
      return passed;
    },
    get failed() {
      return failed;
    },
  };
}
