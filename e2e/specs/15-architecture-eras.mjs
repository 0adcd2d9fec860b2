// The architecture eras in Chromium: every state shows the data's three answers with their links to
// the references page, the arrow keys move through the states, the before/after mode names the
// changes in words, a deep link opens a state (and a wrong one raises an alert), the share link keeps
// the state, reduced motion turns off the fade between states, axe finds nothing serious and nothing
// is written to the console.
// From the data module itself: the answers and their citations are what the widget must show.
import {ARCHITECTURE_ERAS, ERA_DATA, ERA_QUESTIONS, compareEras} from '../../src/data/architectureEras.ts';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {alertTexts, outputValue, waitForOutput, watchConsole, widget} from '../lib/lab.mjs';

const PAGE = '/docs/history-and-deprecation';
const NAME = 'architecture-eras';

/** The links an answer must carry, in order: every citation of every statement. */
const expectedLinks = (era, question) => ERA_DATA[era].answers[question].statements.flatMap((statement) => statement.citations.map((citation) => citation.source));

/** What the widget shows for one question: its key and its links (path and hash, without the site's base). */
async function answerShown(root, output) {
  const element = root.locator(`[data-output="${output}"]`).first();
  const value = await element.getAttribute('data-value');
  const links = await element.locator('a').evaluateAll((anchors) => anchors.map((anchor) => new URL(anchor.href).pathname.replace(/^.*(?=\/docs\/)/, '') + new URL(anchor.href).hash));
  return {value, links};
}

/** The differences between the answers shown for `era` and the data, in words (empty when they agree). */
async function answerDifferences(root, era, prefix = '') {
  const found = [];
  for (const question of ERA_QUESTIONS) {
    const shown = await answerShown(root, `${prefix}${question}`);
    const holder = ERA_DATA[era].answers[question].holder;
    const links = expectedLinks(era, question);
    if (shown.value !== holder) found.push(`${prefix}${question}: shown ${shown.value}, data ${holder}`);
    if (shown.links.join(' ') !== links.join(' ')) found.push(`${prefix}${question} links: shown [${shown.links.join(' ')}], data [${links.join(' ')}]`);
  }
  return found.join('; ');
}

