// The live notebook in Chromium: cells run in a sandboxed worker, endless loops are stopped while the
// page stays responsive, errors name the learner's line, share links open without running, edits
// survive a reload, Monaco loads from the site with the library's types, exercises check themselves.
import lzString from 'lz-string';
import {isForeignRequest} from '../lib/site.mjs';

const PAGE = '/docs/notebook-guide';
const cell = (page, title) => page.locator('[data-widget="live-code"]').filter({has: page.getByText(title, {exact: true})});
// A share link is opened as a new page load (as from a chat or mail), not as a hash change.
async function openShareLink(page, url) {
  await page.goto('about:blank');
  await page.goto(url, {waitUntil: 'networkidle'});
}
const shareLink = (baseUrl, cellId, code) => `${baseUrl}${PAGE}#cell=${encodeURIComponent(cellId)}&code=${lzString.compressToEncodedURIComponent(code)}`;

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  const foreign = [];
  browser.context.on('request', (request) => isForeignRequest(request.url(), baseUrl) && foreign.push(request.url()));
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: baseUrl});
  try {
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});

    // 1. A cell runs and prints, with a hex view and a table.
    const printing = cell(page, 'Print, show bytes and a table');
    await printing.getByRole('button', {name: 'Run', exact: true}).click();
    const log = printing.getByRole('log');
    await log.getByText('a payload datagram of 18 bytes').waitFor({timeout: 20_000});
    check('a cell runs and prints its console output', true);
    check('show.hex draws a hex view and show.table a table', (await log.locator('[data-widget="hex-view"]').count()) === 1 && (await log.locator('table').count()) === 1);
    check('the value of the final expression is shown', (await log.innerText()).includes('payload'));
    const workerScripts = await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => /monaco|editor\.worker|ts\.worker/i.test(entry.name)).length);
    check('running a cell loads no editor', workerScripts === 0);

    // 2. An endless loop is stopped at the time limit while the page answers clicks at once.
    const endless = cell(page, 'An endless loop');
    await page.evaluate(() => {
      window.__clickDelays = [];
      document.addEventListener('click', (event) => window.__clickDelays.push(performance.now() - event.timeStamp), {capture: true});
    });
    const started = Date.now();
    await endless.getByRole('button', {name: 'Run', exact: true}).click();
    await page.waitForTimeout(300);
    for (let click = 0; click < 3; click++) {
      await endless.getByText('An endless loop', {exact: true}).click();
      await page.waitForTimeout(100);
    }
    await endless.getByText(/time limit/i).waitFor({timeout: 10_000});
    const elapsed = Date.now() - started;
    const delays = await page.evaluate(() => window.__clickDelays.slice(1));
    check(`while (true) is stopped at the 1 s limit (after ${elapsed} ms)`, elapsed < 4_000);
    check(`the page answered clicks during the loop within 200 ms (${delays.map((delay) => delay.toFixed(0)).join(', ')} ms)`, delays.length >= 3 && delays.every((delay) => delay < 200));
    await endless.getByRole('button', {name: 'Run', exact: true}).click();
    await page.waitForTimeout(200);
    await endless.getByRole('button', {name: 'Stop', exact: true}).click();
    await endless.getByText(/^Stopped/).waitFor({timeout: 5_000});
    check('Stop ends a running cell', true);

    // 3. Share: the button's link carries the cell's code.
    await printing.getByRole('button', {name: 'Share', exact: true}).click();
    const manualField = printing.getByRole('textbox', {name: /Copy this link/});
    await printing.getByText('Link copied').or(manualField).waitFor({timeout: 10_000});
    const copied = (await manualField.count()) ? await manualField.inputValue() : await page.evaluate(() => navigator.clipboard.readText());
    const sharedCode = lzString.decompressFromEncodedURIComponent(new URL(copied).hash.split('&code=')[1] ?? '');
    check('Share copies a link with the cell id and its code', copied.includes('#cell=print-and-show&code=') && sharedCode?.includes("parseUdpDatagram(bytes)"), copied.slice(0, 120));

    // 4. A share link opens its code in the cell and does not run it; an exception names its line.
    const thrower = "const first = 1;\nconst second = first + 1;\nthrow new Error('boom at ' + second);";
    await openShareLink(page, shareLink(baseUrl, 'print-and-show', thrower));
    await page.waitForTimeout(1_500);
    const opened = cell(page, 'Print, show bytes and a table');
    const openedText = await opened.innerText();
    check('a share link puts its code in the cell', openedText.includes("throw new Error('boom at ' + second)"));
    check('shared code does not run by itself', (await opened.getByRole('log').count()) === 0 || !(await opened.getByRole('log').innerText()).includes('boom'));
    await opened.getByRole('button', {name: 'Run', exact: true}).click();
    const failure = opened.getByRole('alert').filter({hasText: 'boom at 2'});
    await failure.waitFor({timeout: 20_000});
    check('an exception shows its message and the line in the learner source', /line 3/.test(await failure.innerText()), await failure.innerText());

    // 5. Monaco from the site's bundle, with the library's types; an edit survives a reload.
    await page.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const chart = cell(page, 'A chart of RC4 keystream bytes');
    await chart.getByRole('button', {name: 'Edit', exact: true}).click();
    await chart.locator('.monaco-editor').waitFor({timeout: 30_000});
    await chart.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(
      "import {SeededRandom} from 'skype/simulations';\nconst wrongType: number = hexToBytes('00'); // kept across reloads\nconst alsoWrong: string = new SeededRandom(1).integer(1, 6);",
    );
    // Both imports resolve (no mark on the import lines), so the two wrong types are found and underlined.
    const underlinedLines = () =>
      chart.evaluate((root) => {
        const lines = [...root.querySelectorAll('.view-line')].map((line) => ({top: parseFloat(line.style.top), text: line.textContent}));
        return [...root.querySelectorAll('.squiggly-error')].map((mark) => (lines.find((line) => line.top === parseFloat(mark.parentElement.style.top))?.text ?? '?').replace(/\s+/g, ' '));
      });
    let underlined = [];
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && underlined.length < 2; await page.waitForTimeout(250)) underlined = await underlinedLines();
    await page.waitForTimeout(1_000);
    underlined = await underlinedLines();
    check(
      "Monaco knows the types of 'skype' and 'skype/simulations': exactly the two wrong lines are underlined",
      underlined.length === 2 && underlined[0].startsWith('const wrongType') && underlined[1].startsWith('const alsoWrong'),
      underlined.join(' | '),
    );
    await page.waitForTimeout(800);
    await page.reload({waitUntil: 'networkidle'});
    const reloaded = cell(page, 'A chart of RC4 keystream bytes');
    await reloaded.getByText('edited', {exact: true}).waitFor({timeout: 10_000});
    check('an edit survives a reload (edited badge and text)', (await reloaded.innerText()).includes('kept across reloads'));
    await reloaded.getByRole('button', {name: 'Reset', exact: true}).click();
    check('Reset returns to the lesson code', !(await reloaded.innerText()).includes('kept across reloads'));

    // 6. An exercise fails with a wrong answer and passes with a right one.
    const exercise = () => page.locator('[data-widget="exercise"]').first();
    await openShareLink(page, shareLink(baseUrl, 'double', 'export function double(n: number): number {\n  return Math.abs(n) * 2;\n}'));
    await exercise().getByText('return Math.abs(n) * 2;').first().waitFor();
    await exercise().getByRole('button', {name: 'Check', exact: true}).click();
    await exercise().getByText(/of 3 checks pass/).waitFor({timeout: 60_000});
    const wrong = await exercise().innerText();
    check('a wrong answer fails the checks with a message', /2 of 3 checks pass/.test(wrong) && /expected -6, got 6/.test(wrong), wrong.slice(-400));
    await openShareLink(page, shareLink(baseUrl, 'double', 'export function double(n: number): number {\n  return 2 * n;\n}'));
    await exercise().getByText('return 2 * n;').first().waitFor();
    await exercise().getByRole('button', {name: 'Check', exact: true}).click();
    await exercise().getByText('All 3 checks pass.').waitFor({timeout: 60_000});
    check('a right answer passes every check and marks the exercise passed', (await exercise().innerText()).includes('Passed'));

    check('no uncaught errors on the page', pageErrors.length === 0, pageErrors.join(' | '));
    check('nothing was requested from another host (Monaco included)', foreign.length === 0, foreign.slice(0, 5).join(' '));
  } finally {
    await browser.close();
  }
}
