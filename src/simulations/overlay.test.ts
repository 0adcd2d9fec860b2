import {describe, expect, it} from 'vitest';
import {
  HOST_CACHE_CAPACITY,
  LOGIN_CONDITIONS,
  OVERLAY_DEFAULTS,
  addToHostCache,
  bootstrapHostCache,
  buildOverlay,
  compareOverlayEras,
  overlayEraProfile,
  simulateHostCacheFill,
  simulateLogin,
  simulateSearch,
  type LoginRun,
  type LoginStep,
} from './overlay';

// Independent expectations, written from the sources rather than read from the code under test:
// Baset & Schulzrinne 2004 §4.2.1 Fig. 2 (5 s UDP wait, TCP to the entry's port, then 80, then 443,
// 6 s between 5 attempts), §4.2.3 (seven bootstrap supernodes on 33033), §2.2 (at most 200 entries),
// §4.3 (4 nodes, then 8); Silver Needle slides 83–84 (9 or 10 per slot, 8 slots a block); Ars
// Technica 2012 (48,000 → 10,000 supernodes, 800 → 4,100 clients each, room for 100,000).
const BOOTSTRAP = ['66.235.180.9:33033', '66.235.181.9:33033', '80.161.91.25:33033', '80.160.91.12:33033', '64.246.49.60:33033', '64.246.49.61:33033', '64.246.48.23:33033'];
const LOGIN_SERVER = '80.160.91.11';
const SEEDS = [0, 1, 2, 7, 42, 2004, 2006, 65535, 0xffffffff];

/** The steps of a run as "what transport port result", the shape Fig. 2 is written in. */
const shape = (run: LoginRun) => run.steps.map(({what, transport, to, result}: LoginStep) => [what, transport ?? '-', to?.split(':')[1] ?? '-', result].join(' '));

describe('buildOverlay (slots and blocks, Silver Needle slides 83–84)', () => {
  it.each(SEEDS)('seed %i: every slot holds 9 or 10 supernodes and every block 8 slots', (seed) => {
    const overlay = buildOverlay({seed});
    expect(overlay.slots).toHaveLength(64);
    expect(overlay.blocks).toHaveLength(8);
    for (const slot of overlay.slots) expect([9, 10]).toContain(slot.supernodeIds.length);
    for (const block of overlay.blocks) expect(block.slotIndexes).toHaveLength(8);
    expect(overlay.supernodes).toHaveLength(overlay.slots.reduce((sum, slot) => sum + slot.supernodeIds.length, 0));
    expect(overlay.supernodes.length).toBeGreaterThanOrEqual(64 * 9);
    expect(overlay.supernodes.length).toBeLessThanOrEqual(64 * 10);
  });

  it('gives each supernode its own public address from the RFC 5737 documentation ranges and a port', () => {
    const overlay = buildOverlay({seed: 2006});
    const addresses = overlay.supernodes.map((node) => node.ip);
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const {ip, port} of overlay.supernodes) {
      expect(ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.([1-9]\d?|1\d\d|2[0-4]\d|25[0-4])$/);
      expect(Number.isInteger(port) && port >= 1024 && port <= 65535).toBe(true);
    }
  });

  it('uses both slot sizes, attaches every client to a supernode of the overlay, and knows the login server', () => {
    const overlay = buildOverlay({seed: 2004});
    const sizes = new Set(overlay.slots.map((slot) => slot.supernodeIds.length));
    expect([...sizes].sort()).toEqual([10, 9].sort());
    const ids = new Set(overlay.supernodes.map((node) => node.id));
    expect(overlay.clients).toHaveLength(OVERLAY_DEFAULTS.clientCount);
    for (const client of overlay.clients) expect(ids.has(client.supernodeId)).toBe(true);
    expect(overlay.loginServer.ip).toBe(LOGIN_SERVER);
    expect(overlay.bootstrap.map(({ip, port}) => `${ip}:${port}`)).toEqual(BOOTSTRAP);
  });

  it('is deterministic per seed', () => {
    expect(buildOverlay({seed: 99})).toEqual(buildOverlay({seed: 99}));
    expect(buildOverlay({seed: 99})).not.toEqual(buildOverlay({seed: 100}));
  });

  it('refuses a bad seed, a slot count that is not a multiple of 8, or more slots than addresses', () => {
    expect(() => buildOverlay({seed: 1.5})).toThrow(/seed/);
    expect(() => buildOverlay({seed: -1})).toThrow(/seed/);
    expect(() => buildOverlay({seed: 1, slotCount: 12})).toThrow(/slotCount/);
    expect(() => buildOverlay({seed: 1, slotCount: 80})).toThrow(/slotCount/);
    expect(() => buildOverlay({seed: 1, clientCount: 0})).toThrow(/clientCount/);
    expect(buildOverlay({seed: 1, slotCount: 8}).blocks).toHaveLength(1);
  });
});

