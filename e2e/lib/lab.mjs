// Helpers for the lab widgets' browser tests: their inputs are LabFields (data-field="<name>"),
// their results elements with data-output="<name>" and a canonical data-value.
import {readFileSync} from 'node:fs';

/** The sample traffic, read as data (the tests compute expected values with the library from it). */
export const sampleTraffic = JSON.parse(readFileSync(new URL('../../src/data/sample-traffic.json', import.meta.url), 'utf8'));

export const widget = (page, name) => page.locator(`[data-widget="${name}"]`).first();

/** Types `value` into the widget's field `name`, replacing what is there. */
export async function fill(root, name, value) {
  const input = root.locator(`[data-field="${name}"] input, [data-field="${name}"] textarea`).first();
  await input.fill(value);
}

export async function outputValue(root, name) {
  return root.locator(`[data-output="${name}"]`).first().getAttribute('data-value');
}

/** Waits until output `name` has `expected` as its value; resolves with the last value seen. */
export async function waitForOutput(root, name, expected, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  let value;
  do {
    value = await outputValue(root, name).catch(() => undefined);
    if (value === expected) return value;
    await root.page().waitForTimeout(50);
  } while (Date.now() < deadline);
  return value;
}

/** The text of the widget's alerts that say something. */
export async function alertTexts(root) {
  const texts = await root.getByRole('alert').allInnerTexts();
  return texts.map((text) => text.trim()).filter(Boolean);
}

/** Collects console messages and page errors of `page`, for "nothing was written to the console". */
export function watchConsole(page) {
  const messages = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return messages;
}
