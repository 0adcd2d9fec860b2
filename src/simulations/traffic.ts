/**
 * The traffic generator of the detection lab (chapter "Protocol detection"), public API: flows of
 * Skype voice shaped by the source model of Bonfiglio et al. 2007 (§3–§4.2; trafficWorkingPoints.ts,
 * trafficSkype.ts) and flows that are not Skype (trafficOther.ts). Pure and deterministic: the same
 * seed gives the same bytes and times. Every flow is made up, and its keys come from the library's
 * teaching stand-in for Skype's key engine; none of it is captured traffic.
 */
import {SeededRandom} from './random';
import {dnsMessages, httpLikeMessages, randomUdpMessages, rtpMessages} from './trafficOther';
import {documentationAddress, ephemeralPort} from './trafficSampling';
import {skypeEndToEndUdpMessages, skypeOutUdpMessages, skypeTcpMessages} from './trafficSkype';
import {E2E_CODEC, SKYPEOUT_CODEC, SKYPE_WORKING_POINTS, TYPICAL_FRAMING_TIMES_MS, assertWorkingPoint, type WorkingPoint} from './trafficWorkingPoints';

export {
  BLOCK_HEADER_BYTES,
  CBR_SIGMA_BYTES,
  E2E_CODEC,
  FRAMING_TIMES_MS,
  REDUNDANCY_FACTORS,
  SKYPEOUT_CODEC,
  SKYPE_WORKING_POINTS,
  START_OF_MESSAGE_BYTES,
  TYPICAL_FRAMING_TIMES_MS,
  VBR_SIGMA_BYTES,
  VOICE_CODECS,
  expectedMessageSize,
  type VoiceCodec,
  type WorkingPoint,
} from './trafficWorkingPoints';
export {VOICE_GAP_SIGMA_MS} from './trafficSampling';
export {SKYPEOUT_CONNECTION_ID_BYTES} from './trafficSkype';
export {RANDOM_UDP_SIZE, RTP_CODECS, RTP_HEADER_BYTES, RTP_PACKET_TIMES_MS} from './trafficOther';

/** The kinds of flow the generator makes: three of Skype, four of other traffic. */
export type TrafficKind = 'skype-e2e-udp' | 'skypeout-udp' | 'skype-tcp' | 'rtp' | 'dns' | 'http-like' | 'random-udp';
/** Every kind, Skype first, in the order generateTraffic makes them. */
export const TRAFFIC_KINDS: readonly TrafficKind[] = ['skype-e2e-udp', 'skypeout-udp', 'skype-tcp', 'rtp', 'dns', 'http-like', 'random-udp'];

/** What each kind is: its transport, and the ground truth the classifiers are scored against. */
export const TRAFFIC_KIND_PROPERTIES: Readonly<Record<TrafficKind, {transport: 'udp' | 'tcp'; isSkype: boolean; isSkypeVoice: boolean}>> = {
  'skype-e2e-udp': {transport: 'udp', isSkype: true, isSkypeVoice: true},
  'skypeout-udp': {transport: 'udp', isSkype: true, isSkypeVoice: true},
  // A call carried over TCP, as Skype did when UDP was blocked: voice too.
  'skype-tcp': {transport: 'tcp', isSkype: true, isSkypeVoice: true},
  rtp: {transport: 'udp', isSkype: false, isSkypeVoice: false},
  dns: {transport: 'udp', isSkype: false, isSkypeVoice: false},
  'http-like': {transport: 'tcp', isSkype: false, isSkypeVoice: false},
  'random-udp': {transport: 'udp', isSkype: false, isSkypeVoice: false},
};

/** One message of a flow: when it was sent, and the UDP payload or the one TCP message it carried. */
export interface TrafficMessage {
  /** Milliseconds since the first message of the flow. */
  timeMs: number;
  payload: Uint8Array;
}

/** The two ends of a flow, made up from the documentation addresses of RFC 5737. */
export interface TrafficEndpoints {
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
}