describe('the host cache (Baset §2.2, §4.2.3)', () => {
  it('starts empty after installation and holds the seven bootstrap supernodes after the first login', () => {
    const stages = simulateHostCacheFill({overlay: buildOverlay({seed: 1}), seed: 1});
    expect(stages[0].entries).toEqual([]);
    expect(stages[1].kind).toBe('bootstrap');
    expect(stages[1].entries.map(({ip, port}) => `${ip}:${port}`)).toEqual(BOOTSTRAP);
    expect(bootstrapHostCache().every((entry) => entry.origin === 'bootstrap')).toBe(true);
  });

  it.each(SEEDS)('seed %i: never holds more than 200 entries, fills to 200, and keeps the bootstrap supernodes', (seed) => {
    const stages = simulateHostCacheFill({overlay: buildOverlay({seed}), seed});
    for (const stage of stages) {
      expect(stage.entries.length).toBeLessThanOrEqual(200);
      expect(new Set(stage.entries.map(({ip, port}) => `${ip}:${port}`)).size).toBe(stage.entries.length);
    }
    const last = stages.at(-1)!;
    expect(last.entries).toHaveLength(200);
    expect(last.dropped).toBeGreaterThan(0);
    expect(last.entries.slice(0, 7).map(({ip, port}) => `${ip}:${port}`)).toEqual(BOOTSTRAP);
    // Each reply names 5 to 10 supernodes (the capture's frames 219 and 306), from a supernode already cached.
    for (const [index, stage] of stages.entries()) {
      if (stage.kind !== 'reply') continue;
      expect(stage.offered).toBeGreaterThanOrEqual(5);
      expect(stage.offered).toBeLessThanOrEqual(10);
      expect(stage.added + stage.duplicates + stage.dropped).toBe(stage.offered);
      expect(stages[index - 1].entries.some(({ip, port}) => `${ip}:${port}` === stage.from)).toBe(true);
    }
  });

  it('addToHostCache skips known addresses and drops what does not fit in 200', () => {
    const full = Array.from({length: 199}, (_, index) => ({ip: `198.51.100.${(index % 254) + 1}`, port: 1024 + index, origin: 'reply' as const}));
    const update = addToHostCache(full, [
      {ip: '198.51.100.1', port: 1024},
      {ip: '203.0.113.1', port: 5000},
      {ip: '203.0.113.2', port: 5000},
    ]);
    expect([update.entries.length, update.added, update.duplicates, update.dropped]).toEqual([200, 1, 1, 1]);
    expect(full).toHaveLength(199);
    expect(HOST_CACHE_CAPACITY).toBe(200);
  });

  it('stops filling a small overlay once every supernode is known', () => {
    const overlay = buildOverlay({seed: 3, slotCount: 8});
    const last = simulateHostCacheFill({overlay, seed: 3}).at(-1)!;
    expect(last.entries).toHaveLength(7 + overlay.supernodes.length);
  });

  it('is deterministic per seed', () => {
    const overlay = buildOverlay({seed: 5});
    expect(simulateHostCacheFill({overlay, seed: 5})).toEqual(simulateHostCacheFill({overlay, seed: 5}));
  });
});

