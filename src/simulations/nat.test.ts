import {describe, expect, it} from 'vitest';
import {
  NAT_ENDPOINT_KINDS,
  NAT_ENDPOINT_KIND_INFO,
  NAT_LAB_ADDRESSES,
  NatBox,
  classifyNatFromObservations,
  describeNatStep,
  natLiveEntryCount,
  natOutcomeMatrix,
  simulateNatCall,
  type NatBehaviour,
  type NatEndpointKind,
  type NatMediaPath,
  type NatObservation,
  type NatPacket,
} from './nat';

const inside = {ip: '192.168.1.2', port: 5000};
const publicIp = '198.51.100.2';
// Three destinations: two ports of one address, and another address.
const first = {ip: '192.0.2.10', port: 3478};
const samePortOther = {ip: '192.0.2.10', port: 3479};
const otherAddress = {ip: '203.0.113.5', port: 3478};

const udpOut = (destination: {ip: string; port: number}): NatPacket => ({protocol: 'udp', source: inside, destination});
const udpIn = (source: {ip: string; port: number}, port: number): NatPacket => ({protocol: 'udp', source, destination: {ip: publicIp, port}});
const nat = (mapping: NatBehaviour, filtering: NatBehaviour, udpMappingTimeoutSeconds?: number) =>
  new NatBox({type: 'nat', mapping, filtering, publicIp, udpMappingTimeoutSeconds}, 42);

function mappedPort(box: NatBox, destination: {ip: string; port: number}, now = 0): number {
  const verdict = box.outbound(udpOut(destination), now);
  if (verdict.verdict !== 'pass') throw new Error('outbound UDP through a NAT must pass');
  expect(verdict.packet.source.ip).toBe(publicIp);
  return verdict.packet.source.port;
}

describe('NatBox mapping (RFC 4787 §4.1)', () => {
  it('endpoint-independent mapping reuses one public port for every destination', () => {
    const box = nat('endpoint-independent', 'address-and-port-dependent');
    const port = mappedPort(box, first);
    expect(mappedPort(box, samePortOther)).toBe(port);
    expect(mappedPort(box, otherAddress)).toBe(port);
  });

  it('address-dependent mapping reuses the port for another port of the same address, not for another address', () => {
    const box = nat('address-dependent', 'address-and-port-dependent');
    const port = mappedPort(box, first);
    expect(mappedPort(box, samePortOther)).toBe(port);
    expect(mappedPort(box, otherAddress)).not.toBe(port);
  });

  it('address-and-port-dependent mapping (symmetric) takes a new port for every destination address and port', () => {
    const box = nat('address-and-port-dependent', 'address-and-port-dependent');
    const ports = [mappedPort(box, first), mappedPort(box, samePortOther), mappedPort(box, otherAddress)];
    expect(new Set(ports).size).toBe(3);
    expect(mappedPort(box, first)).toBe(ports[0]);
  });
});

describe('NatBox filtering (RFC 4787 §5)', () => {
  const verdicts = (filtering: NatBehaviour) => {
    const box = nat('endpoint-independent', filtering);
    const port = mappedPort(box, first);
    return {
      sameEndpoint: box.inbound(udpIn(first, port), 1),
      otherPort: box.inbound(udpIn(samePortOther, port), 1),
      otherAddress: box.inbound(udpIn(otherAddress, port), 1),
      unmappedPort: box.inbound(udpIn(first, port === 65535 ? 1024 : port + 1), 1),
    };
  };

  it('endpoint-independent filtering (full cone) lets anyone in through a mapping', () => {
    const seen = verdicts('endpoint-independent');
    expect([seen.sameEndpoint.verdict, seen.otherPort.verdict, seen.otherAddress.verdict]).toEqual(['pass', 'pass', 'pass']);
    const delivered = seen.otherAddress.verdict === 'pass' ? seen.otherAddress.packet.destination : null;
    expect(delivered).toEqual(inside);
  });

  it('address-dependent filtering (restricted cone) lets in any port of a contacted address, and no other address', () => {
    const seen = verdicts('address-dependent');
    expect([seen.sameEndpoint.verdict, seen.otherPort.verdict]).toEqual(['pass', 'pass']);
    expect(seen.otherAddress).toMatchObject({verdict: 'drop', reason: {code: 'filtered-address'}});
  });

  it('address-and-port-dependent filtering (port-restricted cone) lets in only the exact address and port contacted', () => {
    const seen = verdicts('address-and-port-dependent');
    expect(seen.sameEndpoint.verdict).toBe('pass');
    expect(seen.otherPort).toMatchObject({verdict: 'drop', reason: {code: 'filtered-port', allowed: ['192.0.2.10:3478']}});
    expect(seen.otherAddress).toMatchObject({verdict: 'drop', reason: {code: 'filtered-address'}});
  });

  it('a port with no mapping lets nothing in', () => {
    for (const filtering of ['endpoint-independent', 'address-dependent', 'address-and-port-dependent'] as const) {
      expect(verdicts(filtering).unmappedPort).toMatchObject({verdict: 'drop', reason: {code: 'no-mapping'}});
    }
  });
});

