/**
 * A user search walking the overlay (Baset & Schulzrinne §4.3): the client asks its supernode over
 * TCP; if the user is not found it probes 4 nodes over UDP, then 8 more. Behind a firewall that
 * blocks UDP it asks only its supernode. Which node knows where the user is, the searcher's own
 * supernode or one of the 12 nodes of those two rounds, is placed by the seed: how the real Global
 * Index decided who knew whom is not in our sources.
 */
import {SEARCH_FACTS} from '../data/networkFacts';
import {LOGIN_CONDITION_RULES, assertLoginCondition, loginUdpReplyArrives, simulateLogin, type LoginCondition} from './overlayLogin';
import {assertOverlaySeed, supernodeEndpoint, type Overlay, type OverlayClient, type OverlaySupernode} from './overlayNetwork';
import {SeededRandom} from './random';

export type SearchStepKind = 'ask-supernode' | 'probe' | 'found' | 'not-logged-in';

export type SearchStepResult = 'not-known' | 'knows' | 'searched-for-client' | 'found' | 'no-search';

export interface SearchStep {
  /** 0 for the question to the supernode, then 1 and 2 for the UDP rounds. */
  round: number;
  what: SearchStepKind;
  transport: 'tcp' | 'udp' | null;
  /** The supernode asked or probed, or null. */
  nodeId: string | null;
  /** Its 'ip:port'. */
  to: string | null;
  result: SearchStepResult;
  /** Nodes the search has contacted up to and including this step. */
  contacted: number;
  /** One line in English, for live cells (the widget words its own). */
  description: string;
}

export interface SearchOutcome {
  found: boolean;
  /** The supernode plus every node probed. */
  nodesContacted: number;
  /** UDP probe rounds sent: 0 when the supernode answered. */
  rounds: number;
}

export interface SearchRun {
  condition: LoginCondition;
  searcher: OverlayClient;
  target: OverlayClient;
  /** The searcher's supernode. */
  supernode: OverlaySupernode;
  /** Nodes of each UDP round, in the order probed: [4 ids, 8 ids]. */
  rounds: readonly (readonly string[])[];
  steps: SearchStep[];
  outcome: SearchOutcome;
}

/** Nodes probed in each UDP round: 4, then 8 more (Baset §4.3). */
export const SEARCH_ROUND_SIZES: readonly number[] = [SEARCH_FACTS.firstRoundNodes.value, SEARCH_FACTS.secondRoundNodes.value];

/**
 * Runs a search for one user: who searches, for whom, and the walk through the overlay.
 * @param options the overlay, the network condition of the searcher, and the seed
 * @returns the searcher, the target, the nodes of each round, the steps and the outcome
 * @throws RangeError for an unknown condition, a seed that is not a 32-bit whole number, or an
 *   overlay with fewer than 13 supernodes or 2 clients
 * @example simulateSearch({overlay: buildOverlay({seed: 1}), condition: 'public', seed: 1}).outcome.found // true
 */