describe('simulateLogin (Baset Fig. 2)', () => {
  it('a first login starts from one of the seven bootstrap supernodes; a later one from the cache it is given', () => {
    for (const seed of SEEDS) {
      const run = simulateLogin({condition: 'public', seed});
      expect(run.firstLogin).toBe(true);
      expect(BOOTSTRAP).toContain(`${run.entry.ip}:${run.entry.port}`);
    }
    const cache = [{ip: '203.0.113.9', port: 4321, origin: 'reply' as const}];
    const later = simulateLogin({condition: 'public', seed: 1, hostCache: cache});
    expect(later.firstLogin).toBe(false);
    expect(later.entry).toEqual(cache[0]);
  });

  it('public: UDP answered, then TCP to the same IP:port, then the login server; no waiting', () => {
    const run = simulateLogin({condition: 'public', seed: 0});
    expect(shape(run)).toEqual(['start - 33033 chosen', 'udp-probe udp 33033 sent', 'udp-reply udp 33033 answered', 'tcp-connect tcp 33033 connected', 'login-server tcp 33033 authenticated']);
    expect(run.steps.at(-1)!.to).toBe(`${LOGIN_SERVER}:33033`);
    expect(run.outcome).toEqual({connected: true, transport: 'udp+tcp', attempts: 1, modelSeconds: 0, supernode: `${run.entry.ip}:33033`});
    expect(run.measured?.value).toMatchObject({minimumSeconds: 3, maximumSeconds: 7});
  });

  it('port-restricted NAT: the reply comes from the address and port written to, so it gets in; same path as public', () => {
    const run = simulateLogin({condition: 'port-restricted-nat', seed: 0});
    expect(shape(run)).toEqual(shape(simulateLogin({condition: 'public', seed: 0})));
    expect(run.outcome.transport).toBe('udp+tcp');
    expect(run.measured?.value).toMatchObject({minimumSeconds: 3, maximumSeconds: 7});
  });

  it('UDP-blocking firewall: UDP dropped, 5 s without a reply, then TCP to the same port succeeds', () => {
    const run = simulateLogin({condition: 'udp-blocking-firewall', seed: 0});
    expect(shape(run)).toEqual(['start - 33033 chosen', 'udp-probe udp 33033 blocked', 'udp-timeout udp 33033 no-reply', 'tcp-connect tcp 33033 connected', 'login-server tcp 33033 authenticated']);
    expect(run.outcome).toMatchObject({connected: true, transport: 'tcp', attempts: 1, modelSeconds: 5});
    // The model probes one entry (Fig. 2); the measured 34 s came after UDP to 30 entries.
    expect(run.measured?.value).toMatchObject({minimumSeconds: 34, approximate: true, udpProbedEntries: 30});
  });

  it('only TCP 80 and 443 out: TCP to the entry port is blocked, port 80 succeeds; the login server on 33033 is not in the sources', () => {
    const run = simulateLogin({condition: 'tcp-80-443-only', seed: 0});
    expect(shape(run)).toEqual(['start - 33033 chosen', 'udp-probe udp 33033 blocked', 'udp-timeout udp 33033 no-reply', 'tcp-connect tcp 33033 blocked', 'tcp-connect tcp 80 connected', 'login-server - 33033 not-in-sources']);
    expect(run.outcome).toMatchObject({connected: true, transport: 'tcp-80', attempts: 1, modelSeconds: 5, supernode: `${run.entry.ip}:80`});
    expect(run.measured).toBeNull();
  });

  it('a network that lets out only TCP to 443 ends on port 443', () => {
    const run = simulateLogin({condition: {udpOut: false, udpIn: 'none', tcpOutPorts: [443]}, seed: 0});
    expect(run.condition).toBe('custom');
    expect(run.outcome).toMatchObject({connected: true, transport: 'tcp-443', attempts: 1, modelSeconds: 5});
  });

  it('everything blocked: 5 attempts of UDP, TCP to the port, 80 and 443, with 6 s between them, then failure after 49 s', () => {
    const run = simulateLogin({condition: 'everything-blocked', seed: 0});
    const attempt = ['udp-probe udp 33033 blocked', 'udp-timeout udp 33033 no-reply', 'tcp-connect tcp 33033 blocked', 'tcp-connect tcp 80 blocked', 'tcp-connect tcp 443 blocked'];
    const wait = 'wait - - waited';
    expect(shape(run)).toEqual(['start - 33033 chosen', ...attempt, wait, ...attempt, wait, ...attempt, wait, ...attempt, wait, ...attempt, 'give-up - - failed']);
    // Five 5 s UDP waits and four 6 s waits between the attempts.
    expect(run.outcome).toEqual({connected: false, transport: 'failed', attempts: 5, modelSeconds: 5 * 5 + 4 * 6, supernode: null});
    expect(run.steps.map((step) => step.attempt).at(-1)).toBe(5);
  });

  it('keeps model time non-decreasing and ends at modelSeconds, for every condition and seed', () => {
    for (const condition of LOGIN_CONDITIONS) {
      for (const seed of SEEDS) {
        const run = simulateLogin({condition, seed});
        for (let index = 1; index < run.steps.length; index++) expect(run.steps[index].time).toBeGreaterThanOrEqual(run.steps[index - 1].time);
        expect(run.steps.at(-1)!.time).toBe(run.outcome.modelSeconds);
      }
    }
  });

  it('is deterministic per seed, and refuses an unknown condition', () => {
    expect(simulateLogin({condition: 'public', seed: 77})).toEqual(simulateLogin({condition: 'public', seed: 77}));
    expect(() => simulateLogin({condition: 'dial-up' as never, seed: 1})).toThrow(/condition/);
  });
});

