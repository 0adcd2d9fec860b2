/**
 * One box between a host and the Internet, for the NAT lab (public API in nat.ts): a NAT with the
 * mapping and filtering behaviours of RFC 4787 §4.1 and §5, a UDP mapping timer (§4.3), and TCP
 * state; or a firewall that drops UDP and, optionally, incoming TCP connections. Pure and
 * deterministic: external ports come from the simulations' one seeded generator.
 */
import {SeededRandom} from './random';

/** RFC 4787's three behaviours, used both for mapping (§4.1) and for filtering (§5). */
export type NatBehaviour = 'endpoint-independent' | 'address-dependent' | 'address-and-port-dependent';

export const NAT_BEHAVIOURS: readonly NatBehaviour[] = ['endpoint-independent', 'address-dependent', 'address-and-port-dependent'];

export type NatTransport = 'udp' | 'tcp';

export interface NatEndpoint {
  ip: string;
  port: number;
}

/**
 * A packet as the model moves it. TCP is reduced to the three segments that matter to a NAT: the
 * first of a connection (`open`, a SYN), its answer (`accept`, the SYN-ACK) and everything after (`data`).
 */
export interface NatPacket {
  protocol: NatTransport;
  source: NatEndpoint;
  destination: NatEndpoint;
  /** TCP only. Default 'data'. */
  segment?: 'open' | 'accept' | 'data';
}

/**
 * RFC 4787 REQ-5: a UDP mapping timer must not expire in less than 2 minutes (5 or more is
 * recommended). The model's NATs use the minimum, the least friendly timer a conforming NAT may have.
 */
export const NAT_DEFAULT_UDP_TIMEOUT_SECONDS = 120;

/** A NAT box: its public address, its two behaviours and its UDP timer. */
export interface NatTranslatorSpec {
  type: 'nat';
  mapping: NatBehaviour;
  filtering: NatBehaviour;
  publicIp: string;
  /** Seconds a UDP entry lives after the last packet sent out through it. Default 120 (RFC 4787 REQ-5). */
  udpMappingTimeoutSeconds?: number;
}

/** A firewall on a public address: it rewrites nothing, and drops what its rules forbid. */
export interface NatFirewallSpec {
  type: 'firewall';
  /** Drop every UDP packet, in both directions. */
  blocksUdp: boolean;
  /** 'allowed': TCP connections may be opened from outside; 'replies-only': only those opened from inside pass. */
  inboundTcp: 'allowed' | 'replies-only';
}

export type NatBoxSpec = NatTranslatorSpec | NatFirewallSpec;

/**
 * One row of a box's table. With endpoint-independent filtering a NAT keeps one row per mapping,
 * open to anyone (`remote` null); otherwise one row per remote address (address-dependent) or
 * address and port (address-and-port-dependent), all rows of one mapping sharing its external port.
 */
export interface NatTableEntry {
  /** Unique within its box, in order of creation. */
  id: number;
  protocol: NatTransport;
  internal: NatEndpoint;
  /** Equal to `internal` on a firewall, which rewrites nothing. */
  external: NatEndpoint;
  /** The remote the row lets in: null for anyone, port null for any port of that address. */
  remote: {ip: string; port: number | null} | null;
  created: number;
  /** The time of the last packet sent out through the row (RFC 4787 REQ-6: outbound packets refresh it). */
  lastUsed: number;
  /** When the row is forgotten unless used again; null for TCP, whose state lasts as long as its connection. */
  expires: number | null;
}

/** Why a box dropped a packet, with what the words need. */
export type NatDropReason =
  | {code: 'udp-blocked'}
  | {code: 'inbound-tcp-blocked'}
  | {code: 'unsolicited-tcp'}
  | {code: 'no-connection'}
  | {code: 'no-mapping'; port: number}
  | {code: 'filtered-address'; port: number; allowed: string[]}
  | {code: 'filtered-port'; port: number; allowed: string[]};

export type NatVerdict =
  | {
      verdict: 'pass';
      /** The packet as it leaves the box (rewritten by a NAT). */
      packet: NatPacket;
      /** The row that let it through, or null when a rule needs none (a firewall that allows it). */
      entry: NatTableEntry | null;
      /** True when the packet created its row. */
      created: boolean;
      /** True when that row also took a new external port (a new mapping, not one more row of an existing one). */
      newMapping: boolean;
    }
  | {verdict: 'drop'; reason: NatDropReason};

