// Every page of the site, in light and dark mode: no console errors, no failed or foreign requests,
// no serious or critical axe violations, and every internal link and #fragment resolves.
import {seriousAxeViolations, describeViolations} from '../lib/axe.mjs';
import {anchorsInHtml, classifyLinks, isForeignRequest, pathsFromSitemap} from '../lib/site.mjs';

/** Loads a page and records everything that goes wrong while it loads and settles. */
async function visit(context, baseUrl, path) {
  const page = await context.newPage();
  const problems = {consoleErrors: [], failedRequests: [], foreignRequests: []};
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    if (isForeignRequest(request.url(), baseUrl)) problems.foreignRequests.push(request.url());
  });
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  await page.goto(baseUrl + path, {waitUntil: 'load'});
  await page.waitForLoadState('networkidle');
  // Diagrams are drawn when scrolled into view: scroll through the page, then wait for every one
  // so that axe sees the final page.
  await page.evaluate(async () => {
    for (let top = 0; top < document.documentElement.scrollHeight; top += 500) {
      window.scrollTo(0, top);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(
    () =>
      // Every diagram drawn: its text form hidden, its container holding the picture.
      [...document.querySelectorAll('[data-diagram-pending]')].every((text) => !text.checkVisibility()) &&
      [...document.querySelectorAll('.docusaurus-mermaid-container')].every((container) => container.querySelector('svg')),
  );
  return {page, problems};
}

export async function run({baseUrl, check, launchBrowser}) {
  const sitemap = await (await fetch(baseUrl + '/sitemap.xml')).text();
  const paths = pathsFromSitemap(sitemap);
  check(`the sitemap lists pages (${paths.length})`, paths.length >= 14, paths.join(' '));

  const linkTargets = new Map(); // path -> Set of fragments, with the page that links there
  for (const colorScheme of ['light', 'dark']) {
    const browser = await launchBrowser({colorScheme});
    try {
      for (const path of paths) {
        const {page, problems} = await visit(browser.context, baseUrl, path);
        const label = `${path} [${colorScheme}]`;
        check(`${label}: no console errors`, problems.consoleErrors.length === 0, problems.consoleErrors.join('\n     '));
        check(`${label}: no failed requests`, problems.failedRequests.length === 0, problems.failedRequests.join('\n     '));
        check(`${label}: no requests to other hosts`, problems.foreignRequests.length === 0, problems.foreignRequests.join('\n     '));
        const theme = await page.evaluate(() => document.documentElement.dataset.theme);
        check(`${label}: renders in ${colorScheme} mode`, theme === colorScheme, `data-theme is ${theme}`);
        const violations = await seriousAxeViolations(page);
        check(`${label}: no serious or critical axe violations`, violations.length === 0, describeViolations(violations));
        if (colorScheme === 'light') {
          const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
          const links = classifyLinks(hrefs, page.url(), baseUrl);
          check(`${label}: no links with unusable schemes`, links.other.length === 0, links.other.join(' '));
          for (const {path: target, fragment} of links.internal) {
            if (!linkTargets.has(target)) linkTargets.set(target, new Map());
            if (fragment) linkTargets.get(target).set(fragment, path);
          }
        }
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }

  const broken = [];
  for (const [target, fragments] of linkTargets) {
    const response = await fetch(baseUrl + target);
    if (!response.ok) {
      broken.push(`${target} answers HTTP ${response.status}`);
      continue;
    }
    const anchors = anchorsInHtml(await response.text());
    for (const [fragment, source] of fragments) {
      if (!anchors.has(fragment)) broken.push(`${target}#${fragment} (linked from ${source}) has no such anchor`);
    }
  }
  check(`every internal link and anchor resolves (${linkTargets.size} targets)`, broken.length === 0, broken.join('\n     '));
}
