/**
 * The NAT lab's words through the site's translations (ids `lab.natTraversal.*`): the trace's
 * sentence templates, with the same English messages as the model's (src/simulations/natText.ts;
 * natWords.test.ts checks that both give every step the same sentence), and the names the widget
 * shows for kinds, policies, paths and phases.
 */
import {translate} from '@docusaurus/Translate';
import {describeNatStep, type NatTextFormatter, type NatTextKey, type NatTextValues} from '@site/src/simulations/natText';
import type {NatEndpointKind} from '@site/src/simulations/natKinds';
import type {NatCallOutcome, NatCallPolicy, NatMediaPath, NatNodeId, NatPhase, NatSignallingPath, NatTraceDropReason, NatTraceStep} from '@site/src/simulations/natTrace';

// `values as never`: translate() types each message's placeholders, but these values are built by
// describeNatStep for whichever template it fetches; natWords.test.ts checks every template fills alike.
const TEMPLATES: Record<NatTextKey, (values?: NatTextValues) => string> = {
  'node.caller': (values) => translate({id: 'lab.natTraversal.text.node.caller', message: 'the caller'}, values as never),
  'node.callee': (values) => translate({id: 'lab.natTraversal.text.node.callee', message: 'the callee'}, values as never),
  'node.supernode': (values) => translate({id: 'lab.natTraversal.text.node.supernode', message: 'the supernode'}, values as never),
  'node.relay': (values) => translate({id: 'lab.natTraversal.text.node.relay', message: 'the relay'}, values as never),
  'node.caller-nat': (values) => translate({id: 'lab.natTraversal.text.node.caller-nat', message: 'the caller\'s NAT'}, values as never),
  'node.caller-firewall': (values) => translate({id: 'lab.natTraversal.text.node.caller-firewall', message: 'the caller\'s firewall'}, values as never),
  'node.callee-nat': (values) => translate({id: 'lab.natTraversal.text.node.callee-nat', message: 'the callee\'s NAT'}, values as never),
  'node.callee-firewall': (values) => translate({id: 'lab.natTraversal.text.node.callee-firewall', message: 'the callee\'s firewall'}, values as never),
  'nodeStart.caller': (values) => translate({id: 'lab.natTraversal.text.nodeStart.caller', message: 'The caller'}, values as never),
  'nodeStart.callee': (values) => translate({id: 'lab.natTraversal.text.nodeStart.callee', message: 'The callee'}, values as never),
  'nodeStart.supernode': (values) => translate({id: 'lab.natTraversal.text.nodeStart.supernode', message: 'The supernode'}, values as never),
  'nodeStart.relay': (values) => translate({id: 'lab.natTraversal.text.nodeStart.relay', message: 'The relay'}, values as never),
  'nodeStart.caller-nat': (values) => translate({id: 'lab.natTraversal.text.nodeStart.caller-nat', message: 'The caller\'s NAT'}, values as never),
  'nodeStart.caller-firewall': (values) => translate({id: 'lab.natTraversal.text.nodeStart.caller-firewall', message: 'The caller\'s firewall'}, values as never),
  'nodeStart.callee-nat': (values) => translate({id: 'lab.natTraversal.text.nodeStart.callee-nat', message: 'The callee\'s NAT'}, values as never),
  'nodeStart.callee-firewall': (values) => translate({id: 'lab.natTraversal.text.nodeStart.callee-firewall', message: 'The callee\'s firewall'}, values as never),
  'send': (values) => translate({id: 'lab.natTraversal.text.send', message: '{Sender} sends {purpose}. {protocol}: {source} → {destination}.'}, values as never),
  'purpose.register': (values) => translate({id: 'lab.natTraversal.text.purpose.register', message: 'a registration to the supernode'}, values as never),
  'purpose.register-reply': (values) => translate({id: 'lab.natTraversal.text.purpose.register-reply', message: 'the answer to that registration, which names the address it came from ({destination})'}, values as never),
  'purpose.connect': (values) => translate({id: 'lab.natTraversal.text.purpose.connect', message: 'the first segment of a TCP connection (SYN)'}, values as never),
  'purpose.accept': (values) => translate({id: 'lab.natTraversal.text.purpose.accept', message: 'the answer that accepts the connection (SYN-ACK)'}, values as never),
  'purpose.address-report': (values) => translate({id: 'lab.natTraversal.text.purpose.address-report', message: 'a message that names the address the connection came from ({destination})'}, values as never),
  'purpose.lookup': (values) => translate({id: 'lab.natTraversal.text.purpose.lookup', message: 'a request for the callee\'s address'}, values as never),
  'purpose.lookup-reply': (values) => translate({id: 'lab.natTraversal.text.purpose.lookup-reply', message: 'the callee\'s address as the supernode knows it'}, values as never),
  'purpose.direct-probe': (values) => translate({id: 'lab.natTraversal.text.purpose.direct-probe', message: 'a first packet straight to the callee\'s public endpoint'}, values as never),
  'purpose.probe-reply': (values) => translate({id: 'lab.natTraversal.text.purpose.probe-reply', message: 'an answer, to the address the probe came from'}, values as never),
  'purpose.introduce': (values) => translate({id: 'lab.natTraversal.text.purpose.introduce', message: 'an introduction: who calls, and the caller\'s endpoint as the supernode saw it'}, values as never),
  'purpose.punch': (values) => translate({id: 'lab.natTraversal.text.purpose.punch', message: 'a hole-punching packet to the other side\'s endpoint as the supernode saw it'}, values as never),
  'purpose.punch-reply': (values) => translate({id: 'lab.natTraversal.text.purpose.punch-reply', message: 'an answer, to the address the punch came from'}, values as never),
  'purpose.reversal-request': (values) => translate({id: 'lab.natTraversal.text.purpose.reversal-request', message: 'a request to have the callee connect back'}, values as never),
  'purpose.reversal-forward': (values) => translate({id: 'lab.natTraversal.text.purpose.reversal-forward', message: 'the caller\'s request to connect back to it'}, values as never),
  'purpose.relay-request': (values) => translate({id: 'lab.natTraversal.text.purpose.relay-request', message: 'a request to have the callee reach the relay'}, values as never),
  'purpose.relay-forward': (values) => translate({id: 'lab.natTraversal.text.purpose.relay-forward', message: 'the request to reach the relay'}, values as never),
  'purpose.signalling': (values) => translate({id: 'lab.natTraversal.text.purpose.signalling', message: 'call signalling'}, values as never),
  'purpose.signalling-forward': (values) => translate({id: 'lab.natTraversal.text.purpose.signalling-forward', message: 'the caller\'s signalling, passed on'}, values as never),
  'purpose.media': (values) => translate({id: 'lab.natTraversal.text.purpose.media', message: 'voice'}, values as never),
  'purpose.media-forward': (values) => translate({id: 'lab.natTraversal.text.purpose.media-forward', message: 'voice, passed on'}, values as never),
  'rewrite.created': (values) => translate({id: 'lab.natTraversal.text.rewrite.created', message: '{Box} creates a mapping and rewrites the source {before} to {after}. The new row lets in {remote}.'}, values as never),
  'rewrite.extended': (values) => translate({id: 'lab.natTraversal.text.rewrite.extended', message: '{Box} gives this new destination the same public port and rewrites the source {before} to {after}. A new row lets in {remote}.'}, values as never),
  'rewrite.existing': (values) => translate({id: 'lab.natTraversal.text.rewrite.existing', message: '{Box} finds its row for this destination and rewrites the source {before} to {after}.'}, values as never),
  'rewrite.inbound': (values) => translate({id: 'lab.natTraversal.text.rewrite.inbound', message: '{Box} finds a row that lets {source} in and rewrites the destination {before} to {after}.'}, values as never),
  'remote.anyone': (values) => translate({id: 'lab.natTraversal.text.remote.anyone', message: 'anyone'}, values as never),
  'remote.address': (values) => translate({id: 'lab.natTraversal.text.remote.address', message: 'anyone at {ip}'}, values as never),
  'remote.exact': (values) => translate({id: 'lab.natTraversal.text.remote.exact', message: '{endpoint} only'}, values as never),
  'deliver': (values) => translate({id: 'lab.natTraversal.text.deliver', message: '{Receiver} receives it from {source}.'}, values as never),
  'through': (values) => translate({id: 'lab.natTraversal.text.through', message: ' On the way it passes {box}, which lets it through.'}, values as never),
  'drop': (values) => translate({id: 'lab.natTraversal.text.drop', message: '{At} drops it: {reason}.'}, values as never),
  'reason.udp-blocked': (values) => translate({id: 'lab.natTraversal.text.reason.udp-blocked', message: 'this firewall blocks all UDP'}, values as never),
  'reason.inbound-tcp-blocked': (values) => translate({id: 'lab.natTraversal.text.reason.inbound-tcp-blocked', message: 'this firewall lets TCP connections out, never in'}, values as never),
  'reason.unsolicited-tcp': (values) => translate({id: 'lab.natTraversal.text.reason.unsolicited-tcp', message: 'a NAT lets in no TCP connection that was not opened from inside'}, values as never),
  'reason.no-connection': (values) => translate({id: 'lab.natTraversal.text.reason.no-connection', message: 'it belongs to no connection opened from inside'}, values as never),
  'reason.no-mapping': (values) => translate({id: 'lab.natTraversal.text.reason.no-mapping', message: 'no mapping uses public port {port}; nothing inside has sent from it, or its row has expired'}, values as never),
  'reason.filtered-address': (values) => translate({id: 'lab.natTraversal.text.reason.filtered-address', message: 'the mapping on port {port} lets in only {allowed}, and the host inside never sent anything to {sourceIp}'}, values as never),
  'reason.filtered-port': (values) => translate({id: 'lab.natTraversal.text.reason.filtered-port', message: 'the mapping on port {port} lets in only {allowed}; the host inside sent to {sourceIp}, but not to port {sourcePort}'}, values as never),
  'reason.closed-port': (values) => translate({id: 'lab.natTraversal.text.reason.closed-port', message: 'nothing listens on port {port}'}, values as never),
  'expire': (values) => translate({id: 'lab.natTraversal.text.expire', message: '{Box} forgets the row {internal} ↔ {external} for {remote}: nothing went out through it for {idle} s.'}, values as never),
  'note.no-answer': (values) => translate({id: 'lab.natTraversal.text.note.no-answer', message: 'No answer within {seconds} s: {attempt} failed.'}, values as never),
  'note.udp-blocked-fallback': (values) => translate({id: 'lab.natTraversal.text.note.udp-blocked-fallback', message: 'No answer within {seconds} s: {client} concludes that UDP is blocked and registers over TCP (Baset & Schulzrinne §4.2).'}, values as never),
  'note.behind-nat': (values) => translate({id: 'lab.natTraversal.text.note.behind-nat', message: '{Client} compares its own address {own} with the one the supernode saw, {seen}: they differ, so it is behind a NAT.'}, values as never),
  'note.not-behind-nat': (values) => translate({id: 'lab.natTraversal.text.note.not-behind-nat', message: '{Client} compares its own address {own} with the one the supernode saw, {seen}: they match, so no NAT is in the way.'}, values as never),
  'note.call-starts': (values) => translate({id: 'lab.natTraversal.text.note.call-starts', message: 'The caller places the call.'}, values as never),
  'note.skype2004-direct': (values) => translate({id: 'lab.natTraversal.text.note.skype2004-direct', message: 'Neither party is behind a NAT, so Skype 0.97 opens a TCP connection straight to the callee (Baset & Schulzrinne §4.4).'}, values as never),
  'note.skype2004-relay-caller': (values) => translate({id: 'lab.natTraversal.text.note.skype2004-relay-caller', message: 'The caller is behind a NAT, so Skype 0.97 sends the call through another online node (Baset & Schulzrinne §4.5).'}, values as never),
  'note.skype2004-relay-callee': (values) => translate({id: 'lab.natTraversal.text.note.skype2004-relay-callee', message: 'The callee is behind a NAT, so Skype 0.97 sends the call through another online node (Baset & Schulzrinne §4.5).'}, values as never),
  'note.skype2004-relay-both': (values) => translate({id: 'lab.natTraversal.text.note.skype2004-relay-both', message: 'Both parties are behind a NAT, so Skype 0.97 sends the call through another online node (Baset & Schulzrinne §4.5).'}, values as never),
  'note.relay-chosen': (values) => translate({id: 'lab.natTraversal.text.note.relay-chosen', message: 'The relay is {relay}: an online node with a public address that the caller learnt at login.'}, values as never),
  'note.no-udp': (values) => translate({id: 'lab.natTraversal.text.note.no-udp', message: '{Client} has no working UDP, so the UDP attempts are skipped.'}, values as never),
  'note.path': (values) => translate({id: 'lab.natTraversal.text.note.path', message: 'Media path: {path}.'}, values as never),
  'note.call-ends': (values) => translate({id: 'lab.natTraversal.text.note.call-ends', message: 'The call ends: the clients stop sending voice.'}, values as never),
  'note.call-ends-tcp': (values) => translate({id: 'lab.natTraversal.text.note.call-ends-tcp', message: 'The call ends. Its TCP connections close, and the boxes forget their rows.'}, values as never),
  'note.idle': (values) => translate({id: 'lab.natTraversal.text.note.idle', message: 'Nobody sends anything now. A UDP row expires {timeout} s after the last packet sent out through it (RFC 4787 REQ-5).'}, values as never),
  'note.end-tcp-left': (values) => translate({id: 'lab.natTraversal.text.note.end-tcp-left', message: 'End of the trace. The TCP connections to the supernode stay open: a client refreshes its connection every 60 s (Baset & Schulzrinne §4.6).'}, values as never),
  'note.end-empty': (values) => translate({id: 'lab.natTraversal.text.note.end-empty', message: 'End of the trace. Every row has expired. A real client keeps its rows alive with packets to its supernode; this trace leaves them out so that you can see the timer.'}, values as never),
  'attempt.register-udp': (values) => translate({id: 'lab.natTraversal.text.attempt.register-udp', message: 'registration over UDP'}, values as never),
  'attempt.direct-udp': (values) => translate({id: 'lab.natTraversal.text.attempt.direct-udp', message: 'the direct UDP attempt'}, values as never),
  'attempt.punching': (values) => translate({id: 'lab.natTraversal.text.attempt.punching', message: 'hole punching'}, values as never),
  'attempt.direct-tcp': (values) => translate({id: 'lab.natTraversal.text.attempt.direct-tcp', message: 'the direct TCP connection'}, values as never),
  'attempt.reversal': (values) => translate({id: 'lab.natTraversal.text.attempt.reversal', message: 'connection reversal'}, values as never),
  'attempt.relay-connect': (values) => translate({id: 'lab.natTraversal.text.attempt.relay-connect', message: 'the relay\'s connection to the callee'}, values as never),
  'path.direct-udp': (values) => translate({id: 'lab.natTraversal.text.path.direct-udp', message: 'UDP, straight between the two hosts'}, values as never),
  'path.hole-punched-udp': (values) => translate({id: 'lab.natTraversal.text.path.hole-punched-udp', message: 'UDP through the holes both sides punched'}, values as never),
  'path.direct-tcp': (values) => translate({id: 'lab.natTraversal.text.path.direct-tcp', message: 'a TCP connection from the caller to the callee'}, values as never),
  'path.reversed-tcp': (values) => translate({id: 'lab.natTraversal.text.path.reversed-tcp', message: 'a TCP connection that the callee opened back to the caller'}, values as never),
  'path.relayed-udp': (values) => translate({id: 'lab.natTraversal.text.path.relayed-udp', message: 'UDP through the relay'}, values as never),
  'path.relayed-tcp': (values) => translate({id: 'lab.natTraversal.text.path.relayed-tcp', message: 'TCP through the relay'}, values as never),
};

