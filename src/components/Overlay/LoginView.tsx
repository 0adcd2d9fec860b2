/**
 * The overlay widget's login view: Baset & Schulzrinne's Fig. 2 played step by step for the chosen
 * network condition (client, what stands in its way, the host-cache entry's supernode and the login
 * server, with the packet of the step), then the outcome beside the login time the paper measured.
 */
import {memo, useCallback, useId, useMemo, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import StepPlayer from '@site/src/components/StepPlayer';
import Output from '@site/src/components/lab/Output';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import labStyles from '@site/src/components/lab/styles.module.css';
import {KEEP_ALIVE_SECONDS, LOGIN_ALGORITHM, LOGIN_SERVER_IP, NETWORK_SOURCES} from '@site/src/data/networkFacts';
import {simulateLogin, type LoginCondition, type LoginRun} from '@site/src/simulations/overlay';
import {loginFrames, type LoginFrame} from './state';
import {barrierLabel, conditionLabel, describeLoginStep, measuredText, measuredValue, transportLabel} from './text';
import styles from './styles.module.css';

/** Where the picture's parts sit, in its 360 × 220 coordinate space. */
const CLIENT = {x: 8, y: 88, width: 72, height: 44};
const WALL = {x: 118, y: 46, width: 28, height: 150};
const SUPERNODE = {x: 228, y: 30, width: 124, height: 52};
const SERVER = {x: 228, y: 148, width: 124, height: 52};
const CLIENT_EDGE = CLIENT.x + CLIENT.width;
const WALL_CENTRE = WALL.x + WALL.width / 2;

interface Segment {
  from: {x: number; y: number};
  to: {x: number; y: number};
}

/** The packet's line for a frame: to the supernode or the login server, stopped at the wall when blocked. */
function packetSegment(frame: LoginFrame): Segment | null {
  if (frame.target === null || frame.result === 'no-reply') return null;
  const box = frame.target === 'supernode' ? SUPERNODE : SERVER;
  const client = {x: CLIENT_EDGE, y: CLIENT.y + CLIENT.height / 2};
  const far = {x: box.x, y: box.y + box.height / 2};
  if (frame.result === 'blocked') {
    const share = (WALL_CENTRE - client.x) / (far.x - client.x);
    return {from: client, to: {x: WALL_CENTRE, y: client.y + (far.y - client.y) * share}};
  }
  return frame.direction === 'in' ? {from: far, to: client} : {from: client, to: far};
}

/** A mark at the end of the packet that says what happened, in a symbol as well as a colour. */
function resultMark(frame: LoginFrame): {symbol: string; tone: 'good' | 'bad' | 'unknown'} | null {
  switch (frame.result) {
    case 'answered':
    case 'connected':
    case 'authenticated':
      return {symbol: '✓', tone: 'good'};
    case 'blocked':
      return {symbol: '✕', tone: 'bad'};
    case 'not-in-sources':
      return {symbol: '?', tone: 'unknown'};
    default:
      return null;
  }
}

/** On a line cut short by the wall the label sits left of the wall, clear of the ✕; elsewhere above the middle. */
function packetLabelPosition(segment: Segment, frame: LoginFrame): {x: number; y: number} {
  if (frame.result === 'blocked') return {x: WALL.x - 4, y: segment.to.y - 10};
  return {x: (segment.from.x + segment.to.x) / 2, y: (segment.from.y + segment.to.y) / 2 - 7};
}

/** The note under the client while it waits: for a UDP reply, or between attempts. */
function waitNote(what: LoginRun['steps'][number]['what']): string | null {
  if (what === 'udp-timeout') return translate({id: 'lab.overlay.picture.noReply', message: '… no reply, {seconds} s'}, {seconds: LOGIN_ALGORITHM.udpReplyWaitSeconds.value});
  if (what === 'wait') return translate({id: 'lab.overlay.picture.wait', message: '… wait {seconds} s'}, {seconds: LOGIN_ALGORITHM.waitBetweenAttemptsSeconds.value});
  return null;
}

interface PictureProps {
  run: LoginRun;
  frame: LoginFrame;
  stepIndex: number;
  condition: LoginCondition;
  markerId: string;
}

/** The picture of one login step: a few dozen SVG elements, read from the precomputed frame. */
const LoginPicture = memo(function LoginPicture({run, frame, stepIndex, condition, markerId}: PictureProps): ReactNode {
  const step = run.steps[stepIndex];
  const barrier = barrierLabel(condition);
  const segment = packetSegment(frame);
  const mark = resultMark(frame);
  const packetLabel = frame.transport === null ? null : `${frame.transport.toUpperCase()}${frame.port ? ` :${frame.port}` : ''}`;
  const labelAt = segment && packetLabelPosition(segment, frame);
  const clientNote = waitNote(step.what);
  return (
    <svg
      className={styles.picture}
      viewBox="0 0 360 220"
      role="img"
      aria-label={translate(
        {id: 'lab.overlay.picture.loginLabel', message: 'The client, {barrier}, the supernode {supernode} and the login server {server}; the step is described below.'},
        {barrier: barrier ?? conditionLabel(condition), supernode: run.entry.ip, server: LOGIN_SERVER_IP.value},
      )}>
      <defs>
        <marker id={markerId} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0 8 4 0 8z" className={styles.arrowHead} />
        </marker>
      </defs>
      <text x={8} y={16} className={styles.pictureCaption}>
        {translate({id: 'lab.overlay.picture.clock', message: 't = {time} s · attempt {attempt} of {attempts}'}, {time: step.time, attempt: step.attempt, attempts: LOGIN_ALGORITHM.attempts.value})}
      </text>

      <rect {...CLIENT} rx={6} className={styles.node} />
      <text x={CLIENT.x + CLIENT.width / 2} y={CLIENT.y + 26} className={styles.nodeLabel}>
        {translate({id: 'lab.overlay.picture.client', message: 'Client'})}
      </text>
      {clientNote && (
        <text x={CLIENT.x} y={CLIENT.y + CLIENT.height + 18} className={styles.note}>
          {clientNote}
        </text>
      )}

      {barrier && (
        <g>
          <rect {...WALL} className={styles.wall} />
          <text x={WALL_CENTRE} y={WALL.y - 6} className={styles.nodeLabel}>
            {barrier}
          </text>
        </g>
      )}

      <rect {...SUPERNODE} rx={6} className={clsx(styles.node, step.what === 'start' && styles.nodeCurrent)} />
      <text x={SUPERNODE.x + SUPERNODE.width / 2} y={SUPERNODE.y + 20} className={styles.nodeLabel}>
        {translate({id: 'lab.overlay.picture.supernode', message: 'Supernode'})}
      </text>
      <text x={SUPERNODE.x + SUPERNODE.width / 2} y={SUPERNODE.y + 38} className={styles.address}>
        {run.entry.ip}
      </text>

      <rect {...SERVER} rx={6} className={clsx(styles.node, step.what === 'login-server' && styles.nodeCurrent)} />
      <text x={SERVER.x + SERVER.width / 2} y={SERVER.y + 20} className={styles.nodeLabel}>
        {translate({id: 'lab.overlay.picture.loginServer', message: 'Login server'})}
      </text>
      <text x={SERVER.x + SERVER.width / 2} y={SERVER.y + 38} className={styles.address}>
        {LOGIN_SERVER_IP.value}
      </text>

      {frame.connected && (
        <g>
          <line x1={CLIENT_EDGE} y1={CLIENT.y + 8} x2={SUPERNODE.x} y2={SUPERNODE.y + SUPERNODE.height - 8} className={styles.connection} />
          <text x={SUPERNODE.x + SUPERNODE.width / 2} y={SUPERNODE.y + SUPERNODE.height + 14} className={clsx(styles.note, styles.centred)}>
            {translate({id: 'lab.overlay.picture.connected', message: 'TCP kept open ✓'})}
          </text>
        </g>
      )}

      {segment && (
        <g key={stepIndex} className={styles.packet}>
          <line
            x1={segment.from.x}
            y1={segment.from.y}
            x2={segment.to.x}
            y2={segment.to.y}
            className={clsx(frame.transport === 'udp' ? styles.packetUdp : styles.packetTcp, frame.result === 'not-in-sources' && styles.packetUnknown)}
            markerEnd={frame.result === 'blocked' ? undefined : `url(#${markerId})`}
          />
          {packetLabel && labelAt && (
            <text x={labelAt.x} y={labelAt.y} className={clsx(styles.packetLabel, frame.result === 'blocked' && styles.packetLabelEnd)}>
              {packetLabel}
            </text>
          )}
          {mark && (
            <text x={segment.to.x + (frame.direction === 'in' ? 8 : -6)} y={segment.to.y - 9} className={clsx(styles.mark, styles[mark.tone])}>
              {mark.symbol}
            </text>
          )}
        </g>
      )}

      {step.what === 'give-up' && (
        <text x={180} y={214} className={clsx(styles.verdict, styles.bad)}>
          {translate({id: 'lab.overlay.picture.failed', message: '✕ login failed'})}
        </text>
      )}
    </svg>
  );
});

export interface LoginViewProps {
  condition: LoginCondition;
  seed: number;
  step: number;
  onStepChange(step: number): void;
}

/** Why the model's seconds and the measured ones differ, for the condition shown. */
function comparison(run: LoginRun): ReactNode {
  if (run.measured === null) {
    return <Translate id="lab.overlay.login.notMeasured">Not measured: Baset & Schulzrinne tried only a public address, a port-restricted NAT, and a NAT behind a firewall that blocks UDP.</Translate>;
  }
  if (run.measured.value.udpProbedEntries !== null) {
    return (
      <Translate id="lab.overlay.login.whyFirewall" values={{model: run.outcome.modelSeconds, entries: run.measured.value.udpProbedEntries}}>
        {'The model waits once for one host-cache entry, as Fig. 2 draws it: {model} s. The real client sent UDP to {entries} entries before it fell back to TCP, which is why its login took so much longer.'}
      </Translate>
    );
  }
  return (
    <Translate id="lab.overlay.login.whyPublic" values={{model: run.outcome.modelSeconds}}>
      {'The model counts only the waits of Fig. 2, and a reply that arrives costs none: {model} s. The measured time covers the whole login: the exchange with the login server and the probes to other nodes.'}
    </Translate>
  );
}

export default function LoginView({condition, seed, step, onStepChange}: LoginViewProps): ReactNode {
  const run = useMemo(() => simulateLogin({condition, seed}), [condition, seed]);
  const frames = useMemo(() => loginFrames(run), [run]);
  const markerId = `overlay-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const current = Math.min(Math.max(step, 0), run.steps.length - 1);
  const describeStep = useCallback((index: number) => describeLoginStep(run.steps[index], LOGIN_ALGORITHM.attempts.value, run.firstLogin), [run]);
  const {outcome, measured} = run;
  const spokenSummary = translate(
    {id: 'lab.overlay.login.status', message: 'Login from {condition}: {result}, {transport}, after {attempts} attempts; {seconds} s in the model.'},
    {
      condition: conditionLabel(condition),
      result: outcome.connected
        ? translate({id: 'lab.overlay.login.status.connected', message: 'connected'})
        : translate({id: 'lab.overlay.login.status.failed', message: 'failed'}),
      transport: transportLabel(outcome.transport),
      attempts: outcome.attempts,
      seconds: outcome.modelSeconds,
    },
  );

  return (
    <>
      <p>
        <Translate id="lab.overlay.login.intro" values={{condition: <strong>{conditionLabel(condition)}</strong>}}>
          {'A first login from a fresh installation (network: {condition}), following the flowchart of Fig. 2 with one host-cache entry. Step through it with the buttons or the arrow keys.'}
        </Translate>
      </p>
      <StepPlayer
        label={translate({id: 'lab.overlay.login.player', message: 'Login, step by step'})}
        stepCount={run.steps.length}
        step={current}
        onStepChange={onStepChange}
        describeStep={describeStep}
        initialSpeed={1}>
        <div className={styles.scrollBox}>
          <LoginPicture run={run} frame={frames[current]} stepIndex={current} condition={condition} markerId={markerId} />
        </div>
      </StepPlayer>

      <dl className={labStyles.summary}>
        <div>
          <dt>
            <Translate id="lab.overlay.login.outcome">Outcome</Translate>
          </dt>
          <dd>
            <Output name="login-outcome" value={outcome.connected ? 'connected' : 'failed'} prose>
              {outcome.connected
                ? translate({id: 'lab.overlay.login.connected', message: '✓ connected to a supernode'})
                : translate({id: 'lab.overlay.login.failedOutcome', message: '✕ failed'})}
            </Output>
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.overlay.login.transport">Connection</Translate>
          </dt>
          <dd>
            <Output name="login-transport" value={outcome.transport} prose>
              {transportLabel(outcome.transport)}
            </Output>
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.overlay.login.attempts">Attempts</Translate>
          </dt>
          <dd>
            <Output name="login-attempts" value={String(outcome.attempts)} />
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.overlay.login.modelSeconds">Model time (Fig. 2’s waits only)</Translate>
          </dt>
          <dd>
            <Output name="login-seconds" value={String(outcome.modelSeconds)}>
              {translate({id: 'lab.overlay.seconds', message: '{seconds} s'}, {seconds: outcome.modelSeconds})}
            </Output>
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.overlay.login.measured">Measured in 2004</Translate>
          </dt>
          <dd>
            <Output name="measured-seconds" value={measuredValue(measured?.value ?? null)} prose>
              {measured ? (
                <>
                  {measuredText(measured.value)} (<Link to={measured.source}>{translate({id: 'lab.overlay.baset', message: 'Baset & Schulzrinne'})}</Link> {measured.section})
                </>
              ) : (
                translate({id: 'lab.overlay.login.noMeasurement', message: 'not measured'})
              )}
            </Output>
          </dd>
        </div>
      </dl>
      <ResultStatus summary={spokenSummary} />
      <p className={styles.explain}>{comparison(run)}</p>
      {outcome.connected && (
        <p className={styles.explain}>
          <Translate id="lab.overlay.login.keepAlive" values={{seconds: KEEP_ALIVE_SECONDS.value, source: <Link to={NETWORK_SOURCES.baset2004}>{KEEP_ALIVE_SECONDS.section}</Link>}}>
            {'From here on the client keeps this TCP connection open and sends its supernode a refresh every {seconds} s ({source}).'}
          </Translate>
        </p>
      )}
    </>
  );
}
