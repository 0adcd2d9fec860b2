/**
 * One state of Skype's architecture as a drawing: two users' machines (A and B), the relay between
 * them, the supernodes (on users' machines or hosted by Microsoft), the login server and the
 * company's servers, each marked present, not there, or not described; and three kinds of line
 * drawn from the data's answers: the directory lookup, the call media and the messages. Every box and
 * line carries words, so that colour and dash patterns are never the only cue.
 */
import {memo, useId, type ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import {ERA_DATA, partyRole, type ArchitectureEraId, type EraParty} from '@site/src/data/architectureEras';
import {eraTitle, holderText, presenceText, questionText} from './text';
import styles from './styles.module.css';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each party sits in the 480 × 310 drawing; users' machines are drawn as the two users A and B. */
const BOXES: Record<Exclude<EraParty, 'users-machines'> | 'user-a' | 'user-b', Box> = {
  'login-server': {x: 10, y: 10, width: 120, height: 50},
  'company-servers': {x: 185, y: 10, width: 110, height: 50},
  'hosted-supernodes': {x: 350, y: 10, width: 120, height: 50},
  'user-supernodes': {x: 10, y: 110, width: 150, height: 50},
  'user-a': {x: 10, y: 230, width: 100, height: 44},
  relays: {x: 190, y: 230, width: 100, height: 44},
  'user-b': {x: 370, y: 230, width: 100, height: 44},
};

function shortName(party: Exclude<EraParty, 'users-machines'>, era: ArchitectureEraId): string {
  switch (party) {
    case 'login-server':
      return translate({id: 'lab.eras.diagram.login', message: 'Login server'});
    case 'hosted-supernodes':
      return translate({id: 'lab.eras.diagram.hosted', message: 'Hosted supernodes'});
    case 'company-servers':
      return era === 'peer-to-peer' ? translate({id: 'lab.eras.diagram.skypeServers', message: 'Skype’s servers'}) : translate({id: 'lab.eras.diagram.microsoftServers', message: 'Microsoft servers'});
    case 'user-supernodes':
      return translate({id: 'lab.eras.diagram.userSupernode', message: 'Supernode (a user’s PC)'});
    case 'relays':
      return translate({id: 'lab.eras.diagram.relay', message: 'Relay'});
  }
}

function PartyBox({party, era}: {party: Exclude<EraParty, 'users-machines'>; era: ArchitectureEraId}): ReactNode {
  const {presence} = partyRole(era, party);
  const box = BOXES[party];
  const centre = box.x + box.width / 2;
  return (
    <g className={clsx(styles.party, styles[`presence-${presence}`])} data-party={party} data-presence={presence}>
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={6} className={styles.box} />
      <text x={centre} y={box.y + 20} className={styles.boxLabel}>
        {shortName(party, era)}
      </text>
      <text x={centre} y={box.y + 36} className={styles.boxNote}>
        {presence === 'unknown' ? `? ${presenceText(presence)}` : presence === 'absent' ? `✕ ${presenceText(presence)}` : presenceText(presence)}
      </text>
    </g>
  );
}

function UserBox({which}: {which: 'user-a' | 'user-b'}): ReactNode {
  const box = BOXES[which];
  return (
    <g className={clsx(styles.party, styles['presence-present'])}>
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={6} className={styles.box} />
      <text x={box.x + box.width / 2} y={box.y + 26} className={styles.boxLabel}>
        {which === 'user-a' ? translate({id: 'lab.eras.diagram.userA', message: 'User A'}) : translate({id: 'lab.eras.diagram.userB', message: 'User B'})}
      </text>
    </g>
  );
}

/** A line with an arrowhead and a label; `kind` sets its pattern: sourced solid, inferred dashed, unknown dotted. */
interface ArrowProps {
  line: 'directory' | 'media' | 'messages';
  kind: 'sourced' | 'inferred' | 'unknown';
  from: [number, number];
  to: [number, number];
  /** Words beside the line; '' for the second half of a line labelled once. */
  label: string;
  labelAt: [number, number];
  /** Where the label's text is anchored. Default 'middle'. */
  anchor?: 'start' | 'middle' | 'end';
  /** An arrowhead at both ends. Default false. */
  both?: boolean;
  marker: string;
}

function Arrow({line, kind, from, to, label, labelAt, anchor = 'middle', both = false, marker}: ArrowProps): ReactNode {
  return (
    <g className={clsx(styles.line, styles[`kind-${kind}`])} data-line={line} data-kind={kind}>
      <line x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} markerEnd={`url(#${marker})`} markerStart={both ? `url(#${marker})` : undefined} />
      {label && (
        <text x={labelAt[0]} y={labelAt[1]} textAnchor={anchor} className={styles.lineLabel}>
          {label}
        </text>
      )}
    </g>
  );
}

