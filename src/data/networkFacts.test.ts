import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {
  BOOTSTRAP_SUPERNODES,
  ERA_2012_FACTS,
  EXTRA_TCP_LISTEN_PORTS,
  HOST_CACHE_LATER,
  HOST_CACHE_MAX_ENTRIES,
  KEEP_ALIVE_SECONDS,
  LOGIN_ALGORITHM,
  LOGIN_SERVER_IP,
  LOGIN_SERVER_PORT,
  MEASURED_LOGINS,
  NETWORK_SOURCES,
  RELAY_BY_ONLINE_NODE,
  SEARCH_FACTS,
  SESSION_KEY_BITS,
  SLOT_FACTS,
  SUPERNODES_PER_REPLY_SEEN,
  type SourcedFact,
} from './networkFacts';
// The research notes' machine-readable tables, copied unchanged from the shared research folder.
import paperTables from './paper-tables.json';

const REFERENCES_PAGE = new URL('../../docs/13-references.mdx', import.meta.url);

/** "3-7" → {3, 7}; "~34" → {34, 34}. */
function secondsRange(text: string): {minimum: number; maximum: number} {
  const range = /^~?(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!range) throw new Error(`not a range of seconds: ${text}`);
  return {minimum: Number(range[1]), maximum: Number(range[2] ?? range[1])};
}

/** "48,000+" → 48000. */
const countOf = (text: string | number) => (typeof text === 'number' ? text : Number(/[\d,]+/.exec(text)![0].replace(/,/g, '')));

const ALL_FACTS: [string, SourcedFact<unknown>][] = [
  ['BOOTSTRAP_SUPERNODES', BOOTSTRAP_SUPERNODES],
  ['LOGIN_SERVER_IP', LOGIN_SERVER_IP],
  ['LOGIN_SERVER_PORT', LOGIN_SERVER_PORT],
  ['HOST_CACHE_MAX_ENTRIES', HOST_CACHE_MAX_ENTRIES],
  ['EXTRA_TCP_LISTEN_PORTS', EXTRA_TCP_LISTEN_PORTS],
  ['KEEP_ALIVE_SECONDS', KEEP_ALIVE_SECONDS],
  ['SESSION_KEY_BITS', SESSION_KEY_BITS],
  ['RELAY_BY_ONLINE_NODE', RELAY_BY_ONLINE_NODE],
  ...Object.entries(HOST_CACHE_LATER),
  ...Object.entries(SUPERNODES_PER_REPLY_SEEN),
  ...Object.entries(LOGIN_ALGORITHM),
  ...Object.entries(MEASURED_LOGINS),
  ...Object.entries(SEARCH_FACTS),
  ...Object.entries(SLOT_FACTS),
  ...Object.entries(ERA_2012_FACTS),
];

describe('networkFacts: every fact is cited', () => {
  const references = readFileSync(REFERENCES_PAGE, 'utf8');
  it.each(ALL_FACTS)('%s names a source on the references page and a section', (_, sourced) => {
    const anchor = /^\/docs\/references#([a-z0-9-]+)$/.exec(sourced.source)?.[1];
    expect(anchor).toBeDefined();
    expect(references).toContain(`id="${anchor}"`);
    expect(sourced.section.trim()).not.toBe('');
  });

  it('lists only anchors that exist', () => {
    for (const source of Object.values(NETWORK_SOURCES)) expect(references).toContain(`id="${source.split('#')[1]}"`);
  });
});