/** One flow: one direction of a 5-tuple, with its messages in order. */
export interface TrafficFlow {
  /** `<kind>-<index>` from generateTraffic, as in 'skype-e2e-udp-3'; `<kind>-seed-<seed>` from generateFlow. */
  id: string;
  kind: TrafficKind;
  transport: 'udp' | 'tcp';
  /** Ground truth: Skype (voice over UDP, end to end or SkypeOut, or Skype over TCP). */
  isSkype: boolean;
  /** Ground truth: a Skype voice flow. Every Skype flow the generator makes is a call, over UDP or TCP. */
  isSkypeVoice: boolean;
  /** The working point the voice was generated with; null for flows that are not Skype voice. */
  workingPoint: WorkingPoint | null;
  messages: TrafficMessage[];
  /** The made-up addresses and ports of the flow; the ones of an end-to-end flow are also the ones its datagrams were obfuscated for. */
  endpoints?: TrafficEndpoints;
}

/** Options of {@link generateFlow}. */
export interface FlowOptions {
  kind: TrafficKind;
  /** How many messages, from 0 to {@link MAX_FLOW_MESSAGES}. */
  messageCount: number;
  /** A whole number from 0 to 4294967295. */
  seed: number;
  /** The voice's working point; by default one drawn from the seed (see {@link generateFlow}). Ignored for kinds that are not Skype. */
  workingPoint?: WorkingPoint;
}

/** The longest flow the generator makes: 10,000 messages, five minutes of voice at ΔT = 30 ms. */
export const MAX_FLOW_MESSAGES = 10_000;
/** The SkypeOut gateway's UDP port (Bonfiglio et al. 2007, §3.2.3). */
export const SKYPEOUT_GATEWAY_PORT = 12340;
/** Skype over TCP connects out to the HTTPS port when UDP is blocked (Baset & Schulzrinne 2004, §2.1). */
const SKYPE_TCP_PORT = 443;
const DNS_PORT = 53;
const HTTP_PORT = 80;

const isSeed = (seed: unknown): seed is number => typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;

/**
 * The default working point of a voice flow: the codec the paper found preferred for its kind (ISAC
 * end to end, G.729 for SkypeOut, §3.1; either over TCP), a typical ΔT of 20, 30 or 60 ms (§3.1),
 * and RF from 1 to 4, each equally likely among the points of SKYPE_WORKING_POINTS.
 */
function defaultWorkingPoint(random: SeededRandom, kind: TrafficKind): WorkingPoint {
  const codec = kind === 'skype-e2e-udp' ? E2E_CODEC : kind === 'skypeout-udp' ? SKYPEOUT_CODEC : random.pick([E2E_CODEC, SKYPEOUT_CODEC]);
  return random.pick(SKYPE_WORKING_POINTS.filter((point) => point.codec === codec && TYPICAL_FRAMING_TIMES_MS.includes(point.framingMs)));
}

function endpointsOf(random: SeededRandom, kind: TrafficKind): TrafficEndpoints {
  const srcIp = documentationAddress(random);
  const dstIp = documentationAddress(random);
  const srcPort = ephemeralPort(random);
  const dstPort = {
    'skype-e2e-udp': random.integer(1024, 65535), // each client listened on a port chosen at install time
    'skypeout-udp': SKYPEOUT_GATEWAY_PORT,
    'skype-tcp': SKYPE_TCP_PORT,
    rtp: 2 * random.integer(8192, 16383), // RTP uses an even port (RFC 3550 §11)
    dns: DNS_PORT,
    'http-like': HTTP_PORT,
    'random-udp': random.integer(1024, 65535),
  }[kind];
  return {srcIp, srcPort, dstIp, dstPort};
}

function buildFlow(options: FlowOptions, id: string): TrafficFlow {
  const {kind, messageCount, seed} = options;
  if (!TRAFFIC_KINDS.includes(kind)) throw new RangeError(`generateFlow: kind must be one of ${TRAFFIC_KINDS.join(', ')}; got ${JSON.stringify(kind)}`);
  if (!Number.isInteger(messageCount) || messageCount < 0 || messageCount > MAX_FLOW_MESSAGES) {
    throw new RangeError(`generateFlow: messageCount must be a whole number from 0 to ${MAX_FLOW_MESSAGES}; got ${String(messageCount)}`);
  }
  if (!isSeed(seed)) throw new RangeError(`generateFlow: seed must be a whole number from 0 to 4294967295; got ${String(seed)}`);
  const properties = TRAFFIC_KIND_PROPERTIES[kind];
  const random = new SeededRandom(seed);
  const endpoints = endpointsOf(random, kind);
  let workingPoint: WorkingPoint | null = null;
  if (properties.isSkypeVoice) {
    if (options.workingPoint !== undefined) assertWorkingPoint(options.workingPoint, 'generateFlow');
    workingPoint = options.workingPoint ?? defaultWorkingPoint(random, kind);
  }
  let messages;
  switch (kind) {
    case 'skype-e2e-udp':
      messages = skypeEndToEndUdpMessages(random, messageCount, workingPoint!, endpoints);
      break;
    case 'skypeout-udp':
      messages = skypeOutUdpMessages(random, messageCount, workingPoint!);
      break;
    case 'skype-tcp':
      messages = skypeTcpMessages(random, messageCount, workingPoint!);
      break;
    case 'rtp':
      messages = rtpMessages(random, messageCount);
      break;
    case 'dns':
      messages = dnsMessages(random, messageCount);
      break;
    case 'http-like':
      messages = httpLikeMessages(random, messageCount);
      break;
    case 'random-udp':
      messages = randomUdpMessages(random, messageCount);
      break;
  }
  return {id, kind, ...properties, workingPoint, messages, endpoints};
}

