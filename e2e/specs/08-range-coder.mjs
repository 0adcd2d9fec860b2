// The range-coder visualizer in Chromium: a real compressed list gives the library's sizes, the
// step-player walks the library's own coder steps with the keyboard, the decoder recovers the same
// symbols, bad hex raises an alert while the last list stays, a 64 KiB list opens (how long its
// longest task takes is measured by `npm run bench`, not asserted here), and with reduced motion the
// step list is a bounded page.
import {bytesToHex, decodeObjectList, encodeCompressedObjectList, encodeRawObjectList, hexToBytes} from '../../src/protocol/index.ts';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {alertTexts, fill, outputValue, sampleTraffic, waitForOutput, watchConsole, widget} from '../lib/lab.mjs';

/** The library's view of a list: its sizes and every symbol the 0x42 encoder codes. */
function libraryRun(bytes) {
  const {items} = decodeObjectList(bytes);
  const steps = [];
  let entropyBits = 0;
  const compressed = encodeCompressedObjectList(items, {
    observer: {
      onSymbol(step) {
        steps.push({context: step.context, model: step.model, symbol: step.symbol});
        entropyBits += -Math.log2((step.frequencyHigh - step.frequencyLow) / step.frequencyTotal);
      },
    },
  });
  return {compressed, raw: encodeRawObjectList(items), steps, entropyBits};
}

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const consoleMessages = watchConsole(page);
    await page.goto(baseUrl + '/docs/compression', {waitUntil: 'networkidle'});
    const root = widget(page, 'range-coder');
    await root.scrollIntoViewIfNeeded();

    // 1. An example: frame 306's cmd 45 reply, the capture's largest list (641 bytes, ten repeated records).
    const packet = sampleTraffic.udp_payload_packets.packets.find((candidate) => candidate.origin.includes('frame 306'));
    const paramsHex = packet.expected.commands.find((command) => command.cmd === 45).params_hex;
    const library = libraryRun(hexToBytes(paramsHex));
    await root.locator('[data-field="example"] select').selectOption('frame-306-cmd-45-reply');
    await waitForOutput(root, 'symbol-count', String(library.steps.length));
    check(
      'range-coder: picking frame 306 fills in its list',
      (await root.locator('[data-field="hex"] textarea').inputValue()).replace(/\s/g, '') === paramsHex,
    );
    check(
      `range-coder: the compressed and raw sizes are the library's (${library.compressed.length} and ${library.raw.length} bytes)`,
      (await outputValue(root, 'compressed-size')) === String(library.compressed.length) && (await outputValue(root, 'raw-size')) === String(library.raw.length),
      `${await outputValue(root, 'compressed-size')} / ${await outputValue(root, 'raw-size')}`,
    );
    check('range-coder: the real list compresses to itself', bytesToHex(library.compressed) === paramsHex);
    let deflate = await outputValue(root, 'deflate-size');
    for (let tries = 0; tries < 60 && !/^\d+$/.test(deflate ?? ''); tries++) {
      await page.waitForTimeout(50);
      deflate = await outputValue(root, 'deflate-size');
    }
    check(`range-coder: DEFLATE's size of the raw list arrives (${deflate} bytes)`, /^\d+$/.test(deflate ?? '') && Number(deflate) > 0);
    check(
      `range-coder: the models' bits are the library's sum of −log2 p (${library.entropyBits.toFixed(2)})`,
      (await outputValue(root, 'entropy-bits')) === library.entropyBits.toFixed(2),
    );

    // 2. Keyboard steps: each step shows the model the library's observer reported.
    const player = root.locator('[data-widget="step-player"]').first();
    await player.focus();
    await page.keyboard.press('Home');
    for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowRight');
    check(
      `range-coder: ArrowRight ×3 shows step 3, coded with ${library.steps[3].model}`,
      (await outputValue(root, 'step')) === '3' && (await outputValue(root, 'step-model')) === library.steps[3].model,
      `${await outputValue(root, 'step')} ${await outputValue(root, 'step-model')}`,
    );
    await page.keyboard.press('End');
    const last = library.steps.length - 1;
    check(
      'range-coder: End shows the last symbol, the end of the list (SYM)',
      (await outputValue(root, 'step')) === String(last) && (await outputValue(root, 'step-model')) === 'SYM' && library.steps[last].model === 'SYM',
    );
    await page.keyboard.press('ArrowLeft');
    check('range-coder: ArrowLeft steps back', (await outputValue(root, 'step')) === String(last - 1) && (await outputValue(root, 'step-model')) === library.steps[last - 1].model);

    // 3. The decoder recovers the same symbols.
    await root.locator('[data-field="direction"] input[value="decode"]').check();
    await waitForOutput(root, 'symbols-match', 'true');
    check('range-coder: in the decode direction the decoder recovers the encoded symbols', (await outputValue(root, 'symbols-match')) === 'true');
    check('range-coder: the decoder keeps the step shown', (await outputValue(root, 'step')) === String(last - 1));
    await root.locator('[data-field="direction"] input[value="encode"]').check();

    // 4. Bad hex: an alert naming the character; the last list stays.
    await fill(root, 'hex', '42 3c zz');
    await page.waitForTimeout(200);
    const alerts = await alertTexts(root);
    check(`range-coder: bad hex raises an alert naming it (${alerts.join(' | ')})`, alerts.some((text) => /"z"/.test(text) && /character 7/.test(text)));
    check('range-coder: the last list stays during bad input', (await outputValue(root, 'compressed-size')) === String(library.compressed.length));
    await fill(root, 'hex', '42 15 00');
    await page.waitForTimeout(200);
    check('range-coder: bytes after the list raise an alert', (await alertTexts(root)).some((text) => /ends after byte 2/.test(text)));
    await fill(root, 'hex', '42 3c 25');
    await waitForOutput(root, 'symbol-count', '3');
    check('range-coder: a good list clears the alert', (await alertTexts(root)).length === 0);

    // 5. A list of more than 64 KiB opens.
    const items = Array.from({length: 12_000}, (_, index) => ({type: 0, id: index % 40, value: index * 7919}));
    const big = libraryRun(encodeRawObjectList(items));
    const bigHex = bytesToHex(big.raw);
    await fill(root, 'hex', bigHex);
    await waitForOutput(root, 'symbol-count', String(big.steps.length), 20_000);
    check(
      `range-coder: a ${big.raw.length}-byte list (${big.steps.length} symbols) opens`,
      big.raw.length >= 64 * 1024 && (await outputValue(root, 'symbol-count')) === String(big.steps.length),
    );
    check(
      'range-coder: its sizes are the library\'s',
      (await outputValue(root, 'compressed-size')) === String(big.compressed.length) && (await outputValue(root, 'raw-size')) === String(big.raw.length),
    );
    await player.focus();
    await page.keyboard.press('End');
    check('range-coder: End reaches the last of its symbols', (await outputValue(root, 'step')) === String(big.steps.length - 1));

    // 6. Reduced motion: the step-player lists one bounded page of steps.
    await page.emulateMedia({reducedMotion: 'reduce'});
    await page.waitForTimeout(300);
    const listed = await root.locator('[data-widget="step-player"] ol li').count();
    check(`range-coder: with reduced motion the step list is one page (${listed} steps listed)`, listed > 0 && listed <= 100);
    await root.getByRole('button', {name: /Previous 100 symbols/}).click();
    check('range-coder: the previous-page button moves back 100 symbols', Number(await outputValue(root, 'step')) < big.steps.length - 100);
    await page.emulateMedia({reducedMotion: 'no-preference'});

    const violations = await seriousAxeViolations(page);
    check('range-coder: axe finds no serious or critical violations after interaction', violations.length === 0, describeViolations(violations));
    check(`range-coder: nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);
  } finally {
    await browser.close();
  }
}
