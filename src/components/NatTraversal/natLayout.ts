/**
 * Where the NAT lab's picture puts things: one row for the caller, its boxes, the Internet and the
 * callee's side mirrored, with the supernode above the Internet and the relay below it. Pure
 * geometry, computed once per trace, so that drawing a step only looks positions up.
 */
import type {NatMediaPath, NatNodeId, NatNodeInfo} from '@site/src/simulations/natTrace';

export const PICTURE_WIDTH = 800;
export const PICTURE_HEIGHT = 350;
/** The row of the hosts and their boxes. */
const ROW_Y = 150;
const SERVER_X = PICTURE_WIDTH / 2;

export interface NodePlace {
  id: NatNodeId;
  x: number;
  y: number;
  /** Half the width and height of the node's rectangle. */
  halfWidth: number;
  halfHeight: number;
}

/** Box centres on the caller's side, from the host outwards, for one box or two. */
const BOX_X: Record<1 | 2, number[]> = {1: [200], 2: [178, 290]};

/** Every node's place, keyed by id. */
export function layoutNodes(nodes: readonly NatNodeInfo[]): Map<NatNodeId, NodePlace> {
  const places = new Map<NatNodeId, NodePlace>();
  // Wide enough for an address in the captions' type (16 characters of 12.5 px monospace).
  const host = {halfWidth: 58, halfHeight: 32};
  const box = {halfWidth: 52, halfHeight: 32};
  const server = {halfWidth: 74, halfHeight: 28};
  places.set('caller', {id: 'caller', x: 60, y: ROW_Y, ...host});
  places.set('callee', {id: 'callee', x: PICTURE_WIDTH - 60, y: ROW_Y, ...host});
  places.set('supernode', {id: 'supernode', x: SERVER_X, y: 48, ...server});
  places.set('relay', {id: 'relay', x: SERVER_X, y: 250, ...server});
  for (const side of ['caller', 'callee'] as const) {
    // Inside out: the NAT next to the host, a firewall outside it.
    const boxes = nodes.filter((node) => node.id.startsWith(`${side}-`)).map((node) => node.id);
    const ordered = side === 'caller' ? boxes : [...boxes].reverse();
    const xs = BOX_X[Math.min(2, Math.max(1, ordered.length)) as 1 | 2];
    ordered.forEach((id, index) => {
      const x = side === 'caller' ? xs[index] : PICTURE_WIDTH - xs[index];
      places.set(id, {id, x, y: ROW_Y, ...box});
    });
  }
  return places;
}

/** The point where the line from `place`'s centre towards (x, y) leaves its rectangle. */
export function edgePoint(place: NodePlace, x: number, y: number): {x: number; y: number} {
  const dx = x - place.x;
  const dy = y - place.y;
  if (dx === 0 && dy === 0) return {x: place.x, y: place.y};
  const scale = Math.min(dx === 0 ? Infinity : place.halfWidth / Math.abs(dx), dy === 0 ? Infinity : place.halfHeight / Math.abs(dy));
  return {x: place.x + dx * scale, y: place.y + dy * scale};
}

/** The arrow of a step, from the edge of one node to the edge of the other; null when both are the same. */
export function arrowBetween(from: NodePlace, to: NodePlace): {x1: number; y1: number; x2: number; y2: number} | null {
  if (from.id === to.id) return null;
  const start = edgePoint(from, to.x, to.y);
  const end = edgePoint(to, from.x, from.y);
  return {x1: start.x, y1: start.y, x2: end.x, y2: end.y};
}

/** The nodes the voice crosses, caller to callee, for the final path. */
export function mediaRoute(nodes: readonly NatNodeInfo[], path: NatMediaPath): NatNodeId[] {
  const callerBoxes = nodes.filter((node) => node.id.startsWith('caller-')).map((node) => node.id);
  const calleeBoxes = nodes.filter((node) => node.id.startsWith('callee-')).map((node) => node.id);
  const middle: NatNodeId[] = path.startsWith('relayed') ? ['relay'] : [];
  return ['caller', ...callerBoxes, ...middle, ...calleeBoxes, 'callee'];
}
