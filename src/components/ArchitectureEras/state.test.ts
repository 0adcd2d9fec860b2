import {describe, expect, it} from 'vitest';
import {ERAS_DEFAULT_INPUTS, readEra, readMode} from './state';


describe('architecture eras: inputs from the address', () => {
  it('reads each of the four states', () => {
    for (const era of ['peer-to-peer', 'hosted-supernodes', 'msnp24', 'retired']) expect(readEra(era, 'peer-to-peer', 'Era')).toEqual({value: era, problem: null});
  });

  it('reports a state that does not exist, naming the field, the text and the state shown instead', () => {
    const read = readEra('msnp25', 'hosted-supernodes', 'After');
    expect(read.value).toBe('hosted-supernodes');
    expect(read.problem).toBe('After: “msnp25” is not one of peer-to-peer, hosted-supernodes, msnp24, retired; showing “hosted-supernodes”.');
  });

  it('reads the mode, falling back to a single state', () => {
    expect(readMode('compare', 'Mode')).toEqual({value: 'compare', problem: null});
    expect(readMode('both', 'Mode').value).toBe('single');
    expect(readMode('both', 'Mode').problem).toMatch(/^Mode: “both”/);
  });

  it('starts on the peer-to-peer network, and compares it with 2012', () => {
    expect(ERAS_DEFAULT_INPUTS).toEqual({mode: 'single', era: 'peer-to-peer', before: 'peer-to-peer', after: 'hosted-supernodes'});
  });
});
