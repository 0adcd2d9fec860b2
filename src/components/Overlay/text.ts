/**
 * The overlay widget's words: labels of the conditions, views and transports, and one translated line
 * per step of the model's traces (login, host cache, search). The model's own English descriptions
 * serve live cells; the widget says the same things through Docusaurus i18n (ids `lab.overlay.*`).
 */
import {translate} from '@docusaurus/Translate';
import type {HostCacheStage, LoginCondition, LoginStep, LoginTransport, SearchStep} from '@site/src/simulations/overlay';
import {BOOTSTRAP_SUPERNODES, LOGIN_ALGORITHM, type MeasuredLogin} from '@site/src/data/networkFacts';

export type OverlayView = 'login' | 'cache' | 'slots' | 'search' | 'era';

export const OVERLAY_VIEWS: readonly OverlayView[] = ['login', 'cache', 'slots', 'search', 'era'];

export function viewLabel(view: OverlayView): string {
  switch (view) {
    case 'login':
      return translate({id: 'lab.overlay.view.login', message: 'Login'});
    case 'cache':
      return translate({id: 'lab.overlay.view.cache', message: 'Host cache'});
    case 'slots':
      return translate({id: 'lab.overlay.view.slots', message: 'Slots & blocks'});
    case 'search':
      return translate({id: 'lab.overlay.view.search', message: 'Search'});
    case 'era':
      return translate({id: 'lab.overlay.view.era', message: '2006 vs 2012'});
  }
}

export function conditionLabel(condition: LoginCondition): string {
  switch (condition) {
    case 'public':
      return translate({id: 'lab.overlay.condition.public', message: 'Public IP address'});
    case 'port-restricted-nat':
      return translate({id: 'lab.overlay.condition.portRestrictedNat', message: 'Behind a port-restricted NAT'});
    case 'udp-blocking-firewall':
      return translate({id: 'lab.overlay.condition.udpBlockingFirewall', message: 'NAT and a firewall that blocks UDP'});
    case 'tcp-80-443-only':
      return translate({id: 'lab.overlay.condition.tcp80443Only', message: 'Firewall: only TCP to ports 80 and 443 out'});
    case 'everything-blocked':
      return translate({id: 'lab.overlay.condition.everythingBlocked', message: 'Everything blocked'});
  }
}

/** The short name of what stands between the client and the Internet, drawn in the login picture. */
export function barrierLabel(condition: LoginCondition): string | null {
  switch (condition) {
    case 'public':
      return null;
    case 'port-restricted-nat':
      return translate({id: 'lab.overlay.barrier.nat', message: 'NAT'});
    case 'udp-blocking-firewall':
      return translate({id: 'lab.overlay.barrier.noUdp', message: 'no UDP'});
    case 'tcp-80-443-only':
      return translate({id: 'lab.overlay.barrier.tcp80443', message: 'TCP 80, 443'});
    case 'everything-blocked':
      return translate({id: 'lab.overlay.barrier.nothing', message: 'nothing out'});
  }
}

export function transportLabel(transport: LoginTransport): string {
  switch (transport) {
    case 'udp+tcp':
      return translate({id: 'lab.overlay.transport.udpTcp', message: 'UDP answered, TCP to the same IP:port'});
    case 'tcp':
      return translate({id: 'lab.overlay.transport.tcp', message: 'TCP to the same IP:port'});
    case 'tcp-80':
      return translate({id: 'lab.overlay.transport.tcp80', message: 'TCP to port 80'});
    case 'tcp-443':
      return translate({id: 'lab.overlay.transport.tcp443', message: 'TCP to port 443'});
    case 'failed':
      return translate({id: 'lab.overlay.transport.failed', message: 'none: login failed'});
  }
}

/** "3–7 s" or "about 34 s". */
export function measuredText(measured: MeasuredLogin): string {
  return measured.approximate
    ? translate({id: 'lab.overlay.measured.about', message: 'about {seconds} s'}, {seconds: measured.minimumSeconds})
    : translate({id: 'lab.overlay.measured.range', message: '{minimum}–{maximum} s'}, {minimum: measured.minimumSeconds, maximum: measured.maximumSeconds});
}

/** The canonical value of the measured time for tests: '3-7', '34', or 'none'. */
export function measuredValue(measured: MeasuredLogin | null): string {
  if (measured === null) return 'none';
  return measured.minimumSeconds === measured.maximumSeconds ? String(measured.minimumSeconds) : `${measured.minimumSeconds}-${measured.maximumSeconds}`;
}