/** The trace's templates, translated. */
export const translatedNatText: NatTextFormatter = (key, values) => TEMPLATES[key](values);

/** A step's sentence in the reader's language. */
export const stepSentence = (step: NatTraceStep) => describeNatStep(step, translatedNatText);

/** An endpoint kind's name, or its short name for the matrix's headers. */
export function kindLabel(kind: NatEndpointKind, short = false): string {
  switch (kind) {
    case 'public':
      return short ? translate({id: 'lab.natTraversal.kindShort.public', message: 'public'}) : translate({id: 'lab.natTraversal.kind.public', message: 'public address'});
    case 'full-cone':
      return short ? translate({id: 'lab.natTraversal.kindShort.full-cone', message: 'full cone'}) : translate({id: 'lab.natTraversal.kind.full-cone', message: 'full-cone NAT'});
    case 'restricted-cone':
      return short ? translate({id: 'lab.natTraversal.kindShort.restricted-cone', message: 'restricted'}) : translate({id: 'lab.natTraversal.kind.restricted-cone', message: 'restricted-cone NAT'});
    case 'port-restricted-cone':
      return short ? translate({id: 'lab.natTraversal.kindShort.port-restricted-cone', message: 'port-restr.'}) : translate({id: 'lab.natTraversal.kind.port-restricted-cone', message: 'port-restricted-cone NAT'});
    case 'symmetric':
      return short ? translate({id: 'lab.natTraversal.kindShort.symmetric', message: 'symmetric'}) : translate({id: 'lab.natTraversal.kind.symmetric', message: 'symmetric NAT'});
    case 'udp-blocking-firewall':
      return short ? translate({id: 'lab.natTraversal.kindShort.udp-blocking-firewall', message: 'no UDP'}) : translate({id: 'lab.natTraversal.kind.udp-blocking-firewall', message: 'UDP-blocking firewall'});
    case 'tcp-out-only-firewall':
      return short ? translate({id: 'lab.natTraversal.kindShort.tcp-out-only-firewall', message: 'TCP out only'}) : translate({id: 'lab.natTraversal.kind.tcp-out-only-firewall', message: 'TCP-out-only firewall'});
    case 'port-restricted-behind-udp-firewall':
      return short ? translate({id: 'lab.natTraversal.kindShort.port-restricted-behind-udp-firewall', message: 'NAT + no UDP'}) : translate({id: 'lab.natTraversal.kind.port-restricted-behind-udp-firewall', message: 'port-restricted NAT behind a UDP-blocking firewall'});
  }
}

