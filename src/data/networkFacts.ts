/**
 * The sourced numbers of the overlay chapter (docs/02-network-architecture.mdx): bootstrap supernodes,
 * host cache, login timeouts and measured login times, user search, slots and blocks, and the 2012
 * move to Microsoft-hosted supernodes. Each fact carries its references-page anchor and the section,
 * figure or slide it comes from, so that the model (src/simulations/overlay*.ts) and the widget show
 * no number that was typed in without a source. Pure data: no React, no DOM, so live cells can use it.
 */

/** A value from a source, with where it was read. */
export interface SourcedFact<Value> {
  value: Value;
  /** The references page anchor, as in '/docs/references#baset2004'. */
  source: string;
  /** Section, figure or slide of that source, as in '§4.2.3' or 'slides 83–84'. */
  section: string;
}

/** The anchors of the sources used here, on the references page. */
export const NETWORK_SOURCES = {
  baset2004: '/docs/references#baset2004',
  biondi2006: '/docs/references#biondi2006',
  desclaux2006: '/docs/references#desclaux2006',
  bremlerbarr2008: '/docs/references#bremlerbarr2008',
  arstechnica2012: '/docs/references#arstechnica2012',
  skypeirccap: '/docs/references#skypeirccap',
} as const;

const fact = <Value>(value: Value, source: string, section: string): SourcedFact<Value> => ({value, source, section});

/** A supernode address as the host cache holds it. */
export interface SupernodeAddress {
  ip: string;
  port: number;
}

/** The seven supernodes a fresh 0.97 installation put in its empty host cache on first login. */
export const BOOTSTRAP_SUPERNODES: SourcedFact<readonly (SupernodeAddress & {network: string})[]> = fact(
  [
    {ip: '66.235.180.9', port: 33033, network: 'superb.net (US)'},
    {ip: '66.235.181.9', port: 33033, network: 'suscom.net (US)'},
    {ip: '80.161.91.25', port: 33033, network: 'tele.dk (Denmark)'},
    {ip: '80.160.91.12', port: 33033, network: 'tele.dk (Denmark)'},
    {ip: '64.246.49.60', port: 33033, network: 'ev1.net (US)'},
    {ip: '64.246.49.61', port: 33033, network: 'ev1.net (US)'},
    {ip: '64.246.48.23', port: 33033, network: 'ev1.net (US)'},
  ],
  NETWORK_SOURCES.baset2004,
  '§4.2.3',
);

/** The login server's address as Baset & Schulzrinne observed it in 2004. */
export const LOGIN_SERVER_IP = fact('80.160.91.11', NETWORK_SOURCES.baset2004, '§1, §4.2.2');

/** The port of the 2006 client's hard-coded login servers (and of the bootstrap supernodes). */
export const LOGIN_SERVER_PORT = fact(33033, NETWORK_SOURCES.biondi2006, 'slide 64');

/** The most entries the host cache held (after two days of running; "the maximum of two hundred"). */
export const HOST_CACHE_MAX_ENTRIES = fact(200, NETWORK_SOURCES.baset2004, '§2.2, §4.2.6');

/** Later versions: the cache in shared.xml, its churn and the hard-coded list of the binary. */
export const HOST_CACHE_LATER = {
  changedPerHourPercent: fact(6, NETWORK_SOURCES.bremlerbarr2008, '§2–§3.1'),
  hardCodedSupernodes: fact(200, NETWORK_SOURCES.desclaux2006, 'part 2 slide 11'),
};

/** How many supernodes one reply named in the 2006 capture: a refusal (command 29) and a command-45 list. */
export const SUPERNODES_PER_REPLY_SEEN = {
  refusalFrame219: fact(5, NETWORK_SOURCES.skypeirccap, 'frame 219, command 29'),
  listFrame306: fact(10, NETWORK_SOURCES.skypeirccap, 'frame 306, command 45'),
};

/** Fig. 2, the login flowchart: timeouts, the TCP fallbacks and the number of attempts. */
export const LOGIN_ALGORITHM = {
  udpReplyWaitSeconds: fact(5, NETWORK_SOURCES.baset2004, '§4.2.1, Fig. 2'),
  waitBetweenAttemptsSeconds: fact(6, NETWORK_SOURCES.baset2004, '§4.2.1, Fig. 2'),
  attempts: fact(5, NETWORK_SOURCES.baset2004, '§4.2.1, Fig. 2'),
  /** After TCP to the host-cache entry's own port: these ports of the same IP, in this order. */
  tcpFallbackPorts: fact([80, 443] as const, NETWORK_SOURCES.baset2004, '§4.2.1, Fig. 2'),
};

