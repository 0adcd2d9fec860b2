/**
 * The words of the architecture-eras widget, translated: the states, the questions, the parties,
 * who an answer names, and every statement of src/data/architectureEras.ts by its id. The
 * statements repeat the sentences of the chapter's table ("What changed technically, 2011–2014"),
 * without their links, which the widget adds from the data.
 */
import {translate} from '@docusaurus/Translate';
import {ERA_2012_FACTS, SESSION_KEY_BITS, SLOT_FACTS} from '@site/src/data/networkFacts';
import type {ArchitectureEraId, EraChange, EraHolder, EraParty, EraPartyRole, EraQuestion} from '@site/src/data/architectureEras';

const count = (value: number) => value.toLocaleString('en');

/** The state's name with its span, as in the chapter's table. */
export function eraTitle(era: ArchitectureEraId): string {
  switch (era) {
    case 'peer-to-peer':
      return translate({id: 'lab.eras.era.peerToPeer', message: 'Peer-to-peer supernodes (2003 – early 2012)'});
    case 'hosted-supernodes':
      return translate({id: 'lab.eras.era.hosted', message: 'Microsoft-hosted supernodes (2012 – 2014)'});
    case 'msnp24':
      return translate({id: 'lab.eras.era.msnp24', message: 'MSNP24 (from August 2014)'});
    case 'retired':
      return translate({id: 'lab.eras.era.retired', message: 'Retired (from 5 May 2025)'});
  }
}

export function questionText(question: EraQuestion): string {
  switch (question) {
    case 'directory':
      return translate({id: 'lab.eras.question.directory', message: 'Who holds the user directory?'});
    case 'relays':
      return translate({id: 'lab.eras.question.relays', message: 'Who relays calls?'});
    case 'messages':
      return translate({id: 'lab.eras.question.messages', message: 'Who can see messages?'});
  }
}

/** The short name of a question, for the list of changes. */
export function questionTopic(question: EraQuestion): string {
  switch (question) {
    case 'directory':
      return translate({id: 'lab.eras.topic.directory', message: 'The directory'});
    case 'relays':
      return translate({id: 'lab.eras.topic.relays', message: 'Relaying calls'});
    case 'messages':
      return translate({id: 'lab.eras.topic.messages', message: 'Seeing messages'});
  }
}

/** Who an answer names, in a few words. */
export function holderText(holder: EraHolder): string {
  switch (holder) {
    case 'users-machines':
      return translate({id: 'lab.eras.holder.users', message: 'users’ machines'});
    case 'microsoft':
      return translate({id: 'lab.eras.holder.microsoft', message: 'Microsoft'});
    case 'microsoft-and-nsa-reported':
      return translate({id: 'lab.eras.holder.prism', message: 'Microsoft, and the NSA through PRISM (as reported)'});
    case 'the-two-peers':
      return translate({id: 'lab.eras.holder.peers', message: 'the two peers, who shared the session key'});
    case 'unknown':
      return translate({id: 'lab.eras.holder.unknown', message: 'unknown from our sources'});
    case 'nobody':
      return translate({id: 'lab.eras.holder.nobody', message: 'no one: the service had ended'});
  }
}

/** One question's change from the "before" state to the "after" state, in a sentence. */
export function changeText(change: EraChange): string {
  const values = {before: holderText(change.before), after: holderText(change.after)};
  switch (change.kind) {
    case 'same':
      return translate({id: 'lab.eras.change.same', message: 'Unchanged: {before}.'}, values);
    case 'moved':
      return translate({id: 'lab.eras.change.moved', message: 'Moved from {before} to {after}.'}, values);
    case 'unknown':
      return translate({id: 'lab.eras.change.unknown', message: 'Was: {before}. Now: {after}.'}, values);
  }
}

export function partyName(party: EraParty, era: ArchitectureEraId): string {
  switch (party) {
    case 'users-machines':
      return translate({id: 'lab.eras.party.users', message: 'Users’ machines'});
    case 'login-server':
      return translate({id: 'lab.eras.party.login', message: 'Login server'});
    case 'user-supernodes':
      return translate({id: 'lab.eras.party.userSupernodes', message: 'Supernodes on users’ machines'});
    case 'hosted-supernodes':
      return translate({id: 'lab.eras.party.hostedSupernodes', message: 'Supernodes hosted by Microsoft'});
    case 'company-servers':
      // Microsoft owned Skype from October 2011; the servers of the peer-to-peer years were Skype's own.
      return era === 'peer-to-peer'
        ? translate({id: 'lab.eras.party.skypeServers', message: 'Skype’s own servers'})
        : translate({id: 'lab.eras.party.microsoftServers', message: 'Microsoft’s data centre'});
    case 'relays':
      return translate({id: 'lab.eras.party.relays', message: 'Relays'});
  }
}