/** A row as text, for tables: what `show.table` and the widget print. */
export interface NatTableRow {
  protocol: NatTransport;
  internal: string;
  external: string;
  remote: string;
  created: number;
  lastUsed: number;
  expires: number | null;
}

const LOWEST_DYNAMIC_PORT = 1024;
const HIGHEST_PORT = 65535;

/** 'ip:port' text of an endpoint. @example natEndpointText({ip: '192.0.2.1', port: 80}) // '192.0.2.1:80' */
export const natEndpointText = (endpoint: NatEndpoint) => `${endpoint.ip}:${endpoint.port}`;

/** The remote of a row as text: '*' for anyone, 'ip:*' for any port of one address. */
export function natRemoteText(remote: NatTableEntry['remote']): string {
  if (remote === null) return '*';
  return `${remote.ip}:${remote.port ?? '*'}`;
}

const sameEndpoint = (left: NatEndpoint, right: NatEndpoint) => left.ip === right.ip && left.port === right.port;
const behaviourRank = (behaviour: NatBehaviour) => NAT_BEHAVIOURS.indexOf(behaviour);

/** The remote a row is bound to: as specific as the stricter of the two behaviours needs. */
function boundRemote(behaviour: NatBehaviour, destination: NatEndpoint): NatTableEntry['remote'] {
  if (behaviour === 'endpoint-independent') return null;
  return {ip: destination.ip, port: behaviour === 'address-dependent' ? null : destination.port};
}

const sameRemote = (left: NatTableEntry['remote'], right: NatTableEntry['remote']) =>
  left === right || (left !== null && right !== null && left.ip === right.ip && left.port === right.port);

/**
 * A NAT or a firewall. Every method takes the current time in seconds, and first forgets the rows
 * whose timer has run out, so that the box behaves the same whether or not `expire` was called.
 *
 * @example
 * const nat = new NatBox({type: 'nat', mapping: 'endpoint-independent', filtering: 'address-and-port-dependent', publicIp: '198.51.100.2'}, 7);
 * const out = nat.outbound({protocol: 'udp', source: {ip: '192.168.1.2', port: 5000}, destination: {ip: '192.0.2.10', port: 3478}}, 0);
 * // out.verdict === 'pass'; out.packet.source is 198.51.100.2 and a port the NAT chose
 */
export class NatBox {
  readonly spec: NatBoxSpec;
  private readonly random: SeededRandom;
  private rows: NatTableEntry[] = [];
  private nextId = 1;

  /**
   * @param spec what the box is
   * @param seed seeds the choice of external ports (default 0)
   * @throws RangeError for a UDP timer that is not a positive number of seconds
   */
  constructor(spec: NatBoxSpec, seed: number | SeededRandom = 0) {
    if (spec.type === 'nat') {
      const timeout = spec.udpMappingTimeoutSeconds ?? NAT_DEFAULT_UDP_TIMEOUT_SECONDS;
      if (!(typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0)) {
        throw new RangeError(`NatBox: udpMappingTimeoutSeconds must be a positive number of seconds, got ${String(timeout)}`);
      }
    }
    this.spec = spec;
    this.random = typeof seed === 'number' ? new SeededRandom(seed) : seed;
  }

  /** The UDP timer in seconds; a firewall keeps no UDP state, so null. */
  get udpTimeoutSeconds(): number | null {
    return this.spec.type === 'nat' ? (this.spec.udpMappingTimeoutSeconds ?? NAT_DEFAULT_UDP_TIMEOUT_SECONDS) : null;
  }

  /** The live rows, oldest first (copies). */
  entries(): NatTableEntry[] {
    return this.rows.map(copyEntry);
  }

  /** The live rows as text, for a table. */
  tableRows(): NatTableRow[] {
    return this.rows.map(natTableRow);
  }

  /** The earliest time a row's timer runs out, or null when no row has a timer. */
  nextExpiry(): number | null {
    let earliest: number | null = null;
    for (const row of this.rows) if (row.expires !== null && (earliest === null || row.expires < earliest)) earliest = row.expires;
    return earliest;
  }

