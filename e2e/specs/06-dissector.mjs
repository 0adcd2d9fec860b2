// The dissector in Chromium: every field it shows for a captured datagram is the library's, tree
// nodes highlight their bytes, a seed without a recorded key is explained, the teaching engine reads
// datagrams built on this site, and bad input raises an alert while the last dissection stays.
import {bytesToHex, deobfuscateUdp, hexToBytes, obfuscateUdp, parseCommands, tableKeyEngine, teachingKeyEngine} from '../../src/protocol/index.ts';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {alertTexts, fill, outputValue, sampleTraffic, waitForOutput, watchConsole, widget} from '../lib/lab.mjs';

const recorded = tableKeyEngine(sampleTraffic.key_table.keys);
const hex16 = (value) => value.toString(16).padStart(4, '0');

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const consoleMessages = watchConsole(page);
    await page.goto(baseUrl + '/docs/datagrams-and-commands', {waitUntil: 'networkidle'});
    const root = widget(page, 'dissector');
    await root.scrollIntoViewIfNeeded();

    // 1. A large captured datagram: header, seed, plaintext, CRC, commands and objects.
    const packet = sampleTraffic.udp_payload_packets.packets.find((candidate) => candidate.origin.includes('frame 545'));
    await root.locator('[data-field="sample"] select').selectOption('frame-545');
    const addresses = {srcIp: packet.src_public_ip, dstIp: packet.dst_public_ip};
    const result = deobfuscateUdp(hexToBytes(packet.udp_payload), addresses, recorded);
    await waitForOutput(root, 'rc4-seed', packet.expected.rc4_seed);
    check(
      `dissector: capture frame 545 (${packet.udp_payload.length / 2} bytes) shows its type, packet id and seed`,
      (await outputValue(root, 'type')) === 'payload' &&
        (await outputValue(root, 'packet-id')) === hex16(result.datagram.packetId) &&
        (await outputValue(root, 'key-source')) === 'recorded',
    );
    // The byte views and the tree follow the summary in a later frame.
    await waitForOutput(root, 'plaintext', packet.expected.plaintext);
    check('dissector: the plaintext and the CRC check are the library\'s', (await outputValue(root, 'plaintext')) === packet.expected.plaintext && (await outputValue(root, 'crc-check')) === 'ok');
    const commands = JSON.parse((await outputValue(root, 'commands')) ?? '[]');
    const libraryCommands = parseCommands(result.plaintext);
    check(
      'dissector: the commands are the library\'s',
      commands.length === libraryCommands.length && commands.every((command, index) => command.cmd === libraryCommands[index].cmd && command.flags === libraryCommands[index].flags),
      JSON.stringify(commands),
    );
    check(`dissector: the object tree holds the decoded objects (${await outputValue(root, 'object-tree')})`, Number(await outputValue(root, 'object-tree')) > 0);

    // 2. A tree node highlights exactly its bytes.
    const node = root.locator('[data-node="datagram/iv"]').first();
    await node.scrollIntoViewIfNeeded();
    await node.click();
    const start = Number(await node.getAttribute('data-start'));
    const end = Number(await node.getAttribute('data-end'));
    const highlighted = await root.locator('[data-widget="hex-view"] [role="gridcell"][aria-label$="highlighted"]').count();
    check(`dissector: selecting the IV node highlights its ${end - start} bytes (${highlighted} cells)`, end - start === 4 && highlighted === 4);
    await page.keyboard.press('ArrowDown');
    const selected = await root.locator('[role="treeitem"][aria-selected="true"]').first().getAttribute('data-node').catch(() => null);
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-node]')?.getAttribute('data-node'));
    check(`dissector: the tree moves with the arrow keys (from datagram/iv to ${focused})`, focused !== null && focused !== 'datagram/iv', `selected ${selected}`);

    // 3. An address the sender did not use: no recorded key, and the page says why.
    await fill(root, 'source-ip', '86.128.245.116');
    await waitForOutput(root, 'key-source', 'unavailable');
    const notice = root.locator('[data-output="key-unavailable"]');
    check(
      'dissector: a seed without a recorded key says the real key is not available, with a link to the legal chapter',
      (await outputValue(root, 'key-source')) === 'unavailable' && (await notice.locator('a[href*="/docs/legal-issues"]').count()) > 0,
    );

    // 4. A datagram built on this site with the teaching engine reads with the teaching engine.
    const built = obfuscateUdp({packetId: 0x1234, iv: 0xdeadbeef, plaintext: hexToBytes('04da01123342 15'.replace(/ /g, '')), srcIp: '10.0.0.1', dstIp: '10.0.0.2'}, teachingKeyEngine);
    await fill(root, 'datagram', bytesToHex(built));
    await fill(root, 'source-ip', '10.0.0.1');
    await fill(root, 'destination-ip', '10.0.0.2');
    await root.locator('[data-field="teaching-engine"] input').check();
    await waitForOutput(root, 'key-source', 'teaching');
    check('dissector: the teaching engine decrypts a datagram built with it, CRC ok', (await outputValue(root, 'plaintext')) === '04da0112334215' && (await outputValue(root, 'crc-check')) === 'ok');

    // 5. Other types: the slide NAck.
    const nack = sampleTraffic.udp_nack.packets[0];
    await fill(root, 'datagram', nack.udp_payload);
    await waitForOutput(root, 'type', 'nack');
    check(`dissector: the slide NAck is read as a NAck for ${nack.ip_field}`, (await outputValue(root, 'type')) === 'nack' && (await root.innerText()).includes(nack.ip_field));

    // 6. Bad input: an alert that says what and where; the last dissection stays.
    await fill(root, 'datagram', '7f4e02118a');
    await page.waitForTimeout(200);
    const truncated = await alertTexts(root);
    check(`dissector: a truncated datagram raises an alert with its offset (${truncated.join(' | ')})`, truncated.some((text) => /offset 3/.test(text)));
    check('dissector: the last dissection stays during bad input', (await outputValue(root, 'type')) === 'nack');
    await fill(root, 'datagram', '7f4e0g');
    await page.waitForTimeout(200);
    check('dissector: a non-hex character raises an alert naming it', (await alertTexts(root)).some((text) => /"g"/.test(text) && /character 6/.test(text)));
    await fill(root, 'source-ip', 'localhost');
    await page.waitForTimeout(200);
    check('dissector: a bad address raises an alert', (await alertTexts(root)).some((text) => /4 numbers/.test(text)));

    // A teacher's link: the inputs in the address open the dissector on that datagram.
    const frame = sampleTraffic.udp_payload_packets.packets.find((candidate) => candidate.origin.includes('frame 333'));
    const linkPage = await browser.context.newPage();
    const query = new URLSearchParams({'dx.datagram': frame.udp_payload, 'dx.source-ip': frame.src_public_ip, 'dx.destination-ip': frame.dst_public_ip});
    await linkPage.goto(`${baseUrl}/docs/datagrams-and-commands?${query}#dissector`, {waitUntil: 'networkidle'});
    const linked = widget(linkPage, 'dissector');
    await waitForOutput(linked, 'plaintext', frame.expected.plaintext);
    check('dissector: a link with its inputs opens the same dissection', (await outputValue(linked, 'rc4-seed')) === frame.expected.rc4_seed && (await outputValue(linked, 'plaintext')) === frame.expected.plaintext);
    await linkPage.close();

    const violations = await seriousAxeViolations(page);
    check('dissector: axe finds no serious or critical violations after interaction', violations.length === 0, describeViolations(violations));
    check(`dissector: nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);
  } finally {
    await browser.close();
  }
}
