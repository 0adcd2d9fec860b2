// The supernode overlay in Chromium: the login player steps with the keyboard and shows the model's
// run for each network condition, a deep link opens a condition at a step, a bad seed raises an
// alert and keeps the last good network, the host cache never passes 200 and lists the 7 bootstrap
// supernodes, the era switch changes the comparison, and reduced motion turns the player into a list.
import {buildOverlay, compareOverlayEras, simulateHostCacheFill, simulateLogin, simulateSearch} from '../../src/simulations/overlay.ts';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {alertTexts, fill, outputValue, waitForOutput, watchConsole, widget} from '../lib/lab.mjs';

const PAGE = '/docs/network-architecture';
const DEFAULT_SEED = 2004;
// A seed whose network has another number of supernodes than the default's, so a rebuild shows.
const OTHER_SEED = 42;
// Baset & Schulzrinne 2004, §4.2.3: the bootstrap supernodes of a first login.
const BOOTSTRAP = ['66.235.180.9:33033', '66.235.181.9:33033', '80.161.91.25:33033', '80.160.91.12:33033', '64.246.49.60:33033', '64.246.49.61:33033', '64.246.48.23:33033'];

/** The login outputs as the widget shows them. */
async function loginShown(root) {
  const names = ['login-outcome', 'login-transport', 'login-attempts', 'login-seconds', 'measured-seconds'];
  const values = await Promise.all(names.map((name) => outputValue(root, name)));
  return Object.fromEntries(names.map((name, index) => [name, values[index]]));
}

/** The same outputs from the model. */
function loginExpected(condition, seed) {
  const {outcome, measured} = simulateLogin({condition, seed});
  const measuredValue = measured === null ? 'none' : measured.value.minimumSeconds === measured.value.maximumSeconds ? String(measured.value.minimumSeconds) : `${measured.value.minimumSeconds}-${measured.value.maximumSeconds}`;
  return {
    'login-outcome': outcome.connected ? 'connected' : 'failed',
    'login-transport': outcome.transport,
    'login-attempts': String(outcome.attempts),
    'login-seconds': String(outcome.modelSeconds),
    'measured-seconds': measuredValue,
  };
}

