/**
 * The trace of a simulated call set-up (public API in nat.ts): plain objects that a widget can draw
 * step by step without computing anything, and that a live cell can print.
 */
import type {NatDropReason, NatTableRow, NatTransport} from './natDevice';
import type {NatEndpointKind} from './natKinds';

/** The two client policies the lab compares. */
export type NatCallPolicy = 'skype-2004' | 'hole-punching';

export const NAT_CALL_POLICIES: readonly NatCallPolicy[] = ['skype-2004', 'hole-punching'];

export type NatCallSide = 'caller' | 'callee';

/** A NAT or a firewall, on one side. */
export type NatBoxId = 'caller-nat' | 'caller-firewall' | 'callee-nat' | 'callee-firewall';

/** Every place a packet can be: the two hosts, their boxes, the supernode and the relay. */
export type NatNodeId = NatCallSide | NatBoxId | 'supernode' | 'relay';

export type NatPhase = 'registration' | 'direct-attempt' | 'punching' | 'tcp' | 'relay' | 'media' | 'expiry';

export type NatStepKind = 'send' | 'rewrite' | 'deliver' | 'drop' | 'expire' | 'note';

/** What a packet is for; each has its words in natText.ts. */
export type NatPacketPurpose =
  | 'register'
  | 'register-reply'
  | 'connect'
  | 'accept'
  | 'address-report'
  | 'lookup'
  | 'lookup-reply'
  | 'direct-probe'
  | 'probe-reply'
  | 'introduce'
  | 'punch'
  | 'punch-reply'
  | 'reversal-request'
  | 'reversal-forward'
  | 'relay-request'
  | 'relay-forward'
  | 'signalling'
  | 'signalling-forward'
  | 'media'
  | 'media-forward';

/** An attempt that can fail, named in the "no answer" note. */
export type NatAttempt = 'register-udp' | 'direct-udp' | 'punching' | 'direct-tcp' | 'reversal' | 'relay-connect';

/** The media path a call ends up with. */
export type NatMediaPath = 'direct-udp' | 'hole-punched-udp' | 'direct-tcp' | 'reversed-tcp' | 'relayed-udp' | 'relayed-tcp';

export const NAT_MEDIA_PATHS: readonly NatMediaPath[] = ['direct-udp', 'hole-punched-udp', 'direct-tcp', 'reversed-tcp', 'relayed-udp', 'relayed-tcp'];

/** Where the call's signalling goes: straight to the callee, through the relay, or through the supernode. */
export type NatSignallingPath = 'direct-tcp' | 'relayed-tcp' | 'via-supernode';

/** Why a packet was dropped: a box's reason, or a host with nothing listening on the port. */
export type NatTraceDropReason = NatDropReason | {code: 'closed-port'; port: number};

/** The remarks between packets, each with its words in natText.ts. */
export type NatNoteId =
  | 'no-answer'
  | 'udp-blocked-fallback'
  | 'behind-nat'
  | 'not-behind-nat'
  | 'call-starts'
  | 'skype2004-direct'
  | 'skype2004-relay-caller'
  | 'skype2004-relay-callee'
  | 'skype2004-relay-both'
  | 'relay-chosen'
  | 'no-udp'
  | 'path'
  | 'call-ends'
  | 'call-ends-tcp'
  | 'idle'
  | 'end-tcp-left'
  | 'end-empty';

/** What happens at a step, with what its words need (the addresses are in the step itself). */
export type NatTraceEvent =
  | {type: 'send'; purpose: NatPacketPurpose}
  | {
      type: 'rewrite';
      direction: 'outbound' | 'inbound';
      /** Outbound: a new mapping, a new row on an existing mapping's port, or an existing row; null inbound. */
      mapping: 'created' | 'extended' | 'existing' | null;
      /** The row's remote as text: '*', 'ip:*' or 'ip:port'. */
      remote: string;
      /** The address the NAT rewrote (the source going out, the destination coming in), before and after. */
      before: string;
      after: string;
    }
  | {type: 'deliver'}
  | {type: 'drop'; reason: NatTraceDropReason}
  | {type: 'expire'; row: NatTableRow; idleSeconds: number}
  | {type: 'note'; note: NatNoteId; values: NatNoteValues};

/** What a note's words need: node ids, an attempt and a path are worded by natText.ts; the rest is printed as it is. */
export interface NatNoteValues {
  client?: NatNodeId;
  attempt?: NatAttempt;
  path?: NatMediaPath;
  seconds?: number;
  own?: string;
  seen?: string;
  relay?: string;
  timeout?: number;
}

export interface NatAddressPair {
  source: string;
  destination: string;
}

/** A row of a box's table at a step, and what happened to it at that step. */
export interface NatTableRowView extends NatTableRow {
  id: number;
  /** new: created at this step; refreshed: used at this step; expired or closed: forgotten at this step (shown once more). */
  status: 'new' | 'refreshed' | 'live' | 'expired' | 'closed';
}

export interface NatTraceStep {
  /** Seconds since the first registration. */
  time: number;
  kind: NatStepKind;
  phase: NatPhase;
  /** Where the arrow of this step starts: the sender, or the box that last rewrote the packet. */
  from: NatNodeId;
  /** Where it ends: the next box that acts on the packet, or the receiver. Equal to `from` for notes and expiries. */
  to: NatNodeId;
  protocol: NatTransport | null;
  /** The packet as its sender wrote it; null for notes and expiries. */
  sent: NatAddressPair | null;
  /** The packet as it travels after this step: rewritten by every NAT it has passed so far. */
  current: NatAddressPair | null;
  /** Firewalls the packet crossed on this step's arrow without being changed or stopped. */
  through: NatBoxId[];
  event: NatTraceEvent;
  /** One line in English (the widget words it through its translations). */
  description: string;
  /** Every box's table after this step. */
  tables: Partial<Record<NatBoxId, NatTableRowView[]>>;
  /** The media path, from the step where media starts flowing; null before. */
  mediaPath: NatMediaPath | null;
}

export interface NatCallOutcome {
  mediaPath: NatMediaPath;
  signallingPath: NatSignallingPath;
  /** The relay's address when the call went through one. */
  relay: string | null;
  /** True only for the three setups Baset & Schulzrinne measured, under the 2004 policy. */
  measured: boolean;
  /** 'measured' or 'extrapolated' under the 2004 policy; 'not-applicable' under hole punching. */
  evidence: 'measured' | 'extrapolated' | 'not-applicable';
}

/** A node of the picture: its name and its addresses. */
export interface NatNodeInfo {
  id: NatNodeId;
  /** Its own address (a host's private address behind a NAT). */
  address: string;
  /** For a NAT: its public address. */
  publicAddress: string | null;
  /** For a box: what it is. */
  box: {type: 'nat'; mapping: string; filtering: string; udpTimeoutSeconds: number} | {type: 'firewall'; blocksUdp: boolean; inboundTcp: 'allowed' | 'replies-only'} | null;
}

export interface NatCallTrace {
  caller: NatEndpointKind;
  callee: NatEndpointKind;
  policy: NatCallPolicy;
  seed: number;
  /** Every node, in drawing order: caller, its boxes (inside out), supernode, relay, the callee's boxes (outside in), callee. */
  nodes: NatNodeInfo[];
  steps: NatTraceStep[];
  outcome: NatCallOutcome;
}