describe('NatBox timers (RFC 4787 §4.3, REQ-5, REQ-6)', () => {
  it('defaults to the 120 s minimum of REQ-5', () => {
    expect(nat('endpoint-independent', 'endpoint-independent').udpTimeoutSeconds).toBe(120);
  });

  it('forgets a UDP mapping once it has been idle for the timeout, and only then', () => {
    const box = nat('endpoint-independent', 'endpoint-independent', 150);
    const port = mappedPort(box, first, 10);
    expect(box.inbound(udpIn(first, port), 159).verdict).toBe('pass');
    expect(box.expire(159.9)).toEqual([]);
    const expired = box.expire(160);
    expect(expired.map((row) => [row.internal, row.external.port, row.expires])).toEqual([[inside, port, 160]]);
    expect(box.inbound(udpIn(first, port), 160)).toMatchObject({verdict: 'drop', reason: {code: 'no-mapping'}});
  });

  it('restarts the timer on outgoing packets, not on incoming ones (REQ-6)', () => {
    const box = nat('endpoint-independent', 'endpoint-independent', 120);
    const port = mappedPort(box, first, 0);
    box.inbound(udpIn(first, port), 100);
    expect(box.inbound(udpIn(first, port), 121).verdict).toBe('drop');
    const refreshed = nat('endpoint-independent', 'endpoint-independent', 120);
    const refreshedPort = mappedPort(refreshed, first, 0);
    mappedPort(refreshed, first, 100);
    expect(refreshed.inbound(udpIn(first, refreshedPort), 219).verdict).toBe('pass');
  });

  it('rejects a timer that is not a positive number of seconds', () => {
    expect(() => nat('endpoint-independent', 'endpoint-independent', 0)).toThrow(RangeError);
    expect(() => nat('endpoint-independent', 'endpoint-independent', Number.NaN)).toThrow(RangeError);
  });
});

describe('NatBox and TCP', () => {
  const open = (source: {ip: string; port: number}, destination: {ip: string; port: number}): NatPacket => ({protocol: 'tcp', segment: 'open', source, destination});

  it('drops every unsolicited incoming TCP connection, even on a full-cone NAT with a live UDP mapping', () => {
    for (const [mapping, filtering] of [
      ['endpoint-independent', 'endpoint-independent'],
      ['endpoint-independent', 'address-dependent'],
      ['endpoint-independent', 'address-and-port-dependent'],
      ['address-and-port-dependent', 'address-and-port-dependent'],
    ] as const) {
      const box = nat(mapping, filtering);
      const port = mappedPort(box, first);
      expect(box.inbound(open(first, {ip: publicIp, port}), 1)).toMatchObject({verdict: 'drop', reason: {code: 'unsolicited-tcp'}});
    }
  });

  it('lets in the answers of a connection opened from inside, from its remote end only', () => {
    const box = nat('endpoint-independent', 'endpoint-independent');
    const out = box.outbound(open(inside, first), 0);
    if (out.verdict !== 'pass') throw new Error('outgoing TCP must pass');
    expect(out.entry?.expires).toBeNull();
    const answer = (source: {ip: string; port: number}): NatPacket => ({protocol: 'tcp', segment: 'accept', source, destination: out.packet.source});
    expect(box.inbound(answer(first), 1)).toMatchObject({verdict: 'pass', packet: {destination: inside}});
    expect(box.inbound(answer(samePortOther), 1)).toMatchObject({verdict: 'drop', reason: {code: 'no-connection'}});
  });

  it('a UDP-blocking firewall drops UDP both ways and lets TCP through both ways', () => {
    const firewall = new NatBox({type: 'firewall', blocksUdp: true, inboundTcp: 'allowed'});
    expect(firewall.outbound(udpOut(first), 0)).toMatchObject({verdict: 'drop', reason: {code: 'udp-blocked'}});
    expect(firewall.inbound({protocol: 'udp', source: first, destination: inside}, 0)).toMatchObject({verdict: 'drop', reason: {code: 'udp-blocked'}});
    expect(firewall.inbound(open(first, inside), 0).verdict).toBe('pass');
  });

  it('a TCP-out-only firewall drops UDP and incoming connections, and lets in the answers of outgoing ones', () => {
    const firewall = new NatBox({type: 'firewall', blocksUdp: true, inboundTcp: 'replies-only'});
    expect(firewall.outbound(udpOut(first), 0).verdict).toBe('drop');
    expect(firewall.inbound(open(first, inside), 0)).toMatchObject({verdict: 'drop', reason: {code: 'inbound-tcp-blocked'}});
    expect(firewall.outbound(open(inside, first), 0)).toMatchObject({verdict: 'pass', created: true, packet: {source: inside}});
    expect(firewall.inbound({protocol: 'tcp', segment: 'accept', source: first, destination: inside}, 1).verdict).toBe('pass');
    expect(firewall.inbound({protocol: 'tcp', segment: 'data', source: otherAddress, destination: inside}, 1)).toMatchObject({verdict: 'drop', reason: {code: 'no-connection'}});
  });
});