/** The three questions' lines for one state, from who the data says holds, relays or sees. */
function Lines({era, marker}: {era: ArchitectureEraId; marker: string}): ReactNode {
  const {answers} = ERA_DATA[era];
  const lines: ReactNode[] = [];
  const lookup = translate({id: 'lab.eras.diagram.lookup', message: 'directory lookup'});
  const directory = answers.directory.holder;
  if (directory === 'users-machines') lines.push(<Arrow key="directory" line="directory" kind="sourced" from={[60, 230]} to={[60, 163]} label={lookup} labelAt={[68, 200]} anchor="start" marker={marker} />);
  // Microsoft's answer and the silence of MSNP24 both point at the hosted supernodes; the box says which.
  else if (directory === 'microsoft' || directory === 'unknown')
    lines.push(
      <Arrow key="directory" line="directory" kind={directory === 'unknown' ? 'unknown' : 'sourced'} from={[420, 230]} to={[410, 63]} label={directory === 'unknown' ? `${lookup}: ?` : lookup} labelAt={[404, 100]} anchor="end" marker={marker} />,
    );

  const media = translate({id: 'lab.eras.diagram.media', message: 'call media'});
  if (answers.relays.holder === 'users-machines' || answers.relays.holder === 'unknown') {
    const kind = answers.relays.holder === 'unknown' ? 'unknown' : 'sourced';
    const label = kind === 'unknown' ? `${media}: ?` : translate({id: 'lab.eras.diagram.relayed', message: 'call media, relayed behind NAT'});
    lines.push(
      <Arrow key="media-a" line="media" kind={kind} from={[110, 252]} to={[188, 252]} label={label} labelAt={[240, 222]} marker={marker} />,
      <Arrow key="media-b" line="media" kind={kind} from={[290, 252]} to={[368, 252]} label="" labelAt={[330, 246]} marker={marker} />,
    );
  }

  const messages = answers.messages.holder;
  if (messages === 'the-two-peers')
    lines.push(<Arrow key="messages" line="messages" kind="sourced" both from={[60, 282]} to={[420, 282]} label={translate({id: 'lab.eras.diagram.sessionKey', message: 'session key: only A and B hold it'})} labelAt={[240, 302]} marker={marker} />);
  else if (messages === 'microsoft-and-nsa-reported')
    lines.push(<Arrow key="messages" line="messages" kind="sourced" from={[90, 230]} to={[215, 63]} label={translate({id: 'lab.eras.diagram.prism', message: 'reported: PRISM collection'})} labelAt={[240, 190]} marker={marker} />);
  else if (messages === 'microsoft' && era === 'retired')
    lines.push(<Arrow key="messages" line="messages" kind="sourced" from={[215, 63]} to={[90, 228]} label={translate({id: 'lab.eras.diagram.export', message: 'data export until January 2026'})} labelAt={[240, 190]} marker={marker} />);
  else if (messages === 'microsoft')
    lines.push(
      <Arrow key="messages-in" line="messages" kind="inferred" from={[90, 230]} to={[215, 63]} label={translate({id: 'lab.eras.diagram.waits', message: 'messages wait on the servers (our inference)'})} labelAt={[240, 190]} marker={marker} />,
      <Arrow key="messages-out" line="messages" kind="inferred" from={[265, 63]} to={[390, 228]} label="" labelAt={[330, 150]} marker={marker} />,
    );
  return <>{lines}</>;
}

export interface EraDiagramProps {
  era: ArchitectureEraId;
  /** A caption above the drawing, such as "Before". Default: none. */
  caption?: string;
}

export default memo(function EraDiagram({era, caption}: EraDiagramProps): ReactNode {
  const marker = `eras-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const {answers} = ERA_DATA[era];
  // The drawing's text alternative says what the lines say; the answers below give the sources.
  const summary = [eraTitle(era), ...(['directory', 'relays', 'messages'] as const).map((question) => `${questionText(question)} ${holderText(answers[question].holder)}`)].join(' ');
  return (
    <figure className={styles.figure} data-diagram={era}>
      {caption && <figcaption className={styles.figureCaption}>{caption}</figcaption>}
      <div className={styles.scrollBox}>
        <svg className={styles.picture} viewBox="0 0 480 310" role="img" aria-label={summary}>
          <defs>
            <marker id={marker} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className={styles.arrowHead} />
            </marker>
          </defs>
          {(['login-server', 'company-servers', 'hosted-supernodes', 'user-supernodes', 'relays'] as const).map((party) => (
            <PartyBox key={party} party={party} era={era} />
          ))}
          <UserBox which="user-a" />
          <UserBox which="user-b" />
          <Lines era={era} marker={marker} />
        </svg>
      </div>
    </figure>
  );
});
