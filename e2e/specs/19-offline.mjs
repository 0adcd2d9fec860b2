// Offline use in Chromium: after one visit the service worker has saved the whole site, the largest
// chunks (Monaco, TypeScript) included; with the network cut, a chapter never opened before loads, a
// live cell runs, the Monaco editor opens and search finds a chapter; the indicator says so. Then a new
// version is deployed (sw.js changes) and the update prompt offers it, without taking effect by itself.
import {appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {startServer} from '../lib/harness.mjs';

const BUILD = process.env.BUILD_DIR ?? 'build';
/** Workbox's own limit, which the site raises so that the editor is saved too. */
const WORKBOX_DEFAULT_LIMIT = 2 * 1024 * 1024;

/** The site's files over Workbox's default limit, as URL paths. */
function largeFiles(folder, prefix = '') {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return largeFiles(path, `${prefix}/${name}`);
    return /\.(js|css|json|html)$/.test(name) && statSync(path).size > WORKBOX_DEFAULT_LIMIT ? [`${prefix}/${name}`] : [];
  });
}

export async function run({check, launchBrowser}) {
  // A copy of the build, so that the test can "deploy" a new version by changing its sw.js.
  const site = mkdtempSync(join(tmpdir(), 'notebook-offline-'));
  cpSync(BUILD, site, {recursive: true});
  const server = await startServer(site);
  const baseUrl = server.baseUrl;
  const browser = await launchBrowser({serviceWorkers: 'allow'});
  try {
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // 1. One visit: the service worker installs and saves everything before it becomes active.
    await page.goto(baseUrl + '/docs/introduction', {waitUntil: 'load'});
    const saved = await page.evaluate(() =>
      Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 120_000))]),
    );
    check('a service worker is active after the first visit', saved === true);
    const indicator = page.locator('[data-offline-indicator]');
    await page.locator('[data-offline-indicator][data-notice="saved-for-offline"]').waitFor({timeout: 10_000}).catch(() => {});
    check('the indicator says the notebook is saved on this device', (await indicator.getAttribute('data-notice')) === 'saved-for-offline', await indicator.innerText());
    const cachedPaths = await page.evaluate(async () => {
      const paths = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
      }
      return paths;
    });
    const large = largeFiles(site);
    check(
      `the precache holds the ${large.length} files over 2 MB (Monaco, TypeScript)`,
      large.length >= 2 && large.every((path) => cachedPaths.includes(path)),
      large.filter((path) => !cachedPaths.includes(path)).join(', '),
    );
    check('the precache holds every chapter page', ['/docs/obfuscation/index.html', '/docs/notebook-guide/index.html', '/docs/teachers/index.html'].every((path) => cachedPaths.some((cached) => cached === path || cached === path.replace('/index.html', '.html'))), cachedPaths.filter((path) => path.endsWith('.html')).slice(0, 30).join(' '));

    // 2. The network goes: the indicator says so.
    await browser.context.setOffline(true);
    await page.locator('[data-offline-indicator][data-notice="offline-saved"]').waitFor({timeout: 10_000}).catch(() => {});
    check('cutting the network shows the offline notice', (await indicator.getAttribute('data-notice')) === 'offline-saved', await indicator.innerText());

    // 3. A chapter never opened before loads from the saved copy.
    const failed = [];
    // A request cut short by the next navigation (net::ERR_ABORTED) is not a failure of the saved copy.
    page.on('requestfailed', (request) => request.failure()?.errorText !== 'net::ERR_ABORTED' && failed.push(`${request.url()} (${request.failure()?.errorText})`));
    await page.goto(baseUrl + '/docs/obfuscation', {waitUntil: 'load'});
    check('offline, a chapter not visited before opens', /obfuscation of udp datagrams/i.test(await page.locator('h1').first().innerText()), await page.locator('h1').first().innerText());
    check('offline, the chapter shows its widgets', (await page.locator('[data-widget="key-derivation"]').count()) === 1);

    // 4. A live cell runs, and the editor (the largest chunks) opens.
    await page.goto(baseUrl + '/docs/notebook-guide', {waitUntil: 'load'});
    const cell = (title) => page.locator('[data-widget="live-code"]').filter({has: page.getByText(title, {exact: true})});
    const printing = cell('Print, show bytes and a table');
    await printing.getByRole('button', {name: 'Run', exact: true}).click();
    const ran = await printing
      .getByRole('log')
      .getByText('a payload datagram of 18 bytes')
      .waitFor({timeout: 30_000})
      .then(() => true, () => false);
    check('offline, a live cell runs in its worker', ran);
    const chart = cell('A chart of RC4 keystream bytes');
    await chart.getByRole('button', {name: 'Edit', exact: true}).click();
    const editorOpened = await chart.locator('.monaco-editor').waitFor({timeout: 60_000}).then(() => true, () => false);
    check('offline, the Monaco editor opens', editorOpened);

    // 5. Search uses the saved index.
    await page.goto(baseUrl + '/docs/introduction', {waitUntil: 'load'});
    await page.locator('html[data-has-hydrated="true"]').waitFor({state: 'attached', timeout: 15_000});
    const input = page.getByRole('searchbox', {name: 'Search'}).or(page.getByRole('combobox', {name: 'Search'})).first();
    await input.click();
    await page.keyboard.type('keystream', {delay: 40});
    const options = page.locator('[role=listbox] [role=option]');
    await options.filter({hasText: /keystream/i}).first().waitFor({timeout: 20_000}).catch(() => {});
    check('offline, search finds sections', (await options.allInnerTexts()).some((text) => /keystream/i.test(text)));
    check('offline, no request failed', failed.length === 0, failed.slice(0, 5).join(' '));

    await page.keyboard.press('Escape');

    // 6. The network comes back; a new version is deployed; the prompt offers it and waits for the reader.
    await browser.context.setOffline(false);
    await page.locator('[data-offline-indicator][data-notice="back-online"]').waitFor({timeout: 10_000}).catch(() => {});
    check('the indicator says when the network is back', (await indicator.getAttribute('data-notice')) === 'back-online');
    appendFileSync(join(site, 'sw.js'), '\n// a new deployment\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.locator('[data-pwa-reload]');
    const prompted = await prompt.waitFor({timeout: 60_000}).then(() => true, () => false);
    check('a new version shows the update prompt', prompted);
    if (prompted) {
      check('the prompt does not take the focus', !(await prompt.evaluate((element) => element.contains(document.activeElement))));
      const violations = await seriousAxeViolations(page);
      check('the page with the update prompt passes axe', violations.length === 0, describeViolations(violations));
      await prompt.getByRole('button', {name: 'Load the new version'}).click();
      await page.waitForEvent('load', {timeout: 30_000}).catch(() => {});
      const updated = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return registration?.waiting === null && registration?.active !== null;
      });
      check('loading the new version activates it and reloads the page', updated);
    }
    check('no uncaught errors while offline and updating', pageErrors.length === 0, pageErrors.join(' | '));
  } finally {
    await browser.close();
    server.stop();
    rmSync(site, {recursive: true, force: true});
  }
}
