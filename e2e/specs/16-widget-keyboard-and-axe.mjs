// Every widget of every page that has one (nested ones too), with the keyboard alone: Tab reaches it
// and every control in it is reachable, named and not mouse-only; one real interaction by keys changes
// it; the change is announced (a live region's words change, or the focus moves to the new content);
// and axe, after the interactions, finds nothing serious or critical in it in light mode, nor with its
// colour rules in dark mode (one run per page and mode, each violation counted for the innermost
// widget that holds it; the cells' static code blocks left to 01-pages, see AXE_EXCLUDE).
// One check line each for (a+b) keyboard, (c) announcement, (d) axe, per widget and page.
// Code cells: the first live cell and the first exercise of the run go through the editor that the
// focus on their code opens (Monaco); in the others that focus is kept from opening it, which would
// cost seconds per cell, and Tab goes on to Run.
// WIDGET_PAGES=/docs/obfuscation,/docs/tcp-streams limits the run to those pages (for working on one).
import {installWidgetProbes, probe, seriousAxeViolationsByWidget} from '../lib/a11y.mjs';
import {describeViolations} from '../lib/axe.mjs';
import {pathsFromSitemap} from '../lib/site.mjs';

/** Code cells: Tab lands on the code, which opens the editor; Ctrl+Enter runs it there. */
const CELLS = new Set(['live-code', 'exercise']);
/** Controls tried, in tab order, until one changes something. */
const MAX_ATTEMPTS = 8;
/** Long enough for the labs' spoken summary, which waits 300 ms for typing to stop (lab/ResultStatus.tsx). */
const SUMMARY_WAIT_MS = 450;
/**
 * Left out of axe: the cells' highlighted code, the theme's static code block, which no interaction
 * changes and 01-pages checks on every page in both modes. It holds half the nodes of a chapter's
 * widgets and would double the run's time. (The editor that replaces it in the first cells is checked.)
 */
const AXE_EXCLUDE = ['.theme-code-block'];
/** The rules whose outcome depends on the colours: the dark run needs only these (the rest read the DOM, which the theme leaves alone). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
/** A page's first widget is reached by Tab from the page's start when it has no more stops before it. */
const MAX_TABS_FROM_START = 80;

const KEYS = {button: 'Enter', select: 'ArrowDown', radio: 'ArrowDown', checkbox: 'Space', range: 'ArrowRight', keys: 'ArrowRight'};
const BACK_KEYS = {select: 'ArrowUp', range: 'ArrowLeft'};

/** The site's pages whose HTML holds a widget, from the sitemap. */
async function pagesWithWidgets(baseUrl) {
  const only = process.env.WIDGET_PAGES?.split(',').filter(Boolean);
  const paths = pathsFromSitemap(await (await fetch(baseUrl + '/sitemap.xml')).text());
  const found = [];
  for (const path of paths) {
    if (only && !only.includes(path)) continue;
    if (/data-widget=/.test(await (await fetch(baseUrl + path)).text())) found.push(path);
  }
  return found;
}

/**
 * Tab into the target: from the page's start for the first widget of a page (nothing has had the focus
 * yet), else from the tab stop just before it. Chromium also stops on scrollable boxes, which the probe
 * does not count, so Tab is pressed again while the focus is still before the widget.
 */
async function enterWithTab(page, fromPageStart) {
  const approach = await probe(page, 'tabApproach');
  if (approach.stopsBefore === -1) return {entered: null, how: 'it has no tab stop'};
  let presses = 0;
  let where;
  if (fromPageStart && approach.stopsBefore <= MAX_TABS_FROM_START) {
    do {
      await page.keyboard.press('Tab');
      presses++;
      where = await probe(page, 'focusPlace');
    } while ((where.place === 'before' || where.place === 'body') && presses < approach.stopsBefore + 10);
    return {entered: where.place === 'inside', how: `${presses} × Tab from the page's start reach ${where.focused}`};
  }
  // Nothing before it to start from: the page's start is the place (blurring sets it there).
  if (!(await probe(page, 'focusMarked', '[data-a11y-before]'))) await page.evaluate(() => document.activeElement?.blur());
  do {
    await page.keyboard.press('Tab');
    presses++;
    where = await probe(page, 'focusPlace');
  } while (where.place === 'before' && presses < 6);
  return {entered: where.place === 'inside', how: `Tab from the stop before it reaches ${where.focused}`};
}

/**
 * Runs a code cell by keys. In the cell that opens the editor: Ctrl+Enter in the editor that the focus
 * on the code opened. In the others: Tab on from the code to Run, and Enter.
 */