export function policyLabel(policy: NatCallPolicy): string {
  return policy === 'skype-2004'
    ? translate({id: 'lab.natTraversal.policy.skype-2004', message: 'Skype 0.97 as measured (2004)'})
    : translate({id: 'lab.natTraversal.policy.hole-punching', message: 'Hole punching (the general technique)'});
}

/** A media path in a few words, for the matrix's cells. */
export function pathShortLabel(path: NatMediaPath): string {
  switch (path) {
    case 'direct-udp':
      return translate({id: 'lab.natTraversal.pathShort.direct-udp', message: 'UDP'});
    case 'hole-punched-udp':
      return translate({id: 'lab.natTraversal.pathShort.hole-punched-udp', message: 'punch'});
    case 'direct-tcp':
      return translate({id: 'lab.natTraversal.pathShort.direct-tcp', message: 'TCP'});
    case 'reversed-tcp':
      return translate({id: 'lab.natTraversal.pathShort.reversed-tcp', message: 'TCP back'});
    case 'relayed-udp':
      return translate({id: 'lab.natTraversal.pathShort.relayed-udp', message: 'relay UDP'});
    case 'relayed-tcp':
      return translate({id: 'lab.natTraversal.pathShort.relayed-tcp', message: 'relay TCP'});
  }
}