/**
 * Generates one flow. A flow of n messages is the start of the flow of m > n messages of the same
 * kind and seed: each message is drawn in turn.
 *
 * @param options the kind, the number of messages, the seed, and optionally the voice's working point
 * @returns the flow, with its ground truth
 * @throws RangeError for an unknown kind, a message count that is not a whole number from 0 to
 *   10,000, a seed that is not a whole number from 0 to 4294967295, or a working point whose rate,
 *   framing, redundancy or σ is not positive
 * @example
 * const flow = generateFlow({kind: 'skypeout-udp', messageCount: 300, seed: 7});
 * flow.messages[0].payload.subarray(0, 4) // the connection id, the same in all 300 messages
 */
export function generateFlow(options: FlowOptions): TrafficFlow {
  if (typeof options !== 'object' || options === null) throw new RangeError('generateFlow: expected options {kind, messageCount, seed}');
  return buildFlow(options, `${options.kind}-seed-${String(options.seed)}`);
}

/** The seed of flow `index` of the kind at `kindIndex` in TRAFFIC_KINDS: independent of the other kinds asked for and of the flow count. */
function flowSeed(seed: number, kindIndex: number, index: number): number {
  // SplitMix32's output is a bijection of its state, so distinct kinds and indices get distinct seeds.
  const kindSeed = new SeededRandom(new SeededRandom(seed).nextUint32() + kindIndex).nextUint32();
  return new SeededRandom(kindSeed + index).nextUint32();
}

/**
 * Generates `flowsPerKind` flows of each kind, kind after kind in the order of `kinds`. The flows of
 * a kind do not depend on which other kinds are asked for or on how many flows there are.
 *
 * @param options seed, flows per kind, messages per flow, and the kinds (default all of TRAFFIC_KINDS)
 * @returns the flows, with ids `<kind>-<index>`
 * @throws RangeError for a seed or counts out of range, or an unknown kind
 * @example generateTraffic({seed: 1, flowsPerKind: 20, messageCount: 300}).length // 140
 */
export function generateTraffic(options: {seed: number; flowsPerKind: number; messageCount: number; kinds?: readonly TrafficKind[]}): TrafficFlow[] {
  if (typeof options !== 'object' || options === null) throw new RangeError('generateTraffic: expected options {seed, flowsPerKind, messageCount}');
  const {seed, flowsPerKind, messageCount, kinds = TRAFFIC_KINDS} = options;
  if (!isSeed(seed)) throw new RangeError(`generateTraffic: seed must be a whole number from 0 to 4294967295; got ${String(seed)}`);
  if (!Number.isInteger(flowsPerKind) || flowsPerKind < 0) throw new RangeError(`generateTraffic: flowsPerKind must be a whole number; got ${String(flowsPerKind)}`);
  const flows: TrafficFlow[] = [];
  for (const kind of kinds) {
    const kindIndex = TRAFFIC_KINDS.indexOf(kind);
    if (kindIndex < 0) throw new RangeError(`generateTraffic: each kind must be one of ${TRAFFIC_KINDS.join(', ')}; got ${JSON.stringify(kind)}`);
    for (let index = 0; index < flowsPerKind; index++) {
      flows.push(buildFlow({kind, messageCount, seed: flowSeed(seed, kindIndex, index)}, `${kind}-${index}`));
    }
  }
  return flows;
}
