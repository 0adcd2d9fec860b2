// The legal explorer in Chromium: the "not legal advice" notice is there; every scenario shows every
// instrument's conditions with the statuses of src/data/legalRules.ts and verdicts that follow from
// them; the walk steps with the keyboard and the buttons; a deep link opens a scenario at a step;
// the share link keeps both; every source link lands on an anchor of the references page.
// Only the data module is imported (legalLogic.ts uses the '@site' alias, which plain Node does not
// resolve); the verdicts are recomputed here from the rule stated in the widget's legend.
import {LEGAL_INSTRUMENTS, LEGAL_SCENARIOS} from '../../src/data/legalRules.ts';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {outputValue, waitForOutput, watchConsole, widget} from '../lib/lab.mjs';

const PAGE = '/docs/legal-issues';
const NAME = 'legal-explorer';

/** Every condition in the order the widget walks through them: '<instrument>/<condition>'. */
const STOPS = LEGAL_INSTRUMENTS.flatMap((instrument) => instrument.conditions.map((condition) => `${instrument.id}/${condition.id}`));

/** A route holds when every condition that applies is met; an instrument allows when one route holds. */
function verdict(scenario, instrument) {
  const routes = instrument.routes.map((route) => {
    const statuses = instrument.conditions.filter((condition) => condition.route === route.id).map((condition) => scenario.assessments[instrument.id][condition.id].status);
    if (statuses.every((status) => status === 'not-applicable')) return 'not-applicable';
    if (statuses.includes('not-met')) return 'not-met';
    return statuses.includes('open') ? 'open' : 'met';
  });
  if (routes.includes('met')) return 'allowed';
  if (routes.includes('open')) return 'open';
  return routes.includes('not-met') ? 'not-allowed' : 'not-applicable';
}

/** What the widget shows for the scenario, against the data: the first differences in words (empty when they agree). */
async function differences(root, scenario) {
  const found = [];
  for (const instrument of LEGAL_INSTRUMENTS) {
    const column = root.locator(`[data-instrument="${instrument.id}"]`);
    const shown = Object.fromEntries(await column.locator('[data-condition]').evaluateAll((items) => items.map((item) => [item.dataset.condition, item.dataset.status])));
    for (const condition of instrument.conditions) {
      const wanted = scenario.assessments[instrument.id][condition.id].status;
      if (shown[condition.id] !== wanted) found.push(`${instrument.id}/${condition.id}: shown ${shown[condition.id]}, data ${wanted}`);
    }
    if (Object.keys(shown).length !== instrument.conditions.length) found.push(`${instrument.id}: ${Object.keys(shown).length} conditions shown, ${instrument.conditions.length} in the data`);
    const summary = await outputValue(root, `summary-${instrument.id}`);
    if (summary !== verdict(scenario, instrument)) found.push(`summary-${instrument.id}: shown ${summary}, data ${verdict(scenario, instrument)}`);
  }
  return found.slice(0, 6).join('; ');
}