/** A media path as the trace words it ("UDP through the relay"). */
export const pathLabel = (path: NatMediaPath) => translatedNatText(`path.${path}`);

export function signallingLabel(path: NatSignallingPath): string {
  switch (path) {
    case 'direct-tcp':
      return translate({id: 'lab.natTraversal.signalling.direct-tcp', message: 'TCP straight to the callee'});
    case 'relayed-tcp':
      return translate({id: 'lab.natTraversal.signalling.relayed-tcp', message: 'TCP through the relay'});
    case 'via-supernode':
      return translate({id: 'lab.natTraversal.signalling.via-supernode', message: 'through the supernode, over the channel each client registered on'});
  }
}

/** What the `measured` output holds: 'measured', 'extrapolated' or 'not applicable'. */
// i18n-exempt: a data-value for tests and tools; the words shown beside it come from evidenceLabel
export const evidenceValue = (outcome: NatCallOutcome) => (outcome.evidence === 'not-applicable' ? 'not applicable' : outcome.evidence);

export function evidenceLabel(outcome: NatCallOutcome): string {
  switch (outcome.evidence) {
    case 'measured':
      return translate({id: 'lab.natTraversal.evidence.measured', message: 'measured by Baset & Schulzrinne (2004)'});
    case 'extrapolated':
      return translate({id: 'lab.natTraversal.evidence.extrapolated', message: 'extrapolated: the paper did not measure this pair; the model applies its rule of §4.5'});
    case 'not-applicable':
      return translate({id: 'lab.natTraversal.evidence.notApplicable', message: 'not applicable: a general technique, not a measurement'});
  }
}