describe("Baset & Schulzrinne's three setups under the 2004 policy (§3, §4.4–4.5)", () => {
  const run = (caller: NatEndpointKind, callee: NatEndpointKind) => simulateNatCall({caller, callee, policy: 'skype-2004'});
  const callSteps = (trace: ReturnType<typeof run>) => trace.steps.filter((step) => step.phase !== 'registration' && step.phase !== 'expiry');

  it('both public: TCP signalling straight to the callee, voice straight over UDP', () => {
    const trace = run('public', 'public');
    expect(trace.outcome).toEqual({mediaPath: 'direct-udp', signallingPath: 'direct-tcp', relay: null, measured: true, evidence: 'measured'});
    const steps = callSteps(trace);
    expect(steps.some((step) => step.kind === 'deliver' && step.from === 'caller' && step.to === 'callee' && step.protocol === 'tcp')).toBe(true);
    const media = steps.filter((step) => step.phase === 'media' && step.kind === 'deliver');
    expect(media.map((step) => [step.from, step.to, step.protocol])).toEqual([
      ['caller', 'callee', 'udp'],
      ['callee', 'caller', 'udp'],
    ]);
    expect(steps.some((step) => step.from === 'relay' || step.to === 'relay')).toBe(false);
  });

  it('caller behind a port-restricted NAT, callee public: signalling over TCP and voice over UDP through another online node', () => {
    const trace = run('port-restricted-cone', 'public');
    expect(trace.outcome).toMatchObject({mediaPath: 'relayed-udp', signallingPath: 'relayed-tcp', measured: true});
    // "not its supernode but a node it had learnt at login" (§4.4)
    expect(trace.outcome.relay?.startsWith(NAT_LAB_ADDRESSES.relay + ':')).toBe(true);
    expect(trace.outcome.relay?.startsWith(NAT_LAB_ADDRESSES.supernode)).toBe(false);
    const delivered = callSteps(trace).filter((step) => step.kind === 'deliver');
    expect(delivered.some((step) => step.from === 'relay' && step.to === 'callee' && step.protocol === 'tcp')).toBe(true);
    const relayAddress = trace.outcome.relay!;
    const voiceSent = callSteps(trace).filter((step) => step.phase === 'media' && step.kind === 'send');
    expect(voiceSent.every((step) => step.protocol === 'udp' && (step.from === 'relay' || step.sent?.destination === relayAddress))).toBe(true);
    const voiceReceived = delivered.filter((step) => step.phase === 'media');
    expect(voiceReceived.some((step) => step.to === 'caller') && voiceReceived.some((step) => step.to === 'callee')).toBe(true);
  });

  it('both behind a NAT and a UDP-blocking firewall: everything over TCP through another online node', () => {
    const trace = run('port-restricted-behind-udp-firewall', 'port-restricted-behind-udp-firewall');
    expect(trace.outcome).toMatchObject({mediaPath: 'relayed-tcp', signallingPath: 'relayed-tcp', measured: true});
    const delivered = callSteps(trace).filter((step) => step.kind === 'deliver');
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.every((step) => step.protocol === 'tcp')).toBe(true);
    // Neither NAT lets a connection in: both connections to the relay are opened from inside.
    const opened = callSteps(trace).filter((step) => step.kind === 'send' && step.event.type === 'send' && step.event.purpose === 'connect');
    const accepted = opened.filter((step) => trace.steps[trace.steps.indexOf(step) + 2]?.kind === 'deliver');
    expect(accepted.map((step) => step.from).sort()).toEqual(['callee', 'caller']);
  });

  it('relays the voice whenever either party is behind a port-restricted NAT (§4.5)', () => {
    const matrix = natOutcomeMatrix('skype-2004');
    for (const kind of NAT_ENDPOINT_KINDS) {
      expect(matrix['port-restricted-cone'][kind].mediaPath.startsWith('relayed')).toBe(true);
      expect(matrix[kind]['port-restricted-cone'].mediaPath.startsWith('relayed')).toBe(true);
    }
  });

  it('labels only the three measured setups as measured; every other pair is an extrapolation', () => {
    const matrix = natOutcomeMatrix('skype-2004');
    const measured = NAT_ENDPOINT_KINDS.flatMap((caller) => NAT_ENDPOINT_KINDS.filter((callee) => matrix[caller][callee].measured).map((callee) => `${caller}/${callee}`));
    expect(measured.sort()).toEqual(['port-restricted-behind-udp-firewall/port-restricted-behind-udp-firewall', 'port-restricted-cone/public', 'public/public']);
    expect(matrix.public['symmetric'].evidence).toBe('extrapolated');
    expect(natOutcomeMatrix('hole-punching').public.public.evidence).toBe('not-applicable');
  });
});