  /** The latest time a row's timer runs out, or null when no row has a timer. */
  lastExpiry(): number | null {
    let latest: number | null = null;
    for (const row of this.rows) if (row.expires !== null && (latest === null || row.expires > latest)) latest = row.expires;
    return latest;
  }

  /**
   * Forgets the rows whose timer ran out at or before `now` (RFC 4787 §4.3).
   * @returns the rows forgotten, oldest first
   */
  expire(now: number): NatTableEntry[] {
    const expired = this.rows.filter((row) => row.expires !== null && row.expires <= now);
    if (expired.length > 0) this.rows = this.rows.filter((row) => !expired.includes(row));
    return expired;
  }

  /**
   * Forgets one row at once, as when its TCP connection closes.
   * @param id the row's id (from a verdict's `entry`)
   * @returns the row forgotten, or null when there was none with that id
   */
  removeEntry(id: number): NatTableEntry | null {
    const row = this.rows.find((candidate) => candidate.id === id);
    if (!row) return null;
    this.rows = this.rows.filter((candidate) => candidate !== row);
    return row;
  }

  /** A packet from inside going out: find or create its row, rewrite its source (a NAT), or drop it (a firewall rule). */
  outbound(packet: NatPacket, now: number): NatVerdict {
    this.expire(now);
    if (this.spec.type === 'firewall') return this.firewallOutbound(this.spec, packet, now);
    return this.natOutbound(this.spec, packet, now);
  }

  /** A packet from outside coming in: let it through (rewriting its destination, on a NAT) or drop it, saying why. */
  inbound(packet: NatPacket, now: number): NatVerdict {
    this.expire(now);
    if (this.spec.type === 'firewall') return this.firewallInbound(this.spec, packet);
    return this.natInbound(this.spec, packet);
  }

  private natOutbound(spec: NatTranslatorSpec, packet: NatPacket, now: number): NatVerdict {
    // TCP state is per connection whatever the UDP behaviour: only the remote end may answer.
    const mapping = packet.protocol === 'tcp' ? 'address-and-port-dependent' : spec.mapping;
    const filtering = packet.protocol === 'tcp' ? 'address-and-port-dependent' : spec.filtering;
    const binding = behaviourRank(mapping) > behaviourRank(filtering) ? mapping : filtering;
    const remote = boundRemote(binding, packet.destination);
    const ownRows = this.rows.filter((row) => row.protocol === packet.protocol && sameEndpoint(row.internal, packet.source));
    let row = ownRows.find((candidate) => sameRemote(candidate.remote, remote));
    const created = !row;
    let newMapping = false;
    if (!row) {
      // RFC 4787 §4.1: which earlier mapping, if any, this destination may reuse.
      const reusable = ownRows.find((candidate) => {
        if (mapping === 'endpoint-independent') return true;
        if (candidate.remote === null || candidate.remote.ip !== packet.destination.ip) return false;
        return mapping === 'address-dependent' || candidate.remote.port === packet.destination.port;
      });
      newMapping = !reusable;
      const externalPort = reusable ? reusable.external.port : this.freePort(packet.protocol);
      row = {
        id: this.nextId++,
        protocol: packet.protocol,
        internal: {...packet.source},
        external: {ip: spec.publicIp, port: externalPort},
        remote,
        created: now,
        lastUsed: now,
        expires: null,
      };
      this.rows.push(row);
    }
    row.lastUsed = now;
    row.expires = packet.protocol === 'udp' ? now + (spec.udpMappingTimeoutSeconds ?? NAT_DEFAULT_UDP_TIMEOUT_SECONDS) : null;
    return {verdict: 'pass', packet: {...packet, source: {...row.external}}, entry: copyEntry(row), created, newMapping};
  }

