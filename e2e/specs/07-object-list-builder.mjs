// The object-list builder in Chromium: a list built with the controls encodes as the library encodes
// it, raw and compressed; its bytes decode back to the same tree; bad values raise alerts naming the
// object and field while the encoded bytes stay; examples load real lists; the keyboard adds objects.
import {bytesToHex, decodeObjectList, encodeObjectList, hexToBytes} from '../../src/protocol/index.ts';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {alertTexts, fill, outputValue, sampleTraffic, waitForOutput, watchConsole, widget} from '../lib/lab.mjs';

/** The builder's canonical form of a list (see src/components/ObjectListBuilder/canonical.ts), written anew here. */
function canonical(items) {
  return items.map(({type, id, value}) => {
    if (type === 1) return {type, id, value: value.toString()};
    if (type === 2) return {type, id, value: `${value.ip}:${value.port}`};
    if (type === 3 || type === 4) return {type, id, value: bytesToHex(value)};
    if (type === 5) return {type, id, value: canonical(value)};
    return {type, id, value};
  });
}

/** The input of field `field` of the object at path key `path` ('2.0'), not of its nested objects. */
const nodeField = (root, path, field) => root.locator(`[data-node="${path}"] > fieldset > [data-fields] > [data-field="${field}"]`).locator('input, textarea').first();

async function addObject(root, parent, type) {
  await root.locator(`[data-add-to="${parent}"] select`).first().selectOption(String(type));
  await root.locator(`[data-add-to="${parent}"] [data-action="add"]`).first().click();
}

const text = (value) => new TextEncoder().encode(value);

