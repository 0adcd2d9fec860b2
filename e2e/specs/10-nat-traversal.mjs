// The NAT traversal lab in Chromium: what it shows is the model's own trace and outcome, the player
// steps with the keyboard, a matrix cell opens its pair at step 0, a link with a step opens there,
// Baset & Schulzrinne's three setups show what the paper describes, bad input raises an alert and
// keeps the last good picture, and reduced motion turns the animation into a list.
// From nat.ts, not index.ts: under `node --import tsx` the names that index.ts re-exports with
// `export *` are not visible to a named ESM import (CommonJS interop), while nat.ts lists its own.
import {natLiveEntryCount, natOutcomeMatrix, simulateNatCall} from '../../src/simulations/nat.ts';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {alertTexts, fill, outputValue, waitForOutput, watchConsole, widget} from '../lib/lab.mjs';

const PAGE = '/docs/nat-and-relaying';
const NAME = 'nat-traversal';
const DEFAULT_CALL = {caller: 'port-restricted-cone', callee: 'public', policy: 'skype-2004', seed: 1};

/** What the widget shows at one step, read from its outputs. */
async function shown(root) {
  const names = ['outcome', 'signalling', 'measured', 'step', 'step-description', 'table-caller', 'table-callee'];
  const values = await Promise.all(names.map((name) => outputValue(root, name)));
  return Object.fromEntries(names.map((name, index) => [name, values[index]]));
}

/** The same, from the model. */
function expected(call, step) {
  const trace = simulateNatCall(call);
  const index = Math.min(step, trace.steps.length - 1);
  const at = trace.steps[index];
  return {
    outcome: trace.outcome.mediaPath,
    signalling: trace.outcome.signallingPath,
    measured: trace.outcome.evidence === 'not-applicable' ? 'not applicable' : trace.outcome.evidence,
    step: String(index),
    'step-description': at.description,
    'table-caller': String(natLiveEntryCount(at, 'caller')),
    'table-callee': String(natLiveEntryCount(at, 'callee')),
  };
}

const differences = (actual, wanted) =>
  Object.keys(wanted)
    .filter((name) => actual[name] !== wanted[name])
    .map((name) => `${name}: shown ${JSON.stringify(actual[name])}, model ${JSON.stringify(wanted[name])}`)
    .join('; ');

