/**
 * How a client sets up a call (public API in nat.ts), under two policies, by sending packets through
 * the network of natNetwork.ts and reacting only to what arrives: no table of outcomes anywhere.
 *
 * - 'skype-2004', Skype 0.97 as Baset & Schulzrinne measured it: signalling always over TCP (§1, §4.4);
 *   both parties public → TCP straight to the callee, voice over UDP; a party behind a NAT → signalling
 *   and voice through another online node, over UDP when both can send UDP, else over TCP (§4.4–4.5).
 *   Only setups 1–3 were measured; every other pair extrapolates the rule of §4.5.
 * - 'hole-punching', the general technique (RFC 5128): direct UDP, then UDP hole punching through the
 *   supernode, then a direct TCP connection, then connection reversal, then a relay.
 */
import {natEndpointText, type NatEndpoint} from './natDevice';
import type {NatEndpointKind} from './natKinds';
import {NAT_LAB_TIMING, NatCallNetwork, type NatDelivery, type NatTcpConnection} from './natNetwork';
import type {NatCallOutcome, NatCallPolicy, NatCallSide, NatCallTrace, NatMediaPath, NatSignallingPath} from './natTrace';

/** What a client knows after registering, and how the supernode reaches it. */
interface Registration {
  side: NatCallSide;
  /** Its UDP endpoint as the supernode saw it; null when UDP does not work. */
  udpSeen: NatEndpoint | null;
  /** Its public address as the supernode saw it. */
  publicIp: string;
  behindNat: boolean;
  /** The TCP connection to the supernode, when it has one. */
  connection: NatTcpConnection | null;
}

/** The three setups Baset & Schulzrinne measured (§3): [caller, callee]. */
const MEASURED_IN_2004: readonly (readonly [NatEndpointKind, NatEndpointKind])[] = [
  ['public', 'public'],
  ['port-restricted-cone', 'public'],
  ['port-restricted-behind-udp-firewall', 'port-restricted-behind-udp-firewall'],
];

/** Runs one call set-up; `network` records the trace. */
export function runNatCall(network: NatCallNetwork, policy: NatCallPolicy): Omit<NatCallTrace, 'seed' | 'nodes' | 'steps'> {
  const {caller: callerSide, callee: calleeSide} = network.sides;
  const [caller, callee] = registerBoth(network, policy);
  network.advanceTo(NAT_LAB_TIMING.callStartSeconds);
  network.phase = 'direct-attempt';
  network.note('call-starts');
  const path = policy === 'skype-2004' ? callAsSkype2004(network, caller, callee) : callByHolePunching(network, caller, callee);
  finish(network, [caller, callee]);
  const measured = policy === 'skype-2004' && MEASURED_IN_2004.some(([first, second]) => first === callerSide.kind && second === calleeSide.kind);
  const outcome: NatCallOutcome = {
    mediaPath: path.mediaPath,
    signallingPath: path.signallingPath,
    relay: path.mediaPath.startsWith('relayed') ? natEndpointText(network.relay) : null,
    measured,
    evidence: policy === 'hole-punching' ? 'not-applicable' : measured ? 'measured' : 'extrapolated',
  };
  return {caller: callerSide.kind, callee: calleeSide.kind, policy, outcome};
}

/** Sends to a client from the supernode, over UDP when it registered over UDP, else over its TCP connection. */
function toClient(network: NatCallNetwork, client: Registration, purpose: 'lookup-reply' | 'introduce' | 'reversal-forward' | 'relay-forward'): NatDelivery {
  if (client.connection) return network.sendTcp(client.connection, 'supernode', purpose);
  return network.sendUdp('supernode', client.udpSeen!, purpose);
}

/** Sends from a client to its supernode, the same way. */
function toSupernode(network: NatCallNetwork, client: Registration, purpose: 'lookup' | 'reversal-request' | 'relay-request'): NatDelivery {
  if (client.connection) return network.sendTcp(client.connection, client.side, purpose);
  return network.sendUdp(client.side, network.supernode, purpose);
}

