// The local search: the navbar's light input hands over to the real search bar, which finds
// chapters from the index built into the site (no network).
export async function run({baseUrl, check, launchBrowser}) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(baseUrl + '/docs/introduction', {waitUntil: 'networkidle'});
    const input = page.getByRole('searchbox', {name: 'Search'}).or(page.getByRole('combobox', {name: 'Search'})).first();
    await input.click();
    await page.keyboard.type('keystream', {delay: 40});
    // The plain input hands over to the real search bar while the reader types; no keystroke is lost.
    const searchValue = () => page.evaluate(() => document.activeElement instanceof HTMLInputElement ? document.activeElement.value : null);
    check('every letter typed during the handover reaches the search bar', (await searchValue()) === 'keystream', String(await searchValue()));
    const options = page.locator('[role=listbox] [role=option]');
    // The list follows each keystroke: wait for the results of the whole word, not of a prefix.
    await options.filter({hasText: /keystream/i}).first().waitFor({timeout: 15000}).catch(() => {});
    const texts = await options.allInnerTexts();
    check('typing in the search box lists matching sections', texts.some((text) => /keystream/i.test(text)), texts.slice(0, 5).join(' | '));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith('/docs/'), {timeout: 15000});
    check('Enter opens the first result', page.url().includes('/docs/'), page.url());

    await page.goto(baseUrl + '/docs/obfuscation', {waitUntil: 'networkidle'});
    // The shortcut is listened for once the page has hydrated; a busy machine may take a while.
    await page.locator('html[data-has-hydrated="true"]').waitFor({state: 'attached', timeout: 15000});
    const searchHasFocus = () => page.evaluate(() => document.activeElement?.matches('input.navbar__search-input') ?? false);
    for (let attempt = 0; attempt < 5 && !(await searchHasFocus()); attempt++) {
      await page.keyboard.press('Control+k');
      await page.waitForTimeout(200);
    }
    await page.keyboard.type('range coder', {delay: 40});
    await options.first().waitFor({timeout: 15000});
    check('Ctrl+K focuses search and finds the compression chapter', (await options.allInnerTexts()).some((text) => /range/i.test(text)));
  } finally {
    await browser.close();
  }
}
