/**
 * The architecture of Skype in four states, for the deprecation chapter's before-and-after
 * (docs/12-history-and-deprecation.mdx, "What changed technically, 2011–2014"): supernodes on users'
 * machines, supernodes hosted by Microsoft, MSNP24, and the retirement of 2025. For each state it
 * answers three questions (who holds the directory, who relays calls, who can see messages) exactly
 * as the chapter's table does, with the same sources, and says per party what it held or saw.
 *
 * Pure data: no React, no DOM. The words live in the widget (src/components/ArchitectureEras/text.ts,
 * translated); here each statement has a stable id, its basis and its citations, so that a test can
 * check every anchor against the references page and every answer against the chapter's table.
 * Where the overlay chapter already states a fact (src/data/networkFacts.ts), it is reused from there.
 */
import {NETWORK_SOURCES, RELAY_BY_ONLINE_NODE, SESSION_KEY_BITS, SLOT_FACTS, type SourcedFact} from './networkFacts';

/** The four states, in time order. */
export const ARCHITECTURE_ERAS = ['peer-to-peer', 'hosted-supernodes', 'msnp24', 'retired'] as const;
export type ArchitectureEraId = (typeof ARCHITECTURE_ERAS)[number];

/** The three questions of the chapter's table. */
export const ERA_QUESTIONS = ['directory', 'relays', 'messages'] as const;
export type EraQuestion = (typeof ERA_QUESTIONS)[number];

/** The parties drawn in the diagram. */
export const ERA_PARTIES = ['users-machines', 'login-server', 'user-supernodes', 'hosted-supernodes', 'company-servers', 'relays'] as const;
export type EraParty = (typeof ERA_PARTIES)[number];

/** A place in a source: the references page anchor and, where useful, the section, slide or page. */
export interface EraCitation {
  /** As in '/docs/references#baset2004'. */
  source: string;
  section: string;
}

/**
 * Where a statement stands: a source says it; a source describes it and nobody here has checked it;
 * it is our own inference from sourced facts (the page says so); or our sources are silent.
 */
export type EraBasis = 'source' | 'described-not-checked' | 'our-inference' | 'unknown';

/** One sentence of an answer or of a party's role, by id (the words are in the widget's text.ts). */
export interface EraStatement {
  id: string;
  basis: EraBasis;
  /** Empty exactly when the basis is 'unknown'; an inference cites the facts it rests on. */
  citations: readonly EraCitation[];
}

/**
 * Who the answer names, as a short key (the widget's `data-value`, and what the before/after
 * comparison compares): 'unknown' where the sources are silent.
 */
export type EraHolder =
  | 'users-machines'
  | 'microsoft'
  | 'microsoft-and-nsa-reported'
  | 'the-two-peers'
  | 'unknown'
  | 'nobody';

export interface EraAnswer {
  holder: EraHolder;
  statements: readonly EraStatement[];
}

/** What one party did in one state. */
export interface EraPartyRole {
  party: EraParty;
  /** Present in this state, absent (gone, or not yet there), or our sources do not say. */
  presence: 'present' | 'absent' | 'unknown';
  statements: readonly EraStatement[];
}

/** A date of the timeline data (src/data/timeline.json), as written there: 'YYYY-MM-DD' or 'YYYY-MM'. */
export interface EraDate {
  date: string;
  /** What happened then, as the widget's text names it by this id. */
  id: string;
}

export interface ArchitectureEra {
  id: ArchitectureEraId;
  /** The timeline events that open the state (the first is the start), each a date of timeline.json. */
  start: readonly EraDate[];
  /** The timeline event that closes it, or null for the last state. */
  end: EraDate | null;
  answers: Readonly<Record<EraQuestion, EraAnswer>>;
  parties: readonly EraPartyRole[];
}

/** The anchors cited here, on the references page. */
export const ERA_SOURCES = {
  ...NETWORK_SOURCES,
  skypeOutage2010: '/docs/references#skype-outage2010',
  guardian2013: '/docs/references#guardian2013',
  skypeblog2014: '/docs/references#skypeblog2014',
  computerworld2014: '/docs/references#computerworld2014',
  inquirer2014: '/docs/references#inquirer2014',
  microsoft2025: '/docs/references#microsoft2025',
  timeline: '/docs/references#timeline',
} as const;

const cite = (source: string, section = ''): EraCitation => ({source, section});
const citeFact = ({source, section}: SourcedFact<unknown>): EraCitation => ({source, section});
const said = (id: string, ...citations: EraCitation[]): EraStatement => ({id, basis: 'source', citations});
const described = (id: string, ...citations: EraCitation[]): EraStatement => ({id, basis: 'described-not-checked', citations});
const inferred = (id: string, ...citations: EraCitation[]): EraStatement => ({id, basis: 'our-inference', citations});
const silent = (id: string): EraStatement => ({id, basis: 'unknown', citations: []});