/**
 * Registration with the supernode, which creates the rows its messages will come back through.
 * Both clients try UDP first; a client left without an answer waits about 5 s and tries TCP
 * (Baset & Schulzrinne §4.2.1, Fig. 2). Skype 0.97 keeps a TCP connection to its supernode in any
 * case (§4.2.1); the general technique stays on UDP when UDP works.
 */
function registerBoth(network: NatCallNetwork, policy: NatCallPolicy): [Registration, Registration] {
  network.phase = 'registration';
  const sides = ['caller', 'callee'] as const;
  const udpSeen = sides.map((side) => {
    const probe = network.sendUdp(side, network.supernode, 'register');
    const reply = probe.arrived ? network.sendUdp('supernode', probe.arrived.source, 'register-reply') : null;
    return reply?.delivered && probe.arrived ? probe.arrived.source : null;
  });
  if (udpSeen.some((seen) => seen === null)) {
    network.advance(NAT_LAB_TIMING.loginUdpWaitSeconds);
    sides.forEach((side, index) => {
      if (!udpSeen[index]) network.note('udp-blocked-fallback', {seconds: NAT_LAB_TIMING.loginUdpWaitSeconds, client: side}, side);
    });
  }
  return sides.map((side, index): Registration => {
    let connection: NatTcpConnection | null = null;
    let seenIp = udpSeen[index]?.ip ?? null;
    if (!udpSeen[index] || policy === 'skype-2004') {
      connection = network.openTcp(side, network.supernode);
      if (!connection) throw new Error(`NatCallNetwork: ${side} could not open TCP to the supernode; every kind in the lab lets TCP out`);
      if (!seenIp) {
        network.sendTcp(connection, 'supernode', 'address-report');
        seenIp = connection.openerSeen.ip;
      }
    }
    const own = network.sides[side].hostIp;
    const behindNat = seenIp !== own;
    network.note(behindNat ? 'behind-nat' : 'not-behind-nat', {client: side, own, seen: seenIp!}, side);
    return {side, udpSeen: udpSeen[index], publicIp: seenIp!, behindNat, connection};
  }) as [Registration, Registration];
}

interface CallPath {
  mediaPath: NatMediaPath;
  signallingPath: NatSignallingPath;
}

/** Skype 0.97 (Baset & Schulzrinne §4.4–4.5). */
function callAsSkype2004(network: NatCallNetwork, caller: Registration, callee: Registration): CallPath {
  toSupernode(network, caller, 'lookup');
  toClient(network, caller, 'lookup-reply');
  const calleeTcp = {ip: callee.publicIp, port: network.sides.callee.tcpPort};
  const bothUdp = caller.udpSeen !== null && callee.udpSeen !== null;
  if (!caller.behindNat && !callee.behindNat) {
    network.note('skype2004-direct');
    const direct = openForCall(network, 'caller', calleeTcp);
    if (direct) {
      network.sendTcp(direct, 'caller', 'signalling');
      if (bothUdp) {
        const calleeUdp = {ip: callee.publicIp, port: network.sides.callee.udpPort};
        mediaOverUdp(network, 'direct-udp', calleeUdp, {ip: caller.publicIp, port: network.sides.caller.udpPort});
        return {mediaPath: 'direct-udp', signallingPath: 'direct-tcp'};
      }
      mediaOverTcp(network, 'direct-tcp', direct);
      return {mediaPath: 'direct-tcp', signallingPath: 'direct-tcp'};
    }
    waitForNothing(network, 'direct-tcp');
  } else {
    network.note(caller.behindNat && callee.behindNat ? 'skype2004-relay-both' : caller.behindNat ? 'skype2004-relay-caller' : 'skype2004-relay-callee');
  }
  network.phase = 'relay';
  network.note('relay-chosen', {relay: natEndpointText(network.relay)}, 'relay');
  const fromCaller = openOrFail(network, 'caller', network.relay);
  network.sendTcp(fromCaller, 'caller', 'signalling');
  // Baset & Schulzrinne saw the relay pass the signalling on to a public callee over TCP (§4.4). A NAT lets
  // no connection in, so the callee must open it; asking it through its supernode is our reading.
  let toCallee = openForCall(network, 'relay', calleeTcp);
  if (!toCallee) {
    waitForNothing(network, 'relay-connect');
    toSupernode(network, caller, 'relay-request');
    toClient(network, callee, 'relay-forward');
    toCallee = openOrFail(network, 'callee', network.relay);
  }
  network.sendTcp(toCallee, 'relay', 'signalling-forward');
  return relayMedia(network, bothUdp, [fromCaller, toCallee], 'relayed-tcp');
}

