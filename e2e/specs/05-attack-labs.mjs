// The two attack labs in Chromium: the UDP lab derives the seed from the header and reads the
// command, for samples of the slides and the capture; the TCP lab recovers ten keystream bytes from
// the init block and reads the start of the data with them. Values are checked against the library.
import {bytesToHex, deobfuscateUdp, hexToBytes, knownTcpInit, rc4Keystream, tableKeyEngine, udpCrcInput} from '../../src/protocol/index.ts';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {alertTexts, fill, outputValue, sampleTraffic, waitForOutput, watchConsole, widget} from '../lib/lab.mjs';

const recorded = tableKeyEngine(sampleTraffic.key_table.keys);
const hex32 = (value) => value.toString(16).padStart(8, '0');

async function udpAttack({page, check}) {
  const root = widget(page, 'udp-attack');
  await root.scrollIntoViewIfNeeded();
  const player = root.locator('[data-widget="step-player"]').first();

  // A capture datagram: every stage's value is the library's.
  const packet = sampleTraffic.udp_payload_packets.packets.find((candidate) => candidate.origin.includes('frame 295'));
  await root.locator('[data-field="sample"] select').selectOption('frame-295');
  const addresses = {srcIp: packet.src_public_ip, dstIp: packet.dst_public_ip};
  const result = deobfuscateUdp(hexToBytes(packet.udp_payload), addresses, recorded);
  await waitForOutput(root, 'rc4-seed', hex32(result.seed));
  check(
    'udp-attack: picking capture frame 295 fills the datagram and the public addresses',
    (await root.locator('[data-field="datagram"] textarea').inputValue()).replace(/\s/g, '') === packet.udp_payload &&
      (await root.locator('[data-field="source-ip"] input').inputValue()) === addresses.srcIp,
  );
  check(
    'udp-attack: the CRC input and the RC4 seed come from the header and the addresses alone',
    (await outputValue(root, 'crc-input')) === bytesToHex(udpCrcInput(addresses.srcIp, addresses.dstIp, result.datagram.packetId)) &&
      (await outputValue(root, 'rc4-seed')) === packet.expected.rc4_seed,
  );
  const commands = JSON.parse((await outputValue(root, 'commands')) ?? '[]');
  check(
    'udp-attack: the plaintext, CRC check and commands are the recorded ones',
    (await outputValue(root, 'plaintext')) === packet.expected.plaintext &&
      (await outputValue(root, 'crc-check')) === 'ok' &&
      commands.length === packet.expected.commands.length &&
      commands.every((command, index) => command.cmd === packet.expected.commands[index].cmd && command.reqid === packet.expected.commands[index].reqid),
    JSON.stringify(commands),
  );
  check('udp-attack: the object list of the first command is decoded', Number(await outputValue(root, 'objects')) === packet.expected.commands[0].params_top_level_objects);

  // Stepping with the keyboard reveals the stages one by one.
  await player.focus();
  await page.keyboard.press('Home');
  const start = Number(await player.getAttribute('data-step'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  check('udp-attack: the arrow keys step through the attack', Number(await player.getAttribute('data-step')) === start + 2);

  // Bad input: a truncated datagram names the missing field; the last good result stays.
  await fill(root, 'datagram', packet.udp_payload.slice(0, 10));
  await page.waitForTimeout(200);
  const truncated = await alertTexts(root);
  check(`udp-attack: a truncated datagram raises an alert that says where (${truncated.join(' | ')})`, truncated.some((text) => /offset|byte/i.test(text)));
  check('udp-attack: the last good result stays during bad input', (await outputValue(root, 'rc4-seed')) === packet.expected.rc4_seed);
  await fill(root, 'datagram', packet.udp_payload);
  await fill(root, 'destination-ip', '1.2.3');
  await page.waitForTimeout(200);
  check('udp-attack: a bad address raises an alert', (await alertTexts(root)).some((text) => /4 numbers/.test(text)));
  await fill(root, 'destination-ip', addresses.dstIp);

  // Another seed: no recorded key, and the lab says so.
  await fill(root, 'source-ip', '86.128.245.116');
  await waitForOutput(root, 'key-source', 'unavailable');
  check('udp-attack: a seed without a recorded key is said to be unavailable', (await outputValue(root, 'key-source')) === 'unavailable');
  await fill(root, 'source-ip', addresses.srcIp);
}

async function tcpReuse({page, check}) {
  const root = widget(page, 'tcp-keystream-reuse');
  await root.scrollIntoViewIfNeeded();
  const streams = sampleTraffic.tcp_streams.streams;

  // The slide stream: ten keystream bytes from the init block alone.
  await root.locator('[data-field="mode"] input[value="sample"]').check();
  await root.locator('[data-field="sample"] select').selectOption('slide-48');
  const slideKeystream = bytesToHex(rc4Keystream(recorded.expand(0x33fbaf76), 10));
  await waitForOutput(root, 'recovered-keystream', slideKeystream);
  check("tcp-keystream-reuse: the slide stream's init block gives RC4's first ten keystream bytes", (await outputValue(root, 'recovered-keystream')) === slideKeystream);

  // The captured initiator: the recovered bytes are the start of its clear data.
  await root.locator('[data-field="sample"] select').selectOption('capture-1');
  const initiator = streams[1];
  const clearStart = initiator.expected.after14_plain.slice(0, 20);
  await waitForOutput(root, 'recovered-data', clearStart);
  check('tcp-keystream-reuse: the captured initiator\'s first ten data bytes are read without the key', (await outputValue(root, 'recovered-data')) === clearStart);
  check('tcp-keystream-reuse: they match the true decryption', (await outputValue(root, 'true-data')) === clearStart && Number(await outputValue(root, 'matched')) === 10);

  // A stream the learner builds: the attack still reads it.
  await root.locator('[data-field="mode"] input[value="build"]').check();
  await fill(root, 'seed', '0x12345678');
  await root.locator('[data-field="role"] select').selectOption('initiator');
  const data = '300e0613f2011605424d0000aabbccdd';
  await fill(root, 'data', data);
  await waitForOutput(root, 'recovered-data', data.slice(0, 20));
  check('tcp-keystream-reuse: a built stream gives up its first ten data bytes', (await outputValue(root, 'recovered-data')) === data.slice(0, 20));
  const known = bytesToHex(knownTcpInit('initiator').bytes);
  check('tcp-keystream-reuse: the known init bytes are the initiator\'s fixed block', (await outputValue(root, 'known-init')) === known);

  // Bad input.
  await fill(root, 'seed', 'xyz');
  await page.waitForTimeout(200);
  check('tcp-keystream-reuse: a bad seed raises an alert and the result stays', (await alertTexts(root)).length > 0 && (await outputValue(root, 'recovered-data')) === data.slice(0, 20));
  await fill(root, 'seed', '0x12345678');

  // The responder of the captured connection: two of its init bytes are its own, so eight are read.
  await root.locator('[data-field="mode"] input[value="sample"]').check();
  await root.locator('[data-field="sample"] select').selectOption('capture-2');
  await root.locator('[data-field="role"] select').selectOption('responder');
  const responderClear = streams[2].expected.after14_plain.slice(0, 20);
  const wanted = '....' + responderClear.slice(4);
  await waitForOutput(root, 'recovered-data', wanted);
  check(`tcp-keystream-reuse: for a responder, eight of the ten bytes are read (${await outputValue(root, 'recovered-data')})`, (await outputValue(root, 'recovered-data')) === wanted);

  // A teacher's link to a built stream opens it again.
  const query = new URLSearchParams({'tr.mode': 'build', 'tr.seed': '0x12345678', 'tr.role': 'initiator', 'tr.data': data});
  const linkPage = await page.context().newPage();
  await linkPage.goto(`${new URL(page.url()).origin}/docs/tcp-streams?${query}#tcp-keystream-reuse`, {waitUntil: 'networkidle'});
  const linked = widget(linkPage, 'tcp-keystream-reuse');
  await waitForOutput(linked, 'recovered-data', data.slice(0, 20));
  check('tcp-keystream-reuse: a link with its inputs opens the same built stream', (await outputValue(linked, 'recovered-data')) === data.slice(0, 20));
  await linkPage.close();
}

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const consoleMessages = watchConsole(page);
    await page.goto(baseUrl + '/docs/obfuscation', {waitUntil: 'networkidle'});
    await udpAttack({page, check});
    let violations = await seriousAxeViolations(page);
    check('/docs/obfuscation: axe finds no serious or critical violations after interaction', violations.length === 0, describeViolations(violations));
    await page.goto(baseUrl + '/docs/tcp-streams', {waitUntil: 'networkidle'});
    await tcpReuse({page, check});
    violations = await seriousAxeViolations(page);
    check('/docs/tcp-streams: axe finds no serious or critical violations after interaction', violations.length === 0, describeViolations(violations));
    check(`attack labs: nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);
  } finally {
    await browser.close();
  }
}