describe('simulateSearch (Baset §4.3)', () => {
  it.each(SEEDS)('seed %i, public: asks the supernode over TCP, then 4 nodes over UDP, then 8 more, until found', (seed) => {
    const overlay = buildOverlay({seed});
    const run = simulateSearch({overlay, condition: 'public', seed});
    const [ask, ...rest] = run.steps;
    expect(ask).toMatchObject({what: 'ask-supernode', transport: 'tcp', nodeId: run.searcher.supernodeId, contacted: 1});
    const probes = rest.filter((step) => step.what === 'probe');
    expect(probes.every((step) => step.transport === 'udp')).toBe(true);
    expect(probes.filter((step) => step.round === 1).length).toBe(run.outcome.rounds >= 1 ? 4 : 0);
    expect(probes.filter((step) => step.round === 2).length).toBe(run.outcome.rounds >= 2 ? 8 : 0);
    // A round is sent whole: 1, 1 + 4 or 1 + 4 + 8 nodes.
    expect([1, 5, 13]).toContain(run.outcome.nodesContacted);
    expect(run.outcome.found).toBe(true);
    expect(run.steps.at(-1)!.what).toBe('found');
    expect(probes.filter((step) => step.result === 'knows').length + (ask.result === 'knows' ? 1 : 0)).toBe(1);
    expect(new Set(probes.map((step) => step.nodeId)).size).toBe(probes.length);
    expect(probes.some((step) => step.nodeId === run.supernode.id)).toBe(false);
    expect(run.target.id).not.toBe(run.searcher.id);
  });

  it('finds users in each of the three places over many seeds', () => {
    const overlay = buildOverlay({seed: 1});
    const contacted = new Set(Array.from({length: 60}, (_, seed) => simulateSearch({overlay, condition: 'port-restricted-nat', seed}).outcome.nodesContacted));
    expect([...contacted].sort((a, b) => a - b)).toEqual([1, 5, 13]);
  });

  it('behind the UDP-blocking firewall asks only its supernode, over TCP', () => {
    const overlay = buildOverlay({seed: 4});
    for (const condition of ['udp-blocking-firewall', 'tcp-80-443-only'] as const) {
      const run = simulateSearch({overlay, condition, seed: 4});
      expect(run.steps.filter((step) => step.transport !== null).map((step) => [step.what, step.transport, step.nodeId])).toEqual([['ask-supernode', 'tcp', run.supernode.id]]);
      expect(run.outcome).toEqual({found: true, nodesContacted: 1, rounds: 0});
    }
  });

  it('does not search without a login', () => {
    const run = simulateSearch({overlay: buildOverlay({seed: 4}), condition: 'everything-blocked', seed: 4});
    expect(run.outcome).toEqual({found: false, nodesContacted: 0, rounds: 0});
  });

  it('is deterministic per seed', () => {
    const overlay = buildOverlay({seed: 8});
    expect(simulateSearch({overlay, condition: 'public', seed: 8})).toEqual(simulateSearch({overlay, condition: 'public', seed: 8}));
  });
});

describe('the 2012 change (Ars Technica 2012)', () => {
  it('scales the supernodes by 10,000 / 48,000 and moves them to Microsoft; clients per supernode 800 → 4,100', () => {
    const overlay = buildOverlay({seed: 2012});
    const [original, hosted] = compareOverlayEras(overlay);
    expect(original.modelSupernodes).toBe(overlay.supernodes.length);
    expect(hosted.modelSupernodes).toBe(Math.round((overlay.supernodes.length * 10_000) / 48_000));
    expect(original.clientsPerSupernode.value).toBe(800);
    expect(hosted.clientsPerSupernode.value).toBe(4100);
    expect(hosted.theoreticalClientsPerSupernode?.value).toBe(100_000);
    expect(original.theoreticalClientsPerSupernode).toBeNull();
    expect([original.supernodeHosts, hosted.supernodeHosts]).toEqual(['users', 'microsoft']);
    expect([original.promotion, hosted.promotion]).toEqual(['by-score', 'disabled']);
    expect(original.reportedSupernodes.map((fact) => fact.value)).toEqual([20_000, 48_000]);
    expect(hosted.reportedSupernodes.map((fact) => fact.value)).toEqual([10_000]);
  });

  it('says relays were users’ machines before, and unknown after: the sources do not say whether relays moved', () => {
    const [original, hosted] = compareOverlayEras(buildOverlay({seed: 1}));
    expect(original.relays).toBe('users-machines');
    expect(hosted.relays).toBe('unknown');
    expect(hosted.relaysCitation).toBeNull();
    const relayView = (profile: typeof original) => profile.visibility.find((item) => item.observer === 'relays')!;
    expect(relayView(original)).toMatchObject({sees: 'encrypted-media', basis: 'described-not-checked'});
    expect(relayView(original).citations[0]).toEqual({source: '/docs/references#desclaux2006', section: 'part 2 slide 65'});
    expect(relayView(hosted)).toMatchObject({sees: 'unknown', basis: 'unknown'});
    for (const profile of [original, hosted]) {
      expect(profile.visibility.find((item) => item.observer === 'supernodes')).toMatchObject({sees: 'signalling-and-client-addresses', basis: 'our-reading'});
    }
  });

  it('refuses an unknown era', () => {
    expect(() => overlayEraProfile(buildOverlay({seed: 1}), '2014' as never)).toThrow(/era/);
  });
});
