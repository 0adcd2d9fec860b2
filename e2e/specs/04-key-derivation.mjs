// The key-derivation explorer in Chromium: its values are the library's for the inputs typed, bad
// input raises an alert and keeps the last good result, the key schedule steps with the keyboard,
// reduced motion turns it into a list, and a shared link restores the inputs.
import {Rc4, bytesToHex, obfuscateUdp, tableKeyEngine, teachingKeyEngine, udpCrcInput, udpCrcSeed, hexToBytes} from '../../src/protocol/index.ts';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {alertTexts, fill, outputValue, sampleTraffic, waitForOutput, watchConsole, widget} from '../lib/lab.mjs';

const PAGE = '/docs/obfuscation';
const recorded = tableKeyEngine(sampleTraffic.key_table.keys);
const hex32 = (value) => value.toString(16).padStart(8, '0');

/** Everything the widget should show for these inputs, from the library. */
function expected({srcIp, dstIp, packetId, iv, plaintext}) {
  const seed = (udpCrcSeed(srcIp, dstIp, packetId) ^ iv) >>> 0;
  const engine = recorded.has(seed) ? recorded : teachingKeyEngine;
  return {
    crcInput: bytesToHex(udpCrcInput(srcIp, dstIp, packetId)),
    crcSeed: hex32(udpCrcSeed(srcIp, dstIp, packetId)),
    rc4Seed: hex32(seed),
    key: bytesToHex(engine.expand(seed)),
    keySource: engine === recorded ? 'recorded' : 'teaching',
    datagram: bytesToHex(obfuscateUdp({packetId, iv, plaintext: hexToBytes(plaintext), srcIp, dstIp}, engine)),
    engine,
    seed,
  };
}

async function shown(root) {
  const names = ['crc-input', 'crc-seed', 'rc4-seed', 'key', 'datagram'];
  const values = await Promise.all(names.map((name) => outputValue(root, name)));
  return {
    crcInput: values[0],
    crcSeed: values[1],
    rc4Seed: values[2],
    key: values[3],
    keySource: await root.locator('[data-output="key"]').getAttribute('data-key-source'),
    datagram: values[4],
  };
}

/** Waits until the widget shows `wanted` (its byte views follow the seeds in a deferred render); resolves with what it shows. */
async function shownWhenSettled(root, wanted, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  let values = await shown(root);
  while (!same(values, wanted) && Date.now() < deadline) {
    await root.page().waitForTimeout(50);
    values = await shown(root);
  }
  return values;
}