async function runCell(page, withEditor) {
  const root = page.locator('[data-a11y-target]');
  const onRun = () => root.evaluate((element) => document.activeElement?.matches('button') && element.contains(document.activeElement) && document.activeElement.innerText.trim() === 'Run');
  let action;
  let key = 'Enter';
  const inEditor =
    withEditor &&
    (await page
      .waitForFunction(() => document.activeElement?.closest('[data-a11y-target] .monaco-editor, [data-a11y-target] textarea'), null, {timeout: 30_000})
      .then(() => true, () => false));
  if (inEditor) {
    action = 'Ctrl+Enter in the editor that the focus on the code opened';
    key = 'Control+Enter';
  } else {
    let presses = 0;
    while (!(await onRun()) && presses < 8) {
      await page.keyboard.press('Tab');
      presses++;
    }
    if (await onRun()) {
      action = `${presses} × Tab to "Run", Enter`;
    } else {
      await root.getByRole('button', {name: 'Run', exact: true}).focus({timeout: 5_000});
      action = `Enter on "Run" (Tab did not reach it within 8 presses)`;
    }
  }
  const regions = await probe(page, 'markRegions');
  const before = await probe(page, 'snapshot');
  await page.keyboard.press(key);
  const finished = await page
    .waitForFunction(
      (text) => window.__widgetProbe.cellIdle() && document.querySelector('[data-a11y-target]').innerText !== text,
      before.text,
      {timeout: 30_000, polling: 50},
    )
    .then(() => true, () => false);
  await probe(page, 'settle', {quietMs: 100});
  const changes = await probe(page, 'changesSince', before);
  const heard = await probe(page, 'announcements');
  return {action: finished ? action : `${action}: the run did not finish within 30 s`, changes, heard, regions, changed: finished && changes.textChanged};
}

/** Tries the target's controls in tab order with their keys until one changes what the widget shows. */
async function operate(page) {
  const candidates = await probe(page, 'candidates');
  if (candidates.length === 0) return {action: null, changed: false, candidates: 0, regions: await probe(page, 'markRegions')};
  let last;
  for (const candidate of candidates.slice(0, MAX_ATTEMPTS)) {
    if (!(await probe(page, 'focusMarked', `[data-a11y-candidate="${candidate.index}"]`))) continue;
    await probe(page, 'settle', {quietMs: 100});
    const regions = await probe(page, 'markRegions');
    const before = await probe(page, 'snapshot');
    let action;
    if (candidate.kind === 'text') {
      await page.keyboard.type('q');
      action = `typing "q" in ${candidate.description}`;
    } else {
      const key = candidate.atEnd ? BACK_KEYS[candidate.kind] : KEYS[candidate.kind];
      await page.keyboard.press(key);
      action = `${key} on ${candidate.description}`;
    }
    await probe(page, 'settle', {minMs: SUMMARY_WAIT_MS});
    const changes = await probe(page, 'changesSince', before);
    const heard = await probe(page, 'announcements');
    if (candidate.kind === 'text') {
      await page.keyboard.press('Backspace');
      await probe(page, 'settle');
    }
    last = {action, changes, heard, regions, candidates: candidates.length};
    if (changes.textChanged || changes.statesChanged || changes.focusMoved) return {...last, changed: true};
  }
  if (!last) return {action: 'its controls went away before they could be focused', changed: false, regions: await probe(page, 'markRegions')};
  return {...last, changed: false, action: `none of the first ${Math.min(candidates.length, MAX_ATTEMPTS)} controls changed anything (last: ${last.action})`};
}

/** (c) in words: what a screen reader hears after the interaction, and whether that is enough. */
function announcement(result) {
  if (result.action === null) return {ok: true, text: 'no controls: it changes only with its parent widget'};
  const regions = result.regions.count > 0 ? `${result.regions.count} live region(s) (${result.regions.roles.join(', ')})` : 'NO live region';
  if (!result.changed) return {ok: result.regions.count > 0, text: `${regions}; nothing changed to announce`};
  const {announced, insertedQuiet} = result.heard;
  const heard = announced.map((entry) => `${entry.role} ${entry.how === 'text' ? '' : `(${entry.how}) `}"${entry.text}"`).join('; ');
  if (!result.changes.textChanged) {
    const what = result.changes.focusMoved ? `the focus moved to ${result.changes.focus}, which is read out` : 'the change is a state of the control itself';
    return {ok: result.regions.count > 0, text: `${regions}; ${what}${heard ? `, and ${heard}` : ''}`};
  }
  if (announced.length > 0) return {ok: result.regions.count > 0, text: `${regions}; announced: ${heard}`};
  if (result.changes.focusMoved) return {ok: result.regions.count > 0, text: `${regions}; the focus moved to the change: ${result.changes.focus}`};
  const late = insertedQuiet.length > 0 ? ` (a region was inserted with its text, which screen readers may not read: ${insertedQuiet.join('; ')})` : '';
  return {ok: false, text: `${regions}; the output changed SILENTLY${late}`};
}

