/**
 * The words of a NAT trace (public API in nat.ts). `describeNatStep` builds a step's sentence from
 * templates fetched through a formatter: the English one here gives every step its `description`,
 * and the widget passes one that fetches the same templates through the site's translations.
 */
import type {NatBoxId, NatNodeId, NatTraceDropReason, NatTraceStep} from './natTrace';

/** The English templates; `{name}` is replaced by a value. */
export const NAT_TEXT_EN = {
  'node.caller': 'the caller',
  'node.callee': 'the callee',
  'node.supernode': 'the supernode',
  'node.relay': 'the relay',
  'node.caller-nat': "the caller's NAT",
  'node.caller-firewall': "the caller's firewall",
  'node.callee-nat': "the callee's NAT",
  'node.callee-firewall': "the callee's firewall",
  'nodeStart.caller': 'The caller',
  'nodeStart.callee': 'The callee',
  'nodeStart.supernode': 'The supernode',
  'nodeStart.relay': 'The relay',
  'nodeStart.caller-nat': "The caller's NAT",
  'nodeStart.caller-firewall': "The caller's firewall",
  'nodeStart.callee-nat': "The callee's NAT",
  'nodeStart.callee-firewall': "The callee's firewall",

  send: '{Sender} sends {purpose}. {protocol}: {source} → {destination}.',
  'purpose.register': 'a registration to the supernode',
  'purpose.register-reply': 'the answer to that registration, which names the address it came from ({destination})',
  'purpose.connect': 'the first segment of a TCP connection (SYN)',
  'purpose.accept': 'the answer that accepts the connection (SYN-ACK)',
  'purpose.address-report': 'a message that names the address the connection came from ({destination})',
  'purpose.lookup': "a request for the callee's address",
  'purpose.lookup-reply': "the callee's address as the supernode knows it",
  'purpose.direct-probe': "a first packet straight to the callee's public endpoint",
  'purpose.probe-reply': 'an answer, to the address the probe came from',
  'purpose.introduce': "an introduction: who calls, and the caller's endpoint as the supernode saw it",
  'purpose.punch': "a hole-punching packet to the other side's endpoint as the supernode saw it",
  'purpose.punch-reply': 'an answer, to the address the punch came from',
  'purpose.reversal-request': 'a request to have the callee connect back',
  'purpose.reversal-forward': "the caller's request to connect back to it",
  'purpose.relay-request': 'a request to have the callee reach the relay',
  'purpose.relay-forward': 'the request to reach the relay',
  'purpose.signalling': 'call signalling',
  'purpose.signalling-forward': "the caller's signalling, passed on",
  'purpose.media': 'voice',
  'purpose.media-forward': 'voice, passed on',

  'rewrite.created': '{Box} creates a mapping and rewrites the source {before} to {after}. The new row lets in {remote}.',
  'rewrite.extended': '{Box} gives this new destination the same public port and rewrites the source {before} to {after}. A new row lets in {remote}.',
  'rewrite.existing': '{Box} finds its row for this destination and rewrites the source {before} to {after}.',
  'rewrite.inbound': '{Box} finds a row that lets {source} in and rewrites the destination {before} to {after}.',
  'remote.anyone': 'anyone',
  'remote.address': 'anyone at {ip}',
  'remote.exact': '{endpoint} only',
  deliver: '{Receiver} receives it from {source}.',
  through: ' On the way it passes {box}, which lets it through.',
  drop: '{At} drops it: {reason}.',
  'reason.udp-blocked': 'this firewall blocks all UDP',
  'reason.inbound-tcp-blocked': 'this firewall lets TCP connections out, never in',
  'reason.unsolicited-tcp': 'a NAT lets in no TCP connection that was not opened from inside',
  'reason.no-connection': 'it belongs to no connection opened from inside',
  'reason.no-mapping': 'no mapping uses public port {port}; nothing inside has sent from it, or its row has expired',
  'reason.filtered-address': 'the mapping on port {port} lets in only {allowed}, and the host inside never sent anything to {sourceIp}',
  'reason.filtered-port': 'the mapping on port {port} lets in only {allowed}; the host inside sent to {sourceIp}, but not to port {sourcePort}',
  'reason.closed-port': 'nothing listens on port {port}',
  expire: '{Box} forgets the row {internal} ↔ {external} for {remote}: nothing went out through it for {idle} s.',

  'note.no-answer': 'No answer within {seconds} s: {attempt} failed.',
  'note.udp-blocked-fallback': 'No answer within {seconds} s: {client} concludes that UDP is blocked and registers over TCP (Baset & Schulzrinne §4.2).',
  'note.behind-nat': '{Client} compares its own address {own} with the one the supernode saw, {seen}: they differ, so it is behind a NAT.',
  'note.not-behind-nat': '{Client} compares its own address {own} with the one the supernode saw, {seen}: they match, so no NAT is in the way.',
  'note.call-starts': 'The caller places the call.',
  'note.skype2004-direct': 'Neither party is behind a NAT, so Skype 0.97 opens a TCP connection straight to the callee (Baset & Schulzrinne §4.4).',
  'note.skype2004-relay-caller': 'The caller is behind a NAT, so Skype 0.97 sends the call through another online node (Baset & Schulzrinne §4.5).',
  'note.skype2004-relay-callee': 'The callee is behind a NAT, so Skype 0.97 sends the call through another online node (Baset & Schulzrinne §4.5).',
  'note.skype2004-relay-both': 'Both parties are behind a NAT, so Skype 0.97 sends the call through another online node (Baset & Schulzrinne §4.5).',
  'note.relay-chosen': 'The relay is {relay}: an online node with a public address that the caller learnt at login.',
  'note.no-udp': '{Client} has no working UDP, so the UDP attempts are skipped.',
  'note.path': 'Media path: {path}.',
  'note.call-ends': 'The call ends: the clients stop sending voice.',
  'note.call-ends-tcp': 'The call ends. Its TCP connections close, and the boxes forget their rows.',
  'note.idle': 'Nobody sends anything now. A UDP row expires {timeout} s after the last packet sent out through it (RFC 4787 REQ-5).',
  'note.end-tcp-left': 'End of the trace. The TCP connections to the supernode stay open: a client refreshes its connection every 60 s (Baset & Schulzrinne §4.6).',
  'note.end-empty': 'End of the trace. Every row has expired. A real client keeps its rows alive with packets to its supernode; this trace leaves them out so that you can see the timer.',
  'attempt.register-udp': 'registration over UDP',
  'attempt.direct-udp': 'the direct UDP attempt',
  'attempt.punching': 'hole punching',
  'attempt.direct-tcp': 'the direct TCP connection',
  'attempt.reversal': 'connection reversal',
  'attempt.relay-connect': "the relay's connection to the callee",
  'path.direct-udp': 'UDP, straight between the two hosts',
  'path.hole-punched-udp': 'UDP through the holes both sides punched',
  'path.direct-tcp': 'a TCP connection from the caller to the callee',
  'path.reversed-tcp': 'a TCP connection that the callee opened back to the caller',
  'path.relayed-udp': 'UDP through the relay',
  'path.relayed-tcp': 'TCP through the relay',
} as const;

