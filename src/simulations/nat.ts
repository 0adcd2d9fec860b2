/**
 * The NAT lab's model, pure and deterministic (chapter "NAT and relaying"): NAT and firewall boxes
 * with RFC 4787's mapping and filtering behaviours and UDP timers (natDevice.ts), the eight endpoint
 * kinds (natKinds.ts), a small network that moves packets through them step by step
 * (natNetwork.ts), two call set-up policies that only react to what gets through
 * (natCallSetup.ts), the words of each step (natText.ts), and a classifier of NATs from
 * observations (natClassify.ts). This file is their public API.
 */
import {NAT_DEFAULT_UDP_TIMEOUT_SECONDS} from './natDevice';
import {NAT_ENDPOINT_KINDS, isNatEndpointKind, type NatEndpointKind} from './natKinds';
import {runNatCall} from './natCallSetup';
import {NatCallNetwork} from './natNetwork';
import {NAT_CALL_POLICIES, type NatCallOutcome, type NatCallPolicy, type NatCallSide, type NatCallTrace, type NatTraceStep} from './natTrace';

export {
  NAT_BEHAVIOURS,
  NAT_DEFAULT_UDP_TIMEOUT_SECONDS,
  NatBox,
  natEndpointText,
  natRemoteText,
  natTableRow,
  type NatBehaviour,
  type NatBoxSpec,
  type NatDropReason,
  type NatEndpoint,
  type NatFirewallSpec,
  type NatPacket,
  type NatTableEntry,
  type NatTableRow,
  type NatTranslatorSpec,
  type NatTransport,
  type NatVerdict,
} from './natDevice';
export {NAT_ENDPOINT_KINDS, NAT_ENDPOINT_KIND_INFO, isNatEndpointKind, type NatEndpointKind, type NatEndpointKindInfo} from './natKinds';
export {NAT_LAB_ADDRESSES, NAT_LAB_TIMING} from './natNetwork';
export {NAT_TEXT_EN, describeNatStep, englishNatText, fillNatTemplate, natSeconds, type NatTextFormatter, type NatTextKey, type NatTextValues} from './natText';
export {classifyNatFromObservations, type NatClassicName, type NatClassification, type NatObservation} from './natClassify';
export {
  NAT_CALL_POLICIES,
  NAT_MEDIA_PATHS,
  type NatAddressPair,
  type NatAttempt,
  type NatBoxId,
  type NatCallOutcome,
  type NatCallPolicy,
  type NatCallSide,
  type NatCallTrace,
  type NatMediaPath,
  type NatNodeId,
  type NatNodeInfo,
  type NatNoteId,
  type NatNoteValues,
  type NatPacketPurpose,
  type NatPhase,
  type NatSignallingPath,
  type NatStepKind,
  type NatTableRowView,
  type NatTraceDropReason,
  type NatTraceEvent,
  type NatTraceStep,
} from './natTrace';

export interface NatCallOptions {
  caller: NatEndpointKind;
  callee: NatEndpointKind;
  policy: NatCallPolicy;
  /** Seeds every port chosen (listening ports, NAT mappings): a whole number from 0 to 4294967295. Default 1. */
  seed?: number;
  /** Every NAT's UDP timer in seconds; at least 120, as RFC 4787 REQ-5 requires. Default 120. */
  udpMappingTimeoutSeconds?: number;
}

/** The defaults of `simulateNatCall`, in one place. */
export const NAT_CALL_DEFAULTS = {seed: 1, udpMappingTimeoutSeconds: NAT_DEFAULT_UDP_TIMEOUT_SECONDS} as const;

/** Every caller kind → every callee kind → the outcome. */
export type NatOutcomeMatrix = Record<NatEndpointKind, Record<NatEndpointKind, NatCallOutcome>>;

/** Whether `seed` is a whole number from 0 to 2^32 − 1. */
export const isNatSeed = (seed: unknown): seed is number => typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;

/**
 * Sets up one call, packet by packet, and returns every step and the outcome.
 *
 * @param options the two endpoint kinds, the policy, and optionally the seed and the UDP timer
 * @returns the trace: the nodes with their addresses, the steps, and the outcome
 * @throws RangeError for an unknown kind or policy, a seed that is not a whole number from 0 to
 *   4294967295, or a UDP timer under 120 s
 * @example
 * const trace = simulateNatCall({caller: 'port-restricted-cone', callee: 'public', policy: 'skype-2004'});
 * trace.outcome.mediaPath // 'relayed-udp', as Baset & Schulzrinne saw (§4.4–4.5)
 */
export function simulateNatCall(options: NatCallOptions): NatCallTrace {
  return runValidated(options, true);
}

function runValidated(options: NatCallOptions, record: boolean): NatCallTrace {
  const {caller, callee, policy} = options;
  const seed = options.seed ?? NAT_CALL_DEFAULTS.seed;
  const timeout = options.udpMappingTimeoutSeconds ?? NAT_CALL_DEFAULTS.udpMappingTimeoutSeconds;
  for (const [name, kind] of [['caller', caller], ['callee', callee]] as const) {
    if (typeof kind !== 'string' || !isNatEndpointKind(kind)) throw new RangeError(`simulateNatCall: ${name} must be one of ${NAT_ENDPOINT_KINDS.join(', ')}; got ${JSON.stringify(kind)}`);
  }
  if (!NAT_CALL_POLICIES.includes(policy)) throw new RangeError(`simulateNatCall: policy must be one of ${NAT_CALL_POLICIES.join(', ')}; got ${JSON.stringify(policy)}`);
  if (!isNatSeed(seed)) throw new RangeError(`simulateNatCall: seed must be a whole number from 0 to 4294967295; got ${String(seed)}`);
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < NAT_DEFAULT_UDP_TIMEOUT_SECONDS) {
    throw new RangeError(`simulateNatCall: udpMappingTimeoutSeconds must be at least ${NAT_DEFAULT_UDP_TIMEOUT_SECONDS} (RFC 4787 REQ-5); got ${String(timeout)}`);
  }
  const network = new NatCallNetwork(caller, callee, seed, timeout, record);
  const result = runNatCall(network, policy);
  return {...result, seed, nodes: network.nodes(), steps: network.steps};
}

/**
 * The outcome of every pair of endpoint kinds under one policy, each found by running the call.
 * @param policy which client behaviour
 * @param seed seeds every call (the outcomes do not depend on it; the ports do). Default 1.
 * @returns caller kind → callee kind → outcome
 * @example natOutcomeMatrix('hole-punching')['symmetric']['symmetric'].mediaPath // 'relayed-udp'
 */
export function natOutcomeMatrix(policy: NatCallPolicy, seed: number = NAT_CALL_DEFAULTS.seed): NatOutcomeMatrix {
  const matrix = {} as NatOutcomeMatrix;
  for (const caller of NAT_ENDPOINT_KINDS) {
    matrix[caller] = {} as Record<NatEndpointKind, NatCallOutcome>;
    // The same packets as simulateNatCall, without keeping the steps.
    for (const callee of NAT_ENDPOINT_KINDS) matrix[caller][callee] = runValidated({caller, callee, policy, seed}, false).outcome;
  }
  return matrix;
}

/**
 * How many rows the boxes of one side hold after a step (rows shown as expired or closed at that
 * step no longer count).
 */
export function natLiveEntryCount(step: NatTraceStep, side: NatCallSide): number {
  let count = 0;
  for (const [box, rows] of Object.entries(step.tables)) {
    if (box.startsWith(`${side}-`)) count += rows!.filter((row) => row.status !== 'expired' && row.status !== 'closed').length;
  }
  return count;
}