const player = (root) => root.locator('[data-widget="step-player"]').first();
const chooseScenario = (root, id) => root.locator(`[data-field="scenario"] input[value="${id}"]`).check();

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: baseUrl});
  try {
    const page = await browser.context.newPage();
    const consoleMessages = watchConsole(page);
    await page.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const root = widget(page, NAME);
    await root.scrollIntoViewIfNeeded();

    // 1. The notice comes first, in words.
    const notice = await root.locator('[data-notice="not-legal-advice"]').innerText();
    check(`the explorer says it teaches and gives no legal advice ("${notice.slice(0, 80)}")`, /not legal advice/i.test(notice));

    // 2. Every scenario: every condition with the data's status, every verdict following the statuses.
    const sourceLinks = new Set();
    for (const scenario of LEGAL_SCENARIOS) {
      await chooseScenario(root, scenario.id);
      await waitForOutput(root, 'scenario', scenario.id);
      const found = await differences(root, scenario);
      const verdicts = LEGAL_INSTRUMENTS.map((instrument) => `${instrument.id} ${verdict(scenario, instrument)}`).join(', ');
      check(`"${scenario.id}" shows all ${STOPS.length} conditions with the data's statuses and verdicts (${verdicts})`, found === '', found);
      const symbols = await root.locator('[data-condition]').evaluateAll((items) => items.every((item) => /[✓✗?—]/.test(item.innerText) && /\b(met|not met|open|not applicable)\b/.test(item.innerText)));
      check(`"${scenario.id}": each status is a symbol and a word`, symbols);
      for (const href of await root.locator('a[data-source]').evaluateAll((links) => links.map((link) => link.getAttribute('href')))) sourceLinks.add(href);
    }

    // 3. The key engine: the Caen appeal ruling, and this site's choice, with its link.
    await chooseScenario(root, 'publish-key-engine');
    await waitForOutput(root, 'scenario', 'publish-key-engine');
    const franceStatus = await root.locator('[data-instrument="france"] [data-condition="not-given-to-others"]').getAttribute('data-status');
    const siteChoice = root.locator('[data-site-choice] a');
    check(
      'publishing the key engine: France marks passing on the code "not met" and the site’s choice links to the chapter',
      franceStatus === 'not-met' && (await outputValue(root, 'summary-france')) === 'not-allowed' && /#what-this-site-does-and-why$/.test((await siteChoice.getAttribute('href')) ?? ''),
    );

    // 4. The walk, with the keyboard and the buttons.
    await player(root).focus();
    await page.keyboard.press('Home');
    const atStart = await outputValue(root, 'walk-step');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const afterTwo = await outputValue(root, 'walk-step');
    await page.keyboard.press('ArrowLeft');
    const afterBack = await outputValue(root, 'walk-step');
    check(`Home, ArrowRight twice and ArrowLeft walk ${atStart} → ${afterTwo} → ${afterBack}`, atStart === STOPS[0] && afterTwo === STOPS[2] && afterBack === STOPS[1]);
    const marked = await root.locator('[data-condition][aria-current="step"]').count();
    check('the grid marks the condition the walk is at, and only that one', marked === 1);
    await page.keyboard.press('End');
    const last = STOPS.at(-1);
    const lastInstrument = LEGAL_INSTRUMENTS.at(-1);
    const lastText = await root.locator('[data-output="walk-step"]').innerText();
    check(`End reaches the last condition (${last}) and shows that rule's verdict`, (await outputValue(root, 'walk-step')) === last && /Verdict of this rule/.test(lastText) && lastInstrument.id === last.split('/')[0]);
    await root.getByRole('button', {name: 'Previous step'}).click();
    check('the Previous button steps back', (await outputValue(root, 'walk-step')) === STOPS.at(-2));
    const statusShown = await root.locator('[data-output="walk-step"]').getAttribute('data-status');
    const scenario = LEGAL_SCENARIOS.find((candidate) => candidate.id === 'publish-key-engine');
    const [instrumentId, conditionId] = STOPS.at(-2).split('/');
    check('the walk shows the data’s status of its condition', statusShown === scenario.assessments[instrumentId][conditionId].status);

    // 5. The share link keeps the scenario and the step.
    await root.locator('[data-action="share-link"]').click();
    await page.waitForTimeout(300);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    check(`the share link names the scenario and the step (${link.replace(baseUrl, '')})`, /legal\.scenario=publish-key-engine/.test(link) && new RegExp(`legal\\.step=${STOPS.length - 2}`).test(link) && /#legal-explorer$/.test(link));

    const violations = await seriousAxeViolations(page);
    check('axe finds no serious or critical violations after interaction', violations.length === 0, describeViolations(violations));
    check(`nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);

    // 6. A deep link opens a scenario at a step: the chapter's link, and one at France's "not given to others".
    const deepPage = await browser.context.newPage();
    const deepConsole = watchConsole(deepPage);
    const franceStep = STOPS.indexOf('france/not-given-to-others');
    await deepPage.goto(`${baseUrl}${PAGE}?legal.scenario=publish-key-engine&legal.step=${franceStep}#legal-explorer`, {waitUntil: 'networkidle'});
    const deepRoot = widget(deepPage, NAME);
    await waitForOutput(deepRoot, 'walk-step', 'france/not-given-to-others');
    check(
      `a deep link opens "publish the key engine" at step ${franceStep}, France's condition on passing the code on, marked not met`,
      (await outputValue(deepRoot, 'scenario')) === 'publish-key-engine' &&
        (await deepRoot.locator('[data-field="scenario"] input[value="publish-key-engine"]').isChecked()) &&
        (await outputValue(deepRoot, 'walk-step')) === 'france/not-given-to-others' &&
        (await deepRoot.locator('[data-output="walk-step"]').getAttribute('data-status')) === 'not-met',
    );
    const chapterLink = deepPage.locator('a[href*="legal.scenario=publish-key-engine"]').first();
    check('the chapter links to the "publish the key engine" scenario', (await chapterLink.count()) === 1);
    await deepPage.goto(`${baseUrl}${PAGE}?legal.scenario=nonsense&legal.step=banana`, {waitUntil: 'networkidle'});
    await waitForOutput(widget(deepPage, NAME), 'scenario', 'write-client');
    check('a link with an unknown scenario and step opens the first scenario at the first condition', (await outputValue(widget(deepPage, NAME), 'walk-step')) === STOPS[0]);
    check(`nothing was written to the console on the deep links (${deepConsole.join(' | ').slice(0, 300)})`, deepConsole.length === 0);

    // 7. Every source link lands on an anchor of the references page.
    await deepPage.goto(`${baseUrl}/docs/references`, {waitUntil: 'networkidle'});
    const ids = new Set(await deepPage.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id)));
    const missing = [...sourceLinks].filter((href) => !/^\/docs\/references#/.test(href.replace(/^https?:\/\/[^/]+/, '')) || !ids.has(href.split('#')[1]));
    check(`all ${sourceLinks.size} distinct source links point to anchors present on /docs/references`, sourceLinks.size > 10 && missing.length === 0, missing.join(', '));
    await deepPage.close();
    await page.close();
  } finally {
    await browser.close();
  }
}
