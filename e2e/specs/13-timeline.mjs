// The timeline in Chromium: every event of the data is in the list with its source links and on the
// chart; a category filter and a zoom change the chart's marks and the list's entries identically; the
// keyboard moves through the list (ArrowDown ×3, Enter) and selects; a click on a mark selects; a deep
// link opens an event selected; month-only events read as a month; axe and the console stay clean.
import {TIMELINE_EVENTS} from '../../src/data/timeline.ts';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {outputValue, waitForOutput, watchConsole, widget} from '../lib/lab.mjs';

const PAGE = '/docs/history-and-deprecation';
const NAME = 'timeline';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The ids of the list's entries, in order. */
const listIds = (root) => root.locator('button[data-event]').evaluateAll((buttons) => buttons.map((button) => button.dataset.event));

/** The events the chart draws, found by the sentence that ends each mark's title, in date order. */
async function chartIds(root) {
  const titles = await root.locator('[data-chart="timeline"] svg title').allTextContents();
  const ids = titles.map((title) => TIMELINE_EVENTS.find((event) => title.endsWith(`: ${event.sentence}`))?.id ?? `unknown mark "${title.slice(0, 40)}"`);
  return ids.sort((one, other) => TIMELINE_EVENTS.findIndex((event) => event.id === one) - TIMELINE_EVENTS.findIndex((event) => event.id === other));
}

/** Waits until the chart has drawn `count` marks (Plot loads when the chart mounts, and redraws on each change). */
async function waitForMarks(root, count, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if ((await root.locator('[data-chart="timeline"] svg title').count()) === count && (await root.locator('[data-chart="timeline"] [aria-busy="true"]').count()) === 0) return true;
    await root.page().waitForTimeout(100);
  }
  return false;
}

/** Chart and list agree, and both equal `expected` (ids); returns a description of the first difference, or ''. */
async function agreement(root, expected) {
  await waitForMarks(root, expected.length);
  const [inList, onChart] = [await listIds(root), await chartIds(root)];
  if (inList.join(' ') !== expected.join(' ')) return `list: ${inList.length} entries (${inList.slice(0, 3).join(', ')}…), expected ${expected.length}`;
  if (onChart.join(' ') !== expected.join(' ')) return `chart: ${onChart.length} marks (${onChart.slice(0, 3).join(', ')}…), expected ${expected.length}`;
  if ((await outputValue(root, 'shown-count')) !== String(expected.length)) return `shown-count ${await outputValue(root, 'shown-count')}, expected ${expected.length}`;
  return '';
}

