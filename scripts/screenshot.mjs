// Screenshots of the built site, to look at pages as a reader would.
// Usage: node scripts/screenshot.mjs <path> <out.png> [light|dark] [width] [full]
import {launchBrowser, startServer} from '../e2e/lib/harness.mjs';

const [path = '/', output = 'screenshot.png', colorScheme = 'light', width = '1280', full = ''] = process.argv.slice(2);
const server = await startServer(process.env.BUILD_DIR ?? 'build');
const browser = await launchBrowser({colorScheme, viewport: {width: Number(width), height: Number(width) < 600 ? 800 : 900}});
try {
  const page = await browser.context.newPage();
  await page.goto(server.baseUrl + path, {waitUntil: 'networkidle'});
  await page.screenshot({path: output, fullPage: full === 'full'});
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  server.stop();
}
