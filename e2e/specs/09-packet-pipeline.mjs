// The datagram pipeline in Chromium: the datagrams it builds are the library's (obfuscateUdp, or
// fragmentUdp for a large list), fragments reassemble to the plaintext, the .pcap download holds
// exactly the shown datagrams, bad input raises alerts while the last result stays, and the back
// direction reads the forward output back to its list with the CRC ok.
import {readFileSync} from 'node:fs';
import {
  bytesToHex,
  decodeObjectList,
  deobfuscateUdp,
  encodeCommands,
  encodeObjectList,
  fragmentUdp,
  hexToBytes,
  MAX_DATAGRAM_LENGTH,
  obfuscateUdp,
  PAYLOAD_HEADER_LENGTH,
  readPcap,
  reassembleFragments,
  seedToHex,
  teachingKeyEngine,
  udpCrcSeed,
} from '../../src/protocol/index.ts';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {alertTexts, fill, outputValue, sampleTraffic, waitForOutput, watchConsole, widget} from '../lib/lab.mjs';

// The widget's padding object (PAD_OBJECT_ID in src/components/PacketPipeline/pipeline.ts).
const PAD_OBJECT_ID = 255;

/** What the widget should build, computed with the library and the teaching stand-in. */
function expectedDatagrams({list, format, pad, cmd, flags, reqid, packetId, iv, inReplyTo, srcIp, dstIp}) {
  const {items} = decodeObjectList(hexToBytes(list));
  const params = encodeObjectList(pad > 0 ? [...items, {type: 4, id: PAD_OBJECT_ID, value: new Uint8Array(pad)}] : items, format);
  const plaintext = encodeCommands([{cmd, flags, reqid, params}]);
  const datagrams =
    PAYLOAD_HEADER_LENGTH + plaintext.length <= MAX_DATAGRAM_LENGTH
      ? [obfuscateUdp({packetId, iv, plaintext, srcIp, dstIp}, teachingKeyEngine)]
      : fragmentUdp({packetId, inReplyTo, iv, plaintext, srcIp, dstIp}, teachingKeyEngine);
  return {params, plaintext, datagrams};
}

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser({acceptDownloads: true});
  try {
    const page = await browser.context.newPage();
    const consoleMessages = watchConsole(page);
    await page.goto(baseUrl + '/docs/datagrams-and-commands', {waitUntil: 'networkidle'});
    const root = widget(page, 'packet-pipeline');
    await root.scrollIntoViewIfNeeded();

    // 1. The first inputs rebuild the datagram of Silver Needle slide 41 with its recorded key.
    const slide41 = sampleTraffic.udp_payload_packets.packets[0];
    await waitForOutput(root, 'datagrams', slide41.udp_payload);
    check(
      'packet-pipeline: the first inputs rebuild the slide 41 datagram byte for byte',
      (await outputValue(root, 'datagrams')) === slide41.udp_payload && (await outputValue(root, 'seed')) === slide41.expected.rc4_seed,
    );

    // 2. Our own inputs: one type-2 datagram, equal to the library's with the teaching stand-in.
    const inputs = {
      list: '41 02 00 00 c9 01 00 05 64', // protocol.md §7.1: {0: 201, 5: 100}
      format: 'raw',
      pad: 0,
      cmd: 6,
      flags: 2,
      reqid: 0x1234,
      packetId: 0x1235,
      iv: 0xdeadbeef,
      inReplyTo: 0x1676,
      srcIp: '10.0.0.1',
      dstIp: '10.0.0.2',
    };
    // The example picker fills the list and its format (sampleLists.ts: the list of slide 61, raw).
    await root.locator('[data-field="example"] select').selectOption('slide-61-cmd-6');
    const pickedList = await root.locator('[data-field="list"] textarea').inputValue();
    check(
      `packet-pipeline: picking the slide 61 example fills the list (${pickedList}) and the raw format`,
      bytesToHex(hexToBytes(pickedList)) === bytesToHex(hexToBytes(inputs.list)) && (await root.locator('[data-field="format"] input[value="raw"]').isChecked()),
    );
    await fill(root, 'list', inputs.list);
    await root.locator('[data-field="format"] input[value="raw"]').check();
    await fill(root, 'command', String(inputs.cmd));
    await root.locator('[data-field="flags"] select').selectOption('request');
    await fill(root, 'reqid', '0x1234');
    await fill(root, 'packet-id', '0x1235');
    await fill(root, 'iv', '0xdeadbeef');
    await fill(root, 'in-reply-to', '0x1676');
    await fill(root, 'source-ip', inputs.srcIp);
    await fill(root, 'destination-ip', inputs.dstIp);
    const single = expectedDatagrams(inputs);
    const singleHex = single.datagrams.map(bytesToHex).join(' ');
    await waitForOutput(root, 'datagrams', singleHex);
    const seed = seedToHex((udpCrcSeed(inputs.srcIp, inputs.dstIp, inputs.packetId) ^ inputs.iv) >>> 0);
    check(
      'packet-pipeline: our list, command and addresses give the library\'s obfuscateUdp datagram',
      (await outputValue(root, 'datagrams')) === singleHex &&
        (await outputValue(root, 'datagram-count')) === '1' &&
        (await outputValue(root, 'plaintext')) === bytesToHex(single.plaintext) &&
        (await outputValue(root, 'seed')) === seed,
      `${await outputValue(root, 'datagrams')} vs ${singleHex}`,
    );

    // 3. A large list: 3000 bytes of padding need fragments; they reassemble to the plaintext.
    const large = {...inputs, pad: 3000};
    await fill(root, 'pad', '3000');
    const fragments = expectedDatagrams(large);
    const fragmentsHex = fragments.datagrams.map(bytesToHex).join(' ');
    await waitForOutput(root, 'datagrams', fragmentsHex);
    const shownHex = (await outputValue(root, 'datagrams')) ?? '';
    const shown = shownHex.split(' ').filter(Boolean).map(hexToBytes);
    check(
      `packet-pipeline: a list of ${fragments.plaintext.length} plaintext bytes gives the library's ${fragments.datagrams.length} fragments`,
      shownHex === fragmentsHex && (await outputValue(root, 'datagram-count')) === String(fragments.datagrams.length) && fragments.datagrams.length >= 2,
    );
    let reassembled = '';
    try {
      const parts = shown.map((bytes) => {
        const {datagram, plaintext, crcOk} = deobfuscateUdp(bytes, {srcIp: large.srcIp, dstIp: large.dstIp}, teachingKeyEngine);
        if (datagram.kind !== 'fragment' || !crcOk) throw new Error('not a fragment with a good CRC');
        return {index: datagram.index, last: datagram.last, plaintext};
      });
      reassembled = bytesToHex(reassembleFragments(parts.reverse()));
    } catch (error) {
      reassembled = String(error);
    }
    check('packet-pipeline: the shown fragments decrypt and reassemble to the shown plaintext', reassembled === (await outputValue(root, 'plaintext')) && reassembled === bytesToHex(fragments.plaintext));

    // 4. Download .pcap: the file's UDP payloads are the shown datagrams, with the ports of the fields.
    await fill(root, 'source-port', '33033');
    await fill(root, 'destination-port', '34044');
    const button = root.locator('[data-action="download-pcap"]');
    await button.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const file = new Uint8Array(readFileSync(await download.path()));
    // The library reads the file back: classic pcap, Ethernet, one IPv4/UDP frame a datagram.
    const records = readPcap(file);
    check(
      `packet-pipeline: the download is ${download.suggestedFilename()}, a pcap the library reads back as the ${records.length} shown datagrams`,
      download.suggestedFilename() === 'skype-pipeline.pcap' &&
        records.length === shown.length &&
        records.every((record, index) => bytesToHex(record.payload) === bytesToHex(shown[index]) && record.srcPort === 33033 && record.dstPort === 34044),
    );

    // 5. Bad input: each field's alert says what and where, and the last datagrams stay.
    const badInputs = [
      ['source-port', '70000', /Source UDP port/],
      ['destination-port', '0', /Destination UDP port: 0 is not a port/],
      ['list', '42 zz', /character 4/],
      ['command', '0x20000000', /Command number/],
      ['reqid', '70000', /Request id/],
      ['source-ip', '10.0.0', /4 numbers/],
      ['packet-id', 'abc', /Packet id/],
      ['iv', '0x1ffffffff', /IV/],
      ['pad', '20001', /Pad/],
    ];
    for (const [name, value, pattern] of badInputs) {
      const before = root.locator(`[data-field="${name}"] input, [data-field="${name}"] textarea`).first();
      const good = await before.inputValue();
      await fill(root, name, value);
      await page.waitForTimeout(150);
      const alerts = await alertTexts(root);
      check(`packet-pipeline: ${name} "${value}" raises an alert (${alerts.join(' | ').slice(0, 160)})`, alerts.some((text) => pattern.test(text)));
      check(`packet-pipeline: the last datagrams stay while ${name} is bad`, (await outputValue(root, 'datagrams')) === fragmentsHex);
      if (name.endsWith('port')) check(`packet-pipeline: no download while ${name} is bad`, await button.isDisabled());
      await fill(root, name, good);
    }
    await waitForOutput(root, 'datagrams', fragmentsHex);

    // 6. Back: the forward output reads back with the CRC ok, to the list that was sent.
    await root.locator('[data-field="direction"] input[value="back"]').check();
    await waitForOutput(root, 'crc-check', 'ok');
    check(
      'packet-pipeline: back on the forward output: CRC ok and the decoded list is the encoded one',
      (await outputValue(root, 'crc-check')) === 'ok' && (await outputValue(root, 'decoded-list')) === bytesToHex(fragments.params),
    );
    const lines = (await root.locator('[data-field="datagrams"] textarea').inputValue()).split('\n');
    await fill(root, 'datagrams', [lines[0], ...lines.slice(2)].join('\n'));
    await page.waitForTimeout(150);
    check('packet-pipeline: a missing fragment is named in an alert', (await alertTexts(root)).some((text) => /fragment 1 is missing/.test(text)));
    await fill(root, 'datagrams', lines.join('\n'));
    await fill(root, 'source-ip', '10.0.0.9');
    await waitForOutput(root, 'crc-check', 'mismatch');
    check('packet-pipeline: wrong addresses give a CRC mismatch', (await outputValue(root, 'crc-check')) === 'mismatch');

    const violations = await seriousAxeViolations(page);
    check('packet-pipeline: axe finds no serious or critical violations after interaction', violations.length === 0, describeViolations(violations));
    check(`packet-pipeline: nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);
  } finally {
    await browser.close();
  }
}
