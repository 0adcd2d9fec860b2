/**
 * The little Internet of the NAT lab (public API in nat.ts): a caller and a callee, each behind the
 * boxes of its endpoint kind, a supernode and a relay on public addresses. It moves packets through
 * the boxes one hop at a time and records every step of the trace: sent, rewritten, delivered,
 * dropped, expired. The call set-up policies (natCallSetup.ts) only decide what to send next.
 */
import {NatBox, natEndpointText, natRemoteText, natTableRow, type NatEndpoint, type NatPacket, type NatTableRow} from './natDevice';
import {NAT_ENDPOINT_KIND_INFO, type NatEndpointKind} from './natKinds';
import {describeNatStep} from './natText';
import {SeededRandom} from './random';
import type {
  NatAddressPair,
  NatBoxId,
  NatCallSide,
  NatMediaPath,
  NatNodeId,
  NatNodeInfo,
  NatNoteId,
  NatNoteValues,
  NatPacketPurpose,
  NatPhase,
  NatTableRowView,
  NatTraceEvent,
  NatTraceStep,
} from './natTrace';

/**
 * Illustrative addresses: private ones inside the NATs, and public ones from the documentation
 * ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), which belong to nobody.
 */
export const NAT_LAB_ADDRESSES = {
  callerPrivate: '192.168.1.2',
  callerPublic: '198.51.100.2',
  calleePrivate: '10.0.0.7',
  calleePublic: '203.0.113.7',
  supernode: '192.0.2.10',
  relay: '192.0.2.20',
} as const;

/** The model's clock, in seconds. */
export const NAT_LAB_TIMING = {
  /** How long one packet takes on its way: our choice, only so that the clock moves. */
  hopSeconds: 0.05,
  /** How long a client waits for an answer over UDP at login before it tries TCP: about 5 s (Baset & Schulzrinne §4.2.1, Fig. 2). */
  loginUdpWaitSeconds: 5,
  /** How long a client waits for an answer during call set-up: our choice; the sources give no call set-up timings. */
  attemptWaitSeconds: 1,
  /** When the caller places the call, after both clients have registered: our choice. */
  callStartSeconds: 10,
} as const;

const LOWEST_PORT = 1024;
const HIGHEST_PORT = 65535;

/** One party: its host, its listening ports (chosen at random at install time, Baset & Schulzrinne §2.1) and its boxes. */
export interface NatPartySide {
  role: NatCallSide;
  kind: NatEndpointKind;
  hostIp: string;
  publicIp: string;
  udpPort: number;
  tcpPort: number;
  /** From the host outwards. */
  boxes: {id: NatBoxId; box: NatBox}[];
}

/** The outcome of sending one packet. */
export interface NatDelivery {
  delivered: boolean;
  receiver: NatNodeId | null;
  /** The packet as it arrived, with every rewrite applied: its source is what the receiver sees. */
  arrived: NatPacket | null;
  /** The box rows that let it through. */
  rows: {box: NatBoxId; id: number}[];
}

/** A TCP connection that was accepted. */
export interface NatTcpConnection {
  opener: NatNodeId;
  accepter: NatNodeId;
  /** The opener's own end. */
  openerEndpoint: NatEndpoint;
  /** The opener as the accepter sees it (after the opener's NAT). */
  openerSeen: NatEndpoint;
  /** The address the opener dialled, which is the accepter as the opener sees it. */
  target: NatEndpoint;
  /** The accepter's own end. */
  accepterEndpoint: NatEndpoint;
  rows: {box: NatBoxId; id: number}[];
}

type PendingStep = Pick<NatTraceStep, 'kind' | 'from' | 'sent' | 'current' | 'through' | 'event' | 'protocol'>;

const pairOf = (packet: NatPacket): NatAddressPair => ({source: natEndpointText(packet.source), destination: natEndpointText(packet.destination)});
const isParty = (node: NatNodeId): node is NatCallSide => node === 'caller' || node === 'callee';

