/**
 * Login as Baset & Schulzrinne draw it (§4.2.1, Fig. 2), for one host-cache entry: UDP to the entry
 * and wait about 5 s for a reply; TCP to the same IP:port, then to port 80, then to port 443; if no
 * TCP connection opens, wait about 6 s and start again, five attempts in all. A TCP connection to a
 * supernode is mandatory. What gets through is derived from the network's rules, not looked up.
 * Model time counts only Fig. 2's waits; the measured login times are data beside it, never derived.
 */
import {LOGIN_ALGORITHM, LOGIN_SERVER_IP, LOGIN_SERVER_PORT, MEASURED_LOGINS, type MeasuredLogin, type SourcedFact} from '../data/networkFacts';
import {bootstrapHostCache, type HostCacheEntry} from './overlayHostCache';
import {assertOverlaySeed, supernodeEndpoint} from './overlayNetwork';
import {SeededRandom} from './random';

export type LoginCondition = 'public' | 'port-restricted-nat' | 'udp-blocking-firewall' | 'tcp-80-443-only' | 'everything-blocked';

export const LOGIN_CONDITIONS: readonly LoginCondition[] = ['public', 'port-restricted-nat', 'udp-blocking-firewall', 'tcp-80-443-only', 'everything-blocked'];

/** What the network between the client and the Internet lets through. */
export interface LoginNetworkRules {
  /** Outgoing UDP leaves the client's network. */
  udpOut: boolean;
  /**
   * Incoming UDP let in: any; only replies from an address and port the client has written to (a
   * port-restricted NAT: address-and-port-dependent filtering, RFC 4787 §5); or none.
   */
  udpIn: 'any' | 'replies-only' | 'none';
  /** Ports that outgoing TCP connections may go to. */
  tcpOutPorts: 'any' | readonly number[];
}

/**
 * The five conditions as rules. The third is Baset's setup 3, a NAT behind a firewall that blocks
 * UDP; the fourth, a firewall that lets out only TCP to ports 80 and 443, was not measured.
 */
export const LOGIN_CONDITION_RULES: Readonly<Record<LoginCondition, LoginNetworkRules>> = {
  public: {udpOut: true, udpIn: 'any', tcpOutPorts: 'any'},
  'port-restricted-nat': {udpOut: true, udpIn: 'replies-only', tcpOutPorts: 'any'},
  'udp-blocking-firewall': {udpOut: false, udpIn: 'none', tcpOutPorts: 'any'},
  'tcp-80-443-only': {udpOut: false, udpIn: 'none', tcpOutPorts: [80, 443]},
  'everything-blocked': {udpOut: false, udpIn: 'none', tcpOutPorts: []},
};

/** How the client got its TCP connection to a supernode: the port, and 'udp+tcp' when UDP answered too and TCP went to the entry's own port. */
export type LoginTransport = 'udp+tcp' | 'tcp' | 'tcp-80' | 'tcp-443' | 'failed';

export type LoginStepKind = 'start' | 'udp-probe' | 'udp-reply' | 'udp-timeout' | 'tcp-connect' | 'wait' | 'login-server' | 'give-up';

export type LoginStepResult = 'chosen' | 'sent' | 'blocked' | 'answered' | 'no-reply' | 'connected' | 'waited' | 'authenticated' | 'not-in-sources' | 'failed';

export interface LoginStep {
  /** Model seconds since the login began, at the end of this step. */
  time: number;
  /** 1 to 5. */
  attempt: number;
  what: LoginStepKind;
  transport: 'udp' | 'tcp' | null;
  /** The 'ip:port' written to (or answering, for a reply). */
  to: string | null;
  result: LoginStepResult;
  /** One line in English, for live cells (the widget words its own). */
  description: string;
}

