/**
 * The picture of one step of a NAT trace: the nodes, the step's packet as an arrow (with a dot that
 * travels along it unless the reader prefers reduced motion), a tick where it arrives or a cross
 * and the words why where it is dropped, the addresses as sent and as rewritten, and the media path
 * once it is found. It draws what the step says; it computes nothing.
 */
import {useId, type CSSProperties, type ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import type {NatCallTrace, NatNodeId, NatNodeInfo, NatTraceStep} from '@site/src/simulations/natTrace';
import {PICTURE_HEIGHT, PICTURE_WIDTH, arrowBetween, mediaRoute, type NodePlace} from './natLayout';
import {dropShortLabel, nodeTitle, pathLabel} from './natWords';
import styles from './styles.module.css';

export interface NatPictureProps {
  trace: NatCallTrace;
  places: Map<NatNodeId, NodePlace>;
  step: NatTraceStep;
  /** The step's number, so that the travelling dot starts again at every step. */
  index: number;
  animate: boolean;
}

/** What a box is, in a few words under its name. */
function boxCaption(node: NatNodeInfo): string {
  if (node.box?.type === 'nat') return node.publicAddress ?? '';
  if (node.box?.type === 'firewall') {
    return node.box.inboundTcp === 'replies-only'
      ? translate({id: 'lab.natTraversal.picture.tcpOutOnly', message: 'TCP out only'})
      : translate({id: 'lab.natTraversal.picture.noUdp', message: 'no UDP'});
  }
  return node.address;
}

function Node({node, place, active}: {node: NatNodeInfo; place: NodePlace; active: boolean}): ReactNode {
  const kindClass = node.box?.type === 'nat' ? styles.natNode : node.box?.type === 'firewall' ? styles.firewallNode : node.id === 'caller' || node.id === 'callee' ? styles.hostNode : styles.serverNode;
  return (
    <g className={clsx(styles.node, kindClass, active && styles.activeNode)}>
      <rect x={place.x - place.halfWidth} y={place.y - place.halfHeight} width={place.halfWidth * 2} height={place.halfHeight * 2} rx={node.box ? 3 : 10} />
      <text x={place.x} y={place.y - 4} textAnchor="middle" className={styles.nodeTitle}>
        {nodeTitle(node.id)}
      </text>
      <text x={place.x} y={place.y + 13} textAnchor="middle" className={styles.nodeCaption}>
        {boxCaption(node)}
      </text>
    </g>
  );
}

export default function NatPicture({trace, places, step, index, animate}: NatPictureProps): ReactNode {
  const markerId = `nat-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const from = places.get(step.from)!;
  const to = places.get(step.to)!;
  const arrow = arrowBetween(from, to);
  const relayed = step.mediaPath?.startsWith('relayed') ?? false;
  const route = step.mediaPath ? mediaRoute(trace.nodes, step.mediaPath).map((id) => places.get(id)!) : [];
  // Where the packet is when the step is shown: at the box that dropped it, at the receiver, or leaving.
  const dotEnd = arrow ? {x: arrow.x2, y: arrow.y2} : null;
  const rewritten = step.current && step.sent && (step.current.source !== step.sent.source || step.current.destination !== step.sent.destination);
  const protocol = (step.protocol ?? '').toUpperCase();
  const markBelow = to.y + to.halfHeight + 14;
  const crossAt = dotEnd ?? {x: to.x, y: to.y};

  return (
    <svg className={styles.picture} viewBox={`0 0 ${PICTURE_WIDTH} ${PICTURE_HEIGHT}`} aria-hidden="true" focusable="false">
      <defs>
        <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0 10 5 0 10z" className={styles.arrowHead} />
        </marker>
      </defs>
      <ellipse cx={PICTURE_WIDTH / 2} cy={150} rx={56} ry={56} className={styles.internet} />
      <text x={PICTURE_WIDTH / 2} y={154} textAnchor="middle" className={styles.internetLabel}>
        {translate({id: 'lab.natTraversal.picture.internet', message: 'Internet'})}
      </text>
      {route.length > 0 && (
        <g className={styles.mediaPath}>
          <polyline points={route.map((place) => `${place.x},${place.y}`).join(' ')} />
          <text
            x={relayed ? PICTURE_WIDTH / 2 + 84 : PICTURE_WIDTH / 2}
            y={relayed ? 256 : 128}
            textAnchor={relayed ? 'start' : 'middle'}
            className={styles.mediaLabel}>
            {translate({id: 'lab.natTraversal.picture.mediaPath', message: 'voice: {path}'}, {path: pathLabel(step.mediaPath!)})}
          </text>
        </g>
      )}
      {trace.nodes.map((node) => (
        <Node key={node.id} node={node} place={places.get(node.id)!} active={node.id === step.from || node.id === step.to} />
      ))}
      {arrow && (
        <g className={clsx(styles.packet, step.kind === 'drop' && styles.packetDropped)}>
          <line x1={arrow.x1} y1={arrow.y1} x2={arrow.x2} y2={arrow.y2} markerEnd={`url(#${markerId})`} className={step.protocol === 'tcp' ? styles.tcpLine : styles.udpLine} />
          {dotEnd && (
            <circle
              key={index}
              cx={animate ? arrow.x1 : dotEnd.x}
              cy={animate ? arrow.y1 : dotEnd.y}
              r={6}
              className={clsx(styles.packetDot, animate && styles.travelling)}
              style={animate ? ({'--dx': `${dotEnd.x - arrow.x1}px`, '--dy': `${dotEnd.y - arrow.y1}px`} as CSSProperties) : undefined}
            />
          )}
        </g>
      )}
      {step.kind === 'deliver' && (
        <text x={to.x} y={markBelow} textAnchor="middle" className={styles.delivered}>
          {translate({id: 'lab.natTraversal.picture.delivered', message: '✓ delivered'})}
        </text>
      )}
      {step.kind === 'drop' && step.event.type === 'drop' && (
        <g className={styles.dropped}>
          {/* At the edge where the packet hit the box, so that the box's own name stays readable. */}
          <path d={`M${crossAt.x - 10} ${crossAt.y - 10} l20 20 M${crossAt.x + 10} ${crossAt.y - 10} l-20 20`} />
          <text x={to.x} y={markBelow} textAnchor="middle">
            {translate({id: 'lab.natTraversal.picture.dropped', message: '✗ dropped: {reason}'}, {reason: dropShortLabel(step.event.reason)})}
          </text>
        </g>
      )}
      {step.kind === 'expire' && (
        <text x={to.x} y={markBelow} textAnchor="middle" className={styles.expired}>
          {translate({id: 'lab.natTraversal.picture.expired', message: 'row expired'})}
        </text>
      )}
      {step.sent && (
        <g className={styles.addresses}>
          <text x={12} y={PICTURE_HEIGHT - 26}>
            {translate({id: 'lab.natTraversal.picture.sent', message: 'as sent: {protocol} {source} → {destination}'}, {protocol, source: step.sent.source, destination: step.sent.destination})}
          </text>
          <text x={12} y={PICTURE_HEIGHT - 8} className={rewritten ? styles.rewritten : undefined}>
            {rewritten
              ? translate({id: 'lab.natTraversal.picture.rewritten', message: 'now: {protocol} {source} → {destination}'}, {protocol, source: step.current!.source, destination: step.current!.destination})
              : translate({id: 'lab.natTraversal.picture.unchanged', message: 'now: unchanged'})}
          </text>
        </g>
      )}
    </svg>
  );
}