/**
 * The network of one call. Deterministic: every random choice (ports) comes from `seed`.
 */
export class NatCallNetwork {
  now = 0;
  phase: NatPhase = 'registration';
  mediaPath: NatMediaPath | null = null;
  readonly steps: NatTraceStep[] = [];
  /** The TCP connections of the call itself, closed when it ends (the registrations' stay open). */
  readonly callConnections: NatTcpConnection[] = [];
  readonly udpMappingTimeoutSeconds: number;
  readonly sides: Record<NatCallSide, NatPartySide>;
  readonly supernode: NatEndpoint;
  readonly relay: NatEndpoint;
  private readonly random: SeededRandom;
  private readonly openPorts = new Map<NatNodeId, {udp: Set<number>; tcp: Set<number>}>();
  private previousRows = new Map<NatBoxId, Map<number, NatTableRow>>();

  /**
   * @param record false to move the packets without keeping the steps: the same outcome, found
   *   faster, for the outcome matrix
   */
  constructor(caller: NatEndpointKind, callee: NatEndpointKind, seed: number, udpMappingTimeoutSeconds: number, private readonly record = true) {
    this.random = new SeededRandom(seed);
    this.udpMappingTimeoutSeconds = udpMappingTimeoutSeconds;
    this.supernode = {ip: NAT_LAB_ADDRESSES.supernode, port: this.port()};
    this.relay = {ip: NAT_LAB_ADDRESSES.relay, port: this.port()};
    this.sides = {
      caller: this.buildSide('caller', caller, udpMappingTimeoutSeconds),
      callee: this.buildSide('callee', callee, udpMappingTimeoutSeconds),
    };
    for (const node of ['supernode', 'relay'] as const) {
      const {port} = node === 'supernode' ? this.supernode : this.relay;
      this.openPorts.set(node, {udp: new Set([port]), tcp: new Set([port])});
    }
    for (const side of Object.values(this.sides)) this.openPorts.set(side.role, {udp: new Set([side.udpPort]), tcp: new Set([side.tcpPort])});
  }

  private port(): number {
    return this.random.integer(LOWEST_PORT, HIGHEST_PORT);
  }

  private buildSide(role: NatCallSide, kind: NatEndpointKind, udpMappingTimeoutSeconds: number): NatPartySide {
    const info = NAT_ENDPOINT_KIND_INFO[kind];
    const publicIp = role === 'caller' ? NAT_LAB_ADDRESSES.callerPublic : NAT_LAB_ADDRESSES.calleePublic;
    const privateIp = role === 'caller' ? NAT_LAB_ADDRESSES.callerPrivate : NAT_LAB_ADDRESSES.calleePrivate;
    const boxes: NatPartySide['boxes'] = [];
    // Each box draws its ports from a generator of its own, so that one box's traffic never shifts another's ports.
    if (info.nat) {
      boxes.push({id: `${role}-nat`, box: new NatBox({type: 'nat', ...info.nat, publicIp, udpMappingTimeoutSeconds}, new SeededRandom(this.random.nextUint32()))});
    }
    if (info.firewall) boxes.push({id: `${role}-firewall`, box: new NatBox({type: 'firewall', ...info.firewall}, new SeededRandom(this.random.nextUint32()))});
    return {role, kind, hostIp: info.nat ? privateIp : publicIp, publicIp, udpPort: this.port(), tcpPort: this.port(), boxes};
  }