  private natInbound(spec: NatTranslatorSpec, packet: NatPacket): NatVerdict {
    const port = packet.destination.port;
    if (packet.protocol === 'tcp') {
      if (packet.segment === 'open') return {verdict: 'drop', reason: {code: 'unsolicited-tcp'}};
      const row = this.rows.find((candidate) => candidate.protocol === 'tcp' && candidate.external.port === port && candidate.remote !== null && candidate.remote.ip === packet.source.ip && candidate.remote.port === packet.source.port);
      if (!row) return {verdict: 'drop', reason: {code: 'no-connection'}};
      return {verdict: 'pass', packet: {...packet, destination: {...row.internal}}, entry: copyEntry(row), created: false, newMapping: false};
    }
    const rows = this.rows.filter((candidate) => candidate.protocol === 'udp' && candidate.external.port === port);
    if (rows.length === 0) return {verdict: 'drop', reason: {code: 'no-mapping', port}};
    // RFC 4787 §5: which outside sources the mapping's filter lets in.
    const row = rows.find((candidate) => {
      if (spec.filtering === 'endpoint-independent' || candidate.remote === null) return true;
      if (candidate.remote.ip !== packet.source.ip) return false;
      return spec.filtering === 'address-dependent' || candidate.remote.port === null || candidate.remote.port === packet.source.port;
    });
    if (!row) {
      const allowed = rows.map((candidate) => natRemoteText(candidate.remote));
      const knownAddress = rows.some((candidate) => candidate.remote?.ip === packet.source.ip);
      return {verdict: 'drop', reason: {code: knownAddress ? 'filtered-port' : 'filtered-address', port, allowed}};
    }
    return {verdict: 'pass', packet: {...packet, destination: {...row.internal}}, entry: copyEntry(row), created: false, newMapping: false};
  }

  private firewallOutbound(spec: NatFirewallSpec, packet: NatPacket, now: number): NatVerdict {
    if (packet.protocol === 'udp') return spec.blocksUdp ? {verdict: 'drop', reason: {code: 'udp-blocked'}} : {verdict: 'pass', packet, entry: null, created: false, newMapping: false};
    if (spec.inboundTcp === 'allowed') return {verdict: 'pass', packet, entry: null, created: false, newMapping: false};
    // A stateful firewall remembers the connections opened from inside, so that their answers get in.
    const remote = {ip: packet.destination.ip, port: packet.destination.port};
    let row = this.rows.find((candidate) => sameEndpoint(candidate.internal, packet.source) && sameRemote(candidate.remote, remote));
    const created = !row;
    if (!row) {
      if (packet.segment !== 'open') return {verdict: 'drop', reason: {code: 'no-connection'}};
      row = {id: this.nextId++, protocol: 'tcp', internal: {...packet.source}, external: {...packet.source}, remote, created: now, lastUsed: now, expires: null};
      this.rows.push(row);
    }
    row.lastUsed = now;
    return {verdict: 'pass', packet, entry: copyEntry(row), created, newMapping: created};
  }

  private firewallInbound(spec: NatFirewallSpec, packet: NatPacket): NatVerdict {
    if (packet.protocol === 'udp') return spec.blocksUdp ? {verdict: 'drop', reason: {code: 'udp-blocked'}} : {verdict: 'pass', packet, entry: null, created: false, newMapping: false};
    if (spec.inboundTcp === 'allowed') return {verdict: 'pass', packet, entry: null, created: false, newMapping: false};
    if (packet.segment === 'open') return {verdict: 'drop', reason: {code: 'inbound-tcp-blocked'}};
    const row = this.rows.find((candidate) => sameEndpoint(candidate.internal, packet.destination) && candidate.remote?.ip === packet.source.ip && candidate.remote.port === packet.source.port);
    if (!row) return {verdict: 'drop', reason: {code: 'no-connection'}};
    return {verdict: 'pass', packet, entry: copyEntry(row), created: false, newMapping: false};
  }

  /** A random external port that no live row of this protocol uses. */
  private freePort(protocol: NatTransport): number {
    for (;;) {
      const port = this.random.integer(LOWEST_DYNAMIC_PORT, HIGHEST_PORT);
      if (!this.rows.some((row) => row.protocol === protocol && row.external.port === port)) return port;
    }
  }
}

const copyEntry = (row: NatTableEntry): NatTableEntry => ({...row, internal: {...row.internal}, external: {...row.external}, remote: row.remote && {...row.remote}});

/** A table entry as text. */
export function natTableRow(entry: NatTableEntry): NatTableRow {
  return {
    protocol: entry.protocol,
    internal: natEndpointText(entry.internal),
    external: natEndpointText(entry.external),
    remote: natRemoteText(entry.remote),
    created: entry.created,
    lastUsed: entry.lastUsed,
    expires: entry.expires,
  };
}