/** The general technique (RFC 5128): each attempt is packets; the first that gets through both ways wins. */
function callByHolePunching(network: NatCallNetwork, caller: Registration, callee: Registration): CallPath {
  const signallingPath = 'via-supernode';
  toSupernode(network, caller, 'lookup');
  toClient(network, caller, 'lookup-reply');
  if (caller.udpSeen && callee.udpSeen) {
    const probe = network.sendUdp('caller', callee.udpSeen, 'direct-probe');
    const answer = probe.arrived ? network.sendUdp('callee', probe.arrived.source, 'probe-reply') : null;
    if (probe.arrived && answer?.delivered) {
      mediaOverUdp(network, 'direct-udp', callee.udpSeen, probe.arrived.source);
      return {mediaPath: 'direct-udp', signallingPath};
    }
    waitForNothing(network, 'direct-udp');
    network.phase = 'punching';
    toClient(network, callee, 'introduce');
    // Both send to the endpoint the supernode saw; whoever hears the other answers to where it came from.
    const fromCallee = network.sendUdp('callee', caller.udpSeen, 'punch');
    const fromCaller = network.sendUdp('caller', callee.udpSeen, 'punch');
    const callerAnswer = fromCallee.arrived && !fromCaller.delivered ? network.sendUdp('caller', fromCallee.arrived.source, 'punch-reply') : null;
    const calleeAnswer = fromCaller.arrived && !fromCallee.delivered ? network.sendUdp('callee', fromCaller.arrived.source, 'punch-reply') : null;
    const callerHeard = fromCallee.arrived?.source ?? (calleeAnswer?.delivered ? calleeAnswer.arrived!.source : null);
    const calleeHeard = fromCaller.arrived?.source ?? (callerAnswer?.delivered ? callerAnswer.arrived!.source : null);
    if (callerHeard && calleeHeard) {
      mediaOverUdp(network, 'hole-punched-udp', callerHeard, calleeHeard);
      return {mediaPath: 'hole-punched-udp', signallingPath};
    }
    waitForNothing(network, 'punching');
  } else {
    network.note('no-udp', {client: caller.udpSeen ? 'callee' : 'caller'}, caller.udpSeen ? 'callee' : 'caller');
  }
  network.phase = 'tcp';
  const direct = openForCall(network, 'caller', {ip: callee.publicIp, port: network.sides.callee.tcpPort});
  if (direct) {
    mediaOverTcp(network, 'direct-tcp', direct);
    return {mediaPath: 'direct-tcp', signallingPath};
  }
  waitForNothing(network, 'direct-tcp');
  toSupernode(network, caller, 'reversal-request');
  toClient(network, callee, 'reversal-forward');
  const reversed = openForCall(network, 'callee', {ip: caller.publicIp, port: network.sides.caller.tcpPort});
  if (reversed) {
    mediaOverTcp(network, 'reversed-tcp', reversed);
    return {mediaPath: 'reversed-tcp', signallingPath};
  }
  waitForNothing(network, 'reversal');
  network.phase = 'relay';
  network.note('relay-chosen', {relay: natEndpointText(network.relay)}, 'relay');
  toSupernode(network, caller, 'relay-request');
  toClient(network, callee, 'relay-forward');
  const bothUdp = caller.udpSeen !== null && callee.udpSeen !== null;
  if (bothUdp) return relayMedia(network, true, [], signallingPath);
  return relayMedia(network, false, [openOrFail(network, 'caller', network.relay), openOrFail(network, 'callee', network.relay)], signallingPath);
}