  /** Every node in drawing order, with its addresses. */
  nodes(): NatNodeInfo[] {
    const boxInfo = ({id, box}: {id: NatBoxId; box: NatBox}, side: NatPartySide): NatNodeInfo => ({
      id,
      address: side.publicIp,
      publicAddress: box.spec.type === 'nat' ? box.spec.publicIp : null,
      box:
        box.spec.type === 'nat'
          ? {type: 'nat', mapping: box.spec.mapping, filtering: box.spec.filtering, udpTimeoutSeconds: box.udpTimeoutSeconds ?? 0}
          : {type: 'firewall', blocksUdp: box.spec.blocksUdp, inboundTcp: box.spec.inboundTcp},
    });
    const {caller, callee} = this.sides;
    return [
      {id: 'caller', address: caller.hostIp, publicAddress: null, box: null},
      ...caller.boxes.map((box) => boxInfo(box, caller)),
      {id: 'supernode', address: natEndpointText(this.supernode), publicAddress: null, box: null},
      {id: 'relay', address: natEndpointText(this.relay), publicAddress: null, box: null},
      ...callee.boxes.map((box) => boxInfo(box, callee)).reverse(),
      {id: 'callee', address: callee.hostIp, publicAddress: null, box: null},
    ];
  }

  /** The address a node sends from: a host's own (private, behind a NAT) address. */
  ipOf(node: NatNodeId): string {
    if (isParty(node)) return this.sides[node].hostIp;
    if (node === 'supernode') return this.supernode.ip;
    if (node === 'relay') return this.relay.ip;
    throw new RangeError(`NatCallNetwork: a box (${node}) sends nothing of its own`);
  }

  /** A host's UDP endpoint, the one its client listens and sends on. */
  udpEndpointOf(node: NatNodeId): NatEndpoint {
    if (isParty(node)) return {ip: this.sides[node].hostIp, port: this.sides[node].udpPort};
    return node === 'supernode' ? {...this.supernode} : {...this.relay};
  }

  // ---- time -------------------------------------------------------------------------------------

  /** Lets `seconds` pass; rows whose timer runs out meanwhile expire, one step each, at their own time. */
  advance(seconds: number): void {
    this.advanceTo(this.now + seconds);
  }

  advanceTo(time: number): void {
    for (;;) {
      let earliest: {id: NatBoxId; box: NatBox; expires: number} | null = null;
      for (const side of Object.values(this.sides)) {
        for (const {id, box} of side.boxes) {
          const expires = box.nextExpiry();
          if (expires !== null && expires <= time && (earliest === null || expires < earliest.expires)) earliest = {id, box, expires};
        }
      }
      if (earliest === null) break;
      this.now = Math.max(this.now, earliest.expires);
      for (const row of earliest.box.expire(this.now)) {
        if (!this.record) continue;
        const view = natTableRow(row);
        this.push(
          {kind: 'expire', from: earliest.id, sent: null, current: null, through: [], protocol: row.protocol, event: {type: 'expire', row: view, idleSeconds: this.now - row.lastUsed}},
          earliest.id,
          this.snapshot([{box: earliest.id, id: row.id, row: view, status: 'expired'}]),
        );
      }
    }
    this.now = Math.max(this.now, time);
  }

  /** The time of the latest UDP timer still running, or null when none is. */
  lastExpiry(): number | null {
    let latest: number | null = null;
    for (const side of Object.values(this.sides)) {
      for (const {box} of side.boxes) {
        const expires = box.lastExpiry();
        if (expires !== null && (latest === null || expires > latest)) latest = expires;
      }
    }
    return latest;
  }

  // ---- steps ------------------------------------------------------------------------------------

  /** Every box's rows now, with what changed since the previous step; `extra` adds rows forgotten at this step. */
  private snapshot(extra: {box: NatBoxId; id: number; row: NatTableRow; status: 'expired' | 'closed'}[] = []): NatTraceStep['tables'] {
    const tables: NatTraceStep['tables'] = {};
    if (!this.record) return tables;
    for (const side of Object.values(this.sides)) {
      for (const {id, box} of side.boxes) {
        const before = this.previousRows.get(id);
        const rows: NatTableRowView[] = box.entries().map((entry) => {
          const row = natTableRow(entry);
          const previous = before?.get(entry.id);
          const status = !previous ? 'new' : previous.lastUsed !== row.lastUsed ? 'refreshed' : 'live';
          return {...row, id: entry.id, status};
        });
        for (const forgotten of extra.filter((item) => item.box === id)) rows.push({...forgotten.row, id: forgotten.id, status: forgotten.status});
        tables[id] = rows.sort((left, right) => left.id - right.id);
      }
    }
    return tables;
  }