/** One line for a login step, with its model time and attempt. */
export function describeLoginStep(step: LoginStep, attempts: number, firstLogin: boolean): string {
  const values = {
    time: step.time,
    attempt: step.attempt,
    attempts,
    to: step.to ?? '',
    bootstrapCount: BOOTSTRAP_SUPERNODES.value.length,
    udpWait: LOGIN_ALGORITHM.udpReplyWaitSeconds.value,
    attemptWait: LOGIN_ALGORITHM.waitBetweenAttemptsSeconds.value,
  };
  const prefix = translate({id: 'lab.overlay.login.prefix', message: 't = {time} s, attempt {attempt} of {attempts}:'}, values);
  const line = (() => {
    switch (step.what) {
      case 'start':
        return firstLogin
          ? translate({id: 'lab.overlay.login.startFirst', message: 'first login: the empty host cache gets the {bootstrapCount} bootstrap supernodes; the login tries {to}'}, values)
          : translate({id: 'lab.overlay.login.start', message: 'the login tries host-cache entry {to}'}, values);
      case 'udp-probe':
        return step.result === 'blocked'
          ? translate({id: 'lab.overlay.login.udpBlocked', message: 'UDP to {to}, dropped by the firewall'}, values)
          : translate({id: 'lab.overlay.login.udpSent', message: 'UDP to {to}'}, values);
      case 'udp-reply':
        return translate({id: 'lab.overlay.login.udpReply', message: '{to} answers within {udpWait} s'}, values);
      case 'udp-timeout':
        return translate({id: 'lab.overlay.login.udpTimeout', message: 'no UDP reply within {udpWait} s'}, values);
      case 'tcp-connect':
        return step.result === 'connected'
          ? translate({id: 'lab.overlay.login.tcpConnected', message: 'TCP to {to}: connected, this supernode is the way in'}, values)
          : translate({id: 'lab.overlay.login.tcpBlocked', message: 'TCP to {to}: blocked'}, values);
      case 'wait':
        return translate({id: 'lab.overlay.login.wait', message: 'no TCP connection: wait {attemptWait} s and try again'}, values);
      case 'login-server':
        return step.result === 'authenticated'
          ? translate({id: 'lab.overlay.login.server', message: 'TCP to the login server {to}: user name and password checked'}, values)
          : translate({id: 'lab.overlay.login.serverUnknown', message: 'the login server listens on {to}, which this network blocks: how the client reached it is not in our sources'}, values);
      case 'give-up':
        return translate({id: 'lab.overlay.login.giveUp', message: 'no TCP connection to a supernode after {attempts} attempts: login failed'}, values);
    }
  })();
  return `${prefix} ${line}`;
}

/** One line for a stage of the host cache filling up. */
export function describeHostCacheStage(stage: HostCacheStage, capacity: number): string {
  const values = {
    size: stage.entries.length,
    capacity,
    from: stage.from ?? '',
    offered: stage.offered,
    added: stage.added,
    duplicates: stage.duplicates,
    dropped: stage.dropped,
    port: BOOTSTRAP_SUPERNODES.value[0].port,
  };
  switch (stage.kind) {
    case 'install':
      return translate({id: 'lab.overlay.cache.install', message: 'After installation: the host cache is empty (0 of {capacity}).'}, values);
    case 'bootstrap':
      return translate({id: 'lab.overlay.cache.bootstrap', message: 'First login: the {size} bootstrap supernodes, all on port {port} ({size} of {capacity}).'}, values);
    case 'reply':
      return stage.dropped > 0
        ? translate(
            {id: 'lab.overlay.cache.replyFull', message: '{from} names {offered} supernodes: {added} added, {duplicates} known, {dropped} dropped because the cache is full ({size} of {capacity}).'},
            values,
          )
        : translate({id: 'lab.overlay.cache.reply', message: '{from} names {offered} supernodes: {added} added, {duplicates} known ({size} of {capacity}).'}, values);
  }
}

/** One line for a step of the search walk. */
export function describeSearchStep(step: SearchStep, target: string): string {
  const values = {to: step.to ?? '', target, round: step.round, contacted: step.contacted};
  switch (step.what) {
    case 'not-logged-in':
      return translate({id: 'lab.overlay.search.notLoggedIn', message: 'The client could not log in, so it cannot search.'}, values);
    case 'ask-supernode':
      if (step.result === 'searched-for-client') {
        return translate({id: 'lab.overlay.search.askOnly', message: 'Without UDP the client asks only its supernode {to}, over TCP, and gets the answer from it.'}, values);
      }
      return step.result === 'knows'
        ? translate({id: 'lab.overlay.search.askKnows', message: 'TCP to its supernode {to}: it knows where {target} is.'}, values)
        : translate({id: 'lab.overlay.search.askNotKnown', message: 'TCP to its supernode {to}: it does not know {target}.'}, values);
    case 'probe':
      return step.result === 'knows'
        ? translate({id: 'lab.overlay.search.probeKnows', message: 'Round {round}, UDP to {to}: knows where {target} is ({contacted} nodes so far).'}, values)
        : translate({id: 'lab.overlay.search.probeNotKnown', message: 'Round {round}, UDP to {to}: does not know {target} ({contacted} nodes so far).'}, values);
    case 'found':
      return translate({id: 'lab.overlay.search.found', message: '{target} found: {contacted} nodes contacted.'}, values);
  }
}