export function simulateSearch({overlay, condition, seed}: {overlay: Overlay; condition: LoginCondition; seed: number}): SearchRun {
  assertOverlaySeed(seed);
  assertLoginCondition(condition);
  const probesAvailable = SEARCH_ROUND_SIZES.reduce((sum, size) => sum + size, 0);
  if (overlay.supernodes.length <= probesAvailable) throw new RangeError(`overlay: a search needs more than ${probesAvailable} supernodes, got ${overlay.supernodes.length}`);
  if (overlay.clients.length < 2) throw new RangeError(`overlay: a search needs 2 clients, one to search and one to find, got ${overlay.clients.length}`);
  const random = new SeededRandom(seed);
  const byId = new Map(overlay.supernodes.map((supernode) => [supernode.id, supernode]));
  const searcher = random.pick(overlay.clients);
  const supernode = byId.get(searcher.supernodeId)!;
  const others = random.shuffle(overlay.supernodes.filter((candidate) => candidate.id !== supernode.id));
  const rounds = SEARCH_ROUND_SIZES.map((size, index) => {
    const start = SEARCH_ROUND_SIZES.slice(0, index).reduce((sum, earlier) => sum + earlier, 0);
    return others.slice(start, start + size).map((node) => node.id);
  });
  const target = random.pick(overlay.clients.filter((client) => client.id !== searcher.id));
  // 0: the searcher's own supernode knows where the user is; k: the k-th node probed does.
  const holderIndex = random.integer(0, probesAvailable);
  const holderId = holderIndex === 0 ? supernode.id : rounds.flat()[holderIndex - 1];

  const steps: SearchStep[] = [];
  const rules = LOGIN_CONDITION_RULES[condition];
  const finish = (outcome: SearchOutcome): SearchRun => ({condition, searcher, target, supernode, rounds, steps, outcome});
  const supernodeAddress = supernodeEndpoint(supernode);

  // Signalling to the supernode goes over the TCP connection the login opened: no login, no search.
  if (!simulateLogin({condition, seed}).outcome.connected) {
    steps.push({round: 0, what: 'not-logged-in', transport: null, nodeId: null, to: null, result: 'no-search', contacted: 0, description: 'The client could not log in, so it cannot search.'});
    return finish({found: false, nodesContacted: 0, rounds: 0});
  }

  if (!loginUdpReplyArrives(rules)) {
    steps.push({
      round: 0,
      what: 'ask-supernode',
      transport: 'tcp',
      nodeId: supernode.id,
      to: supernodeAddress,
      result: 'searched-for-client',
      contacted: 1,
      description: `Without UDP the client asks only its supernode ${supernodeAddress} over TCP, and gets its answer from there; how the supernode searched is not in our sources.`,
    });
    steps.push({round: 0, what: 'found', transport: null, nodeId: supernode.id, to: null, result: 'found', contacted: 1, description: `${target.id} found through the supernode alone.`});
    return finish({found: true, nodesContacted: 1, rounds: 0});
  }

  const ownKnows = holderIndex === 0;
  steps.push({
    round: 0,
    what: 'ask-supernode',
    transport: 'tcp',
    nodeId: supernode.id,
    to: supernodeAddress,
    result: ownKnows ? 'knows' : 'not-known',
    contacted: 1,
    description: ownKnows ? `The supernode ${supernodeAddress} knows where ${target.id} is.` : `The supernode ${supernodeAddress} does not know ${target.id}.`,
  });
  if (ownKnows) {
    steps.push({round: 0, what: 'found', transport: null, nodeId: supernode.id, to: null, result: 'found', contacted: 1, description: `${target.id} found after 1 node.`});
    return finish({found: true, nodesContacted: 1, rounds: 0});
  }

  // A round's probes leave together and the client waits for all their answers, so the search ends
  // with the round in which the user is found.
  const holderRound = rounds.findIndex((round) => round.includes(holderId));
  let contacted = 1;
  for (const [index, round] of rounds.slice(0, holderRound + 1).entries()) {
    for (const nodeId of round) {
      contacted++;
      const node = byId.get(nodeId)!;
      const knows = nodeId === holderId;
      steps.push({
        round: index + 1,
        what: 'probe',
        transport: 'udp',
        nodeId,
        to: supernodeEndpoint(node),
        result: knows ? 'knows' : 'not-known',
        contacted,
        description: `Round ${index + 1}: UDP probe to ${supernodeEndpoint(node)}: ${knows ? `knows where ${target.id} is` : 'does not know the user'}.`,
      });
    }
  }
  steps.push({round: holderRound + 1, what: 'found', transport: null, nodeId: holderId, to: null, result: 'found', contacted, description: `${target.id} found after ${contacted} nodes in ${holderRound + 1} rounds.`});
  return finish({found: true, nodesContacted: contacted, rounds: holderRound + 1});
}