  private push(pending: PendingStep, to: NatNodeId, tables: NatTraceStep['tables']): void {
    if (!this.record) return;
    const step: Omit<NatTraceStep, 'description'> = {time: Math.round(this.now * 1000) / 1000, phase: this.phase, to, tables, mediaPath: this.mediaPath, ...pending, through: [...pending.through]};
    this.steps.push({...step, description: describeNatStep(step)});
    this.previousRows = new Map(
      Object.entries(tables).map(([box, rows]) => [box as NatBoxId, new Map(rows.filter((row) => row.status !== 'expired' && row.status !== 'closed').map((row) => [row.id, row]))]),
    );
  }

  /** A remark between packets, at `at` in the picture. */
  note(note: NatNoteId, values: NatNoteValues = {}, at: NatNodeId = 'caller'): void {
    this.push({kind: 'note', from: at, sent: null, current: null, through: [], protocol: null, event: {type: 'note', note, values}}, at, this.snapshot());
  }

  // ---- packets ----------------------------------------------------------------------------------

  /** The boxes a packet crosses from `sender` to `destinationIp`, and who receives it. */
  private route(sender: NatNodeId, destinationIp: string): {hops: {id: NatBoxId; box: NatBox; direction: 'outbound' | 'inbound'}[]; receiver: NatNodeId} {
    const hops: {id: NatBoxId; box: NatBox; direction: 'outbound' | 'inbound'}[] = [];
    if (isParty(sender)) hops.push(...this.sides[sender].boxes.map((box) => ({...box, direction: 'outbound' as const})));
    if (destinationIp === this.supernode.ip) return {hops, receiver: 'supernode'};
    if (destinationIp === this.relay.ip) return {hops, receiver: 'relay'};
    const side = Object.values(this.sides).find((candidate) => candidate.publicIp === destinationIp);
    if (!side) throw new RangeError(`NatCallNetwork: no node has the public address ${destinationIp}`);
    hops.push(...[...side.boxes].reverse().map((box) => ({...box, direction: 'inbound' as const})));
    return {hops, receiver: side.role};
  }

  /** Sends one packet from `sender`, hop by hop, recording its steps. */
  transmit(sender: NatNodeId, packet: NatPacket, purpose: NatPacketPurpose): NatDelivery {
    this.advance(NAT_LAB_TIMING.hopSeconds);
    const sent = pairOf(packet);
    const {hops, receiver} = this.route(sender, packet.destination.ip);
    const rows: NatDelivery['rows'] = [];
    let current = packet;
    let pending: PendingStep = {kind: 'send', from: sender, sent, current: sent, through: [], protocol: packet.protocol, event: {type: 'send', purpose}};
    const stopAt = (to: NatNodeId, event: NatTraceEvent, kind: 'drop' | 'deliver') => {
      this.push(pending, to, this.snapshot());
      this.push({kind, from: pending.from, sent, current: pairOf(current), through: pending.through, protocol: packet.protocol, event}, to, this.snapshot());
    };
    for (const hop of hops) {
      const before = this.snapshot();
      const verdict = hop.direction === 'outbound' ? hop.box.outbound(current, this.now) : hop.box.inbound(current, this.now);
      if (verdict.verdict === 'drop') {
        this.push(pending, hop.id, before);
        this.push({kind: 'drop', from: pending.from, sent, current: pairOf(current), through: pending.through, protocol: packet.protocol, event: {type: 'drop', reason: verdict.reason}}, hop.id, this.snapshot());
        return {delivered: false, receiver: null, arrived: null, rows};
      }
      if (verdict.entry) rows.push({box: hop.id, id: verdict.entry.id});
      if (hop.box.spec.type === 'firewall') {
        pending.through.push(hop.id);
        current = verdict.packet;
        continue;
      }
      this.push(pending, hop.id, before);
      const outbound = hop.direction === 'outbound';
      const beforeText = natEndpointText(outbound ? current.source : current.destination);
      current = verdict.packet;
      pending = {
        kind: 'rewrite',
        from: hop.id,
        sent,
        current: pairOf(current),
        through: [],
        protocol: packet.protocol,
        event: {
          type: 'rewrite',
          direction: hop.direction,
          mapping: outbound ? (verdict.newMapping ? 'created' : verdict.created ? 'extended' : 'existing') : null,
          remote: natRemoteText(verdict.entry?.remote ?? null),
          before: beforeText,
          after: natEndpointText(outbound ? current.source : current.destination),
        },
      };
    }
    const open = this.openPorts.get(receiver);
    const listening = packet.protocol === 'udp' ? open?.udp : open?.tcp;
    if (!listening?.has(current.destination.port)) {
      stopAt(receiver, {type: 'drop', reason: {code: 'closed-port', port: current.destination.port}}, 'drop');
      return {delivered: false, receiver: null, arrived: null, rows};
    }
    stopAt(receiver, {type: 'deliver'}, 'deliver');
    return {delivered: true, receiver, arrived: current, rows};
  }