function waitForNothing(network: NatCallNetwork, attempt: 'direct-udp' | 'punching' | 'direct-tcp' | 'reversal' | 'relay-connect'): void {
  network.advance(NAT_LAB_TIMING.attemptWaitSeconds);
  network.note('no-answer', {seconds: NAT_LAB_TIMING.attemptWaitSeconds, attempt});
}

/** A TCP connection of the call itself (not a registration), which closes when the call ends. */
function openForCall(network: NatCallNetwork, opener: 'caller' | 'callee' | 'relay', target: NatEndpoint): NatTcpConnection | null {
  const connection = network.openTcp(opener, target);
  if (connection) network.callConnections.push(connection);
  return connection;
}

function openOrFail(network: NatCallNetwork, opener: 'caller' | 'callee', target: NatEndpoint): NatTcpConnection {
  const connection = openForCall(network, opener, target);
  if (!connection) throw new Error(`NatCallNetwork: ${opener} could not open TCP to ${natEndpointText(target)}; every kind in the lab lets TCP out`);
  return connection;
}

function startMedia(network: NatCallNetwork, path: NatMediaPath): void {
  network.phase = 'media';
  network.mediaPath = path;
  network.note('path', {path});
}

/** Voice both ways over UDP: the caller to `calleeTarget`, the callee to `callerTarget`. */
function mediaOverUdp(network: NatCallNetwork, path: NatMediaPath, calleeTarget: NatEndpoint, callerTarget: NatEndpoint): void {
  startMedia(network, path);
  network.sendUdp('caller', calleeTarget, 'media');
  network.sendUdp('callee', callerTarget, 'media');
}

/** Voice both ways over one TCP connection. */
function mediaOverTcp(network: NatCallNetwork, path: NatMediaPath, connection: NatTcpConnection): void {
  startMedia(network, path);
  network.sendTcp(connection, 'caller', 'media');
  network.sendTcp(connection, 'callee', 'media');
}

/** Voice through the relay: over UDP (each client sends first, which opens its NAT), or over the two TCP connections. */
function relayMedia(network: NatCallNetwork, overUdp: boolean, connections: NatTcpConnection[], signallingPath: NatSignallingPath): CallPath {
  const mediaPath: NatMediaPath = overUdp ? 'relayed-udp' : 'relayed-tcp';
  startMedia(network, mediaPath);
  if (overUdp) {
    const fromCaller = network.sendUdp('caller', network.relay, 'media');
    const fromCallee = network.sendUdp('callee', network.relay, 'media');
    if (fromCallee.arrived) network.sendUdp('relay', fromCallee.arrived.source, 'media-forward');
    if (fromCaller.arrived) network.sendUdp('relay', fromCaller.arrived.source, 'media-forward');
  } else {
    const [fromCaller, fromCallee] = connections;
    network.sendTcp(fromCaller, 'caller', 'media');
    network.sendTcp(fromCallee, 'relay', 'media-forward');
    network.sendTcp(fromCallee, 'callee', 'media');
    network.sendTcp(fromCaller, 'relay', 'media-forward');
  }
  return {mediaPath, signallingPath};
}

/** The call ends: its TCP connections close; then nobody sends, and the UDP rows expire one by one. */
function finish(network: NatCallNetwork, registrations: Registration[]): void {
  network.closeTcp(network.callConnections, network.callConnections.length > 0 ? 'call-ends-tcp' : 'call-ends');
  network.phase = 'expiry';
  const last = network.lastExpiry();
  if (last !== null) {
    network.note('idle', {timeout: network.udpMappingTimeoutSeconds});
    network.advanceTo(last);
  }
  const tcpLeft = registrations.some((registration) => registration.connection !== null);
  network.note(tcpLeft ? 'end-tcp-left' : 'end-empty');
}