// The chapter's table cites the 2012 report without a section (networkFacts dates its figures 'May 2012').
const ARS_2012 = cite(ERA_SOURCES.arstechnica2012);
const GUARDIAN_2013 = cite(ERA_SOURCES.guardian2013);
const SKYPE_BLOG_2014 = cite(ERA_SOURCES.skypeblog2014);
const INQUIRER_2014 = cite(ERA_SOURCES.inquirer2014);
const MICROSOFT_2025 = cite(ERA_SOURCES.microsoft2025);

const PEER_TO_PEER: ArchitectureEra = {
  id: 'peer-to-peer',
  start: [{date: '2003-08-29', id: 'first-beta'}],
  end: {date: '2012-05', id: 'hosted-reported'},
  answers: {
    directory: {
      holder: 'users-machines',
      statements: [
        said('supernodes-promoted', cite(ERA_SOURCES.baset2004, '§1')),
        said('slots-and-blocks', cite(SLOT_FACTS.slots.source, 'slides 83–84')),
        said('login-server-authenticates', cite(ERA_SOURCES.baset2004, '§4.2')),
      ],
    },
    relays: {holder: 'users-machines', statements: [said('online-nodes-relay', citeFact(RELAY_BY_ONLINE_NODE))]},
    messages: {
      holder: 'the-two-peers',
      statements: [said('rc4-obfuscation', cite(ERA_SOURCES.biondi2006, 'slide 44')), said('aes-session-key', citeFact(SESSION_KEY_BITS))],
    },
  },
  parties: [
    {party: 'users-machines', presence: 'present', statements: [said('clients-may-be-promoted', cite(ERA_SOURCES.baset2004, '§1, §2.6'))]},
    {party: 'login-server', presence: 'present', statements: [said('login-server-authenticates', cite(ERA_SOURCES.baset2004, '§4.2'))]},
    {
      party: 'user-supernodes',
      presence: 'present',
      statements: [said('supernodes-promoted', cite(ERA_SOURCES.baset2004, '§1')), said('slots-and-blocks', cite(SLOT_FACTS.slots.source, 'slides 83–84'))],
    },
    {party: 'hosted-supernodes', presence: 'absent', statements: [said('not-yet-hosted', ARS_2012)]},
    // The December 2010 outage began at Skype's servers for offline instant messages: the company ran some servers before Microsoft.
    {party: 'company-servers', presence: 'present', statements: [said('offline-message-servers-2010', cite(ERA_SOURCES.skypeOutage2010))]},
    {
      party: 'relays',
      presence: 'present',
      statements: [said('online-nodes-relay', citeFact(RELAY_BY_ONLINE_NODE)), described('relays-see-encrypted-media', citeFact(SESSION_KEY_BITS))],
    },
  ],
};

const HOSTED_SUPERNODES: ArchitectureEra = {
  id: 'hosted-supernodes',
  start: [{date: '2012-05', id: 'hosted-reported'}],
  end: {date: '2014-08', id: 'deprecation-effective'},
  answers: {
    directory: {
      holder: 'microsoft',
      statements: [said('hosted-supernodes', ARS_2012), said('find-one-another', ARS_2012)],
    },
    relays: {holder: 'unknown', statements: [said('calls-not-through-supernodes', ARS_2012), silent('nat-relay-not-stated')]},
    messages: {holder: 'microsoft-and-nsa-reported', statements: [said('prism-reported', GUARDIAN_2013), silent('prism-means-not-described')]},
  },
  parties: [
    {party: 'users-machines', presence: 'present', statements: [said('no-longer-promoted', ARS_2012)]},
    {party: 'login-server', presence: 'unknown', statements: [silent('login-not-described')]},
    {party: 'user-supernodes', presence: 'absent', statements: [said('user-supernodes-replaced', ARS_2012)]},
    {party: 'hosted-supernodes', presence: 'present', statements: [said('hosted-supernodes', ARS_2012), said('find-one-another', ARS_2012)]},
    {party: 'company-servers', presence: 'present', statements: [said('prism-reported', GUARDIAN_2013), silent('prism-means-not-described')]},
    {party: 'relays', presence: 'unknown', statements: [said('calls-not-through-supernodes', ARS_2012), silent('nat-relay-not-stated')]},
  ],
};

