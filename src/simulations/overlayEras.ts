/**
 * The supernode overlay before and after 2012, side by side: who ran the supernodes, who relayed
 * media, and who could see what, each with its basis (a source, a description not checked, our own
 * reading, or unknown). The 2012 counts scale the model by the ratios Ars Technica reported from
 * Kortchinsky's findings: about 48,000 user supernodes became about 10,000 hosted by Microsoft.
 */
import {
  ERA_2012_FACTS,
  NETWORK_SOURCES,
  RELAY_BY_ONLINE_NODE,
  SESSION_KEY_BITS,
  SLOT_FACTS,
  type SourcedFact,
} from '../data/networkFacts';
import type {Overlay} from './overlayNetwork';

export type OverlayEra = 'original' | 'microsoft-2012';

export const OVERLAY_ERAS: readonly OverlayEra[] = ['original', 'microsoft-2012'];

/** Where a statement comes from: a source, a description nobody here has checked, our reading, or nowhere. */
export type OverlayClaimBasis = 'source' | 'described-not-checked' | 'our-reading' | 'unknown';

/** A place in a source: the references page anchor and the section or slide. */
export interface OverlayCitation {
  source: string;
  section: string;
}

/** What one kind of node could see of the traffic it carried. */
export interface OverlayVisibility {
  observer: 'supernodes' | 'relays';
  sees: 'signalling-and-client-addresses' | 'encrypted-media' | 'unknown';
  basis: OverlayClaimBasis;
  citations: readonly OverlayCitation[];
}

export interface OverlayEraProfile {
  era: OverlayEra;
  /** Who ran the supernodes. */
  supernodeHosts: 'users' | 'microsoft';
  supernodeHostsCitation: OverlayCitation;
  /** Whether ordinary clients were still promoted to supernodes. */
  promotion: 'by-score' | 'disabled';
  promotionCitation: OverlayCitation;
  /** Who relayed media between callers that could not reach each other. */
  relays: 'users-machines' | 'unknown';
  relaysCitation: OverlayCitation | null;
  /** Supernodes in the scaled model. */
  modelSupernodes: number;
  /** Supernode counts as reported, with their sources. */
  reportedSupernodes: readonly SourcedFact<number>[];
  clientsPerSupernode: SourcedFact<number>;
  /** The room for clients that a hosted supernode had, in 2012 only. */
  theoreticalClientsPerSupernode: SourcedFact<number> | null;
  visibility: readonly OverlayVisibility[];
}

const citationOf = ({source, section}: SourcedFact<unknown>): OverlayCitation => ({source, section});

/** Throws a RangeError naming the allowed values unless `era` is one of OVERLAY_ERAS. */
export function assertOverlayEra(era: string): asserts era is OverlayEra {
  if (!(OVERLAY_ERAS as readonly string[]).includes(era)) throw new RangeError(`era: expected 'original' or 'microsoft-2012', got '${era}'`);
}

/**
 * One era's column of the comparison.
 * @param overlay the model overlay; its supernode count stands for the user-run network
 * @param era 'original' (users' supernodes) or 'microsoft-2012'
 * @returns who ran and relayed what, the counts, and who could see what, with sources
 * @throws RangeError for an unknown era
 * @example overlayEraProfile(buildOverlay({seed: 1}), 'microsoft-2012').supernodeHosts // 'microsoft'
 */
export function overlayEraProfile(overlay: Overlay, era: OverlayEra): OverlayEraProfile {
  assertOverlayEra(era);
  const userSupernodes = overlay.supernodes.length;
  const sessionKey: OverlayVisibility = {observer: 'relays', sees: 'encrypted-media', basis: 'described-not-checked', citations: [citationOf(SESSION_KEY_BITS)]};
  // What a supernode forwards and whom it serves is what makes it a supernode: our reading of the overlay, not a finding.
  const supernodesSee = (citations: readonly OverlayCitation[]): OverlayVisibility => ({observer: 'supernodes', sees: 'signalling-and-client-addresses', basis: 'our-reading', citations});
  if (era === 'original') {
    return {
      era,
      supernodeHosts: 'users',
      supernodeHostsCitation: {source: NETWORK_SOURCES.baset2004, section: '§1, §2.6'},
      promotion: 'by-score',
      promotionCitation: {source: NETWORK_SOURCES.biondi2006, section: 'slide 83'},
      relays: 'users-machines',
      relaysCitation: citationOf(RELAY_BY_ONLINE_NODE),
      modelSupernodes: userSupernodes,
      reportedSupernodes: [SLOT_FACTS.supernodes, ERA_2012_FACTS.supernodesBefore],
      clientsPerSupernode: ERA_2012_FACTS.clientsPerSupernodeBefore,
      theoreticalClientsPerSupernode: null,
      visibility: [supernodesSee([{source: NETWORK_SOURCES.baset2004, section: '§1'}]), sessionKey],
    };
  }
  return {
    era,
    supernodeHosts: 'microsoft',
    supernodeHostsCitation: citationOf(ERA_2012_FACTS.supernodesAfter),
    promotion: 'disabled',
    promotionCitation: citationOf(ERA_2012_FACTS.supernodesAfter),
    relays: 'unknown',
    relaysCitation: null,
    modelSupernodes: Math.round((userSupernodes * ERA_2012_FACTS.supernodesAfter.value) / ERA_2012_FACTS.supernodesBefore.value),
    reportedSupernodes: [ERA_2012_FACTS.supernodesAfter],
    clientsPerSupernode: ERA_2012_FACTS.clientsPerSupernodeAfter,
    theoreticalClientsPerSupernode: ERA_2012_FACTS.theoreticalClientsPerSupernode,
    visibility: [supernodesSee([citationOf(ERA_2012_FACTS.supernodesAfter)]), {observer: 'relays', sees: 'unknown', basis: 'unknown', citations: []}],
  };
}

/**
 * Both columns of the comparison, original first.
 * @example compareOverlayEras(buildOverlay({seed: 1})).map((profile) => profile.supernodeHosts) // ['users', 'microsoft']
 */
export function compareOverlayEras(overlay: Overlay): [OverlayEraProfile, OverlayEraProfile] {
  return [overlayEraProfile(overlay, 'original'), overlayEraProfile(overlay, 'microsoft-2012')];
}