export function presenceText(presence: EraPartyRole['presence']): string {
  switch (presence) {
    case 'present':
      return translate({id: 'lab.eras.presence.present', message: 'present'});
    case 'absent':
      return translate({id: 'lab.eras.presence.absent', message: 'not there'});
    case 'unknown':
      return translate({id: 'lab.eras.presence.unknown', message: 'not described'});
  }
}

/** The words of a dated event of the timeline data, by the id the data gives it. */
export function eventText(id: string): string {
  const events: Record<string, string> = {
    'first-beta': translate({id: 'lab.eras.event.firstBeta', message: 'first public beta of Skype'}),
    'hosted-reported': translate({id: 'lab.eras.event.hostedReported', message: 'Microsoft-hosted supernodes reported (the change itself about two months earlier)'}),
    'deprecation-effective': translate({id: 'lab.eras.event.deprecation', message: 'the old protocol’s deprecation takes effect, in the second week of August'}),
    'retirement-announced-2014': translate({id: 'lab.eras.event.announced2014', message: 'retirement of old clients announced: the move to MSNP24'}),
    'service-ends': translate({id: 'lab.eras.event.serviceEnds', message: 'the Skype service ends'}),
    'retirement-announced-2025': translate({id: 'lab.eras.event.announced2025', message: 'Microsoft announces Skype’s retirement in favour of Teams'}),
  };
  return events[id] ?? id;
}