const sameValues = (actual, wanted) => Object.keys(wanted).every((name) => actual[name] === wanted[name]);
const describe = (values) => Object.entries(values).map(([name, value]) => `${name}=${value}`).join(', ');
const player = (root) => root.locator('[data-widget="step-player"]').first();
const playerStep = async (root) => Number(await player(root).getAttribute('data-step'));
const openView = (root, view) => root.locator(`[role="tab"][data-view="${view}"]`).click();

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: baseUrl});
  try {
    const page = await browser.context.newPage();
    const consoleMessages = watchConsole(page);
    await page.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const root = widget(page, 'supernode-overlay');
    await root.scrollIntoViewIfNeeded();

    // 1. The default: a first login from a public address, the model's outcome beside the measured 3–7 s.
    const publicRun = simulateLogin({condition: 'public', seed: DEFAULT_SEED});
    const atStart = await loginShown(root);
    check(`the overlay starts on the public login: ${describe(atStart)}`, sameValues(atStart, loginExpected('public', DEFAULT_SEED)) && atStart['measured-seconds'] === '3-7');
    check('the login picture is an SVG inside the player', (await player(root).locator('svg[role="img"]').count()) === 1);

    // 2. The login player steps with the keyboard.
    await player(root).focus();
    await page.keyboard.press('Home');
    const first = await playerStep(root);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const afterTwo = await playerStep(root);
    await page.keyboard.press('ArrowLeft');
    const afterBack = await playerStep(root);
    const described = await player(root).innerText();
    check(
      `ArrowRight and ArrowLeft step the login (${first} → ${afterTwo} → ${afterBack}) and the description names the step's address`,
      first === 0 && afterTwo === 2 && afterBack === 1 && described.includes(publicRun.steps[1].to),
    );
    await page.keyboard.press('End');
    check(`End goes to the last login step (${publicRun.steps.length - 1})`, (await playerStep(root)) === publicRun.steps.length - 1);
    await page.keyboard.press('Home');
    await page.keyboard.press(' ');
    await page.waitForTimeout(1_600);
    await page.keyboard.press(' ');
    const played = await playerStep(root);
    await page.waitForTimeout(1_200);
    check(`Space plays and pauses the login (paused at step ${played})`, played > 0 && (await playerStep(root)) === played);

    // 3. Every condition shows the model's outcome; everything blocked fails after 5 attempts.
    for (const condition of ['port-restricted-nat', 'udp-blocking-firewall', 'tcp-80-443-only', 'everything-blocked']) {
      await root.locator('[data-field="condition"] select').selectOption(condition);
      const wanted = loginExpected(condition, DEFAULT_SEED);
      await waitForOutput(root, 'login-transport', wanted['login-transport']);
      const shown = await loginShown(root);
      check(`${condition}: the widget shows the model's login (${describe(shown)})`, sameValues(shown, wanted));
    }
    const blocked = simulateLogin({condition: 'everything-blocked', seed: DEFAULT_SEED});
    check(
      'everything blocked: the login fails after 5 attempts',
      (await outputValue(root, 'login-outcome')) === 'failed' && (await outputValue(root, 'login-attempts')) === '5' && blocked.outcome.attempts === 5,
    );
    await player(root).focus();
    await page.keyboard.press('End');
    check(`everything blocked: End reaches step ${blocked.steps.length - 1} of the failed login`, (await playerStep(root)) === blocked.steps.length - 1 && /failed/i.test(await player(root).innerText()));

    // 4. The slots, then a bad seed: an alert, and the last good network stays.
    await openView(root, 'slots');
    const overlay = buildOverlay({seed: DEFAULT_SEED});
    await waitForOutput(root, 'supernode-count', String(overlay.supernodes.length));
    check(
      `slots and blocks: ${overlay.slots.length} slots, ${overlay.blocks.length} blocks, ${overlay.supernodes.length} supernodes as in the model`,
      (await outputValue(root, 'slot-count')) === '64' &&
        (await outputValue(root, 'block-count')) === '8' &&
        (await outputValue(root, 'supernode-count')) === String(overlay.supernodes.length),
    );
    await fill(root, 'seed', 'abc');
    await page.waitForTimeout(200);
    const seedAlerts = await alertTexts(root);
    check(`a bad seed raises an alert naming the field and the text (${seedAlerts.join(' | ')})`, seedAlerts.some((text) => /seed/i.test(text) && /abc/.test(text)));
    check('the last good network stays while the seed is bad', (await outputValue(root, 'supernode-count')) === String(overlay.supernodes.length) && (await root.locator('svg').count()) > 0);
    await fill(root, 'seed', String(OTHER_SEED));
    const other = buildOverlay({seed: OTHER_SEED});
    await waitForOutput(root, 'supernode-count', String(other.supernodes.length));
    check(
      `a good seed again clears the alert and rebuilds the network (${other.supernodes.length} supernodes, not ${overlay.supernodes.length})`,
      other.supernodes.length !== overlay.supernodes.length && (await alertTexts(root)).length === 0 && (await outputValue(root, 'supernode-count')) === String(other.supernodes.length),
    );

    // 5. The host cache: never more than 200, the 7 bootstrap supernodes listed.
    await openView(root, 'cache');
    const stages = simulateHostCacheFill({overlay: other, seed: OTHER_SEED});
    await player(root).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const bootstrapShown = await root.locator('[data-origin="bootstrap"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-entry')));
    check(`after the first login the cache holds the 7 bootstrap supernodes (${bootstrapShown.join(', ')})`, (await outputValue(root, 'host-cache-size')) === '7' && bootstrapShown.join() === BOOTSTRAP.join());
    await page.keyboard.press('End');
    const finalSize = Number(await outputValue(root, 'host-cache-size'));
    const entries = await root.locator('[data-entry]').count();
    check(
      `at the end the cache holds ${finalSize} entries (model: ${stages.at(-1).entries.length}), never more than 200, the bootstrap ones still listed`,
      finalSize === stages.at(-1).entries.length && finalSize <= 200 && entries === finalSize && (await root.locator('[data-origin="bootstrap"]').count()) === 7,
    );

    // 6. The search: the model's walk for this condition and seed.
    await root.locator('[data-field="condition"] select').selectOption('public');
    await openView(root, 'search');
    const search = simulateSearch({overlay: other, condition: 'public', seed: OTHER_SEED});
    await waitForOutput(root, 'search-contacted', String(search.outcome.nodesContacted));
    check(
      `search: found=${search.outcome.found} after ${search.outcome.nodesContacted} nodes, as in the model`,
      (await outputValue(root, 'search-found')) === String(search.outcome.found) && (await outputValue(root, 'search-contacted')) === String(search.outcome.nodesContacted),
    );

    // 7. The era switch changes the comparison.
    await openView(root, 'era');
    const [original, hosted] = compareOverlayEras(other);
    const before = {era: await outputValue(root, 'era'), supernodes: await outputValue(root, 'era-supernodes'), marked: await root.locator('thead th[data-era="original"]').innerText()};
    await root.locator('[data-field="era"] input[value="microsoft-2012"]').check();
    await waitForOutput(root, 'era', 'microsoft-2012');
    const after = {era: await outputValue(root, 'era'), supernodes: await outputValue(root, 'era-supernodes'), marked: await root.locator('thead th[data-era="microsoft-2012"]').innerText()};
    const relayCell = await root.locator('tr[data-row="relays"] td[data-era="microsoft-2012"]').innerText();
    check(
      `the era switch moves the comparison from ${before.era} (${before.supernodes} supernodes) to ${after.era} (${after.supernodes})`,
      before.era === 'original' && before.supernodes === String(original.modelSupernodes) && after.supernodes === String(hosted.modelSupernodes) && after.marked !== before.marked,
    );
    check('the 2012 relays are "unknown from our sources"', /unknown from our sources/i.test(relayCell));

    const violations = await seriousAxeViolations(page);
    check('axe finds no serious or critical violations after interaction', violations.length === 0, describeViolations(violations));
    check(`nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);

    // 8. A deep link opens a condition at a step; the share button writes one.
    const deep = await browser.context.newPage();
    await deep.goto(`${baseUrl}${PAGE}?overlay.condition=tcp-80-443-only&overlay.step=4#supernode-overlay`, {waitUntil: 'networkidle'});
    const deepRoot = widget(deep, 'supernode-overlay');
    const deepRun = simulateLogin({condition: 'tcp-80-443-only', seed: DEFAULT_SEED});
    await waitForOutput(deepRoot, 'login-transport', deepRun.outcome.transport);
    const deepStep = await playerStep(deepRoot);
    check(
      `a deep link opens "only TCP 80 and 443" at step 4: ${deepRun.steps[4].description}`,
      deepStep === 4 && (await outputValue(deepRoot, 'login-transport')) === 'tcp-80' && (await player(deepRoot).innerText()).includes(deepRun.steps[4].to),
    );
    await deep.close();

    await openView(root, 'search');
    await player(root).focus();
    await page.keyboard.press('ArrowRight');
    await root.locator('[data-action="share-link"]').click();
    await page.waitForTimeout(300);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const linked = await browser.context.newPage();
    await linked.goto(link, {waitUntil: 'networkidle'});
    const linkedRoot = widget(linked, 'supernode-overlay');
    await waitForOutput(linkedRoot, 'search-contacted', String(search.outcome.nodesContacted));
    check(
      `a shared link reopens the search of seed ${OTHER_SEED} at step 1 (${link.replace(baseUrl, '').slice(0, 120)})`,
      (await outputValue(linkedRoot, 'search-contacted')) === String(search.outcome.nodesContacted) && (await playerStep(linkedRoot)) === 1,
    );
    await linked.close();
    await page.close();

    // 9. Reduced motion: the login is a list of steps, without a Play button.
    const calm = await browser.context.newPage();
    await calm.emulateMedia({reducedMotion: 'reduce'});
    await calm.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const calmRoot = widget(calm, 'supernode-overlay');
    const listed = await player(calmRoot).locator('ol li').count();
    const playButtons = await player(calmRoot).getByRole('button', {name: /^Play/}).count();
    check(`with reduced motion the login is a list of ${listed} steps (model: ${publicRun.steps.length}) and has no Play button`, listed === publicRun.steps.length && playButtons === 0);
    await calm.close();
  } finally {
    await browser.close();
  }
}
