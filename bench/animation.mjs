// The network lab's animations in Chromium, against the site build: while an animation plays, no task
// may run over 50 ms (long tasks, from a PerformanceObserver). Each animation plays from its first
// step for 4 s at the player's default speed and again at its fastest, where every frame draws a new
// step. Peer, in the same page and for the same time: a bare requestAnimationFrame loop that moves
// one SVG circle.
import {launchBrowser, startServer} from '../e2e/lib/harness.mjs';
import {createGoals} from './goals.mjs';

const LONG_TASK_LIMIT_MS = 50;
const PLAY_MS = 4_000;

function scenarios() {
  return [
    {page: '/docs/nat-and-relaying', widget: 'nat-traversal', query: '?nat.caller=symmetric&nat.callee=port-restricted-cone&nat.policy=hole-punching', what: 'symmetric NAT calls port-restricted NAT, hole punching then relay'},
    {page: '/docs/nat-and-relaying', widget: 'nat-traversal', query: '?nat.policy=skype-2004', what: 'the default pair as Skype 0.97 did it'},
    {page: '/docs/network-architecture', widget: 'supernode-overlay', query: '?overlay.condition=everything-blocked', what: 'login with everything blocked: five rounds of fallbacks'},
    {page: '/docs/network-architecture', widget: 'supernode-overlay', query: '?overlay.view=search', what: 'a user search walking the overlay'},
  ];
}

/**
 * In the page: records long tasks and frame gaps until `stop()` is called; returns them.
 * Frame gaps come from requestAnimationFrame, which the animation also uses.
 */
function startRecording(page) {
  return page.evaluate(() => {
    const record = {longTasks: [], frameGaps: []};
    const observer = new PerformanceObserver((list) => record.longTasks.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({type: 'longtask'});
    let previous = performance.now();
    let running = true;
    const onFrame = (now) => {
      record.frameGaps.push(now - previous);
      previous = now;
      if (running) requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
    window.__benchStop = () => {
      running = false;
      observer.disconnect();
      return record;
    };
  });
}

const stopRecording = (page) => page.evaluate(() => window.__benchStop());

/**
 * Plays the widget's animation from its first step at the chosen speed for PLAY_MS: again from the
 * start whenever it reaches the end, and paused where it is when the time is up.
 */
async function playAnimation(page, root, speedChoice) {
  const widgetName = await root.getAttribute('data-widget');
  const player = root.locator('[data-widget="step-player"]').first();
  const speed = player.locator('select').first();
  const speeds = await speed.locator('option').evaluateAll((options) => options.map((option) => option.value));
  const chosen = speedChoice === 'fastest' ? speeds.at(-1) : await speed.inputValue();
  await speed.selectOption(chosen);
  const lastStep = Number(await player.locator('input[type="range"]').first().getAttribute('max'));
  const atLastStep = () =>
    page.evaluate(([name, last]) => document.querySelector(`[data-widget="${name}"] [data-widget="step-player"]`)?.getAttribute('data-step') === String(last), [widgetName, lastStep]);
  await startRecording(page);
  const started = Date.now();
  let plays = 0;
  while (Date.now() - started < PLAY_MS) {
    await player.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    plays++;
    while (Date.now() - started < PLAY_MS && !(await atLastStep())) await page.waitForTimeout(50);
  }
  if (!(await atLastStep())) await page.keyboard.press('Space');
  const record = await stopRecording(page);
  return {...record, steps: lastStep + 1, speed: chosen, plays, seconds: (Date.now() - started) / 1000};
}

/** The peer: one SVG circle moved every frame for `durationMs`, in the same page. */
async function playPeer(page, durationMs) {
  await startRecording(page);
  await page.evaluate(
    (duration) =>
      new Promise((resolve) => {
        const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        svg.setAttribute('width', '300');
        svg.setAttribute('height', '40');
        const circle = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
        circle.setAttribute('r', '6');
        circle.setAttribute('cy', '20');
        svg.append(circle);
        document.body.append(svg);
        const started = performance.now();
        const move = (now) => {
          circle.setAttribute('cx', String(((now - started) / 10) % 300));
          if (now - started < duration) requestAnimationFrame(move);
          else {
            svg.remove();
            resolve();
          }
        };
        requestAnimationFrame(move);
      }),
    durationMs,
  );
  return stopRecording(page);
}

const percentile = (values, fraction) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
};
const longestText = (tasks) => (tasks.length === 0 ? 'none over 50 ms' : `longest ${Math.max(...tasks).toFixed(0)} ms (${tasks.length} over 50 ms)`);

/** @param {string[]} [widgets] the widgets to measure; all when empty */
export async function run(widgets = []) {
  const {results, goal} = createGoals();
  const server = await startServer(process.env.BUILD_DIR ?? 'build');
  const browser = await launchBrowser();
  try {
    for (const scenario of scenarios().filter((scenario) => widgets.length === 0 || widgets.includes(scenario.widget))) {
      const page = await browser.context.newPage();
      await page.goto(server.baseUrl + scenario.page + scenario.query, {waitUntil: 'networkidle'});
      const root = page.locator(`[data-widget="${scenario.widget}"]`).first();
      await root.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      for (const speedChoice of ['default', 'fastest']) {
        const played = await playAnimation(page, root, speedChoice);
        const peer = await playPeer(page, played.seconds * 1000);
        const p95 = percentile(played.frameGaps, 0.95);
        const peerP95 = percentile(peer.frameGaps, 0.95);
        console.log(
          `${scenario.widget} (${scenario.what}), ${played.steps} steps at ${played.speed} a second, ${played.plays} play(s) from the first step in ${played.seconds.toFixed(1)} s: ` +
            `${longestText(played.longTasks)}; frame gap p95 ${p95.toFixed(1)} ms. Peer (one SVG circle moved each frame): ${longestText(peer.longTasks)}; ` +
            `frame gap p95 ${peerP95.toFixed(1)} ms; ratio ${(p95 / peerP95).toFixed(2)}`,
        );
        const longest = Math.max(0, ...played.longTasks);
        goal(`${scenario.widget}: no task over ${LONG_TASK_LIMIT_MS} ms while playing at ${played.speed} steps a second (${longestText(played.longTasks)})`, longest <= LONG_TASK_LIMIT_MS);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {goalsFailed} = await run(process.argv.slice(2));
  process.exitCode = goalsFailed ? 1 : 0;
}
