// Page weight: builds the site (timed, from a clean cache) and the bare Docusaurus template from the
// installed create-docusaurus package, then loads every page in Chromium and prints the JavaScript
// and CSS each page loads before any interaction, in gzip bytes.
//
// A page's JavaScript is split into its own text (the compiled MDX chunk, which grows with the
// chapter) and everything else (the framework, which the site controls). Goal: a chapter page
// without widgets or diagrams drawn at load brings no more framework JavaScript than the template's
// docs page does; both totals are printed too.
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
export async function measurePage(context, url) {
  const page = await context.newPage();
  const loaded = {js: {raw: 0, gzip: 0, files: 0}, css: {raw: 0, gzip: 0, files: 0}, contentGzip: 0};
  const pending = [];
  const onResponse = (response) => {
    const request = response.request();
    const headers = request.headers();
    if (headers['sec-purpose']?.includes('prefetch') || headers.purpose === 'prefetch') return;
    const kind = request.resourceType() === 'script' ? 'js' : request.resourceType() === 'stylesheet' ? 'css' : null;
    if (!kind) return;
    pending.push(
      response.body().then((body) => {
        const gzip = gzipSync(body).length;
        loaded[kind].raw += body.length;
        loaded[kind].gzip += gzip;
        loaded[kind].files += 1;
        // A compiled chapter carries its own metadata (source file, folder, …) as JSON.
        if (kind === 'js' && body.includes('"sourceDirName"')) loaded.contentGzip += gzip;
      }).catch(() => undefined), // a response still arriving when the page closes is not part of the load
    );
  };
  page.on('response', onResponse);
  await page.goto(url, {waitUntil: 'networkidle'});
  page.off('response', onResponse);
  await Promise.all(pending);
  const widgets = await page.locator('[data-widget]').count();
  const diagrams = await page.locator('.docusaurus-mermaid-container').count();
  await page.close();
  return {...loaded, widgets, diagrams, frameworkGzip: loaded.js.gzip - loaded.contentGzip};
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
    console.log(
      `bare template /docs/intro: JS ${kilobytes(template.js.gzip)} KB gzip (${template.js.files} files, of which its text ${kilobytes(template.contentGzip)} KB), CSS ${kilobytes(template.css.gzip)} KB gzip`,
    );
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

  console.log('\nall figures KB gzip; ratios against the template docs page\'s total JS');
  console.log('page                              JS total  of which text  framework  files  CSS  widgets diagrams  total ratio  framework ratio');
  const ratio = (value) => (template ? (value / template.js.gzip).toFixed(2) : '-');
  for (const row of rows) {
    console.log(
      `${row.path.padEnd(32)}${kilobytes(row.js.gzip).padStart(10)}${kilobytes(row.contentGzip).padStart(15)}${kilobytes(row.frameworkGzip).padStart(11)}` +
        `${String(row.js.files).padStart(7)}${kilobytes(row.css.gzip).padStart(6)}${String(row.widgets).padStart(9)}${String(row.diagrams).padStart(9)}` +
        `${ratio(row.js.gzip).padStart(13)}${ratio(row.frameworkGzip).padStart(17)}`,
    );
  }
  if (template) {
    const plainChapters = rows.filter((row) => row.path.startsWith('/docs/') && row.widgets === 0 && row.diagrams === 0);
    const heaviest = plainChapters.reduce((max, row) => (row.frameworkGzip > max.frameworkGzip ? row : max), plainChapters[0]);
    const ok = heaviest.frameworkGzip <= template.frameworkGzip;
    if (!ok) results.goalsFailed++;
    console.log(
      `\n${ok ? 'PASS' : 'FAIL'} goal: a chapter page without widgets or diagrams at load brings no more framework JS than the bare template's docs page — ` +
        `heaviest ${heaviest.path} ${kilobytes(heaviest.frameworkGzip)} KB (+ ${kilobytes(heaviest.contentGzip)} KB of its own text) ` +
        `vs template ${kilobytes(template.frameworkGzip)} KB (+ ${kilobytes(template.contentGzip)} KB), ratio ${(heaviest.frameworkGzip / template.frameworkGzip).toFixed(3)} ` +
        `(${plainChapters.length} such pages; ${rows.length - plainChapters.length} others listed above)`,
    );
  }
  return results;
}
