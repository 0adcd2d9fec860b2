import {describe, expect, it} from 'vitest';
import * as skype from './index';

// The names that learners' live code calls (issue 3's contract): renaming one breaks their code.
const CONTRACT_FUNCTIONS = [
  'hexToBytes', 'bytesToHex', 'crc32', 'skypeCrc32', 'udpCrcSeed', 'rc4Keystream', 'tableKeyEngine', 'nextIv',
  'encodeVarint', 'decodeVarint', 'encodeObjectList', 'decodeObjectList', 'parseCommands', 'encodeCommands',
  'parseUdpDatagram', 'deobfuscateUdp', 'obfuscateUdp', 'reassembleFragments', 'deobfuscateTcpStream',
  'obfuscateTcpStream', 'toPcap',
] as const;

describe('the public API', () => {
  it.each(CONTRACT_FUNCTIONS)('exports %s as a function', (name) => {
    expect(typeof skype[name]).toBe('function');
  });

  it('exports ProtocolError and Rc4 as classes and the teaching engine as a labelled key engine', () => {
    expect(new skype.ProtocolError('x', 3)).toBeInstanceOf(Error);
    expect(new skype.ProtocolError('x', 3).offset).toBe(3);
    expect(new skype.Rc4(new Uint8Array([1])).keystream(1)).toHaveLength(1);
    expect(skype.teachingKeyEngine.expand(1)).toHaveLength(80);
    expect(skype.teachingKeyEngine.name).toMatch(/not Skype/);
  });

  it('keeps the argument order of the contract', () => {
    expect(skype.udpCrcSeed('0.0.0.0', '24.98.66.80', 0x7f4e)).toBe(0x3352dc77);
    expect(skype.decodeVarint(skype.hexToBytes('00ac02'), 1)).toEqual({value: 300, length: 2});
    expect(skype.bytesToHex(skype.encodeObjectList([], 'compressed'))).toBe('4215');
  });
});
