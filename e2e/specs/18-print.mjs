// Chapters printed as handouts, in Chromium. Widgets are set into a state first (step players stepped,
// a live cell edited in Monaco and run, an exercise's hint opened, an era picked), then the page goes
// to print media at the width of an A4 page and gets the `beforeprint` a reader's Print sends (Chromium's
// page.pdf sends none). On paper: no navigation; every hex view with all its lines and its legend;
// every code cell's current code as text, with no editor and no buttons; every <details> open; links
// followed by where they lead; nothing wider than the page and no box that cuts its content; Mermaid
// diagrams drawn or in text form; the widgets as they were set; and a dark page printed dark on white.
// `afterprint` puts the page back. Each chapter is then printed to PDF into the system's temporary
// folder (e2e-shots/ is not ignored by git), its pages counted, and the paths printed to look at.
import {mkdirSync, readFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {outputValue, watchConsole, widget} from '../lib/lab.mjs';

/** An A4 page's printable width in CSS pixels: 210 mm less print.css's two 14 mm margins, at 96 px an inch. */
const A4_CONTENT_WIDTH = Math.round(((210 - 2 * 14) / 25.4) * 96);
const PDF_FOLDER = join(tmpdir(), 'notebook-print');
/** Typed into a live cell before printing: the printed code must be the edited one. */
const EDIT_MARKER = '// edited before printing';

/** Elements meant to be read by screen readers only: 1 px boxes that the width checks leave out. */
const SPOKEN_ONLY = '.katex-mathml, .visually-hidden, [class*="visuallyHidden"]';

/** Waits until React has hydrated the page (its handlers are attached), so that listeners are in place. */
async function waitForHydration(page) {
  await page.waitForFunction(() => {
    const article = document.querySelector('article');
    return article !== null && Object.keys(article).some((key) => key.startsWith('__reactProps'));
  });
  await page.waitForTimeout(300);
}

/**
 * Print media at the A4 width, then `beforeprint`. Returns how many Mermaid diagrams the page had and
 * how many of them show, drawn or as text, at the moment the browser would lay the page out for print
 * (after the event's handlers and the updates they start, before anything loaded later).
 */
async function enterPrint(page) {
  await page.setViewportSize({width: A4_CONTENT_WIDTH, height: 1000});
  await page.emulateMedia({media: 'print'});
  const diagrams = await page.evaluate(async () => {
    // Each diagram's slot holds its text form until Mermaid's drawing exists; one of the two must show.
    const slots = () => [...document.querySelectorAll('[data-diagram-pending]')].map((text) => text.parentElement);
    const total = slots().length;
    window.dispatchEvent(new Event('beforeprint'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const drawn = (slot) => [...slot.querySelectorAll('.docusaurus-mermaid-container svg')].some((svg) => svg.checkVisibility());
    const written = (slot) => [...slot.querySelectorAll('[data-diagram-pending]')].some((text) => text.checkVisibility() && text.textContent.trim() !== '');
    const shown = slots().filter((slot) => drawn(slot) || written(slot)).length;
    return {total, shown};
  });
  await page.waitForTimeout(300);
  return diagrams;
}

async function leavePrint(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({media: 'screen'});
  await page.setViewportSize({width: 1280, height: 800});
}

/** What the page shows in print media, read in the page. */
function readPrintedPage(page) {
  return page.evaluate(
    ({pageWidth, spokenOnly}) => {
      const shown = (element) => element.checkVisibility({visibilityProperty: true});
      const describe = (element) => {
        const owner = element.closest('[data-widget]')?.getAttribute('data-widget');
        return `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\s+/).join('.') : ''}${owner ? ` in ${owner}` : ''}`;
      };
      const article = document.querySelector('article');

      const navigation = {
        navbar: '.theme-layout-navbar',
        sidebar: '.theme-doc-sidebar-container',
        'table of contents': '.theme-doc-toc-desktop, .theme-doc-toc-mobile',
        footer: '.theme-layout-footer',
        breadcrumbs: '.theme-doc-breadcrumbs',
        pagination: '.pagination-nav',
        'skip link': '[class*="skipToContent"]',
        'offline indicator': '[data-offline-indicator]',
        'update prompt': '[data-pwa-reload]',
      };
      const navigationShown = Object.entries(navigation)
        .filter(([, selector]) => [...document.querySelectorAll(selector)].some(shown))
        .map(([name]) => name);
      const navigationInPage = ['.theme-layout-navbar', '.theme-layout-footer'].every((selector) => document.querySelector(selector) !== null);

      const hexViews = [...article.querySelectorAll('[data-widget="hex-view"] [role="grid"]')].filter(shown).map((grid) => {
        const view = grid.closest('[data-widget="hex-view"]');
        const legend = view.querySelector('ul');
        const hasFields = grid.querySelector('[data-field]') !== null;
        return {
          label: grid.getAttribute('aria-label'),
          rows: [...grid.querySelectorAll('[role="row"]')].filter(shown).length,
          expectedRows: Number(grid.getAttribute('aria-rowcount')),
          legendShown: !hasFields || (legend !== null && shown(legend) && /\d/.test(legend.innerText)),
          coloursKept: getComputedStyle(view).printColorAdjust === 'exact',
        };
      });

      const cells = [...article.querySelectorAll('[data-widget="live-code"], [data-widget="exercise"]')].map((cell) => {
        const code = [...cell.querySelectorAll('pre')].find(shown);
        return {
          kind: cell.getAttribute('data-widget'),
          code: code?.innerText ?? '',
          editorsShown: [...cell.querySelectorAll('.monaco-editor, textarea')].filter(shown).length,
          buttonsShown: [...cell.querySelectorAll('.button')].filter(shown).map((button) => button.innerText.trim()),
        };
      });

      const details = [...article.querySelectorAll('details')].map((element) => ({
        open: element.open,
        bodyShown: [...element.children].filter((child) => child.tagName !== 'SUMMARY').every((child) => shown(child) && child.getBoundingClientRect().height > 0),
      }));

      const after = (link) => getComputedStyle(link, '::after').content;
      const links = [...article.querySelectorAll('.markdown a[href]')].filter(shown);
      const external = links.filter((link) => /^https?:/.test(link.getAttribute('href')));
      const chapters = links.filter((link) => /^\/docs\/(?!references)/.test(link.getAttribute('href')));
      const citations = links.filter((link) => link.getAttribute('href').startsWith('/docs/references'));

      const visibleParts = [...article.querySelectorAll('*')].filter((element) => !element.closest(spokenOnly) && shown(element));
      const tooWide = visibleParts.filter((element) => element.getBoundingClientRect().right > pageWidth + 2).map(describe);
      const cutBoxes = visibleParts
        .filter((element) => {
          const style = getComputedStyle(element);
          const clips = /auto|scroll|hidden/.test(`${style.overflowX} ${style.overflowY}`);
          return clips && (element.scrollWidth > element.clientWidth + 2 || element.scrollHeight > element.clientHeight + 2);
        })
        .map((element) => `${describe(element)} (${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight})`);

      const paragraph = article.querySelector('.markdown > p');
      const token = article.querySelector('.prism-code .token-line span');
      return {
        navigationShown,
        navigationInPage,
        hexViews,
        cells,
        details,
        external: external.map((link) => ({href: link.getAttribute('href'), printed: after(link).includes(link.getAttribute('href'))})),
        chapters: chapters.map((link) => ({href: link.getAttribute('href'), printed: after(link).includes(link.getAttribute('href'))})),
        citationsWithSuffix: citations.filter((link) => !['none', 'normal', ''].includes(after(link))).length,
        citations: citations.length,
        documentWidth: document.documentElement.scrollWidth,
        tooWide: tooWide.slice(0, 5),
        cutBoxes: cutBoxes.slice(0, 5),
        theme: document.documentElement.getAttribute('data-theme'),
        textColour: paragraph ? getComputedStyle(paragraph).color : '',
        codeColour: token ? getComputedStyle(token).color : '',
        pageBackground: getComputedStyle(document.body).backgroundColor,
        articleText: article.innerText.length,
      };
    },
    {pageWidth: A4_CONTENT_WIDTH, spokenOnly: SPOKEN_ONLY},
  );
}

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(colour) {
  const [red, green, blue] = (colour.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((channel) => {
    const value = Number(channel) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** The checks every printed chapter must pass; `hasHexViews` when the chapter must show bytes before any run. */
function checkPrintedPage(check, chapter, printed, diagrams, {hasHexViews}) {
  check(`${chapter}: navigation is in the page but not on paper (shown: ${printed.navigationShown.join(', ') || 'none'})`, printed.navigationInPage && printed.navigationShown.length === 0);

  const partial = printed.hexViews.filter((view) => view.rows !== view.expectedRows || view.expectedRows === 0);
  check(
    `${chapter}: each of the ${printed.hexViews.length} hex views shows all its lines`,
    (!hasHexViews || printed.hexViews.length > 0) && partial.length === 0,
    partial.map((view) => `${view.label}: ${view.rows} of ${view.expectedRows} rows`).join('; '),
  );
  const unlabelled = printed.hexViews.filter((view) => !view.legendShown || !view.coloursKept);
  check(`${chapter}: every hex view keeps its field colours on paper and, with fields, prints its legend with the byte ranges`, unlabelled.length === 0, unlabelled.map((view) => view.label).join('; '));

  const badCells = printed.cells.filter((cell) => cell.code.trim() === '' || cell.editorsShown > 0 || cell.buttonsShown.length > 0);
  check(
    `${chapter}: each of the ${printed.cells.length} code cells prints its code as text, with no editor and no buttons`,
    printed.cells.length > 0 && badCells.length === 0,
    badCells.map((cell) => `${cell.kind}: ${cell.code.length} characters of code, ${cell.editorsShown} editors, buttons ${cell.buttonsShown.join('/')}`).join('; '),
  );

  const closed = printed.details.filter((details) => !details.open || !details.bodyShown);
  check(`${chapter}: all ${printed.details.length} <details> are open on paper`, closed.length === 0);

  const unprintedExternal = printed.external.filter((link) => !link.printed);
  check(`${chapter}: each of the ${printed.external.length} external links prints its URL after it`, unprintedExternal.length === 0, unprintedExternal.map((link) => link.href).slice(0, 3).join(' '));
  const unprintedChapters = printed.chapters.filter((link) => !link.printed);
  check(`${chapter}: each of the ${printed.chapters.length} links to other chapters prints its path`, unprintedChapters.length === 0, unprintedChapters.map((link) => link.href).slice(0, 3).join(' '));
  check(`${chapter}: the ${printed.citations} citation links print nothing after them`, printed.citationsWithSuffix === 0);

  check(
    `${chapter}: nothing is wider than the page (${printed.documentWidth} px of ${A4_CONTENT_WIDTH})`,
    printed.documentWidth <= A4_CONTENT_WIDTH + 2 && printed.tooWide.length === 0,
    printed.tooWide.join('; '),
  );
  check(`${chapter}: no scroll box cuts its content on paper`, printed.cutBoxes.length === 0, printed.cutBoxes.join('; '));
  check(
    `${chapter}: every Mermaid diagram shows on paper, drawn or as text, when printing starts (${diagrams.shown} of ${diagrams.total})`,
    diagrams.shown === diagrams.total,
  );
}

/** Prints the page to PDF and checks that it is a plausible handout: pages for its text, a real file. */
async function printToPdf(page, check, name, format, articleText) {
  mkdirSync(PDF_FOLDER, {recursive: true});
  const path = join(PDF_FOLDER, `${name}-${format}.pdf`);
  await page.pdf({path, format, printBackground: true});
  const pdf = readFileSync(path, 'latin1');
  const pages = (pdf.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  const kilobytes = Math.round(statSync(path).size / 1024);
  // A page of 11 pt text holds about 5,000 characters at most, and widgets take room: fewer pages
  // means content was cut; many more means blank or broken pages.
  const fewest = Math.ceil(articleText / 5_000);
  const most = Math.ceil(articleText / 800);
  check(`${name} printed to ${path}: ${pages} ${format} pages (expected ${fewest}–${most}), ${kilobytes} KB`, pages >= fewest && pages <= most && kilobytes > 50);
}

async function obfuscation({browser, baseUrl, check}) {
  const page = await browser.context.newPage();
  const consoleMessages = watchConsole(page);
  await page.goto(`${baseUrl}/docs/obfuscation`, {waitUntil: 'networkidle'});
  await waitForHydration(page);

  // The RC4 key schedule five steps in, and the UDP attack at its third stage.
  const schedule = widget(page, 'key-derivation').locator('[data-widget="step-player"]').first();
  await schedule.scrollIntoViewIfNeeded();
  await schedule.focus();
  await page.keyboard.press('Home');
  for (let press = 0; press < 5; press++) await page.keyboard.press('ArrowRight');
  const scheduleStep = await schedule.getAttribute('data-step');
  const attack = widget(page, 'udp-attack').locator('[data-widget="step-player"]').first();
  await attack.scrollIntoViewIfNeeded();
  await attack.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const attackStep = await attack.getAttribute('data-step');

  // A live cell edited in Monaco and run.
  const cell = page.locator('[data-widget="live-code"]').first();
  await cell.scrollIntoViewIfNeeded();
  await cell.getByRole('button', {name: 'Edit', exact: true}).click();
  await cell.locator('.monaco-editor').waitFor({timeout: 30_000});
  await cell.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(EDIT_MARKER);
  await cell.getByRole('button', {name: 'Run', exact: true}).click();
  await cell.getByText(/^Finished in/).waitFor({timeout: 20_000});

  // The first exercise's hint open, its solution closed.
  const exercise = widget(page, 'exercise');
  await exercise.scrollIntoViewIfNeeded();
  await exercise.getByRole('button', {name: 'Show hint'}).click();

  const diagrams = await enterPrint(page);
  const printed = await readPrintedPage(page);
  checkPrintedPage(check, 'obfuscation', printed, diagrams, {hasHexViews: true});

  const editedCell = printed.cells.find((entry) => entry.kind === 'live-code');
  check('obfuscation: the edited live cell prints its code as edited', editedCell?.code.includes(EDIT_MARKER) ?? false, editedCell?.code.slice(-120));
  const cellOnPaper = await cell.evaluate((element) => {
    const log = element.querySelector('[role="log"]');
    return {logShown: log?.checkVisibility() ?? false, logText: log?.innerText.trim() ?? '', outcome: element.innerText.match(/Finished in \d+ ms/)?.[0] ?? ''};
  });
  check(`obfuscation: the live cell prints its last output ("${cellOnPaper.logText.slice(0, 60)}…", ${cellOnPaper.outcome})`, cellOnPaper.logShown && cellOnPaper.logText.length > 0 && cellOnPaper.outcome !== '');

  const scheduleOnPaper = await schedule.evaluate((player) => ({
    step: player.getAttribute('data-step'),
    // The player's "6 of 256" beside its label "Step" (the live region says it too, but is not on paper).
    position: [...player.querySelectorAll('span[aria-hidden="true"]')].find((span) => /^\d+ of \d+$/.test(span.textContent.trim()) && span.checkVisibility())?.textContent.trim() ?? '',
    controlsShown: [...player.querySelectorAll('button[aria-label], input[type="range"], select')].filter((control) => !control.closest('[data-widget="hex-view"]') && control.checkVisibility()).length,
  }));
  const stepNumber = Number(scheduleStep) + 1;
  check(
    `obfuscation: the key schedule prints the step it was left at ("${scheduleOnPaper.position}"), with no controls`,
    scheduleStep === '5' && scheduleOnPaper.step === scheduleStep && new RegExp(`^${stepNumber} of \\d+$`).test(scheduleOnPaper.position) && scheduleOnPaper.controlsShown === 0,
    `data-step ${scheduleOnPaper.step}, ${scheduleOnPaper.controlsShown} controls shown`,
  );
  const stagesOnPaper = await attack.evaluate((player) => ({
    shown: [...player.querySelectorAll('[data-stage]')].filter((stage) => stage.checkVisibility()).length,
    current: [...player.querySelectorAll('[data-stage]')].findIndex((stage) => stage.getAttribute('aria-current') === 'step'),
  }));
  check(
    `obfuscation: the UDP attack prints the stages up to the one it was left at (${stagesOnPaper.shown} stages, the current the third)`,
    attackStep === '2' && stagesOnPaper.shown === 3 && stagesOnPaper.current === 2,
  );

  const disclosures = await exercise.evaluate((root) =>
    [...root.querySelectorAll('button[aria-controls]')].map((button) => {
      const panel = document.getElementById(button.getAttribute('aria-controls'));
      return {expanded: button.getAttribute('aria-expanded') === 'true', buttonShown: button.checkVisibility(), panelShown: panel.checkVisibility(), heading: panel.firstElementChild?.innerText ?? ''};
    }),
  );
  const [hint, solution] = disclosures;
  check(
    'obfuscation: the exercise prints its open hint under the heading "Hint", and not its closed solution nor the buttons',
    disclosures.length === 2 && hint.expanded && hint.panelShown && hint.heading === 'Hint' && !solution.expanded && !solution.panelShown && disclosures.every((entry) => !entry.buttonShown),
    JSON.stringify(disclosures),
  );

  await printToPdf(page, check, 'obfuscation', 'A4', printed.articleText);

  await leavePrint(page);
  check('obfuscation: after printing, the key schedule is still at its step and the cell still holds the edit', (await schedule.getAttribute('data-step')) === scheduleStep && (await cell.locator('pre[data-print-code]').textContent()).includes(EDIT_MARKER));
  check(`obfuscation: nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);
  await page.close();
}

async function history({browser, baseUrl, check}) {
  const page = await browser.context.newPage();
  const consoleMessages = watchConsole(page);
  // Dark mode, as a reader who chose it: the handout must still be dark text on white.
  await page.goto(`${baseUrl}/docs/history-and-deprecation?docusaurus-theme=dark`, {waitUntil: 'networkidle'});
  await waitForHydration(page);
  const themeOnScreen = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));

  // The first print comes before anything is scrolled into view: Mermaid's diagram has not been drawn yet.
  const diagrams = await enterPrint(page);
  const firstPrint = await readPrintedPage(page);
  check(
    `history (dark mode): the page prints dark on white (text ${firstPrint.textColour}, code ${firstPrint.codeColour}, page ${firstPrint.pageBackground})`,
    themeOnScreen === 'dark' && luminance(firstPrint.textColour) < 0.05 && luminance(firstPrint.codeColour) < 0.25 && luminance(firstPrint.pageBackground) > 0.95,
  );
  await leavePrint(page);
  const restored = await page.evaluate(() => ({theme: document.documentElement.getAttribute('data-theme'), openDetails: document.querySelectorAll('article details[open]').length}));
  check('history: after printing, the page is back in dark mode with its <details> closed', restored.theme === 'dark' && restored.openDetails === 0);

  // An era picked in the architecture widget.
  const eras = widget(page, 'architecture-eras');
  await eras.scrollIntoViewIfNeeded();
  const lastEra = eras.locator('[data-field="era"] input').last();
  await lastEra.check();
  const era = await lastEra.getAttribute('value');

  await enterPrint(page);
  const printed = await readPrintedPage(page);
  checkPrintedPage(check, 'history', printed, diagrams, {hasHexViews: false});
  check(
    `history: the architecture widget prints the era it was left at (${era})`,
    era !== 'peer-to-peer' && (await outputValue(eras, 'era')) === era && (await lastEra.isChecked()) && (await eras.locator('[data-output="era"]').isVisible()),
  );

  const quiz = await page.evaluate(() => {
    const root = document.querySelector('[data-widget="quiz"]');
    if (!root) return null;
    const shown = (element) => element.checkVisibility();
    return {
      questions: [...root.querySelectorAll('[data-question]')].filter(shown).length,
      choices: [...root.querySelectorAll('[data-choice]')].filter(shown).length,
      buttons: [...root.querySelectorAll('button')].filter(shown).length,
      explanations: [...root.querySelectorAll('[data-explanation]')].filter(shown).length,
    };
  });
  check(
    `history: the quiz prints its questions and choices, with no buttons and no explanation before checking (${JSON.stringify(quiz)})`,
    quiz !== null && quiz.questions > 0 && quiz.choices > 0 && quiz.buttons === 0 && quiz.explanations === 0,
  );

  // Give a diagram drawn meanwhile the time to arrive, then print.
  await page.waitForTimeout(1_500);
  await printToPdf(page, check, 'history', 'A4', printed.articleText);
  await printToPdf(page, check, 'history', 'Letter', printed.articleText);
  await leavePrint(page);
  check(`history: nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);
  await page.close();
}

/** The references page: the one place with many external links, each to be followed by its URL. */
async function references({browser, baseUrl, check}) {
  const page = await browser.context.newPage();
  await page.goto(`${baseUrl}/docs/references`, {waitUntil: 'networkidle'});
  await waitForHydration(page);
  await enterPrint(page);
  const printed = await readPrintedPage(page);
  const unprinted = printed.external.filter((link) => !link.printed);
  check(`references: each of the ${printed.external.length} external links prints its URL after it`, printed.external.length > 20 && unprinted.length === 0, unprinted.map((link) => link.href).slice(0, 3).join(' '));
  check(`references: nothing is wider than the page (${printed.documentWidth} px)`, printed.documentWidth <= A4_CONTENT_WIDTH + 2 && printed.tooWide.length === 0, printed.tooWide.join('; '));
  await page.close();
}

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  try {
    await obfuscation({browser, baseUrl, check});
    await history({browser, baseUrl, check});
    await references({browser, baseUrl, check});
  } finally {
    await browser.close();
  }
}
