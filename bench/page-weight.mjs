// Page weight: builds the site (timed, from a clean cache) and the bare Docusaurus template from the
// installed create-docusaurus package, then loads every page in Chromium and prints the JavaScript
// and CSS each page loads before any interaction, in gzip bytes. Goal: a chapter page without
// widgets loads no more JavaScript than the template's docs page.
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, rmSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {launchBrowser, startServer} from '../e2e/lib/harness.mjs';
import {pathsFromSitemap} from '../e2e/lib/site.mjs';

const DOCUSAURUS = 'node_modules/@docusaurus/core/bin/docusaurus.mjs';
const TEMPLATE_DIR = '.bench/template';

function timedBuild(siteDir, outDir) {
  rmSync(`${siteDir}/.docusaurus`, {recursive: true, force: true});
  rmSync('node_modules/.cache', {recursive: true, force: true});
  const started = performance.now();
  const result = spawnSync(process.execPath, [DOCUSAURUS, 'build', siteDir, '--out-dir', outDir], {stdio: ['ignore', 'ignore', 'inherit']});
  if (result.status !== 0) throw new Error(`docusaurus build of ${siteDir} failed`);
  return (performance.now() - started) / 1000;
}

/** The template as `create-docusaurus classic --typescript` would write it, placed inside this
 * repository so that it builds with this project's installed Docusaurus. */
function prepareTemplate() {
  const templates = 'node_modules/create-docusaurus/templates';
  if (!existsSync(templates)) return false;
  rmSync(TEMPLATE_DIR, {recursive: true, force: true});
  cpSync(`${templates}/shared`, TEMPLATE_DIR, {recursive: true});
  cpSync(`${templates}/classic-typescript`, TEMPLATE_DIR, {recursive: true});
  return true;
}

/** Loads a page and sums what it fetched before any interaction (prefetches excluded). */
async function measurePage(context, url) {
  const page = await context.newPage();
  const loaded = {js: {raw: 0, gzip: 0, files: 0}, css: {raw: 0, gzip: 0, files: 0}};
  const pending = [];
  page.on('response', (response) => {
    const request = response.request();
    const headers = request.headers();
    if (headers['sec-purpose']?.includes('prefetch') || headers.purpose === 'prefetch') return;
    const kind = request.resourceType() === 'script' ? 'js' : request.resourceType() === 'stylesheet' ? 'css' : null;
    if (!kind) return;
    pending.push(
      response.body().then((body) => {
        loaded[kind].raw += body.length;
        loaded[kind].gzip += gzipSync(body).length;
        loaded[kind].files += 1;
      }),
    );
  });
  await page.goto(url, {waitUntil: 'networkidle'});
  await Promise.all(pending);
  const widgets = await page.locator('[data-widget]').count();
  await page.close();
  return {...loaded, widgets};
}

const kilobytes = (bytes) => (bytes / 1024).toFixed(1);

export async function run() {
  const results = {goalsFailed: 0};
  const siteSeconds = timedBuild('.', 'build');
  console.log(`build time (cold cache): ${siteSeconds.toFixed(1)} s`);

  let template = null;
  if (prepareTemplate()) {
    const templateSeconds = timedBuild(TEMPLATE_DIR, 'build');
    console.log(`bare Docusaurus template build time (cold cache): ${templateSeconds.toFixed(1)} s`);
    const server = await startServer(`${TEMPLATE_DIR}/build`);
    const browser = await launchBrowser();
    try {
      template = await measurePage(browser.context, server.baseUrl + '/docs/intro');
    } finally {
      await browser.close();
      server.stop();
    }
    console.log(`bare template /docs/intro: JS ${kilobytes(template.js.gzip)} KB gzip (${template.js.files} files), CSS ${kilobytes(template.css.gzip)} KB gzip`);
  } else {
    console.log('bare template: not measured (create-docusaurus is not installed)');
  }

  const server = await startServer('build');
  const browser = await launchBrowser();
  const rows = [];
  try {
    const paths = pathsFromSitemap(await (await fetch(server.baseUrl + '/sitemap.xml')).text());
    for (const path of paths) rows.push({path, ...(await measurePage(browser.context, server.baseUrl + path))});
  } finally {
    await browser.close();
    server.stop();
  }

  console.log('\npage                                        JS gzip KB  files  CSS gzip KB  widgets  vs template');
  for (const row of rows) {
    const ratio = template ? `${((row.js.gzip / template.js.gzip) * 100).toFixed(0)} %` : '-';
    console.log(
      `${row.path.padEnd(44)}${kilobytes(row.js.gzip).padStart(10)}${String(row.js.files).padStart(7)}${kilobytes(row.css.gzip).padStart(13)}${String(row.widgets).padStart(9)}${ratio.padStart(13)}`,
    );
  }
  if (template) {
    const plainChapters = rows.filter((row) => row.path.startsWith('/docs/') && row.widgets === 0);
    const heaviest = plainChapters.reduce((max, row) => (row.js.gzip > max.js.gzip ? row : max), plainChapters[0]);
    const ok = heaviest.js.gzip <= template.js.gzip;
    if (!ok) results.goalsFailed++;
    console.log(
      `\n${ok ? 'PASS' : 'FAIL'} goal: a chapter page without widgets loads no more JS than the bare template's docs page — ` +
        `heaviest ${heaviest.path} ${kilobytes(heaviest.js.gzip)} KB vs template ${kilobytes(template.js.gzip)} KB ` +
        `(ratio ${(heaviest.js.gzip / template.js.gzip).toFixed(2)}, ${plainChapters.length} pages without widgets)`,
    );
  }
  return results;
}