  /** A UDP packet from a node's own UDP endpoint to `destination`. */
  sendUdp(sender: NatNodeId, destination: NatEndpoint, purpose: NatPacketPurpose): NatDelivery {
    return this.transmit(sender, {protocol: 'udp', source: this.udpEndpointOf(sender), destination}, purpose);
  }

  /**
   * Opens a TCP connection from `opener` to `target`: the opening segment, then the answer.
   * @returns the connection, or null when the opening segment was dropped
   */
  openTcp(opener: NatNodeId, target: NatEndpoint): NatTcpConnection | null {
    const ports = this.openPorts.get(opener)!;
    let port = this.port();
    while (ports.tcp.has(port) || ports.udp.has(port)) port = this.port();
    const source = {ip: this.ipOf(opener), port};
    ports.tcp.add(port);
    const open = this.transmit(opener, {protocol: 'tcp', segment: 'open', source, destination: target}, 'connect');
    if (!open.delivered || !open.arrived || !open.receiver) {
      ports.tcp.delete(port);
      return null;
    }
    const accept = this.transmit(open.receiver, {protocol: 'tcp', segment: 'accept', source: open.arrived.destination, destination: open.arrived.source}, 'accept');
    if (!accept.delivered) return null;
    return {opener, accepter: open.receiver, openerEndpoint: source, openerSeen: open.arrived.source, target, accepterEndpoint: open.arrived.destination, rows: [...open.rows, ...accept.rows]};
  }

  /** A TCP segment of `connection`, sent by `sender` (one of its two ends). */
  sendTcp(connection: NatTcpConnection, sender: NatNodeId, purpose: NatPacketPurpose): NatDelivery {
    const fromOpener = sender === connection.opener;
    const packet: NatPacket = fromOpener
      ? {protocol: 'tcp', segment: 'data', source: connection.openerEndpoint, destination: connection.target}
      : {protocol: 'tcp', segment: 'data', source: connection.accepterEndpoint, destination: connection.openerSeen};
    return this.transmit(sender, packet, purpose);
  }

  /** Closes connections: every box forgets their rows, shown struck through on one note step. */
  closeTcp(connections: readonly NatTcpConnection[], note: NatNoteId): void {
    const forgotten: {box: NatBoxId; id: number; row: NatTableRow; status: 'closed'}[] = [];
    for (const connection of connections) {
      for (const {box: boxId, id} of connection.rows) {
        const owner = Object.values(this.sides).flatMap((side) => side.boxes).find((candidate) => candidate.id === boxId);
        const row = owner?.box.removeEntry(id);
        if (row) forgotten.push({box: boxId, id, row: natTableRow(row), status: 'closed'});
      }
    }
    this.push({kind: 'note', from: 'caller', sent: null, current: null, through: [], protocol: null, event: {type: 'note', note, values: {}}}, 'caller', this.snapshot(forgotten));
  }
}
