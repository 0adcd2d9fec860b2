import {describe, expect, it} from 'vitest';
import {bytesToHex, deobfuscateTcpStream, deobfuscateUdp, seedToHex} from '@site/src/protocol';
import {TCP_SAMPLES, UDP_SAMPLES, recordedKeys} from './sampleTraffic';

describe('the typed sample traffic', () => {
  it('lists the 13 payload datagrams and the resend, with unique ids', () => {
    expect(UDP_SAMPLES).toHaveLength(14);
    expect(new Set(UDP_SAMPLES.map((sample) => sample.id)).size).toBe(14);
    expect(UDP_SAMPLES[0]).toMatchObject({id: 'slide-41', source: 'slides', srcIp: '0.0.0.0', dstIp: '24.98.66.80'});
    expect(UDP_SAMPLES.find((sample) => sample.id === 'frame-219')).toMatchObject({source: 'capture', dstIp: '86.128.245.115'});
  });

  it.each(UDP_SAMPLES.map((sample) => [sample.id, sample] as const))('%s decrypts with its recorded key to the recorded plaintext', (_, sample) => {
    const {seed, plaintext, crcOk} = deobfuscateUdp(sample.bytes, {srcIp: sample.srcIp, dstIp: sample.dstIp}, recordedKeys);
    expect(seedToHex(seed)).toBe(sample.expected.rc4Seed);
    expect(bytesToHex(plaintext)).toBe(sample.expected.plaintext);
    expect(crcOk).toBe(true);
  });

  it('lists the three TCP streams, each starting with an init block that decrypts', () => {
    expect(TCP_SAMPLES.map((sample) => sample.id)).toEqual(['slide-48', 'capture-1', 'capture-2']);
    expect(bytesToHex(deobfuscateTcpStream(TCP_SAMPLES[0].bytes, recordedKeys).init)).toBe('00010000000100000001');
  });
});
