/**
 * The overlay widget's inputs in the page address (`?overlay.view=search&overlay.step=4`) read back
 * into the model's types, and the per-step pictures precomputed from the model's traces, so that
 * drawing a step reads one array entry and computes nothing. Pure functions, unit-tested.
 */
import {LOGIN_CONDITIONS, OVERLAY_ERAS, type LoginCondition, type LoginRun, type OverlayEra, type SearchRun} from '@site/src/simulations/overlay';
import {OVERLAY_VIEWS, type OverlayView} from './text';

/** Prefix of the widget's inputs in the page address. */
export const OVERLAY_URL_PREFIX = 'overlay';

export type OverlayInputName = 'view' | 'condition' | 'era' | 'seed' | 'step';

/** What the widget shows first: a first login from a public address. */
export const OVERLAY_DEFAULT_INPUTS: Record<OverlayInputName, string> = {view: 'login', condition: 'public', era: 'original', seed: '2004', step: '0'};

const oneOf = <Value extends string>(allowed: readonly Value[], text: string, fallback: Value): Value => ((allowed as readonly string[]).includes(text) ? (text as Value) : fallback);

/** The view named in the address, or the login view. */
export const readView = (text: string): OverlayView => oneOf(OVERLAY_VIEWS, text, 'login');
/** The condition named in the address, or 'public'. */
export const readCondition = (text: string): LoginCondition => oneOf(LOGIN_CONDITIONS, text, 'public');
/** The era named in the address, or 'original'. */
export const readEra = (text: string): OverlayEra => oneOf(OVERLAY_ERAS, text, 'original');

/**
 * The step in the address: a whole number in decimal, or 0. The player clamps it to the steps there are.
 * @example readStep('12') // 12
 */
export function readStep(text: string): number {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : 0;
}

/** What the login picture draws at one step. */
export interface LoginFrame {
  /** Where the packet of this step goes: the supernode, the login server, or nowhere. */
  target: 'supernode' | 'login-server' | null;
  /** Out from the client, or back to it (a reply). */
  direction: 'out' | 'in';
  transport: 'udp' | 'tcp' | null;
  /** The destination port, as drawn on the packet. */
  port: string | null;
  result: LoginRun['steps'][number]['result'];
  /** The TCP connection to the supernode is open at this step (drawn as a thick line). */
  connected: boolean;
}

/** One frame per login step, in order. */
export function loginFrames(run: LoginRun): LoginFrame[] {
  let connected = false;
  return run.steps.map((step) => {
    if (step.result === 'connected') connected = true;
    const target = step.what === 'login-server' ? 'login-server' : step.what === 'udp-probe' || step.what === 'udp-reply' || step.what === 'udp-timeout' || step.what === 'tcp-connect' ? 'supernode' : null;
    return {
      target,
      direction: step.what === 'udp-reply' ? 'in' : 'out',
      transport: step.transport,
      port: step.to?.split(':')[1] ?? null,
      result: step.result,
      connected,
    };
  });
}

/** How a node of the search picture looks at one step. */
export type SearchNodeState = 'waiting' | 'current' | 'not-known' | 'knows';

/** What the search picture draws at one step: the supernode, then the 12 nodes of the two rounds. */
export interface SearchFrame {
  supernode: SearchNodeState;
  /** The nodes of round 1, then round 2, in the order probed. */
  nodes: SearchNodeState[];
  /** The line of this step: from the client to the supernode (TCP) or to a node (UDP), or none. */
  line: {to: 'supernode' | number; transport: 'tcp' | 'udp'} | null;
  found: boolean;
}

/** One frame per search step, in order. */
export function searchFrames(run: SearchRun): SearchFrame[] {
  const order = run.rounds.flat();
  let supernode: SearchNodeState = 'waiting';
  const nodes: SearchNodeState[] = order.map(() => 'waiting');
  return run.steps.map((step) => {
    // The node of the previous step settles into what it answered.
    const settled = (state: SearchNodeState, answer: SearchNodeState) => (state === 'current' ? answer : state);
    let line: SearchFrame['line'] = null;
    if (step.what === 'ask-supernode') {
      supernode = 'current';
      line = {to: 'supernode', transport: 'tcp'};
    } else if (step.what === 'probe' && step.nodeId !== null) {
      const index = order.indexOf(step.nodeId);
      supernode = settled(supernode, 'not-known');
      for (let other = 0; other < nodes.length; other++) nodes[other] = settled(nodes[other], 'not-known');
      nodes[index] = 'current';
      line = {to: index, transport: 'udp'};
    }
    const found = step.what === 'found';
    if (found) {
      supernode = step.nodeId === run.supernode.id ? 'knows' : settled(supernode, 'not-known');
      for (let index = 0; index < nodes.length; index++) nodes[index] = order[index] === step.nodeId ? 'knows' : settled(nodes[index], 'not-known');
    }
    return {supernode, nodes: nodes.slice(), line, found};
  });
}
