import {describe, expect, it} from 'vitest';
import {NAT_DEFAULT_INPUTS, parseNatInputs, parseNatStep} from './natInputs';

describe('parseNatInputs', () => {
  it('reads the defaults as Baset & Schulzrinne setup 2 under the 2004 policy, seed 1', () => {
    expect(NAT_DEFAULT_INPUTS).toEqual({caller: 'port-restricted-cone', callee: 'public', policy: 'skype-2004', seed: '1', step: '0'});
    expect(parseNatInputs(NAT_DEFAULT_INPUTS)).toEqual({call: {caller: 'port-restricted-cone', callee: 'public', policy: 'skype-2004', seed: 1}, problems: {}});
  });

  it('takes a seed in decimal or in hex, up to 2^32 − 1', () => {
    const inputs = {...NAT_DEFAULT_INPUTS, policy: 'hole-punching'};
    expect(parseNatInputs({...inputs, seed: '0xffffffff'}).call?.seed).toBe(4294967295);
    expect(parseNatInputs({...inputs, seed: '4294967296'})).toMatchObject({call: null, problems: {seed: {kind: 'range'}}});
    expect(parseNatInputs({...inputs, seed: 'abc'})).toMatchObject({call: null, problems: {seed: {kind: 'number', text: 'abc'}}});
  });

  it('reports a kind or a policy that is not one of the choices (as a hand-edited link may hold)', () => {
    expect(parseNatInputs({...NAT_DEFAULT_INPUTS, caller: 'cone', policy: 'stun'})).toEqual({
      call: null,
      problems: {caller: {kind: 'choice', text: 'cone'}, policy: {kind: 'choice', text: 'stun'}},
    });
  });
});

describe('parseNatStep', () => {
  it('clamps a step past the end to the last step, and rejects what is not a whole number', () => {
    expect(parseNatStep('5', 78)).toEqual({ok: true, value: 5});
    expect(parseNatStep('500', 78)).toEqual({ok: true, value: 77});
    expect(parseNatStep('-1', 78)).toMatchObject({ok: false, problem: {kind: 'number'}});
    expect(parseNatStep('', 78)).toMatchObject({ok: false, problem: {kind: 'empty'}});
  });
});
