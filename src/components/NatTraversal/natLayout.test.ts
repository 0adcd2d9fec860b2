import {describe, expect, it} from 'vitest';
import {simulateNatCall} from '@site/src/simulations/nat';
import {PICTURE_WIDTH, arrowBetween, edgePoint, layoutNodes, mediaRoute} from './natLayout';

describe('natLayout', () => {
  const trace = simulateNatCall({caller: 'port-restricted-behind-udp-firewall', callee: 'port-restricted-behind-udp-firewall', policy: 'skype-2004'});
  const places = layoutNodes(trace.nodes);

  it('places the caller, its NAT, its firewall, the Internet, then the callee side mirrored', () => {
    const xs = ['caller', 'caller-nat', 'caller-firewall', 'supernode', 'callee-firewall', 'callee-nat', 'callee'].map((id) => places.get(id as never)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(places.get('caller')!.x + places.get('callee')!.x).toBe(PICTURE_WIDTH);
    expect(places.get('caller-nat')!.x + places.get('callee-nat')!.x).toBe(PICTURE_WIDTH);
  });

  it('starts and ends arrows on the edges of the nodes', () => {
    const caller = places.get('caller')!;
    expect(edgePoint(caller, caller.x + 500, caller.y)).toEqual({x: caller.x + caller.halfWidth, y: caller.y});
    expect(arrowBetween(caller, caller)).toBeNull();
  });

  it('routes relayed voice through the relay and direct voice past it', () => {
    expect(mediaRoute(trace.nodes, 'relayed-tcp')).toEqual(['caller', 'caller-nat', 'caller-firewall', 'relay', 'callee-firewall', 'callee-nat', 'callee']);
    expect(mediaRoute(trace.nodes, 'direct-udp')).not.toContain('relay');
  });
});