export interface LoginOutcome {
  /** A TCP connection to a supernode opened. */
  connected: boolean;
  transport: LoginTransport;
  attempts: number;
  /** The sum of Fig. 2's waits that this run went through. */
  modelSeconds: number;
  /** The supernode connected to, 'ip:port', or null. */
  supernode: string | null;
}

export interface LoginRun {
  condition: LoginCondition | 'custom';
  rules: LoginNetworkRules;
  /** The cache was empty, so the login seeded it with the bootstrap supernodes. */
  firstLogin: boolean;
  /** The host-cache entry this login tries (Fig. 2 draws one). */
  entry: HostCacheEntry;
  steps: LoginStep[];
  outcome: LoginOutcome;
  /** The login time Baset & Schulzrinne measured in this condition, or null where they did not. */
  measured: SourcedFact<MeasuredLogin> | null;
}

export interface LoginOptions {
  /** One of LOGIN_CONDITIONS, or rules of your own. */
  condition: LoginCondition | LoginNetworkRules;
  /** Picks the host-cache entry; any whole number from 0 to 2^32 − 1. */
  seed: number;
  /** The cache before login. Empty or left out: a first login, which starts from the bootstrap supernodes. */
  hostCache?: readonly HostCacheEntry[];
}

const MEASURED_BY_CONDITION: Readonly<Record<LoginCondition, SourcedFact<MeasuredLogin> | null>> = {
  public: MEASURED_LOGINS.public,
  'port-restricted-nat': MEASURED_LOGINS.portRestrictedNat,
  'udp-blocking-firewall': MEASURED_LOGINS.udpBlockingFirewall,
  'tcp-80-443-only': null,
  'everything-blocked': null,
};

/** Throws a RangeError naming the allowed values unless `condition` is one of LOGIN_CONDITIONS. */
export function assertLoginCondition(condition: string): asserts condition is LoginCondition {
  if (!(LOGIN_CONDITIONS as readonly string[]).includes(condition)) {
    throw new RangeError(`condition: expected one of ${LOGIN_CONDITIONS.map((name) => `'${name}'`).join(', ')}, got '${condition}'`);
  }
}

/** A UDP reply comes back when UDP leaves and the reply, from the very address and port written to, is let in. */
export const loginUdpReplyArrives = (rules: LoginNetworkRules) => rules.udpOut && rules.udpIn !== 'none';

/** An outgoing TCP connection to `port` gets through. */
export const loginTcpAllowed = (rules: LoginNetworkRules, port: number) => rules.tcpOutPorts === 'any' || rules.tcpOutPorts.includes(port);

function transportOf(port: number, entryPort: number, udpAnswered: boolean): LoginTransport {
  if (port === entryPort) return udpAnswered ? 'udp+tcp' : 'tcp';
  return port === 443 ? 'tcp-443' : 'tcp-80';
}

/**
 * Runs Fig. 2 for a condition: the steps with their model times, and the outcome.
 * @param options the condition (or rules), the seed and the host cache before login
 * @returns the entry tried, the steps, the outcome and the measured login time where there is one
 * @throws RangeError for an unknown condition or a seed that is not a 32-bit whole number
 * @example simulateLogin({condition: 'udp-blocking-firewall', seed: 1}).outcome // {connected: true, transport: 'tcp', attempts: 1, modelSeconds: 5, …}
 */