export function phaseLabel(phase: NatPhase): string {
  switch (phase) {
    case 'registration':
      return translate({id: 'lab.natTraversal.phase.registration', message: 'registration'});
    case 'direct-attempt':
      return translate({id: 'lab.natTraversal.phase.direct-attempt', message: 'direct attempt'});
    case 'punching':
      return translate({id: 'lab.natTraversal.phase.punching', message: 'hole punching'});
    case 'tcp':
      return translate({id: 'lab.natTraversal.phase.tcp', message: 'TCP'});
    case 'relay':
      return translate({id: 'lab.natTraversal.phase.relay', message: 'relay'});
    case 'media':
      return translate({id: 'lab.natTraversal.phase.media', message: 'media'});
    case 'expiry':
      return translate({id: 'lab.natTraversal.phase.expiry', message: 'expiry'});
  }
}

/** A node's name on the picture. */
export function nodeTitle(node: NatNodeId): string {
  switch (node) {
    case 'caller':
      return translate({id: 'lab.natTraversal.picture.caller', message: 'Caller'});
    case 'callee':
      return translate({id: 'lab.natTraversal.picture.callee', message: 'Callee'});
    case 'supernode':
      return translate({id: 'lab.natTraversal.picture.supernode', message: 'Supernode'});
    case 'relay':
      return translate({id: 'lab.natTraversal.picture.relay', message: 'Relay'});
    case 'caller-nat':
    case 'callee-nat':
      return translate({id: 'lab.natTraversal.picture.nat', message: 'NAT'});
    case 'caller-firewall':
    case 'callee-firewall':
      return translate({id: 'lab.natTraversal.picture.firewall', message: 'Firewall'});
  }
}

/** Why a packet was dropped, in two or three words, beside the cross on the picture. */
export function dropShortLabel(reason: NatTraceDropReason): string {
  switch (reason.code) {
    case 'udp-blocked':
      return translate({id: 'lab.natTraversal.dropShort.udp-blocked', message: 'UDP blocked'});
    case 'inbound-tcp-blocked':
      return translate({id: 'lab.natTraversal.dropShort.inbound-tcp-blocked', message: 'no TCP in'});
    case 'unsolicited-tcp':
      return translate({id: 'lab.natTraversal.dropShort.unsolicited-tcp', message: 'unsolicited TCP'});
    case 'no-connection':
      return translate({id: 'lab.natTraversal.dropShort.no-connection', message: 'no connection'});
    case 'no-mapping':
      return translate({id: 'lab.natTraversal.dropShort.no-mapping', message: 'no mapping'});
    case 'filtered-address':
      return translate({id: 'lab.natTraversal.dropShort.filtered-address', message: 'address filtered'});
    case 'filtered-port':
      return translate({id: 'lab.natTraversal.dropShort.filtered-port', message: 'port filtered'});
    case 'closed-port':
      return translate({id: 'lab.natTraversal.dropShort.closed-port', message: 'port closed'});
  }
}