const MSNP24: ArchitectureEra = {
  id: 'msnp24',
  start: [
    {date: '2014-08', id: 'deprecation-effective'},
    {date: '2014-06-20', id: 'retirement-announced-2014'},
  ],
  end: {date: '2025-05-05', id: 'service-ends'},
  answers: {
    directory: {holder: 'unknown', statements: [silent('not-described')]},
    relays: {holder: 'unknown', statements: [silent('not-described')]},
    messages: {
      holder: 'microsoft',
      statements: [
        said('offline-messaging-and-sync', SKYPE_BLOG_2014, INQUIRER_2014),
        inferred('messages-wait-on-servers', SKYPE_BLOG_2014, INQUIRER_2014),
        silent('storage-not-described'),
      ],
    },
  },
  parties: [
    {party: 'users-machines', presence: 'present', statements: [said('old-clients-locked-out', SKYPE_BLOG_2014, cite(ERA_SOURCES.computerworld2014), INQUIRER_2014)]},
    {party: 'login-server', presence: 'unknown', statements: [silent('not-described')]},
    {party: 'user-supernodes', presence: 'absent', statements: [said('user-supernodes-replaced', ARS_2012)]},
    {party: 'hosted-supernodes', presence: 'unknown', statements: [silent('not-described')]},
    {
      party: 'company-servers',
      presence: 'present',
      statements: [said('offline-messaging-and-sync', SKYPE_BLOG_2014, INQUIRER_2014), inferred('messages-wait-on-servers', SKYPE_BLOG_2014, INQUIRER_2014)],
    },
    {party: 'relays', presence: 'unknown', statements: [silent('not-described')]},
  ],
};

const RETIRED: ArchitectureEra = {
  id: 'retired',
  start: [
    {date: '2025-05-05', id: 'service-ends'},
    {date: '2025-02-28', id: 'retirement-announced-2025'},
  ],
  end: null,
  answers: {
    directory: {holder: 'nobody', statements: [said('service-ended', MICROSOFT_2025, cite(ERA_SOURCES.timeline)), said('teams-sign-in', MICROSOFT_2025)]},
    relays: {holder: 'nobody', statements: [said('service-ended', MICROSOFT_2025, cite(ERA_SOURCES.timeline))]},
    messages: {holder: 'microsoft', statements: [said('data-exportable', MICROSOFT_2025, cite(ERA_SOURCES.timeline))]},
  },
  parties: [
    {party: 'users-machines', presence: 'present', statements: [said('teams-sign-in', MICROSOFT_2025)]},
    {party: 'login-server', presence: 'absent', statements: [said('service-ended', MICROSOFT_2025, cite(ERA_SOURCES.timeline))]},
    {party: 'user-supernodes', presence: 'absent', statements: [said('service-ended', MICROSOFT_2025, cite(ERA_SOURCES.timeline))]},
    {party: 'hosted-supernodes', presence: 'absent', statements: [said('service-ended', MICROSOFT_2025, cite(ERA_SOURCES.timeline))]},
    {party: 'company-servers', presence: 'present', statements: [said('data-exportable', MICROSOFT_2025, cite(ERA_SOURCES.timeline))]},
    {party: 'relays', presence: 'absent', statements: [said('service-ended', MICROSOFT_2025, cite(ERA_SOURCES.timeline))]},
  ],
};

/** The four states by id. */
export const ERA_DATA: Readonly<Record<ArchitectureEraId, ArchitectureEra>> = {
  'peer-to-peer': PEER_TO_PEER,
  'hosted-supernodes': HOSTED_SUPERNODES,
  msnp24: MSNP24,
  retired: RETIRED,
};

/** How one question's answer changed between two states. */
export interface EraChange {
  question: EraQuestion;
  before: EraHolder;
  after: EraHolder;
  /** Same holder; a move between two known holders; or one side is silent in our sources. */
  kind: 'same' | 'moved' | 'unknown';
}

/**
 * The three answers of `before` and `after` compared, in the table's order.
 * @example compareEras('peer-to-peer', 'hosted-supernodes')[0] // {question: 'directory', before: 'users-machines', after: 'microsoft', kind: 'moved'}
 */
export function compareEras(before: ArchitectureEraId, after: ArchitectureEraId): EraChange[] {
  return ERA_QUESTIONS.map((question) => {
    const from = ERA_DATA[before].answers[question].holder;
    const to = ERA_DATA[after].answers[question].holder;
    const kind = from === to ? 'same' : from === 'unknown' || to === 'unknown' ? 'unknown' : 'moved';
    return {question, before: from, after: to, kind};
  });
}

/** One party in two states: its role before and after, and whether anything about it changed. */
export interface EraPartyChange {
  party: EraParty;
  before: EraPartyRole;
  after: EraPartyRole;
  /** Its presence or what the sources say it held or saw differs. */
  changed: boolean;
}

/** The role of `party` in `era` (every state lists every party). */
export function partyRole(era: ArchitectureEraId, party: EraParty): EraPartyRole {
  const role = ERA_DATA[era].parties.find((candidate) => candidate.party === party);
  if (!role) throw new RangeError(`party: '${party}' is missing from era '${era}'`);
  return role;
}

/** Every party in `before` and `after`, in ERA_PARTIES order. */
export function compareParties(before: ArchitectureEraId, after: ArchitectureEraId): EraPartyChange[] {
  const statementIds = (role: EraPartyRole) => role.statements.map((statement) => statement.id).join(' ');
  return ERA_PARTIES.map((party) => {
    const from = partyRole(before, party);
    const to = partyRole(after, party);
    return {party, before: from, after: to, changed: from.presence !== to.presence || statementIds(from) !== statementIds(to)};
  });
}
