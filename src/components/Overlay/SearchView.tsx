/**
 * The overlay widget's search view: a user search walking the overlay (Baset & Schulzrinne §4.3),
 * the client's supernode first over TCP, then 4 nodes over UDP, then 8 more, drawn as two columns of
 * nodes that fill in as they answer; the paper's averages are shown beside the run as data.
 */
import {memo, useCallback, useId, useMemo, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import StepPlayer from '@site/src/components/StepPlayer';
import Output from '@site/src/components/lab/Output';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import labStyles from '@site/src/components/lab/styles.module.css';
import {SEARCH_FACTS} from '@site/src/data/networkFacts';
import {SEARCH_ROUND_SIZES, simulateSearch, type LoginCondition, type Overlay, type SearchRun} from '@site/src/simulations/overlay';
import {searchFrames, type SearchFrame, type SearchNodeState} from './state';
import {conditionLabel, describeSearchStep} from './text';
import styles from './styles.module.css';

const CLIENT = {x: 8, y: 122, width: 64, height: 40};
const SUPERNODE = {x: 118, y: 142, radius: 16};
const NODE_RADIUS = 11;
const CENTRE_Y = 142;
/** Column x and row spacing of each round's nodes. */
const ROUND_LAYOUT = [
  {x: 205, spacing: 34},
  {x: 300, spacing: 30},
];

/** Where node `index` (counted over both rounds) sits. */
function nodePosition(index: number): {x: number; y: number} {
  const round = index < SEARCH_ROUND_SIZES[0] ? 0 : 1;
  const position = round === 0 ? index : index - SEARCH_ROUND_SIZES[0];
  const {x, spacing} = ROUND_LAYOUT[round];
  return {x, y: CENTRE_Y + (position - (SEARCH_ROUND_SIZES[round] - 1) / 2) * spacing};
}

const stateClass = (state: SearchNodeState) =>
  state === 'current' ? styles.searchCurrent : state === 'knows' ? styles.searchKnows : state === 'not-known' ? styles.searchNotKnown : styles.searchWaiting;

/** The symbol inside a node: its number until it answers, then ✕ or ✓, so colour is never the only cue. */
const stateSymbol = (state: SearchNodeState, number: string) => (state === 'knows' ? '✓' : state === 'not-known' ? '✕' : number);

const SearchPicture = memo(function SearchPicture({run, frame, markerId}: {run: SearchRun; frame: SearchFrame; markerId: string}): ReactNode {
  const udpUsed = !run.steps.some((step) => step.result === 'searched-for-client');
  const loggedIn = run.steps[0].what !== 'not-logged-in';
  const lineEnd = frame.line === null ? null : frame.line.to === 'supernode' ? {x: SUPERNODE.x - SUPERNODE.radius, y: SUPERNODE.y} : nodePosition(frame.line.to);
  const client = {x: CLIENT.x + CLIENT.width, y: CENTRE_Y};
  const foundIndex = frame.nodes.indexOf('knows');
  // "found" sits left of a probed node that knows, where no other node is drawn, or above the supernode.
  const foundAt = foundIndex >= 0 ? {x: nodePosition(foundIndex).x - NODE_RADIUS - 4, y: nodePosition(foundIndex).y + 4, end: true} : {x: SUPERNODE.x, y: SUPERNODE.y - SUPERNODE.radius - 6, end: false};
  return (
    <svg
      className={styles.picture}
      viewBox="0 0 360 290"
      role="img"
      aria-label={translate(
        {id: 'lab.overlay.picture.searchLabel', message: 'The client looking for {target}, its supernode, and the {first} and {second} nodes of the two rounds of probes; the step is described below.'},
        {target: run.target.id, first: SEARCH_ROUND_SIZES[0], second: SEARCH_ROUND_SIZES[1]},
      )}>
      <defs>
        <marker id={markerId} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0 8 4 0 8z" className={styles.arrowHead} />
        </marker>
      </defs>
      {ROUND_LAYOUT.map(({x}, round) => (
        <text key={round} x={x} y={14} className={styles.nodeLabel}>
          {round === 0
            ? translate({id: 'lab.overlay.picture.roundOne', message: 'Round 1: {count}'}, {count: SEARCH_ROUND_SIZES[0]})
            : translate({id: 'lab.overlay.picture.roundTwo', message: 'Round 2: {count} more'}, {count: SEARCH_ROUND_SIZES[1]})}
        </text>
      ))}

      <rect {...CLIENT} rx={6} className={styles.node} />
      <text x={CLIENT.x + CLIENT.width / 2} y={CLIENT.y + 25} className={styles.nodeLabel}>
        {translate({id: 'lab.overlay.picture.client', message: 'Client'})}
      </text>
      <text x={CLIENT.x} y={CLIENT.y - 8} className={styles.note}>
        {translate({id: 'lab.overlay.picture.lookingFor', message: 'looks for {target}'}, {target: run.target.id})}
      </text>

      <circle cx={SUPERNODE.x} cy={SUPERNODE.y} r={SUPERNODE.radius} className={clsx(styles.searchNode, stateClass(frame.supernode))} />
      <text x={SUPERNODE.x} y={SUPERNODE.y + 4} className={styles.nodeSymbol}>
        {stateSymbol(frame.supernode, translate({id: 'lab.overlay.picture.supernodeShort', message: 'SN'}))}
      </text>
      <text x={SUPERNODE.x} y={SUPERNODE.y + SUPERNODE.radius + 14} className={clsx(styles.note, styles.centred)}>
        {translate({id: 'lab.overlay.picture.itsSupernode', message: 'its supernode'})}
      </text>

      {frame.nodes.map((state, index) => {
        const {x, y} = nodePosition(index);
        return (
          <g key={index} className={udpUsed && loggedIn ? undefined : styles.unused}>
            <circle cx={x} cy={y} r={NODE_RADIUS} className={clsx(styles.searchNode, stateClass(state))} />
            <text x={x} y={y + 4} className={styles.nodeSymbol}>
              {stateSymbol(state, String(index + 1))}
            </text>
          </g>
        );
      })}

      {frame.line && lineEnd && (
        <g key={`${frame.line.to}`} className={styles.packet}>
          <line
            x1={client.x}
            y1={client.y}
            x2={frame.line.to === 'supernode' ? lineEnd.x : lineEnd.x - NODE_RADIUS}
            y2={lineEnd.y}
            className={frame.line.transport === 'udp' ? styles.packetUdp : styles.packetTcp}
            markerEnd={`url(#${markerId})`}
          />
        </g>
      )}

      {frame.found && (
        <text x={foundAt.x} y={foundAt.y} className={clsx(styles.verdict, styles.good, foundAt.end && styles.verdictEnd)}>
          {translate({id: 'lab.overlay.picture.found', message: '✓ found'})}
        </text>
      )}
      {!loggedIn && (
        <text x={180} y={282} className={clsx(styles.verdict, styles.bad)}>
          {translate({id: 'lab.overlay.picture.noLogin', message: '✕ no login, no search'})}
        </text>
      )}
      {loggedIn && !udpUsed && (
        <text x={250} y={282} className={clsx(styles.note, styles.centred)}>
          {translate({id: 'lab.overlay.picture.noUdp', message: 'no UDP: none of these is contacted'})}
        </text>
      )}
    </svg>
  );
});

export interface SearchViewProps {
  overlay: Overlay;
  condition: LoginCondition;
  seed: number;
  step: number;
  onStepChange(step: number): void;
}

export default function SearchView({overlay, condition, seed, step, onStepChange}: SearchViewProps): ReactNode {
  const run = useMemo(() => simulateSearch({overlay, condition, seed}), [overlay, condition, seed]);
  const frames = useMemo(() => searchFrames(run), [run]);
  const markerId = `overlay-search-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const current = Math.min(Math.max(step, 0), run.steps.length - 1);
  const describeStep = useCallback((index: number) => describeSearchStep(run.steps[index], run.target.id), [run]);
  const {outcome} = run;
  const {averageNodesContacted, averageSeconds, firstRoundNodes, secondRoundNodes} = SEARCH_FACTS;
  const spokenSummary = translate(
    {id: 'lab.overlay.search.status', message: 'Search from {condition}: {result}; {contacted} nodes contacted in {rounds} UDP rounds.'},
    {
      condition: conditionLabel(condition),
      result: outcome.found
        ? translate({id: 'lab.overlay.search.status.found', message: 'the user is found'})
        : translate({id: 'lab.overlay.search.status.notFound', message: 'the user is not found'}),
      contacted: outcome.nodesContacted,
      rounds: outcome.rounds,
    },
  );

  return (
    <>
      <p>
        <Translate id="lab.overlay.search.intro" values={{condition: <strong>{conditionLabel(condition)}</strong>, first: firstRoundNodes.value, second: secondRoundNodes.value}}>
          {'A search for another user (network: {condition}). The client asks its supernode over TCP; if the user is not found it probes {first} nodes over UDP, then {second} more. Without UDP it asks only its supernode.'}
        </Translate>
      </p>
      <StepPlayer
        label={translate({id: 'lab.overlay.search.player', message: 'User search, step by step'})}
        stepCount={run.steps.length}
        step={current}
        onStepChange={onStepChange}
        describeStep={describeStep}
        initialSpeed={1}>
        <div className={styles.scrollBox}>
          <SearchPicture run={run} frame={frames[current]} markerId={markerId} />
        </div>
      </StepPlayer>
      <ResultStatus summary={spokenSummary} />
      <dl className={labStyles.summary}>
        <div>
          <dt>
            <Translate id="lab.overlay.search.foundLabel">Found</Translate>
          </dt>
          <dd>
            <Output name="search-found" value={String(outcome.found)} prose>
              {outcome.found ? translate({id: 'lab.overlay.search.yes', message: '✓ yes'}) : translate({id: 'lab.overlay.search.no', message: '✕ no'})}
            </Output>
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.overlay.search.contacted">Nodes contacted (model)</Translate>
          </dt>
          <dd>
            <Output name="search-contacted" value={String(outcome.nodesContacted)} />
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.overlay.search.rounds">UDP rounds (model)</Translate>
          </dt>
          <dd>
            <Output name="search-rounds" value={String(outcome.rounds)} />
          </dd>
        </div>
        <div>
          <dt>
            <Translate id="lab.overlay.search.measured">Measured in 2004, public address</Translate>
          </dt>
          <dd>
            <Translate
              id="lab.overlay.search.average"
              values={{
                nodes: averageNodesContacted.value,
                minimum: averageSeconds.value.minimum,
                maximum: averageSeconds.value.maximum,
                source: <Link to={averageNodesContacted.source}>{averageNodesContacted.section}</Link>,
              }}>
              {'{nodes} nodes on average, {minimum}–{maximum} s ({source})'}
            </Translate>
          </dd>
        </div>
      </dl>
      <p className={styles.explain}>
        <Translate
          id="lab.overlay.search.placement"
          values={{nodes: SEARCH_ROUND_SIZES[0] + SEARCH_ROUND_SIZES[1], one: 1, two: 1 + SEARCH_ROUND_SIZES[0], three: 1 + SEARCH_ROUND_SIZES[0] + SEARCH_ROUND_SIZES[1]}}>
          {'In the model the seed decides which node knows where the user is: the searcher’s own supernode, or one of the {nodes} nodes of the two rounds. A round is sent whole, so a search contacts {one}, {two} or {three} nodes. How the real Global Index decided which node knew whom is not in our sources.'}
        </Translate>
      </p>
    </>
  );
}