function widgetName(pagePath, entry) {
  const path = entry.path.map(([name, index]) => `${name} ${index + 1}`).join(' › ');
  return `${pagePath} ${path}${entry.label ? ` (“${entry.label}”)` : ''}`;
}

/**
 * Tests every widget of one page. `state.editorTested` says whether a cell of the kind has gone through
 * the editor already: one of each does (the editor is the same in every cell, and loading it takes
 * seconds); in the others the focus on the code is kept from opening it.
 */
async function testPage(browser, baseUrl, pagePath, check, state) {
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(baseUrl + pagePath, {waitUntil: 'networkidle'});
  await installWidgetProbes(page);
  await probe(page, 'holdCodeEditors', true);
  const entries = await probe(page, 'listWidgets');
  const tested = [];
  for (const [key, entry] of entries.entries()) {
    const name = widgetName(pagePath, entry);
    const kind = entry.path.at(-1)[0];
    const target = await probe(page, 'markTarget', {path: entry.path, key});
    if (!target.found || !target.visible) {
      check(`${name}: ${target.found ? 'hidden by its parent at this point' : 'replaced by its parent’s interaction'}, not tested on its own`, true);
      continue;
    }
    const withEditor = CELLS.has(kind) && !state.editorTested.has(kind);
    if (withEditor) {
      state.editorTested.add(kind);
      await probe(page, 'holdCodeEditors', false);
    }
    const entered = await enterWithTab(page, key === 0);
    const result = CELLS.has(kind) ? await runCell(page, withEditor) : await operate(page);
    if (withEditor) await probe(page, 'holdCodeEditors', true);
    const audit = await probe(page, 'audit');

    const keyboardProblems = [];
    if (entered.entered === false) keyboardProblems.push(`Tab does not enter it: ${entered.how}`);
    if (result.action !== null && !result.changed) keyboardProblems.push(result.action);
    if (result.changes?.focusLost) keyboardProblems.push(`the focus was lost to the page after ${result.action}`);
    keyboardProblems.push(...audit.problems.slice(0, 8));
    check(
      `${name}: keyboard alone — ${entered.how}; ${audit.controls} controls reachable and named; ${result.action ?? 'nothing to operate'}`,
      keyboardProblems.length === 0,
      keyboardProblems.join('\n     '),
    );
    const heard = announcement(result);
    check(`${name}: announces the change — ${heard.text}`, heard.ok);
    tested.push({name, key});
  }

  // axe over all of them at once, in the state the interactions left, in light mode and then, for
  // the colours, in dark mode (the site follows the system's choice).
  const light = await seriousAxeViolationsByWidget(page, {exclude: AXE_EXCLUDE});
  await page.emulateMedia({colorScheme: 'dark'});
  const dark = await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark', null, {timeout: 5_000}).then(() => true, () => false);
  await page.waitForTimeout(300); // colour transitions
  const darkViolations = dark ? await seriousAxeViolationsByWidget(page, {exclude: AXE_EXCLUDE, rules: COLOUR_RULES}) : {};
  for (const {name, key} of tested) {
    const problems = [
      ...(light[key] ?? []).map((violation) => ({...violation, id: `light: ${violation.id}`})),
      ...(darkViolations[key] ?? []).map((violation) => ({...violation, id: `dark: ${violation.id}`})),
    ];
    check(
      `${name}: axe after the interaction, light and dark mode — no serious or critical violations`,
      problems.length === 0 && dark,
      dark ? describeViolations(problems) : 'the page did not switch to dark mode',
    );
  }
  check(`${pagePath}: no uncaught errors while its ${entries.length} widgets were operated`, pageErrors.length === 0, pageErrors.join(' | '));
  await page.close();
}

export async function run({baseUrl, check, launchBrowser}) {
  const pages = await pagesWithWidgets(baseUrl);
  check(`the sitemap lists pages with widgets (${pages.length})`, pages.length >= (process.env.WIDGET_PAGES ? 1 : 10), pages.join(' '));
  const browser = await launchBrowser({colorScheme: 'light'});
  try {
    const state = {editorTested: new Set()};
    for (const pagePath of pages) await testPage(browser, baseUrl, pagePath, check, state);
  } finally {
    await browser.close();
  }
}