const linkTo = (baseUrl, call, step) =>
  `${baseUrl}${PAGE}?nat.caller=${call.caller}&nat.callee=${call.callee}&nat.policy=${call.policy}&nat.seed=${call.seed}` + (step === undefined ? '' : `&nat.step=${step}`);

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: baseUrl});
  try {
    const page = await browser.context.newPage();
    const consoleMessages = watchConsole(page);
    await page.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const root = widget(page, NAME);
    await root.scrollIntoViewIfNeeded();

    // 1. The default: Baset & Schulzrinne's setup 2 under the 2004 policy, at its first step.
    const atStart = await shown(root);
    const wantedStart = expected(DEFAULT_CALL, 0);
    check(`the lab starts on the model's default call (${atStart.outcome}, ${atStart.signalling}, step ${atStart.step})`, differences(atStart, wantedStart) === '', differences(atStart, wantedStart));

    // 2. The keyboard steps the player; every step shows the model's description and table sizes.
    const player = root.locator('[data-widget="step-player"]').first();
    await player.focus();
    await page.keyboard.press('Home');
    for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowRight');
    await waitForOutput(root, 'step', '3');
    const afterRight = await shown(root);
    check(`ArrowRight three times shows step 3 as the model has it`, differences(afterRight, expected(DEFAULT_CALL, 3)) === '', differences(afterRight, expected(DEFAULT_CALL, 3)));
    await page.keyboard.press('ArrowLeft');
    await waitForOutput(root, 'step', '2');
    check('ArrowLeft goes back one step', (await player.getAttribute('data-step')) === '2' && (await outputValue(root, 'step')) === '2');
    const lastIndex = simulateNatCall(DEFAULT_CALL).steps.length - 1;
    await page.keyboard.press('End');
    await waitForOutput(root, 'step', String(lastIndex));
    const atEnd = await shown(root);
    check(`End shows the last step (${lastIndex}), after the idle rows expired`, differences(atEnd, expected(DEFAULT_CALL, lastIndex)) === '', differences(atEnd, expected(DEFAULT_CALL, lastIndex)));
    await page.keyboard.press('Home');
    await waitForOutput(root, 'step', '0');
    await page.keyboard.press(' ');
    await page.waitForTimeout(900);
    await page.keyboard.press(' ');
    const played = Number(await player.getAttribute('data-step'));
    await page.waitForTimeout(400);
    check(`Space plays and pauses (paused at step ${played})`, played > 0 && Number(await player.getAttribute('data-step')) === played);
    const playedShown = await shown(root);
    check('the step that playback paused on is drawn from the model', differences(playedShown, expected(DEFAULT_CALL, played)) === '', differences(playedShown, expected(DEFAULT_CALL, played)));

    // 3. The matrix: every cell is the model's outcome; a cell opens its pair at step 0 and focuses the player.
    await root.locator('[data-field="policy"] input[value="hole-punching"]').check();
    await waitForOutput(root, 'signalling', 'via-supernode');
    const matrix = natOutcomeMatrix('hole-punching', 1);
    const cells = await root.locator('[data-cell]').evaluateAll((buttons) => buttons.map((button) => [button.getAttribute('data-cell'), button.getAttribute('data-value')]));
    const wrongCells = cells.filter(([cell, value]) => {
      const [caller, callee] = cell.split('/');
      return matrix[caller]?.[callee]?.mediaPath !== value;
    });
    check(`the ${cells.length} matrix cells under hole punching are the model's outcomes`, cells.length === 64 && wrongCells.length === 0, JSON.stringify(wrongCells.slice(0, 5)));
    const punchingDefault = {...DEFAULT_CALL, policy: 'hole-punching'};
    await player.focus();
    await page.keyboard.press('End');
    await waitForOutput(root, 'step', String(simulateNatCall(punchingDefault).steps.length - 1));
    const pair = {caller: 'symmetric', callee: 'port-restricted-cone', policy: 'hole-punching', seed: 1};
    await root.locator(`[data-cell="${pair.caller}/${pair.callee}"]`).click();
    await waitForOutput(root, 'step', '0');
    const opened = await shown(root);
    const focusedPlayer = await page.evaluate(() => document.activeElement?.getAttribute('data-widget') === 'step-player');
    const selects = [await root.locator('[data-field="caller"] select').inputValue(), await root.locator('[data-field="callee"] select').inputValue()];
    check(
      `a matrix cell opens its pair at step 0 with the model's outcome (${opened.outcome}), and focuses the player`,
      differences(opened, expected(pair, 0)) === '' && opened.outcome === matrix.symmetric['port-restricted-cone'].mediaPath && focusedPlayer && selects.join('/') === `${pair.caller}/${pair.callee}`,
      differences(opened, expected(pair, 0)) + ` focus on player: ${focusedPlayer}, selects ${selects.join('/')}`,
    );
    await page.keyboard.press('ArrowRight');
    await waitForOutput(root, 'step', '1');
    check('the keyboard steps the pair the cell opened', differences(await shown(root), expected(pair, 1)) === '');
    await root.locator('[data-field="policy"] input[value="skype-2004"]').check();
    await waitForOutput(root, 'measured', 'extrapolated');
    const matrix2004 = natOutcomeMatrix('skype-2004', 1);
    // The ✓ is the only visible mark of a measured cell; the words for screen readers follow in a hidden span.
    const cells2004 = await root.locator('[data-cell]').evaluateAll((buttons) => buttons.map((button) => [button.getAttribute('data-cell'), button.getAttribute('data-value'), button.querySelector('[aria-hidden="true"]')?.textContent ?? '']));
    const wrong2004 = cells2004.filter(([cell, value]) => {
      const [caller, callee] = cell.split('/');
      return matrix2004[caller][callee].mediaPath !== value;
    });
    const marked = cells2004.filter(([, , text]) => text.includes('✓')).map(([cell]) => cell).sort();
    check(
      `under the 2004 policy the cells are the model's, and only the three measured setups carry ✓ (${marked.join(', ')})`,
      wrong2004.length === 0 && marked.join() === ['port-restricted-behind-udp-firewall/port-restricted-behind-udp-firewall', 'port-restricted-cone/public', 'public/public'].join(),
      JSON.stringify(wrong2004.slice(0, 5)),
    );

    // 4. Bad input: an alert that says what and where; the last good picture stays.
    const beforeBad = await shown(root);
    await fill(root, 'seed', 'abc');
    await page.waitForTimeout(200);
    const seedAlerts = await alertTexts(root);
    check(`a bad seed raises an alert naming the field and the value (${seedAlerts.join(' | ')})`, seedAlerts.some((text) => /Seed/.test(text) && /abc/.test(text)));
    check('the last good picture stays while the seed is bad', differences(await shown(root), beforeBad) === '', differences(await shown(root), beforeBad));
    await fill(root, 'seed', '7');
    const reseeded = {...pair, policy: 'skype-2004', seed: 7};
    await waitForOutput(root, 'step-description', expected(reseeded, Number(beforeBad.step))['step-description']);
    check('a good seed again clears the alert and redraws with the new ports', (await alertTexts(root)).length === 0 && differences(await shown(root), expected(reseeded, Number(beforeBad.step))) === '');

    // 5. The share link keeps the step, and opens there.
    await player.focus();
    await page.keyboard.press('Home');
    for (let press = 0; press < 5; press++) await page.keyboard.press('ArrowRight');
    await waitForOutput(root, 'step', '5');
    await root.locator('[data-action="share-link"]').click();
    await page.waitForTimeout(300);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const linkPage = await browser.context.newPage();
    await linkPage.goto(link, {waitUntil: 'networkidle'});
    const linkedRoot = widget(linkPage, NAME);
    await waitForOutput(linkedRoot, 'step', '5');
    const linked = await shown(linkedRoot);
    check(`a shared link keeps the step and opens there (${link.replace(baseUrl, '').slice(0, 140)})`, /nat\.step=5/.test(link) && differences(linked, expected(reseeded, 5)) === '', differences(linked, expected(reseeded, 5)));
    await linkPage.close();

    const violations = await seriousAxeViolations(page);
    check('axe finds no serious or critical violations after interaction', violations.length === 0, describeViolations(violations));
    check(`nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);
    await page.close();

    // 6. A teacher's deep link opens that example at that step.
    const deep = {caller: 'restricted-cone', callee: 'symmetric', policy: 'hole-punching', seed: 42};
    const deepPage = await browser.context.newPage();
    await deepPage.goto(linkTo(baseUrl, deep, 12), {waitUntil: 'networkidle'});
    const deepRoot = widget(deepPage, NAME);
    await waitForOutput(deepRoot, 'step', '12');
    const deepShown = await shown(deepRoot);
    check(`a deep link opens its example at step 12 (${deepShown['step-description']?.slice(0, 80)}…)`, differences(deepShown, expected(deep, 12)) === '', differences(deepShown, expected(deep, 12)));
    await deepPage.goto(linkTo(baseUrl, deep, 100000), {waitUntil: 'networkidle'});
    const lastDeep = simulateNatCall(deep).steps.length - 1;
    await waitForOutput(widget(deepPage, NAME), 'step', String(lastDeep));
    check(`a step past the end opens the last step (${lastDeep})`, (await outputValue(widget(deepPage, NAME), 'step')) === String(lastDeep));
    await deepPage.goto(linkTo(baseUrl, deep, 'abc'), {waitUntil: 'networkidle'});
    await deepPage.waitForTimeout(300);
    const stepAlerts = await alertTexts(widget(deepPage, NAME));
    check(`a step that is not a number raises an alert (${stepAlerts.join(' | ')})`, stepAlerts.some((text) => /Step/.test(text) && /abc/.test(text)));
    await deepPage.close();

    // 7. Baset & Schulzrinne's three setups show what the paper describes (§4.4–4.5).
    const setups = [
      [{caller: 'public', callee: 'public'}, {outcome: 'direct-udp', signalling: 'direct-tcp', measured: 'measured'}, 'both public: TCP signalling straight to the callee, voice straight over UDP'],
      [{caller: 'port-restricted-cone', callee: 'public'}, {outcome: 'relayed-udp', signalling: 'relayed-tcp', measured: 'measured'}, 'caller behind a port-restricted NAT: signalling over TCP and voice over UDP through another node'],
      [
        {caller: 'port-restricted-behind-udp-firewall', callee: 'port-restricted-behind-udp-firewall'},
        {outcome: 'relayed-tcp', signalling: 'relayed-tcp', measured: 'measured'},
        'both behind a NAT and a UDP-blocking firewall: everything over TCP through another node',
      ],
    ];
    const setupPage = await browser.context.newPage();
    for (const [kinds, paper, words] of setups) {
      const call = {...kinds, policy: 'skype-2004', seed: 1};
      await setupPage.goto(linkTo(baseUrl, call), {waitUntil: 'networkidle'});
      const setupRoot = widget(setupPage, NAME);
      await waitForOutput(setupRoot, 'outcome', paper.outcome);
      const values = await shown(setupRoot);
      const model = expected(call, 0);
      check(
        `Baset & Schulzrinne, ${words}: shown ${values.outcome} / ${values.signalling} / ${values.measured}`,
        values.outcome === paper.outcome && values.signalling === paper.signalling && values.measured === paper.measured && model.outcome === paper.outcome && model.signalling === paper.signalling,
      );
    }
    await setupPage.close();

    // 8. Reduced motion: the steps are a list to move through, without a Play button.
    const calm = await browser.context.newPage();
    await calm.emulateMedia({reducedMotion: 'reduce'});
    await calm.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const calmPlayer = widget(calm, NAME).locator('[data-widget="step-player"]').first();
    const listed = await calmPlayer.locator('ol li').count();
    const playButtons = await calmPlayer.getByRole('button', {name: /^Play/}).count();
    const travelling = await widget(calm, NAME).locator('circle[style*="--dx"]').count();
    const stepCount = simulateNatCall(DEFAULT_CALL).steps.length;
    check(`with reduced motion the ${listed} steps are a list, with no Play button and nothing moving`, listed === stepCount && playButtons === 0 && travelling === 0);
    await calm.close();
  } finally {
    await browser.close();
  }
}