const eraRadio = (root, era) => root.locator(`[data-field="era"] input[value="${era}"]`);

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: baseUrl});
  try {
    const page = await browser.context.newPage();
    const consoleMessages = watchConsole(page);
    await page.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const root = widget(page, NAME);
    await root.scrollIntoViewIfNeeded();

    // 1. The default: the peer-to-peer network, the data's answers with their sources, drawn as an SVG.
    check(
      'the widget opens on the peer-to-peer state with the data’s answers and links',
      (await outputValue(root, 'era')) === 'peer-to-peer' && (await answerDifferences(root, 'peer-to-peer')) === '',
      await answerDifferences(root, 'peer-to-peer'),
    );
    check('the state is drawn: the supernode on a user’s machine present, the hosted supernodes not there', (await root.locator('svg[role="img"] [data-party="user-supernodes"][data-presence="present"]').count()) === 1 && (await root.locator('svg [data-party="hosted-supernodes"][data-presence="absent"]').count()) === 1);

    // 2. Every state, chosen with a click, shows its answers; a silent answer says so.
    for (const era of ARCHITECTURE_ERAS) {
      await eraRadio(root, era).click();
      await waitForOutput(root, 'era', era);
      const differences = await answerDifferences(root, era);
      const silent = ERA_QUESTIONS.filter((question) => ERA_DATA[era].answers[question].holder === 'unknown');
      const silentShown = await Promise.all(silent.map((question) => root.locator(`[data-output="${question}"] [data-basis="unknown"]`).count()));
      check(`the state ${era} shows the data’s three answers with their links${silent.length ? ` and says the sources are silent on ${silent.join(', ')}` : ''}`, differences === '' && silentShown.every((count) => count > 0), differences);
    }

    // 3. The arrow keys move the state, in time order, wrapping at the end.
    await eraRadio(root, 'peer-to-peer').click();
    await eraRadio(root, 'peer-to-peer').focus();
    const visited = [];
    for (let press = 0; press < ARCHITECTURE_ERAS.length; press++) {
      await page.keyboard.press('ArrowRight');
      visited.push(await waitForOutput(root, 'era', ARCHITECTURE_ERAS[(press + 1) % ARCHITECTURE_ERAS.length]));
    }
    check(`ArrowRight moves through the states: ${visited.join(' → ')}`, visited.join(' ') === [...ARCHITECTURE_ERAS.slice(1), ARCHITECTURE_ERAS[0]].join(' '));
    await page.keyboard.press('ArrowLeft');
    check('ArrowLeft from the first state goes to the retirement', (await waitForOutput(root, 'era', 'retired')) === 'retired' && (await answerDifferences(root, 'retired')) === '');

    // 4. Before and after: the 2012 change, named in words.
    await root.locator('[data-field="mode"] input[value="compare"]').click();
    await root.locator('[data-field="before"] select').selectOption('peer-to-peer');
    await root.locator('[data-field="after"] select').selectOption('hosted-supernodes');
    const change2012 = compareEras('peer-to-peer', 'hosted-supernodes');
    await waitForOutput(root, 'change-directory', 'users-machines/microsoft');
    const directoryText = await root.locator('[data-output="change-directory"]').innerText();
    const relaysText = await root.locator('[data-output="change-relays"]').innerText();
    const changeValues = await Promise.all(ERA_QUESTIONS.map((question) => outputValue(root, `change-${question}`)));
    check(
      `before/after names the 2012 changes: "${directoryText}" / "${relaysText}"`,
      changeValues.join(' ') === change2012.map((change) => `${change.before}/${change.after}`).join(' ') && /moved from users’ machines to Microsoft/i.test(directoryText) && /unknown from our sources/.test(relaysText),
    );
    check(
      'both sides show their answers with their links, and two drawings',
      (await answerDifferences(root, 'peer-to-peer', 'before-')) === '' && (await answerDifferences(root, 'hosted-supernodes', 'after-')) === '' && (await root.locator('svg[role="img"]').count()) === 2,
    );
    check('the parties that changed are marked in words', (await root.locator('tr[data-party="user-supernodes"][data-changed="true"]').innerText()).includes('Changed'));
    await root.locator('[data-field="after"] select').selectOption('peer-to-peer');
    await waitForOutput(root, 'change-directory', 'users-machines/users-machines');
    check('a state compared with itself is unchanged', (await root.locator('[data-output="change-directory"]').innerText()).includes('Unchanged'));
    await root.locator('[data-field="after"] select').selectOption('msnp24');
    await waitForOutput(root, 'change-messages', 'the-two-peers/microsoft');

    // 5. The share link keeps the mode and the two states.
    await root.locator('[data-action="share-link"]').click();
    await page.waitForTimeout(300);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const linkPage = await browser.context.newPage();
    await linkPage.goto(link, {waitUntil: 'networkidle'});
    const linkRoot = widget(linkPage, NAME);
    check(
      `a shared link opens the same comparison (${link.replace(baseUrl, '').slice(0, 160)})`,
      /eras\.mode=compare/.test(link) && (await waitForOutput(linkRoot, 'change-messages', 'the-two-peers/microsoft', 10_000)) === 'the-two-peers/microsoft' && (await linkRoot.locator('[data-field="after"] select').inputValue()) === 'msnp24',
    );
    await linkPage.close();

    const violations = await seriousAxeViolations(page);
    check('axe finds no serious or critical violations after interaction', violations.length === 0, describeViolations(violations));
    check(`nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);
    await page.close();

    // 6. A deep link opens a state; one that names no state raises an alert and shows the default.
    const deepPage = await browser.context.newPage();
    const deepConsole = watchConsole(deepPage);
    await deepPage.goto(`${baseUrl}${PAGE}?eras.era=msnp24#architecture-eras`, {waitUntil: 'networkidle'});
    const deepRoot = widget(deepPage, NAME);
    check('a deep link opens the MSNP24 state with its answers', (await waitForOutput(deepRoot, 'era', 'msnp24', 10_000)) === 'msnp24' && (await answerDifferences(deepRoot, 'msnp24')) === '');
    await deepPage.goto(`${baseUrl}${PAGE}?eras.era=skype-2030`, {waitUntil: 'networkidle'});
    const wrongRoot = widget(deepPage, NAME);
    await deepPage.waitForTimeout(300);
    const alerts = await alertTexts(wrongRoot);
    check(`a link naming no state raises an alert (${alerts.join(' | ')}) and shows the first state`, alerts.some((text) => /skype-2030/.test(text) && /peer-to-peer/.test(text)) && (await outputValue(wrongRoot, 'era')) === 'peer-to-peer');
    check(`nothing was written to the console on the deep links (${deepConsole.join(' | ').slice(0, 300)})`, deepConsole.length === 0);
    await deepPage.close();

    // 7. Reduced motion: the boxes of the drawing change state without a fade (the site's reduced-motion
    // rule leaves transitions a hundredth of a millisecond long, which is no fade).
    const calm = await browser.context.newPage();
    await calm.emulateMedia({reducedMotion: 'reduce'});
    await calm.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const calmDuration = await widget(calm, NAME).locator('svg [data-party] rect').first().evaluate((element) => getComputedStyle(element).transitionDuration);
    await calm.emulateMedia({reducedMotion: 'no-preference'});
    const movingDuration = await widget(calm, NAME).locator('svg [data-party] rect').first().evaluate((element) => getComputedStyle(element).transitionDuration);
    check(`with reduced motion the drawing does not fade (${calmDuration}; otherwise ${movingDuration})`, parseFloat(calmDuration) <= 0.01 && parseFloat(movingDuration) >= 0.1);
    await calm.close();
  } finally {
    await browser.close();
  }
}