export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const consoleMessages = watchConsole(page);
    await page.goto(baseUrl + '/docs/object-lists', {waitUntil: 'networkidle'});
    const root = widget(page, 'object-list-builder');
    await root.scrollIntoViewIfNeeded();

    // 1. Build {0: 1481, 14: "vmlemon", 15: {0: 81.236.228.111:42764}} with the controls.
    await root.locator('[data-action="clear"]').click();
    await waitForOutput(root, 'object-count', '0');
    await addObject(root, '', 0);
    await nodeField(root, '0', 'value').fill('1481');
    await addObject(root, '', 3);
    await nodeField(root, '1', 'id').fill('14');
    await nodeField(root, '1', 'value').fill('vmlemon');
    await addObject(root, '', 5);
    await nodeField(root, '2', 'id').fill('15');
    await addObject(root, '2', 2);
    await nodeField(root, '2.0', 'ip').fill('81.236.228.111');
    await nodeField(root, '2.0', 'port').fill('42764');
    const items = [
      {type: 0, id: 0, value: 1481},
      {type: 3, id: 14, value: text('vmlemon')},
      {type: 5, id: 15, value: [{type: 2, id: 0, value: {ip: '81.236.228.111', port: 42764}}]},
    ];
    await root.locator('[data-field="format"] input[value="raw"]').check();
    const raw = bytesToHex(encodeObjectList(items, 'raw'));
    check(`object-list builder: the list built encodes raw as the library does (${await waitForOutput(root, 'encoded', raw)})`, (await outputValue(root, 'encoded')) === raw);
    check('object-list builder: it counts 3 top-level objects', (await outputValue(root, 'object-count')) === '3');
    await root.locator('[data-field="format"] input[value="compressed"]').check();
    const compressed = bytesToHex(encodeObjectList(items, 'compressed'));
    check(`object-list builder: and compressed too (${await waitForOutput(root, 'encoded', compressed)})`, (await outputValue(root, 'encoded')) === compressed);

    // 2. Hovering an object highlights its bytes.
    await root.locator('[data-node="1"] > fieldset > legend').hover();
    await page.waitForTimeout(200);
    const highlighted = await root.locator('[data-widget="hex-view"] [role="gridcell"][aria-label$="highlighted"]').count();
    check(`object-list builder: hovering object 1 highlights bytes (${highlighted} cells)`, highlighted > 0);

    // 3. Round trip: the raw bytes, decoded, give the tree that was built.
    await root.locator('[data-field="format"] input[value="raw"]').check();
    await waitForOutput(root, 'encoded', raw);
    await root.locator('[data-field="mode"] input[value="decode"]').check();
    await fill(root, 'hex', raw);
    const expectedTree = JSON.stringify(canonical(items));
    const decodedTree = await waitForOutput(root, 'decoded-tree', expectedTree);
    check('object-list builder: decoding the encoded bytes gives back the tree built', decodedTree === expectedTree, decodedTree);
    check(
      "object-list builder: the decoded tree is the library's decode",
      decodedTree === JSON.stringify(canonical(decodeObjectList(hexToBytes(raw)).items)),
    );

    // 4. Bad bytes to decode: an alert at the failing byte, which is highlighted; the last tree stays.
    await fill(root, 'hex', '41 02 00 00 c9');
    await page.waitForTimeout(200);
    const truncated = await alertTexts(root);
    check(`object-list builder: a truncated list raises an alert naming byte 5 (${truncated.join(' | ')})`, truncated.some((message) => /byte 5/.test(message)));
    const marked = await root.locator('[data-widget="hex-view"] [role="gridcell"][aria-label$="highlighted"]').count();
    check(`object-list builder: the failing byte is highlighted (${marked} cells)`, marked === 1);
    check('object-list builder: the last decoded tree stays during bad input', (await outputValue(root, 'decoded-tree')) === expectedTree);

    // 5. A bad port and a bad blob raise alerts that name the object; the encoded bytes stay.
    await root.locator('[data-field="mode"] input[value="build"]').check();
    await waitForOutput(root, 'encoded', raw);
    await nodeField(root, '2.0', 'port').fill('70000');
    await page.waitForTimeout(200);
    const portAlerts = await alertTexts(root);
    check(`object-list builder: port 70000 raises an alert naming object 2 › 0 (${portAlerts.join(' | ')})`, portAlerts.some((message) => /object 2 › 0, port/.test(message) && /70000/.test(message)));
    check('object-list builder: the encoded bytes stay while the port is bad', (await outputValue(root, 'encoded')) === raw);
    await nodeField(root, '2.0', 'port').fill('42764');
    await waitForOutput(root, 'encoded', raw);
    await addObject(root, '', 4);
    const withBlob = bytesToHex(encodeObjectList([...items, {type: 4, id: 16, value: new Uint8Array()}], 'raw'));
    await waitForOutput(root, 'encoded', withBlob);
    await nodeField(root, '3', 'value').fill('c4 zz');
    await page.waitForTimeout(200);
    const blobAlerts = await alertTexts(root);
    check(`object-list builder: bad blob hex raises an alert naming object 3 (${blobAlerts.join(' | ')})`, blobAlerts.some((message) => /object 3, blob/.test(message) && /"z"/.test(message)));
    check('object-list builder: the encoded bytes stay while the blob is bad', (await outputValue(root, 'encoded')) === withBlob);
    await nodeField(root, '3', 'value').fill('c4 01');
    const fixedBlob = bytesToHex(encodeObjectList([...items, {type: 4, id: 16, value: Uint8Array.of(0xc4, 0x01)}], 'raw'));
    check('object-list builder: a fixed blob encodes', (await waitForOutput(root, 'encoded', fixedBlob)) === fixedBlob);

    // 6. The keyboard adds an object and moves the focus to its id.
    await root.locator('[data-add-to=""] [data-action="add"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
    const focusedNode = await page.evaluate(() => document.activeElement?.closest('[data-node]')?.getAttribute('data-node') ?? null);
    const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);
    check(`object-list builder: Enter on "Add object" adds object 4 and focuses its id (${focusedNode}, ${focusedName})`, focusedNode === '4' && focusedName === 'id');

    // 7. Nesting deeper than the library takes raises an alert that says where.
    await root.locator('[data-action="clear"]').click();
    let parent = '';
    for (let depth = 0; depth <= 32; depth++) {
      await addObject(root, parent, 5);
      parent = parent === '' ? '0' : `${parent}.0`;
    }
    await page.waitForTimeout(200);
    const nesting = await alertTexts(root);
    check(`object-list builder: 33 nested lists raise a nesting alert (${nesting.join(' | ').slice(0, 200)})`, nesting.some((message) => /nesting deeper than 32 levels/.test(message)));

    // 8. Examples: a raw one re-encodes byte for byte; a compressed one decodes to the same objects.
    await root.locator('[data-field="example"] select').selectOption('slide-61-cmd-6');
    check('object-list builder: the slide 61 example encodes as 41 02 00 00 c9 01 00 05 64 (protocol.md §7.1)', (await waitForOutput(root, 'encoded', '41020000c901000564')) === '41020000c901000564');
    const frame372 = sampleTraffic.udp_payload_packets.packets.find((packet) => packet.origin.includes('frame 372')).expected.commands[0].params_hex;
    await root.locator('[data-field="example"] select').selectOption('frame-372-cmd-14');
    await waitForOutput(root, 'object-count', '2');
    const exampleEncoded = await outputValue(root, 'encoded');
    check(
      `object-list builder: the frame 372 example encodes to a list of the same objects (${exampleEncoded})`,
      JSON.stringify(canonical(decodeObjectList(hexToBytes(exampleEncoded)).items)) === JSON.stringify(canonical(decodeObjectList(hexToBytes(frame372)).items)),
      `captured ${frame372}`,
    );

    // A teacher's link: the bytes in the address open the decoder on them.
    const linkPage = await browser.context.newPage();
    await linkPage.goto(`${baseUrl}/docs/object-lists?${new URLSearchParams({'ob.mode': 'decode', 'ob.hex': frame372})}#object-list-builder`, {waitUntil: 'networkidle'});
    const linked = widget(linkPage, 'object-list-builder');
    const linkedTree = JSON.stringify(canonical(decodeObjectList(hexToBytes(frame372)).items));
    check('object-list builder: a link with its inputs opens the same decoded list', (await waitForOutput(linked, 'decoded-tree', linkedTree)) === linkedTree);
    await linkPage.close();

    const violations = await seriousAxeViolations(page);
    check('object-list builder: axe finds no serious or critical violations after interaction', violations.length === 0, describeViolations(violations));
    check(`object-list builder: nothing was written to the console (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);
  } finally {
    await browser.close();
  }
}