const same = (actual, wanted) => ['crcInput', 'crcSeed', 'rc4Seed', 'key', 'keySource', 'datagram'].every((name) => actual[name] === wanted[name]);
const describe = (values) => `rc4 seed ${values.rc4Seed}, key ${values.keySource}, datagram ${values.datagram?.slice(0, 40)}…`;

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: baseUrl});
  try {
    const page = await browser.context.newPage();
    const consoleMessages = watchConsole(page);
    await page.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const root = widget(page, 'key-derivation');
    await root.scrollIntoViewIfNeeded();

    // 1. The defaults are the slide-41 probe, with its recorded key.
    const slide = sampleTraffic.udp_payload_packets.packets[0];
    const slideInputs = {srcIp: '0.0.0.0', dstIp: '24.98.66.80', packetId: 0x7f4e, iv: 0x118ac037, plaintext: slide.expected.plaintext};
    const atStart = await shownWhenSettled(root, expected(slideInputs));
    check(`the explorer starts on the slide probe: ${describe(atStart)}`, same(atStart, expected(slideInputs)) && atStart.datagram === slide.udp_payload && atStart.rc4Seed === slide.expected.rc4_seed);

    // 2. A new destination address: every value follows, with the teaching engine, labelled.
    const changed = {...slideInputs, dstIp: '24.98.66.81'};
    await fill(root, 'destination-ip', changed.dstIp);
    await waitForOutput(root, 'rc4-seed', expected(changed).rc4Seed);
    const afterChange = await shownWhenSettled(root, expected(changed));
    check(`a new destination address gives the library's values (${describe(afterChange)})`, same(afterChange, expected(changed)));
    check('a seed without a recorded key uses the labelled teaching engine', afterChange.keySource === 'teaching' && /not Skype/i.test(await root.innerText()));

    // 3. Bad input: an alert that says what and where; the last good result stays.
    await fill(root, 'source-ip', '300.0.0.1');
    await page.waitForTimeout(200);
    const ipAlerts = await alertTexts(root);
    check(`a bad IP raises an alert naming the part (${ipAlerts.join(' | ')})`, ipAlerts.some((text) => /part 1/.test(text) && /300/.test(text)));
    check('the last good result stays while the IP is bad', same(await shown(root), expected(changed)));
    await fill(root, 'source-ip', '0.0.0.0');
    await fill(root, 'plaintext', '04da01 7z');
    await page.waitForTimeout(200);
    const hexAlerts = await alertTexts(root);
    check(`bad hex raises an alert naming the character and its position (${hexAlerts.join(' | ')})`, hexAlerts.some((text) => /character 9/.test(text) && /"z"/.test(text)));
    await fill(root, 'packet-id', '70000');
    await page.waitForTimeout(200);
    check('an out-of-range packet id raises an alert', (await alertTexts(root)).some((text) => /70000/.test(text)));
    await fill(root, 'plaintext', slide.expected.plaintext);
    await fill(root, 'packet-id', '0x7f4e');
    await waitForOutput(root, 'rc4-seed', expected(changed).rc4Seed);
    check('correcting the inputs clears the alerts and recomputes', (await alertTexts(root)).length === 0 && same(await shownWhenSettled(root, expected(changed)), expected(changed)));

    // 4. The key schedule steps with the keyboard; each step shows the library's state.
    await fill(root, 'destination-ip', slideInputs.dstIp);
    await waitForOutput(root, 'rc4-seed', slide.expected.rc4_seed);
    const states = [];
    new Rc4(recorded.expand(0x22d81c40), {onSchedule: ({state}) => states.push(bytesToHex(state))});
    const player = root.locator('[data-widget="step-player"]').first();
    await player.focus();
    await page.keyboard.press('Home');
    const firstStep = Number(await player.getAttribute('data-step'));
    for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowRight');
    const step = Number(await player.getAttribute('data-step'));
    const gridState = await outputValue(root, 'rc4-state');
    const stateIndex = states.indexOf(gridState);
    check(`ArrowRight steps the key schedule (step ${firstStep} → ${step}), showing the library's state`, step === firstStep + 3 && stateIndex >= 0);
    await page.keyboard.press('End');
    check("End shows the schedule's final state", (await outputValue(root, 'rc4-state')) === states.at(-1));
    await page.keyboard.press('Home');
    await page.keyboard.press(' ');
    await page.waitForTimeout(600);
    await page.keyboard.press(' ');
    const played = Number(await player.getAttribute('data-step'));
    await page.waitForTimeout(300);
    check(`Space plays and pauses the schedule (paused at step ${played})`, played > firstStep && Number(await player.getAttribute('data-step')) === played);

    // 5. A link with the inputs opens the same example.
    await fill(root, 'iv', '0x12345678');
    const linked = {...slideInputs, iv: 0x12345678};
    await waitForOutput(root, 'rc4-seed', expected(linked).rc4Seed);
    await root.locator('[data-action="share-link"]').click();
    await page.waitForTimeout(300);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const linkPage = await browser.context.newPage();
    await linkPage.goto(link, {waitUntil: 'networkidle'});
    const linkedRoot = widget(linkPage, 'key-derivation');
    await waitForOutput(linkedRoot, 'rc4-seed', expected(linked).rc4Seed);
    check(`a shared link restores the inputs (${link.replace(baseUrl, '').slice(0, 100)})`, same(await shownWhenSettled(linkedRoot, expected(linked)), expected(linked)));
    await linkPage.close();

    const violations = await seriousAxeViolations(page);
    check('axe finds no serious or critical violations after interaction', violations.length === 0, describeViolations(violations));
    check(`nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);
    await page.close();

    // 6. Reduced motion: the schedule is a list of steps to move through.
    const calm = await browser.context.newPage();
    await calm.emulateMedia({reducedMotion: 'reduce'});
    await calm.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const calmRoot = widget(calm, 'key-derivation');
    const calmPlayer = calmRoot.locator('[data-widget="step-player"]').first();
    const steps = await calmPlayer.locator('ol li').count();
    const playButtons = await calmPlayer.getByRole('button', {name: /^Play/}).count();
    check(`with reduced motion the schedule is a list of ${steps} steps and has no Play button`, steps >= 256 && playButtons === 0);
    await calm.close();
  } finally {
    await browser.close();
  }
}