export type NatTextKey = keyof typeof NAT_TEXT_EN;

export type NatTextValues = Record<string, string | number>;

/** Fetches the template of `key` with its `{name}` placeholders filled from `values`. */
export type NatTextFormatter = (key: NatTextKey, values?: NatTextValues) => string;

/** Fills `{name}` placeholders. @example fillNatTemplate('port {port}', {port: 80}) // 'port 80' */
export function fillNatTemplate(template: string, values: NatTextValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The English formatter: the templates above, filled in. */
export const englishNatText: NatTextFormatter = (key, values) => fillNatTemplate(NAT_TEXT_EN[key], values);

const nodeName = (format: NatTextFormatter, node: NatNodeId) => format(`node.${node}`);
const nodeStart = (format: NatTextFormatter, node: NatNodeId) => format(`nodeStart.${node}`);

/** Seconds as the trace prints them: at most two decimals. */
export const natSeconds = (seconds: number) => Math.round(seconds * 100) / 100;

function remoteWords(format: NatTextFormatter, remote: string): string {
  if (remote === '*') return format('remote.anyone');
  if (remote.endsWith(':*')) return format('remote.address', {ip: remote.slice(0, -2)});
  return format('remote.exact', {endpoint: remote});
}

function splitEndpoint(text: string): {ip: string; port: string} {
  const colon = text.lastIndexOf(':');
  return {ip: text.slice(0, colon), port: text.slice(colon + 1)};
}

function reasonWords(format: NatTextFormatter, reason: NatTraceDropReason, source: string): string {
  const {ip, port} = splitEndpoint(source);
  switch (reason.code) {
    case 'udp-blocked':
    case 'inbound-tcp-blocked':
    case 'unsolicited-tcp':
    case 'no-connection':
      return format(`reason.${reason.code}`);
    case 'no-mapping':
    case 'closed-port':
      return format(`reason.${reason.code}`, {port: reason.port});
    case 'filtered-address':
    case 'filtered-port':
      return format(`reason.${reason.code}`, {port: reason.port, allowed: reason.allowed.join(', '), sourceIp: ip, sourcePort: port});
  }
}

/**
 * A step's sentence, through `format` (the English formatter gives the step's own `description`).
 * @param step a step of a trace
 * @param format fetches and fills a template
 * @returns one or two sentences
 */
export function describeNatStep(step: Omit<NatTraceStep, 'description'>, format: NatTextFormatter = englishNatText): string {
  const {event} = step;
  const through = step.through.map((box: NatBoxId) => format('through', {box: nodeName(format, box)})).join('');
  switch (event.type) {
    case 'send':
      return (
        format('send', {
          Sender: nodeStart(format, step.from),
          purpose: format(`purpose.${event.purpose}`, {destination: step.sent?.destination ?? ''}),
          protocol: (step.protocol ?? '').toUpperCase(),
          source: step.sent?.source ?? '',
          destination: step.sent?.destination ?? '',
        }) + through
      );
    case 'rewrite': {
      const key = event.direction === 'inbound' ? 'rewrite.inbound' : (`rewrite.${event.mapping ?? 'existing'}` as const);
      return format(key, {Box: nodeStart(format, step.from), before: event.before, after: event.after, remote: remoteWords(format, event.remote), source: step.current?.source ?? ''}) + through;
    }
    case 'deliver':
      return format('deliver', {Receiver: nodeStart(format, step.to), source: step.current?.source ?? ''});
    case 'drop':
      return format('drop', {At: nodeStart(format, step.to), reason: reasonWords(format, event.reason, step.current?.source ?? '')});
    case 'expire':
      return format('expire', {Box: nodeStart(format, step.from), internal: event.row.internal, external: event.row.external, remote: remoteWords(format, event.row.remote), idle: natSeconds(event.idleSeconds)});
    case 'note': {
      const {client, attempt, path, ...plain} = event.values;
      const values: NatTextValues = {...plain};
      if (client) {
        values.client = nodeName(format, client);
        values.Client = nodeStart(format, client);
      }
      if (attempt) values.attempt = format(`attempt.${attempt}`);
      if (path) values.path = format(`path.${path}`);
      return format(`note.${event.note}`, values);
    }
  }
}