describe('networkFacts agree with paper-tables.json', () => {
  const tables = paperTables as Record<string, any>;
  const baset = tables.baset_schulzrinne_2004;
  const slides = (deck: {facts: {slide: number; deck?: string; fact: string}[]}, slide: number, part?: string) =>
    deck.facts.find((entry) => entry.slide === slide && (part === undefined || entry.deck === part))!.fact;

  it('the seven bootstrap supernodes of Baset §4.2.3, in order, all on port 33033', () => {
    const rows: [string, number, string][] = baset.bootstrap_supernodes.rows;
    expect(BOOTSTRAP_SUPERNODES.value.map(({ip, port}) => [ip, port])).toEqual(rows.map(([ip, port]) => [ip, port]));
    expect(BOOTSTRAP_SUPERNODES.value).toHaveLength(7);
  });

  it('the login server of Baset §4.2.2 and the 2006 login-server port of slide 64', () => {
    expect(LOGIN_SERVER_IP.value).toBe(baset.login_server.ip);
    expect(slides(tables.silver_needle_2006, 64)).toMatch(new RegExp(`login servers [^;]*:${LOGIN_SERVER_PORT.value}`));
  });

  it('the host cache holds at most 200 entries', () => {
    expect(HOST_CACHE_MAX_ENTRIES.value).toBe(baset.host_cache.max_entries_observed);
    expect(slides(tables.vanilla_skype_2006, 11, 'part2')).toContain(`list of ${HOST_CACHE_LATER.hardCodedSupernodes.value} supernodes`);
  });

  it('the login flowchart of Fig. 2: 5 s for a UDP reply, TCP to the entry, then ports 80 and 443, 6 s between 5 attempts', () => {
    const flowchart = baset.login_algorithm_fig2;
    expect(LOGIN_ALGORITHM.udpReplyWaitSeconds.value).toBe(flowchart.udp_wait_s);
    expect(LOGIN_ALGORITHM.waitBetweenAttemptsSeconds.value).toBe(flowchart.wait_between_rounds_s);
    expect(LOGIN_ALGORITHM.attempts.value).toBe(flowchart.max_rounds);
    expect(flowchart.tcp_order[0]).toBe('HC ip:port');
    expect(LOGIN_ALGORITHM.tcpFallbackPorts.value).toEqual(flowchart.tcp_order.slice(1).map((step: string) => Number(step.split(':')[1])));
    expect(EXTRA_TCP_LISTEN_PORTS.value).toEqual(baset.ports.extra_tcp_listen);
  });

  it('the measured login times: 3–7 s public and behind the NAT, about 34 s behind the firewall after UDP to 30 entries', () => {
    const rows: [string, string, number, string][] = baset.login_measurements.rows;
    const row = (setup: string) => rows.find(([name]) => name === setup)!;
    const check = (measured: (typeof MEASURED_LOGINS)['public'], setup: string) => {
      const {minimum, maximum} = secondsRange(row(setup)[1]);
      expect([measured.value.minimumSeconds, measured.value.maximumSeconds]).toEqual([minimum, maximum]);
      expect(measured.value.approximate).toBe(row(setup)[1].startsWith('~'));
    };
    check(MEASURED_LOGINS.public, 'public IP');
    check(MEASURED_LOGINS.portRestrictedNat, 'port-restricted NAT');
    check(MEASURED_LOGINS.udpBlockingFirewall, 'port-restricted NAT + UDP-restricted firewall');
    expect(row('port-restricted NAT + UDP-restricted firewall')[3]).toContain(`UDP sent to ${MEASURED_LOGINS.udpBlockingFirewall.value.udpProbedEntries} HC entries`);
  });

  it('the keep-alive every 60 s', () => {
    expect(KEEP_ALIVE_SECONDS.value).toBe(baset.media.keepalive_to_SN_s);
  });

  it('the search: 4 nodes, then 8, 8 on average in 3–4 s; behind the firewall only the supernode', () => {
    const search = baset.search;
    expect(SEARCH_FACTS.firstRoundNodes.value).toBe(search.public_ip.nodes_first_round);
    expect(SEARCH_FACTS.secondRoundNodes.value).toBe(search.public_ip.nodes_second_round);
    expect(SEARCH_FACTS.averageNodesContacted.value).toBe(search.public_ip.avg_nodes_contacted);
    expect(SEARCH_FACTS.averageSeconds.value).toEqual(secondsRange(search.public_ip.duration_s));
    expect(search.behind_udp_restricted_firewall).toMatch(/SN only/);
  });

  it('slots of 9 or 10 supernodes, 8 slots a block, about 2050 slots and 20k supernodes, command 6 for up to 100 (slides 83–84)', () => {
    const slot83 = slides(tables.silver_needle_2006, 83);
    const slot84 = slides(tables.silver_needle_2006, 84);
    const perSlot = /usually (\d+) or (\d+) SNs per slot/.exec(slot83)!;
    expect(SLOT_FACTS.supernodesPerSlot.value).toEqual({minimum: Number(perSlot[1]), maximum: Number(perSlot[2])});
    expect(SLOT_FACTS.slotsPerBlock.value).toBe(Number(/(\d+) slots per block/.exec(slot83)![1]));
    expect(SLOT_FACTS.command6MaxSupernodes.value).toBe(Number(/at most (\d+) SNs of a slot/.exec(slot84)![1]));
    expect(SLOT_FACTS.command6ExampleSlot.value).toBe(Number(/slot (\d+)\)/.exec(slot84)![1]));
    const [, slots, thousands] = /~(\d+) slots -> ~(\d+)k supernodes/.exec(slot84)!;
    expect(SLOT_FACTS.slots.value).toBe(Number(slots));
    expect(SLOT_FACTS.supernodes.value).toBe(Number(thousands) * 1000);
    expect(slides(tables.vanilla_skype_2006, 28, 'part2')).toMatch(/9 or 10 supernodes per slot, 8 slots per block/);
  });

  it("the 2012 figures as Ars Technica reported Kortchinsky's findings", () => {
    const press = tables.kortchinsky_2012_via_press;
    expect(ERA_2012_FACTS.supernodesBefore.value).toBe(countOf(press.supernodes_before));
    expect(ERA_2012_FACTS.supernodesAfter.value).toBe(countOf(press.supernodes_after));
    expect(ERA_2012_FACTS.clientsPerSupernodeBefore.value).toBe(press.clients_per_sn_before);
    expect(ERA_2012_FACTS.clientsPerSupernodeAfter.value).toBe(press.clients_per_sn_after);
    expect(ERA_2012_FACTS.theoreticalClientsPerSupernode.value).toBe(press.theoretical_clients_per_sn);
  });

  it('the 256-bit AES session key of Vanilla Skype part 2 slide 65', () => {
    expect(slides(tables.vanilla_skype_2006, 65, 'part2')).toContain(`${SESSION_KEY_BITS.value}-bit AES key`);
  });

  it('relayed calls went through an online node (Baset §4.4–4.5)', () => {
    const relays = baset.call_setups.rows.map((row: string[]) => row[3]).join(' ');
    expect(RELAY_BY_ONLINE_NODE.value).toBe(/online/.test(relays));
  });
});
