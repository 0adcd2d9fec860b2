import {describe, expect, it} from 'vitest';
import {UDP_SAMPLES} from '@site/src/data/sampleTraffic';
import {dissectDatagram, type Dissection} from './dissect';
import {isExpanded, revealed, treeKeyAction, visibleNodes} from './treeNavigation';

function dissectionOf(id: string): Dissection {
  const sample = UDP_SAMPLES.find((candidate) => candidate.id === id)!;
  const result = dissectDatagram({bytes: sample.bytes, srcIp: sample.srcIp, dstIp: sample.dstIp, teachingEngine: false});
  if (!result.ok) throw result.error;
  return result.dissection;
}

// Frame 306: a cmd-45 reply whose list holds ten addresses and ten nested lists (id 26).
const reply = dissectionOf('frame-306');
const none: ReadonlySet<string> = new Set();
const key = (pressed: string, path: string, toggled = none) => treeKeyAction(pressed, path, reply.tree, toggled, reply.parentByPath);

describe('the dissection tree, opened and walked with the keys of the WAI-ARIA tree pattern', () => {
  it('opens the header, seed, commands, each command and its list at first, but not nested lists', () => {
    const paths = visibleNodes(reply.tree, none).map((node) => node.path);
    expect(paths.slice(0, 3)).toEqual(['datagram', 'datagram/packet-id', 'datagram/func']);
    expect(paths).toContain('seed/rc4-seed');
    expect(paths).toContain('command-0/cmdword');
    expect(paths).toContain('command-0/object-10');
    expect(paths).not.toContain('command-0/object-10/object-0');
    expect(isExpanded(reply.nodeByPath.get('key')!, none)).toBe(false);
  });

  it('ArrowDown and ArrowUp walk the visible nodes; Home and End jump to the ends', () => {
    expect(key('ArrowDown', 'datagram')).toEqual({kind: 'focus', path: 'datagram/packet-id'});
    expect(key('ArrowUp', 'datagram/packet-id')).toEqual({kind: 'focus', path: 'datagram'});
    expect(key('ArrowUp', 'datagram')).toBeNull();
    expect(key('Home', 'command-0/cmdlen')).toEqual({kind: 'focus', path: 'datagram'});
    const visible = visibleNodes(reply.tree, none);
    expect(key('End', 'datagram')).toEqual({kind: 'focus', path: visible[visible.length - 1].path});
  });

  it('ArrowRight opens a closed node, then enters it; ArrowLeft closes it, then goes to its parent', () => {
    const nested = 'command-0/object-10';
    expect(key('ArrowRight', nested)).toEqual({kind: 'toggle', path: nested});
    const opened = new Set([nested]);
    expect(key('ArrowRight', nested, opened)).toEqual({kind: 'focus', path: `${nested}/object-0`});
    expect(key('ArrowLeft', nested, opened)).toEqual({kind: 'toggle', path: nested});
    expect(key('ArrowLeft', `${nested}/object-0`, opened)).toEqual({kind: 'focus', path: nested});
    expect(key('ArrowLeft', nested)).toEqual({kind: 'focus', path: 'command-0/params'});
    expect(key('ArrowRight', 'datagram/packet-id')).toBeNull();
  });

  it('Enter and Space open and close nodes with children only', () => {
    expect(key('Enter', 'datagram')).toEqual({kind: 'toggle', path: 'datagram'});
    expect(key(' ', 'command-0')).toEqual({kind: 'toggle', path: 'command-0'});
    expect(key('Enter', 'key')).toBeNull();
    expect(key('a', 'datagram')).toBeNull();
  });

  it('revealing a nested object opens its closed ancestors and nothing else', () => {
    const target = 'command-0/object-10/object-3';
    const closedCommand = new Set(['command-0']);
    const next = revealed(target, closedCommand, reply.nodeByPath, reply.parentByPath);
    expect([...next].sort()).toEqual(['command-0/object-10']);
    expect(visibleNodes(reply.tree, next).map((node) => node.path)).toContain(target);
    const again = revealed(target, next, reply.nodeByPath, reply.parentByPath);
    expect(again).toBe(next);
  });
});