/** Every installation also listened on TCP ports 80 and 443 (besides its random ports). */
export const EXTRA_TCP_LISTEN_PORTS = fact([80, 443] as const, NETWORK_SOURCES.baset2004, '§2.1');

/** The refresh message a client sends its supernode over TCP. */
export const KEEP_ALIVE_SECONDS = fact(60, NETWORK_SOURCES.baset2004, '§4.6, Fig. 13');

/** A login time as measured: a range in seconds ("3–7 s") or one approximate value ("about 34 s"). */
export interface MeasuredLogin {
  /** The paper's setup, in its words. */
  setup: string;
  minimumSeconds: number;
  maximumSeconds: number;
  approximate: boolean;
  /** Host-cache entries probed over UDP before falling back to TCP, where the paper gives it. */
  udpProbedEntries: number | null;
}

/** Login times with a full host cache, in the paper's three setups. */
export const MEASURED_LOGINS = {
  public: fact<MeasuredLogin>({setup: 'public IP address', minimumSeconds: 3, maximumSeconds: 7, approximate: false, udpProbedEntries: null}, NETWORK_SOURCES.baset2004, '§4.2.6'),
  portRestrictedNat: fact<MeasuredLogin>(
    {setup: 'behind a port-restricted NAT', minimumSeconds: 3, maximumSeconds: 7, approximate: false, udpProbedEntries: null},
    NETWORK_SOURCES.baset2004,
    '§4.2.6',
  ),
  udpBlockingFirewall: fact<MeasuredLogin>(
    {setup: 'behind a port-restricted NAT and a UDP-restricted firewall', minimumSeconds: 34, maximumSeconds: 34, approximate: true, udpProbedEntries: 30},
    NETWORK_SOURCES.baset2004,
    '§4.2.6',
  ),
};

/** User search: the rounds of probes, the averages measured, and the firewalled case. */
export const SEARCH_FACTS = {
  firstRoundNodes: fact(4, NETWORK_SOURCES.baset2004, '§4.3, Fig. 6'),
  secondRoundNodes: fact(8, NETWORK_SOURCES.baset2004, '§4.3'),
  averageNodesContacted: fact(8, NETWORK_SOURCES.baset2004, '§4.3'),
  averageSeconds: fact({minimum: 3, maximum: 4}, NETWORK_SOURCES.baset2004, '§4.3'),
  /** Behind the UDP-restricted firewall the request went only to the supernode, over TCP. */
  firewalledAsksSupernodeOnly: fact(true, NETWORK_SOURCES.baset2004, '§4.3, Fig. 8'),
};

/** Slots and blocks as the 2006 slides describe them. */
export const SLOT_FACTS = {
  supernodesPerSlot: fact({minimum: 9, maximum: 10}, NETWORK_SOURCES.biondi2006, 'slide 83'),
  slotsPerBlock: fact(8, NETWORK_SOURCES.biondi2006, 'slide 83'),
  slots: fact(2050, NETWORK_SOURCES.biondi2006, 'slide 84'),
  supernodes: fact(20000, NETWORK_SOURCES.biondi2006, 'slide 84'),
  /** Command 6 asks a supernode for at most this many supernodes of one slot. */
  command6MaxSupernodes: fact(100, NETWORK_SOURCES.biondi2006, 'slide 84'),
  command6ExampleSlot: fact(201, NETWORK_SOURCES.biondi2006, 'slide 84'),
};

/** Kortchinsky's 2012 figures as Ars Technica reported them (all approximate). */
export const ERA_2012_FACTS = {
  supernodesBefore: fact(48000, NETWORK_SOURCES.arstechnica2012, 'May 2012'),
  supernodesAfter: fact(10000, NETWORK_SOURCES.arstechnica2012, 'May 2012'),
  clientsPerSupernodeBefore: fact(800, NETWORK_SOURCES.arstechnica2012, 'May 2012'),
  clientsPerSupernodeAfter: fact(4100, NETWORK_SOURCES.arstechnica2012, 'May 2012'),
  theoreticalClientsPerSupernode: fact(100000, NETWORK_SOURCES.arstechnica2012, 'May 2012'),
};

/** The call's session key as the 2006 slides describe it: each peer contributes half of a 256-bit AES key. */
export const SESSION_KEY_BITS = fact(256, NETWORK_SOURCES.desclaux2006, 'part 2 slide 65');

/** Relayed calls went through another online Skype node, not necessarily a supernode. */
export const RELAY_BY_ONLINE_NODE = fact(true, NETWORK_SOURCES.baset2004, '§4.4–4.5');