describe('the outcome matrix under hole punching follows the NAT rules (RFC 4787, RFC 5128)', () => {
  const matrix = natOutcomeMatrix('hole-punching');
  const udpKinds: NatEndpointKind[] = ['public', 'full-cone', 'restricted-cone', 'port-restricted-cone', 'symmetric'];
  const noUdpKinds: NatEndpointKind[] = ['udp-blocking-firewall', 'tcp-out-only-firewall', 'port-restricted-behind-udp-firewall'];
  const tcpPaths: NatMediaPath[] = ['direct-tcp', 'reversed-tcp', 'relayed-tcp'];

  it('a callee that anyone can reach over UDP (public, or behind a full cone) gets direct UDP from every UDP-capable caller', () => {
    for (const caller of udpKinds) {
      expect(matrix[caller].public.mediaPath).toBe('direct-udp');
      expect(matrix[caller]['full-cone'].mediaPath).toBe('direct-udp');
    }
  });

  it('two cones, where the callee filters, meet through punched holes', () => {
    for (const caller of ['public', 'full-cone', 'restricted-cone', 'port-restricted-cone'] as const) {
      for (const callee of ['restricted-cone', 'port-restricted-cone'] as const) expect(matrix[caller][callee].mediaPath).toBe('hole-punched-udp');
    }
  });

  it('a symmetric NAT facing a port-restricted or symmetric NAT needs the relay, in either role', () => {
    for (const [caller, callee] of [
      ['symmetric', 'symmetric'],
      ['symmetric', 'port-restricted-cone'],
      ['port-restricted-cone', 'symmetric'],
    ] as const) {
      expect(matrix[caller][callee].mediaPath).toBe('relayed-udp');
    }
  });

  it('a symmetric NAT still punches through to a restricted cone, which filters on the address only', () => {
    expect(matrix.symmetric['restricted-cone'].mediaPath).toBe('hole-punched-udp');
    expect(matrix['restricted-cone'].symmetric.mediaPath).toBe('hole-punched-udp');
  });

  it('UDP blocked on either side means TCP: direct, reversed or relayed', () => {
    for (const blocked of noUdpKinds) {
      for (const other of NAT_ENDPOINT_KINDS) {
        expect(tcpPaths).toContain(matrix[blocked][other].mediaPath);
        expect(tcpPaths).toContain(matrix[other][blocked].mediaPath);
      }
    }
    expect(matrix['udp-blocking-firewall'].public.mediaPath).toBe('direct-tcp');
    expect(matrix['udp-blocking-firewall']['port-restricted-cone'].mediaPath).toBe('reversed-tcp');
    expect(matrix['tcp-out-only-firewall']['port-restricted-behind-udp-firewall'].mediaPath).toBe('relayed-tcp');
  });

  it('is symmetric except where the caller moves first: direct versus punched UDP, direct versus reversed TCP', () => {
    for (const caller of NAT_ENDPOINT_KINDS) {
      for (const callee of NAT_ENDPOINT_KINDS) {
        const pair = new Set([matrix[caller][callee].mediaPath, matrix[callee][caller].mediaPath]);
        const explained = pair.size === 1 || ['direct-udp', 'hole-punched-udp'].every((path) => pair.has(path as NatMediaPath)) || ['direct-tcp', 'reversed-tcp'].every((path) => pair.has(path as NatMediaPath));
        expect(explained, `${caller} ↔ ${callee}: ${[...pair].join(' / ')}`).toBe(true);
      }
    }
  });
});