export function simulateLogin({condition, seed, hostCache = []}: LoginOptions): LoginRun {
  assertOverlaySeed(seed);
  if (typeof condition === 'string') assertLoginCondition(condition);
  const rules = typeof condition === 'string' ? LOGIN_CONDITION_RULES[condition] : condition;
  const firstLogin = hostCache.length === 0;
  const cache = firstLogin ? bootstrapHostCache() : hostCache;
  const entry = new SeededRandom(seed).pick(cache);
  const entryEndpoint = supernodeEndpoint(entry);
  const udpWait = LOGIN_ALGORITHM.udpReplyWaitSeconds.value;
  const attemptWait = LOGIN_ALGORITHM.waitBetweenAttemptsSeconds.value;
  const attempts = LOGIN_ALGORITHM.attempts.value;
  // TCP to the entry's own port first, then the fallbacks; a port tried already is not tried twice.
  const tcpPorts = [...new Set([entry.port, ...LOGIN_ALGORITHM.tcpFallbackPorts.value])];

  const steps: LoginStep[] = [];
  let time = 0;
  const add = (step: Omit<LoginStep, 'time'>) => steps.push({time, ...step});
  const finish = (outcome: LoginOutcome): LoginRun => ({
    condition: typeof condition === 'string' ? condition : 'custom',
    rules,
    firstLogin,
    entry,
    steps,
    outcome,
    measured: typeof condition === 'string' ? MEASURED_BY_CONDITION[condition] : null,
  });
  add({
    attempt: 1,
    what: 'start',
    transport: null,
    to: entryEndpoint,
    result: 'chosen',
    description: firstLogin
      ? `First login: the empty host cache is seeded with ${cache.length} bootstrap supernodes; the login tries ${entryEndpoint}.`
      : `The login tries host-cache entry ${entryEndpoint}, one of ${cache.length}.`,
  });

  for (let attempt = 1; attempt <= attempts; attempt++) {
    const udpAnswered = loginUdpReplyArrives(rules);
    add({
      attempt,
      what: 'udp-probe',
      transport: 'udp',
      to: entryEndpoint,
      result: rules.udpOut ? 'sent' : 'blocked',
      description: rules.udpOut ? `UDP packet to ${entryEndpoint}.` : `UDP packet to ${entryEndpoint}, dropped by the firewall.`,
    });
    if (udpAnswered) {
      add({attempt, what: 'udp-reply', transport: 'udp', to: entryEndpoint, result: 'answered', description: `${entryEndpoint} answers within ${udpWait} s.`});
    } else {
      time += udpWait;
      add({attempt, what: 'udp-timeout', transport: 'udp', to: entryEndpoint, result: 'no-reply', description: `No UDP reply within ${udpWait} s.`});
    }

    for (const port of tcpPorts) {
      const to = `${entry.ip}:${port}`;
      if (!loginTcpAllowed(rules, port)) {
        add({attempt, what: 'tcp-connect', transport: 'tcp', to, result: 'blocked', description: `TCP connection to ${to}: blocked.`});
        continue;
      }
      add({attempt, what: 'tcp-connect', transport: 'tcp', to, result: 'connected', description: `TCP connection to ${to}: open. This supernode is the client's entry to the overlay.`});
      const loginServer = `${LOGIN_SERVER_IP.value}:${LOGIN_SERVER_PORT.value}`;
      const serverReached = loginTcpAllowed(rules, LOGIN_SERVER_PORT.value);
      add({
        attempt,
        what: 'login-server',
        transport: serverReached ? 'tcp' : null,
        to: loginServer,
        result: serverReached ? 'authenticated' : 'not-in-sources',
        description: serverReached
          ? `TCP to the login server ${loginServer}: user name and password checked.`
          : `The login server listens on port ${LOGIN_SERVER_PORT.value}, which this network blocks; how the client reached it is not in our sources.`,
      });
      return finish({connected: true, transport: transportOf(port, entry.port, udpAnswered), attempts: attempt, modelSeconds: time, supernode: to});
    }

    if (attempt < attempts) {
      time += attemptWait;
      add({attempt, what: 'wait', transport: null, to: null, result: 'waited', description: `No TCP connection: wait ${attemptWait} s, then attempt ${attempt + 1} of ${attempts}.`});
    }
  }
  add({attempt: attempts, what: 'give-up', transport: null, to: null, result: 'failed', description: `${attempts} attempts without a TCP connection to a supernode: login fails.`});
  return finish({connected: false, transport: 'failed', attempts, modelSeconds: time, supernode: null});
}
