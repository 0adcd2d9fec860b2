/**
 * Naming a NAT from what it was seen doing (public API in nat.ts), as a STUN-style test would:
 * the public ports it gave one inside endpoint for different destinations tell its mapping
 * behaviour (RFC 4787 §4.1), and which outside packets it let in tell its filtering (§5). The
 * classic name follows RFC 3489: the three cones map endpoint-independently; symmetric does not.
 */
import type {NatBehaviour} from './natDevice';
import type {NatEndpointKind} from './natKinds';

/**
 * One thing seen at a NAT, all for the same inside endpoint: an outgoing packet (`destination` and
 * the public source port it left with), or an incoming one (`inboundFrom`, the public port it was
 * sent to, and whether it got in).
 */
export interface NatObservation {
  /** Outgoing: where the inside host sent it, 'ip:port'. */
  destination?: string;
  /** The NAT's public port: the source port of an outgoing packet after the NAT, or the port an incoming one was sent to. */
  mappedPort: number;
  /** Incoming: where it came from, 'ip:port'. */
  inboundFrom?: string;
  /** Incoming: whether the NAT delivered it inside. */
  delivered?: boolean;
}

export type NatClassicName = 'full cone' | 'restricted cone' | 'port-restricted cone' | 'symmetric';

export interface NatClassification {
  /** Mapping behaviour, or null when the observations cannot tell. */
  mapping: NatBehaviour | null;
  filtering: NatBehaviour | null;
  /** RFC 3489's name, or null when the observations cannot tell. */
  classicName: NatClassicName | null;
  /** The lab's endpoint kind with exactly these behaviours, if there is one. */
  endpointKind: NatEndpointKind | null;
  /** How each conclusion was reached, one sentence each. */
  reasons: string[];
  /** The observations still needed (or the contradictions found), one sentence each. */
  missing: string[];
}

interface Parsed {
  ip: string;
  port: number;
}

function parseEndpoint(text: unknown, where: string): Parsed {
  const match = typeof text === 'string' ? /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(text.trim()) : null;
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535 || match[1].split('.').some((part) => Number(part) > 255)) {
    throw new RangeError(`classifyNatFromObservations: ${where} must be an address and port such as '192.0.2.10:3478', got ${JSON.stringify(text)}`);
  }
  return {ip: match[1], port};
}

/**
 * Names a NAT's mapping and filtering behaviour, and its classic name, from observations.
 *
 * Mapping needs two outgoing packets to different addresses (same public port → endpoint-independent)
 * and, when those differ, two to the same address on different ports (same port → address-dependent).
 * Filtering needs an incoming packet from an address never contacted (let in → endpoint-independent)
 * and, when that is dropped, one from a contacted address but another port (let in → address-dependent).
 *
 * @param observations what was seen, in any order
 * @returns the behaviours found, why, and what is missing
 * @throws RangeError for an observation that is neither outgoing nor incoming, or has a malformed address or port
 * @example
 * classifyNatFromObservations([
 *   {destination: '192.0.2.10:3478', mappedPort: 40000},
 *   {destination: '198.51.100.9:5000', mappedPort: 40000},
 *   {inboundFrom: '203.0.113.5:6000', mappedPort: 40000, delivered: false},
 *   {inboundFrom: '192.0.2.10:9999', mappedPort: 40000, delivered: true},
 * ]).classicName // 'restricted cone'
 */
export function classifyNatFromObservations(observations: readonly NatObservation[]): NatClassification {
  if (!Array.isArray(observations)) throw new RangeError('classifyNatFromObservations: give an array of observations');
  const outgoing: {destination: Parsed; port: number}[] = [];
  const incoming: {from: Parsed; port: number; delivered: boolean}[] = [];
  observations.forEach((observation, index) => {
    const where = `observation ${index}`;
    const port = observation?.mappedPort;
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`classifyNatFromObservations: ${where}.mappedPort must be a port from 1 to 65535, got ${String(port)}`);
    if ((observation.destination === undefined) === (observation.inboundFrom === undefined)) {
      throw new RangeError(`classifyNatFromObservations: ${where} needs either destination (an outgoing packet) or inboundFrom (an incoming one)`);
    }
    if (observation.destination !== undefined) outgoing.push({destination: parseEndpoint(observation.destination, `${where}.destination`), port});
    else {
      if (typeof observation.delivered !== 'boolean') throw new RangeError(`classifyNatFromObservations: ${where}.delivered must be true or false`);
      incoming.push({from: parseEndpoint(observation.inboundFrom, `${where}.inboundFrom`), port, delivered: observation.delivered});
    }
  });
  const reasons: string[] = [];
  const missing: string[] = [];
  const mapping = classifyMapping(outgoing, reasons, missing);
  const filtering = classifyFiltering(outgoing, incoming, reasons, missing);
  const classicName: NatClassicName | null =
    mapping === null
      ? null
      : mapping !== 'endpoint-independent'
        ? 'symmetric'
        : filtering === null
          ? null
          : ({'endpoint-independent': 'full cone', 'address-dependent': 'restricted cone', 'address-and-port-dependent': 'port-restricted cone'} as const)[filtering];
  const endpointKind: NatEndpointKind | null =
    mapping === 'endpoint-independent' && filtering !== null
      ? ({'endpoint-independent': 'full-cone', 'address-dependent': 'restricted-cone', 'address-and-port-dependent': 'port-restricted-cone'} as const)[filtering]
      : mapping === 'address-and-port-dependent' && filtering === 'address-and-port-dependent'
        ? 'symmetric'
        : null;
  return {mapping, filtering, classicName, endpointKind, reasons, missing};
}