describe('simulateNatCall traces', () => {
  it('are deterministic for a seed, and the seed moves the ports but not the outcome', () => {
    const options = {caller: 'symmetric', callee: 'port-restricted-cone', policy: 'hole-punching'} as const;
    expect(simulateNatCall({...options, seed: 7})).toEqual(simulateNatCall({...options, seed: 7}));
    const other = simulateNatCall({...options, seed: 8});
    const paths = ({mediaPath, signallingPath}: {mediaPath: string; signallingPath: string}) => [mediaPath, signallingPath];
    expect(paths(other.outcome)).toEqual(paths(simulateNatCall({...options, seed: 7}).outcome));
    expect(other.steps[0].sent).not.toEqual(simulateNatCall({...options, seed: 7}).steps[0].sent);
    for (const policy of ['skype-2004', 'hole-punching'] as const) {
      const pathsOf = (seed: number) => Object.values(natOutcomeMatrix(policy, seed)).map((row) => Object.values(row).map(paths));
      expect(pathsOf(0)).toEqual(pathsOf(0xffffffff));
    }
  });

  it('deliver every voice packet, keep the clock running forward, and end with the idle UDP rows of any NAT expired', () => {
    for (const policy of ['skype-2004', 'hole-punching'] as const) {
      for (const caller of NAT_ENDPOINT_KINDS) {
        for (const callee of NAT_ENDPOINT_KINDS) {
          const {steps} = simulateNatCall({caller, callee, policy, seed: 3});
          expect(steps.filter((step) => step.phase === 'media' && step.kind === 'drop')).toEqual([]);
          expect(steps.every((step, index) => index === 0 || step.time >= steps[index - 1].time)).toBe(true);
          const behindNat = [caller, callee].some((kind) => NAT_ENDPOINT_KIND_INFO[kind].nat !== null);
          expect(steps.some((step) => step.kind === 'expire')).toBe(behindNat);
          const last = steps.at(-1)!;
          expect(Object.values(last.tables).flat().filter((row) => row!.protocol === 'udp')).toEqual([]);
          expect(last.mediaPath).not.toBeNull();
        }
      }
    }
  });

  it('record the addresses as sent and as rewritten: a NAT changes the source going out and the destination coming in', () => {
    const {steps} = simulateNatCall({caller: 'full-cone', callee: 'public', policy: 'hole-punching'});
    const out = steps.find((step) => step.kind === 'rewrite' && step.from === 'caller-nat')!;
    expect(out.sent?.source.startsWith('192.168.1.2:')).toBe(true);
    expect(out.current?.source.startsWith(NAT_LAB_ADDRESSES.callerPublic + ':')).toBe(true);
    expect(out.current?.destination).toBe(out.sent?.destination);
    const back = steps.find((step) => step.kind === 'rewrite' && step.from === 'caller-nat' && step.event.type === 'rewrite' && step.event.direction === 'inbound')!;
    expect(back.current?.destination.startsWith('192.168.1.2:')).toBe(true);
  });

  it('count the live rows of each side, and describe every step with the English templates', () => {
    const {steps} = simulateNatCall({caller: 'port-restricted-cone', callee: 'public', policy: 'skype-2004'});
    expect(natLiveEntryCount(steps[0], 'caller')).toBe(0);
    expect(Math.max(...steps.map((step) => natLiveEntryCount(step, 'caller')))).toBeGreaterThan(0);
    expect(steps.every((step) => natLiveEntryCount(step, 'callee') === 0)).toBe(true);
    for (const step of steps) expect(describeNatStep(step)).toBe(step.description);
  });

  it('rejects unknown kinds and policies, bad seeds, and UDP timers under REQ-5', () => {
    expect(() => simulateNatCall({caller: 'cone' as NatEndpointKind, callee: 'public', policy: 'skype-2004'})).toThrow(RangeError);
    expect(() => simulateNatCall({caller: 'public', callee: 'public', policy: 'stun' as 'skype-2004'})).toThrow(RangeError);
    expect(() => simulateNatCall({caller: 'public', callee: 'public', policy: 'skype-2004', seed: -1})).toThrow(RangeError);
    expect(() => simulateNatCall({caller: 'public', callee: 'public', policy: 'skype-2004', seed: 2 ** 32})).toThrow(RangeError);
    expect(() => simulateNatCall({caller: 'public', callee: 'public', policy: 'skype-2004', udpMappingTimeoutSeconds: 60})).toThrow(/REQ-5/);
  });
});

