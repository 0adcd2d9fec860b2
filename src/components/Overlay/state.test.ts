import {describe, expect, it} from 'vitest';
import {buildOverlay, simulateLogin, simulateSearch} from '@site/src/simulations/overlay';
import {OVERLAY_DEFAULT_INPUTS, loginFrames, readCondition, readEra, readStep, readView, searchFrames} from './state';
import {describeHostCacheStage, describeLoginStep, describeSearchStep, measuredValue} from './text';


describe('the overlay widget’s address inputs', () => {
  it('pins the defaults: the login view of a public address, the original era, seed 2004, step 0', () => {
    expect(OVERLAY_DEFAULT_INPUTS).toEqual({view: 'login', condition: 'public', era: 'original', seed: '2004', step: '0'});
  });

  it('reads known names and falls back on unknown ones', () => {
    expect(readView('search')).toBe('search');
    expect(readView('map')).toBe('login');
    expect(readCondition('everything-blocked')).toBe('everything-blocked');
    expect(readCondition('dial-up')).toBe('public');
    expect(readEra('microsoft-2012')).toBe('microsoft-2012');
    expect(readEra('2014')).toBe('original');
  });

  it('reads a step as a whole decimal number, anything else as 0', () => {
    expect(readStep('12')).toBe(12);
    expect(readStep(' 3 ')).toBe(3);
    for (const text of ['', '-1', '2.5', 'abc', '0x10', '1e3']) expect(readStep(text)).toBe(0);
  });
});

describe('loginFrames', () => {
  it('follows the packets of the firewall-to-port-80 login and marks the connection open from the step it opens', () => {
    const run = simulateLogin({condition: 'tcp-80-443-only', seed: 0});
    const frames = loginFrames(run);
    expect(frames.map((frame) => [frame.target, frame.transport, frame.port, frame.result, frame.connected])).toEqual([
      [null, null, '33033', 'chosen', false],
      ['supernode', 'udp', '33033', 'blocked', false],
      ['supernode', 'udp', '33033', 'no-reply', false],
      ['supernode', 'tcp', '33033', 'blocked', false],
      ['supernode', 'tcp', '80', 'connected', true],
      ['login-server', null, '33033', 'not-in-sources', true],
    ]);
  });

  it('draws a UDP reply coming back to the client', () => {
    const frames = loginFrames(simulateLogin({condition: 'public', seed: 0}));
    expect(frames[2]).toMatchObject({target: 'supernode', direction: 'in', result: 'answered'});
    expect(frames.filter((frame) => frame.direction === 'in')).toHaveLength(1);
  });
});

describe('searchFrames', () => {
  it('settles each probed node into "not known" and ends with one node that knows', () => {
    const overlay = buildOverlay({seed: 2004});
    const run = simulateSearch({overlay, condition: 'public', seed: 2004});
    const frames = searchFrames(run);
    expect(frames).toHaveLength(run.steps.length);
    expect(frames[0]).toMatchObject({supernode: 'current', line: {to: 'supernode', transport: 'tcp'}});
    const last = frames.at(-1)!;
    expect(last.found).toBe(true);
    const knowing = [last.supernode, ...last.nodes].filter((state) => state === 'knows');
    expect(knowing).toHaveLength(1);
    const probed = run.steps.filter((step) => step.what === 'probe').length;
    expect(last.nodes.filter((state) => state === 'not-known' || state === 'knows')).toHaveLength(probed);
    // At most one node is being asked at any step.
    for (const frame of frames) expect([frame.supernode, ...frame.nodes].filter((state) => state === 'current').length).toBeLessThanOrEqual(1);
  });

  it('behind a firewall the supernode alone answers', () => {
    const run = simulateSearch({overlay: buildOverlay({seed: 9}), condition: 'udp-blocking-firewall', seed: 9});
    const frames = searchFrames(run);
    expect(frames.at(-1)).toMatchObject({supernode: 'knows', found: true});
    expect(frames.at(-1)!.nodes.every((state) => state === 'waiting')).toBe(true);
  });
});

describe('the step descriptions', () => {
  it('give the model time, the attempt and the address of each login step', () => {
    const run = simulateLogin({condition: 'everything-blocked', seed: 0});
    const lines = run.steps.map((step) => describeLoginStep(step, 5, run.firstLogin));
    expect(lines[0]).toMatch(/^t = 0 s, attempt 1 of 5: first login: the empty host cache gets the 7 bootstrap supernodes; the login tries \d+\.\d+\.\d+\.\d+:33033$/);
    expect(lines[2]).toBe('t = 5 s, attempt 1 of 5: no UDP reply within 5 s');
    expect(lines[6]).toBe('t = 11 s, attempt 1 of 5: no TCP connection: wait 6 s and try again');
    expect(lines.at(-1)).toBe('t = 49 s, attempt 5 of 5: no TCP connection to a supernode after 5 attempts: login failed');
  });

  it('count the host cache and the search', () => {
    const overlay = buildOverlay({seed: 1});
    expect(describeHostCacheStage({kind: 'install', entries: [], from: null, offered: 0, added: 0, duplicates: 0, dropped: 0, description: ''}, 200)).toBe(
      'After installation: the host cache is empty (0 of 200).',
    );
    const search = simulateSearch({overlay, condition: 'public', seed: 1});
    expect(describeSearchStep(search.steps.at(-1)!, search.target.id)).toBe(`${search.target.id} found: ${search.outcome.nodesContacted} nodes contacted.`);
  });

  it('write the measured time canonically', () => {
    expect(measuredValue(null)).toBe('none');
    expect(measuredValue({setup: '', minimumSeconds: 3, maximumSeconds: 7, approximate: false, udpProbedEntries: null})).toBe('3-7');
    expect(measuredValue({setup: '', minimumSeconds: 34, maximumSeconds: 34, approximate: true, udpProbedEntries: 30})).toBe('34');
  });
});