function classifyMapping(outgoing: {destination: Parsed; port: number}[], reasons: string[], missing: string[]): NatBehaviour | null {
  const text = (destination: Parsed) => `${destination.ip}:${destination.port}`;
  let otherAddressSame: string | null = null;
  let otherAddressDifferent: string | null = null;
  let otherPortSame: string | null = null;
  let otherPortDifferent: string | null = null;
  for (let first = 0; first < outgoing.length; first++) {
    for (let second = first + 1; second < outgoing.length; second++) {
      const [left, right] = [outgoing[first], outgoing[second]];
      if (left.destination.ip === right.destination.ip && left.destination.port === right.destination.port) continue;
      const pair = `${text(left.destination)} (port ${left.port}) and ${text(right.destination)} (port ${right.port})`;
      if (left.destination.ip !== right.destination.ip) {
        if (left.port === right.port) otherAddressSame ??= pair;
        else otherAddressDifferent ??= pair;
      } else if (left.port === right.port) otherPortSame ??= pair;
      else otherPortDifferent ??= pair;
    }
  }
  if (otherAddressSame) {
    if (otherPortDifferent) {
      missing.push(`The mapping observations contradict each other: ${otherAddressSame} share a port, but ${otherPortDifferent} do not. Did a mapping expire in between?`);
      return null;
    }
    reasons.push(`Mapping is endpoint-independent: packets to two different addresses, ${otherAddressSame}, left from the same public port.`);
    return 'endpoint-independent';
  }
  if (otherPortDifferent) {
    reasons.push(`Mapping is address-and-port-dependent: even packets to one address on two ports, ${otherPortDifferent}, got different public ports.`);
    return 'address-and-port-dependent';
  }
  if (otherAddressDifferent && otherPortSame) {
    reasons.push(`Mapping is address-dependent: packets to two addresses, ${otherAddressDifferent}, got different public ports, but two ports of one address, ${otherPortSame}, shared one.`);
    return 'address-dependent';
  }
  if (otherAddressDifferent) missing.push(`Mapping: packets to two addresses got different ports (${otherAddressDifferent}); send to a second port of one of those addresses to tell address-dependent from address-and-port-dependent mapping.`);
  else if (otherPortSame) missing.push(`Mapping: two ports of one address shared a public port (${otherPortSame}); send to a second address to tell endpoint-independent from address-dependent mapping.`);
  else missing.push('Mapping: send from the same inside endpoint to at least two different addresses, and note the public port each packet leaves with.');
  return null;
}

function classifyFiltering(
  outgoing: {destination: Parsed; port: number}[],
  incoming: {from: Parsed; port: number; delivered: boolean}[],
  reasons: string[],
  missing: string[],
): NatBehaviour | null {
  let strangerIn: string | null = null;
  let strangerOut: string | null = null;
  let otherPortIn: string | null = null;
  let otherPortOut: string | null = null;
  for (const packet of incoming) {
    // Only destinations reached through this public port count as contacted.
    const contacted = outgoing.filter((out) => out.port === packet.port).map((out) => out.destination);
    if (contacted.length === 0) continue;
    const label = `${packet.from.ip}:${packet.from.port} to port ${packet.port}`;
    if (!contacted.some((destination) => destination.ip === packet.from.ip)) {
      if (packet.delivered) strangerIn ??= label;
      else strangerOut ??= label;
    } else if (!contacted.some((destination) => destination.ip === packet.from.ip && destination.port === packet.from.port)) {
      if (packet.delivered) otherPortIn ??= label;
      else otherPortOut ??= label;
    }
  }
  if (strangerIn) {
    if (otherPortOut) {
      missing.push(`The filtering observations contradict each other: a never-contacted address got in (${strangerIn}), but a contacted address from another port did not (${otherPortOut}).`);
      return null;
    }
    reasons.push(`Filtering is endpoint-independent: a packet from an address the inside host never contacted got in (${strangerIn}).`);
    return 'endpoint-independent';
  }
  if (strangerOut && otherPortIn) {
    reasons.push(`Filtering is address-dependent: a stranger was dropped (${strangerOut}), but a contacted address got in from a port it was never sent to (${otherPortIn}).`);
    return 'address-dependent';
  }
  if (otherPortOut) {
    reasons.push(`Filtering is address-and-port-dependent: even a contacted address was dropped when it wrote from another port (${otherPortOut}).`);
    return 'address-and-port-dependent';
  }
  if (strangerOut) missing.push(`Filtering: a stranger was dropped (${strangerOut}); now send from a contacted address but another port, to tell address-dependent from address-and-port-dependent filtering.`);
  else if (otherPortIn) missing.push(`Filtering: a contacted address got in from another port (${otherPortIn}); now send from an address never contacted, to tell endpoint-independent from address-dependent filtering.`);
  else missing.push('Filtering: send a packet to a mapped public port from an address the inside host never contacted, and note whether it gets in.');
  return null;
}
