/**
 * The eight kinds of endpoint of the NAT lab (public API in nat.ts), each as the boxes that stand
 * between the host and the Internet. The four NAT names are RFC 3489's, mapped to RFC 4787's
 * behaviours as the chapter's table does; the firewalls and the last kind are Baset & Schulzrinne's
 * setups (§3): a UDP-blocking firewall, and a port-restricted NAT behind one.
 */
import type {NatBehaviour, NatFirewallSpec} from './natDevice';

export const NAT_ENDPOINT_KINDS = [
  'public',
  'full-cone',
  'restricted-cone',
  'port-restricted-cone',
  'symmetric',
  'udp-blocking-firewall',
  'tcp-out-only-firewall',
  'port-restricted-behind-udp-firewall',
] as const;

export type NatEndpointKind = (typeof NAT_ENDPOINT_KINDS)[number];

export interface NatEndpointKindInfo {
  /** The translation id of the kind's name in the widget (`lab.natTraversal.kind.<kind>`). */
  labelId: string;
  /** The name in English. */
  label: string;
  /** The translation id of the short name used in the outcome matrix's headers. */
  shortLabelId: string;
  shortLabel: string;
  /** The NAT on this side, if any: its RFC 4787 behaviours. */
  nat: {mapping: NatBehaviour; filtering: NatBehaviour} | null;
  /** The firewall on this side, if any; it stands outside the NAT when there are both. */
  firewall: Omit<NatFirewallSpec, 'type'> | null;
}

const UDP_BLOCKING: Omit<NatFirewallSpec, 'type'> = {blocksUdp: true, inboundTcp: 'allowed'};

export const NAT_ENDPOINT_KIND_INFO: Readonly<Record<NatEndpointKind, NatEndpointKindInfo>> = {
  public: {labelId: 'lab.natTraversal.kind.public', label: 'public address', shortLabelId: 'lab.natTraversal.kindShort.public', shortLabel: 'public', nat: null, firewall: null},
  'full-cone': {
    labelId: 'lab.natTraversal.kind.full-cone',
    label: 'full-cone NAT',
    shortLabelId: 'lab.natTraversal.kindShort.full-cone',
    shortLabel: 'full cone',
    nat: {mapping: 'endpoint-independent', filtering: 'endpoint-independent'},
    firewall: null,
  },
  'restricted-cone': {
    labelId: 'lab.natTraversal.kind.restricted-cone',
    label: 'restricted-cone NAT',
    shortLabelId: 'lab.natTraversal.kindShort.restricted-cone',
    shortLabel: 'restricted',
    nat: {mapping: 'endpoint-independent', filtering: 'address-dependent'},
    firewall: null,
  },
  'port-restricted-cone': {
    labelId: 'lab.natTraversal.kind.port-restricted-cone',
    label: 'port-restricted-cone NAT',
    shortLabelId: 'lab.natTraversal.kindShort.port-restricted-cone',
    shortLabel: 'port-restr.',
    nat: {mapping: 'endpoint-independent', filtering: 'address-and-port-dependent'},
    firewall: null,
  },
  symmetric: {
    labelId: 'lab.natTraversal.kind.symmetric',
    label: 'symmetric NAT',
    shortLabelId: 'lab.natTraversal.kindShort.symmetric',
    shortLabel: 'symmetric',
    nat: {mapping: 'address-and-port-dependent', filtering: 'address-and-port-dependent'},
    firewall: null,
  },
  'udp-blocking-firewall': {
    labelId: 'lab.natTraversal.kind.udp-blocking-firewall',
    label: 'UDP-blocking firewall',
    shortLabelId: 'lab.natTraversal.kindShort.udp-blocking-firewall',
    shortLabel: 'no UDP',
    nat: null,
    firewall: UDP_BLOCKING,
  },
  'tcp-out-only-firewall': {
    labelId: 'lab.natTraversal.kind.tcp-out-only-firewall',
    label: 'TCP-out-only firewall',
    shortLabelId: 'lab.natTraversal.kindShort.tcp-out-only-firewall',
    shortLabel: 'TCP out only',
    nat: null,
    firewall: {blocksUdp: true, inboundTcp: 'replies-only'},
  },
  'port-restricted-behind-udp-firewall': {
    labelId: 'lab.natTraversal.kind.port-restricted-behind-udp-firewall',
    label: 'port-restricted NAT behind a UDP-blocking firewall',
    shortLabelId: 'lab.natTraversal.kindShort.port-restricted-behind-udp-firewall',
    shortLabel: 'NAT + no UDP',
    nat: {mapping: 'endpoint-independent', filtering: 'address-and-port-dependent'},
    firewall: UDP_BLOCKING,
  },
};

/** Whether `value` names one of the eight kinds. */
export function isNatEndpointKind(value: string): value is NatEndpointKind {
  return (NAT_ENDPOINT_KINDS as readonly string[]).includes(value);
}