const idsWhere = (keep) => TIMELINE_EVENTS.filter(keep).map((event) => event.id);

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const consoleMessages = watchConsole(page);
    await page.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const root = widget(page, NAME);
    await root.scrollIntoViewIfNeeded();

    // 1. Every event, with its sources: each address of the data is a link in its entry, and so is its references entry.
    const missing = [];
    for (const event of TIMELINE_EVENTS) {
      const entry = root.locator('li', {has: page.locator(`button[data-event="${event.id}"]`)});
      const hrefs = await entry.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      const wanted = [...event.sources.filter((source) => source.url).map((source) => source.url), event.reference.url];
      const absent = wanted.filter((url) => !hrefs.some((href) => href === url || href.endsWith(url)));
      if ((await entry.count()) !== 1 || absent.length > 0) missing.push(`${event.id}: ${absent.join(' ') || 'no entry'}`);
    }
    check(`all ${TIMELINE_EVENTS.length} events are in the list, each with its source links`, missing.length === 0, missing.slice(0, 5).join('; '));
    const all = TIMELINE_EVENTS.map((event) => event.id);
    const atStart = await agreement(root, all);
    check('the chart draws one mark per event, the same 40 as the list', atStart === '', atStart);

    // 2. A category filter changes the chart and the list identically.
    await root.locator('[data-field="category-law"] input').uncheck();
    const withoutLaw = idsWhere((event) => event.category !== 'law');
    const filtered = await agreement(root, withoutLaw);
    check(`unticking "law" leaves ${withoutLaw.length} events on the chart and in the list alike`, filtered === '', filtered);
    await root.locator('[data-field="category-company"] input').uncheck();
    const neither = idsWhere((event) => event.category !== 'law' && event.category !== 'company');
    const filteredTwice = await agreement(root, neither);
    check(`unticking "company" too leaves ${neither.length}, on both`, filteredTwice === '', filteredTwice);
    await root.locator('[data-field="category-law"] input').check();
    await root.locator('[data-field="category-company"] input').check();
    const back = await agreement(root, all);
    check('ticking them again brings back all 40', back === '', back);

    // 3. Zoom into 2009: only that year's events, month-only March included; the reset shows all years.
    await root.locator('[data-field="from"] select').selectOption('2009');
    await root.locator('[data-field="to"] select').selectOption('2009');
    const in2009 = idsWhere((event) => event.date.year === 2009);
    const zoomed = await agreement(root, in2009);
    check(`zooming to 2009 shows its ${in2009.length} events only, on both`, zoomed === '' && in2009.includes('2009-03-16'), zoomed);
    await root.locator('[data-field="from"] select').selectOption('2010');
    await page.waitForTimeout(200);
    const alerts = (await root.getByRole('alert').allInnerTexts()).join(' ');
    check(`a zoom from 2010 to 2009 raises an alert and keeps the last zoom (${alerts})`, /2010/.test(alerts) && (await agreement(root, in2009)) === '');
    await root.locator('[data-action="reset-zoom"]').click();
    const reset = await agreement(root, all);
    check('"Show all years" resets the zoom to all 40', reset === '' && (await root.getByRole('alert').innerText()).trim() === '', reset);

    // 4. The keyboard: focus the list, ArrowDown three times, Enter selects the fourth event shown.
    await root.locator('button[data-event]').first().focus();
    for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowDown');
    const fourth = TIMELINE_EVENTS[3];
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-event'));
    await page.keyboard.press('Enter');
    await waitForOutput(root, 'selected-event', fourth.id);
    const details = await root.locator('[data-panel="details"]').innerText();
    check(
      `ArrowDown ×3 then Enter selects the fourth event (${fourth.id}); the details show its sentence`,
      focused === fourth.id && (await outputValue(root, 'selected-event')) === fourth.id && details.includes(fourth.sentence) && (await root.locator(`button[data-event="${fourth.id}"]`).getAttribute('aria-current')) === 'true',
      `focus on ${focused}, selected ${await outputValue(root, 'selected-event')}`,
    );
    await page.keyboard.press('End');
    await page.keyboard.press('Space');
    const last = TIMELINE_EVENTS[TIMELINE_EVENTS.length - 1];
    check(`End then Space selects the last event (${last.id})`, (await waitForOutput(root, 'selected-event', last.id)) === last.id);
    await page.keyboard.press('Home');
    check('Home moves the focus to the first event', (await page.evaluate(() => document.activeElement?.getAttribute('data-event'))) === TIMELINE_EVENTS[0].id);
    check('only one entry of the list is in the tab order', (await root.locator('button[data-event][tabindex="0"]').count()) === 1);

    // 5. Month-only events read as a month, and the details say the day is not known.
    const month = TIMELINE_EVENTS[3];
    const monthText = (await root.locator(`button[data-event="${month.id}"]`).innerText()).trim();
    const monthWords = `${MONTHS[month.date.month - 1]} ${month.date.year}`;
    check(`the month-only event ${month.date.text} reads "${monthWords}", with no day (${monthText.slice(0, 40)}…)`, monthText.startsWith(monthWords) && !/^\d/.test(monthText));
    check('its details say that only the month is known', /only the month/.test(details));

    // 6. A click on a mark selects its event: the 2012 hosted supernodes, a month-long bar.
    const supernodes = TIMELINE_EVENTS.find((event) => event.id === '2012-05-28');
    await root.locator('[data-chart="timeline"] svg title').filter({hasText: supernodes.sentence}).first().evaluate((title) => title.parentElement.dispatchEvent(new MouseEvent('click', {bubbles: true})));
    check(`a click on the mark of ${supernodes.id} selects it`, (await waitForOutput(root, 'selected-event', supernodes.id)) === supernodes.id);
    check('the selection is in the address', new URL(page.url()).searchParams.get('timeline.event') === supernodes.id);
    const readMore = await root.locator('[data-action="read-more"]').getAttribute('href');
    check(`"Read more" links to the chapter that explains it (${readMore})`, readMore.endsWith(supernodes.chapter));

    const violations = await seriousAxeViolations(page);
    check('axe finds no serious or critical violations after interaction', violations.length === 0, describeViolations(violations));
    check(`nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);
    await page.close();

    // 7. A deep link opens an event selected, and a filtered one.
    const deepPage = await browser.context.newPage();
    const deepConsole = watchConsole(deepPage);
    const deepEvent = TIMELINE_EVENTS.find((event) => event.id === '2014-08-32');
    await deepPage.goto(`${baseUrl}${PAGE}?timeline.event=${deepEvent.id}&timeline.categories=technology&timeline.from=2014&timeline.to=2014`, {waitUntil: 'networkidle'});
    const deepRoot = widget(deepPage, NAME);
    await waitForOutput(deepRoot, 'selected-event', deepEvent.id, 10_000);
    const deepExpected = idsWhere((event) => event.category === 'technology' && event.date.year === 2014);
    const deepAgreement = await agreement(deepRoot, deepExpected);
    const deepDetails = await deepRoot.locator('[data-panel="details"]').innerText();
    check(
      `?timeline.event=${deepEvent.id} opens it selected (as "August 2014"), with the linked filter and zoom on chart and list`,
      (await outputValue(deepRoot, 'selected-event')) === deepEvent.id &&
        (await deepRoot.locator(`button[data-event="${deepEvent.id}"]`).getAttribute('aria-current')) === 'true' &&
        deepDetails.includes('August 2014') &&
        deepAgreement === '',
      deepAgreement,
    );
    await deepPage.goto(`${baseUrl}${PAGE}?timeline.event=no-such-event`, {waitUntil: 'networkidle'});
    await deepPage.waitForTimeout(300);
    const unknownAlerts = (await widget(deepPage, NAME).getByRole('alert').allInnerTexts()).join(' ');
    check(`a link to an unknown event raises an alert naming it (${unknownAlerts})`, /no-such-event/.test(unknownAlerts) && (await outputValue(widget(deepPage, NAME), 'selected-event')) === '');
    check(`nothing was written to the console on the deep links (${deepConsole.join(' | ').slice(0, 300)})`, deepConsole.length === 0);
    await deepPage.close();
  } finally {
    await browser.close();
  }
}