describe('classifyNatFromObservations', () => {
  /** The observations a STUN-like test collects at one box: three destinations out, two strangers in. */
  function observe(mapping: NatBehaviour, filtering: NatBehaviour): NatObservation[] {
    const box = nat(mapping, filtering);
    const observations: NatObservation[] = [first, samePortOther, otherAddress].map((destination) => ({
      destination: `${destination.ip}:${destination.port}`,
      mappedPort: mappedPort(box, destination),
    }));
    const port = observations[0].mappedPort;
    for (const source of [{ip: '192.0.2.99', port: 4000}, {ip: first.ip, port: 9999}]) {
      observations.push({inboundFrom: `${source.ip}:${source.port}`, mappedPort: port, delivered: box.inbound(udpIn(source, port), 1).verdict === 'pass'});
    }
    return observations;
  }

  it('names the four classic NATs from what their boxes did (RFC 3489 names, RFC 4787 behaviours)', () => {
    expect(classifyNatFromObservations(observe('endpoint-independent', 'endpoint-independent'))).toMatchObject({classicName: 'full cone', endpointKind: 'full-cone', missing: []});
    expect(classifyNatFromObservations(observe('endpoint-independent', 'address-dependent'))).toMatchObject({classicName: 'restricted cone', filtering: 'address-dependent'});
    expect(classifyNatFromObservations(observe('endpoint-independent', 'address-and-port-dependent'))).toMatchObject({classicName: 'port-restricted cone', endpointKind: 'port-restricted-cone'});
    expect(classifyNatFromObservations(observe('address-and-port-dependent', 'address-and-port-dependent'))).toMatchObject({
      mapping: 'address-and-port-dependent',
      classicName: 'symmetric',
      endpointKind: 'symmetric',
    });
    expect(classifyNatFromObservations(observe('address-dependent', 'address-and-port-dependent'))).toMatchObject({mapping: 'address-dependent', classicName: 'symmetric', endpointKind: null});
  });

  it('reads hand-written observations', () => {
    const result = classifyNatFromObservations([
      {destination: '192.0.2.10:3478', mappedPort: 40000},
      {destination: '198.51.100.9:5000', mappedPort: 40000},
      {inboundFrom: '203.0.113.5:6000', mappedPort: 40000, delivered: false},
      {inboundFrom: '192.0.2.10:9999', mappedPort: 40000, delivered: true},
    ]);
    expect(result).toMatchObject({mapping: 'endpoint-independent', filtering: 'address-dependent', classicName: 'restricted cone', missing: []});
    expect(result.reasons).toHaveLength(2);
  });

  it('says which observation is missing', () => {
    const onlyOne = classifyNatFromObservations([{destination: '192.0.2.10:3478', mappedPort: 40000}]);
    expect(onlyOne).toMatchObject({mapping: null, filtering: null, classicName: null});
    expect(onlyOne.missing).toHaveLength(2);
    expect(onlyOne.missing[0]).toMatch(/two different addresses/);
    const strangerDropped = classifyNatFromObservations([
      {destination: '192.0.2.10:3478', mappedPort: 40000},
      {destination: '198.51.100.9:5000', mappedPort: 40000},
      {inboundFrom: '203.0.113.5:6000', mappedPort: 40000, delivered: false},
    ]);
    expect(strangerDropped.filtering).toBeNull();
    expect(strangerDropped.missing[0]).toMatch(/another port/);
  });

  it('rejects malformed observations with the index and the field', () => {
    expect(() => classifyNatFromObservations([{mappedPort: 1}])).toThrow(/observation 0/);
    expect(() => classifyNatFromObservations([{destination: '192.0.2.10', mappedPort: 1}])).toThrow(/observation 0\.destination/);
    expect(() => classifyNatFromObservations([{inboundFrom: '192.0.2.10:1', mappedPort: 70000, delivered: true}])).toThrow(/mappedPort/);
  });
});