/** The sentence of a statement of the data, by its id. */
export function statementText(id: string): string {
  const statements: Record<string, string> = {
    'supernodes-promoted': translate({id: 'lab.eras.statement.supernodesPromoted', message: 'Supernodes, which were ordinary users’ machines promoted by the client'}),
    'slots-and-blocks': translate(
      {id: 'lab.eras.statement.slotsAndBlocks', message: 'the 2006 talks describe them grouped in slots and blocks, about {count} in all'},
      {count: count(SLOT_FACTS.supernodes.value)},
    ),
    'login-server-authenticates': translate({id: 'lab.eras.statement.loginServer', message: 'A central login server authenticated users'}),
    'online-nodes-relay': translate({
      id: 'lab.eras.statement.onlineNodesRelay',
      message: 'Other online Skype nodes relayed media when a caller sat behind a port-restricted NAT or a UDP-blocking firewall',
    }),
    'rc4-obfuscation': translate({id: 'lab.eras.statement.rc4', message: 'Packets were obfuscated with RC4, which the 2006 researchers called obfuscation, not privacy'}),
    'aes-session-key': translate(
      {id: 'lab.eras.statement.aes', message: 'session traffic inside was AES-{bits} with a key to which each peer contributed half'},
      {bits: SESSION_KEY_BITS.value},
    ),
    'clients-may-be-promoted': translate({id: 'lab.eras.statement.clientsPromoted', message: 'Run the client; one with a public address and spare resources could be promoted to supernode'}),
    'not-yet-hosted': translate({id: 'lab.eras.statement.notYetHosted', message: 'Not yet: supernodes moved to Microsoft’s machines in 2012'}),
    'offline-message-servers-2010': translate({
      id: 'lab.eras.statement.offlineServers2010',
      message: 'Included servers for offline instant messages, whose overload set off the December 2010 outage',
    }),
    'relays-see-encrypted-media': translate(
      {id: 'lab.eras.statement.relaysSee', message: 'Saw media they could not read: the callers agreed a {bits}-bit AES session key between themselves'},
      {bits: SESSION_KEY_BITS.value},
    ),
    'hosted-supernodes': translate(
      {id: 'lab.eras.statement.hostedSupernodes', message: 'About {count} supernodes hosted by Microsoft; users were no longer promoted'},
      {count: count(ERA_2012_FACTS.supernodesAfter.value)},
    ),
    'find-one-another': translate({id: 'lab.eras.statement.findOneAnother', message: 'Microsoft said supernodes “simply allow users to find one another”'}),
    'calls-not-through-supernodes': translate({id: 'lab.eras.statement.callsNotThroughSupernodes', message: 'Microsoft said calls do not pass through supernodes'}),
    'nat-relay-not-stated': translate({id: 'lab.eras.statement.natRelayNotStated', message: 'who relays for users behind NAT is not stated'}),
    'prism-reported': translate({
      id: 'lab.eras.statement.prism',
      message: 'NSA documents reported in 2013 say Skype was in PRISM from February 2011 and that video collection tripled by July 2012',
    }),
    'prism-means-not-described': translate({id: 'lab.eras.statement.prismMeans', message: 'they do not describe the technical means'}),
    'no-longer-promoted': translate({id: 'lab.eras.statement.noLongerPromoted', message: 'Run the client; ordinary clients were no longer promoted to supernode'}),
    'login-not-described': translate({id: 'lab.eras.statement.loginNotDescribed', message: 'Our sources do not say how logins worked after the 2012 change'}),
    'user-supernodes-replaced': translate(
      {id: 'lab.eras.statement.userSupernodesReplaced', message: 'Replaced in 2012: about {before} supernodes on users’ machines gave way to about {after} hosted by Microsoft'},
      {before: count(ERA_2012_FACTS.supernodesBefore.value), after: count(ERA_2012_FACTS.supernodesAfter.value)},
    ),
    'not-described': translate({id: 'lab.eras.statement.notDescribed', message: 'Our sources do not describe it'}),
    'offline-messaging-and-sync': translate({id: 'lab.eras.statement.offlineMessaging', message: 'Offline messaging and sync across devices'}),
    'messages-wait-on-servers': translate({id: 'lab.eras.statement.messagesWait', message: 'We infer that messages had to wait on Microsoft’s servers for delivery'}),
    'storage-not-described': translate({id: 'lab.eras.statement.storageNotDescribed', message: 'the sources do not describe how they were stored or encrypted'}),
    'old-clients-locked-out': translate({
      id: 'lab.eras.statement.oldClients',
      message: 'Skype for Windows 6.13 and older and Skype for Mac 6.14 and older were retired; users had to upgrade to keep signing in',
    }),
    'service-ended': translate({id: 'lab.eras.statement.serviceEnded', message: 'The Skype service ended on 5 May 2025'}),
    'teams-sign-in': translate({id: 'lab.eras.statement.teamsSignIn', message: 'Skype users could sign in to Microsoft Teams with their Skype credentials, or export their data'}),
    'data-exportable': translate({id: 'lab.eras.statement.dataExportable', message: 'Skype data remained exportable until January 2026'}),
  };
  return statements[id] ?? id;
}

/** A source's short name, by its references-page anchor. */
export function sourceName(anchor: string): string {
  const names: Record<string, string> = {
    baset2004: translate({id: 'lab.eras.source.baset2004', message: 'Baset & Schulzrinne 2004'}),
    biondi2006: translate({id: 'lab.eras.source.biondi2006', message: 'Biondi & Desclaux 2006'}),
    desclaux2006: translate({id: 'lab.eras.source.desclaux2006', message: 'Desclaux & Kortchinsky 2006'}),
    'skype-outage2010': translate({id: 'lab.eras.source.outage2010', message: 'Skype outage 2010'}),
    arstechnica2012: translate({id: 'lab.eras.source.ars2012', message: 'Ars Technica 2012'}),
    guardian2013: translate({id: 'lab.eras.source.guardian2013', message: 'The Guardian 2013'}),
    skypeblog2014: translate({id: 'lab.eras.source.skypeblog2014', message: 'Skype blog 2014'}),
    computerworld2014: translate({id: 'lab.eras.source.computerworld2014', message: 'Keizer 2014'}),
    inquirer2014: translate({id: 'lab.eras.source.inquirer2014', message: 'The Inquirer 2014'}),
    microsoft2025: translate({id: 'lab.eras.source.microsoft2025', message: 'Microsoft 2025'}),
    timeline: translate({id: 'lab.eras.source.timeline', message: 'timeline'}),
  };
  return names[anchor] ?? anchor;
}
