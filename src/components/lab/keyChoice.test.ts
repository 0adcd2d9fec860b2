import {describe, expect, it} from 'vitest';
import {ProtocolError, bytesToHex, deobfuscateUdp, hexToBytes, obfuscateUdp, tableKeyEngine, teachingKeyEngine} from '@site/src/protocol';
import sampleTraffic from '@site/src/data/sample-traffic.json';
import {chooseKey, choosingKeyEngine, type KeyChoice} from './keyChoice';

const slide41 = sampleTraffic.udp_payload_packets.packets[0];
const slideSeed = parseInt(slide41.expected.rc4_seed, 16);
const slideKey = sampleTraffic.key_table.keys[slide41.expected.rc4_seed as keyof typeof sampleTraffic.key_table.keys];
const slideAddresses = {srcIp: slide41.src_public_ip, dstIp: slide41.dst_public_ip};
// No sample seed: the key table of sample-traffic.json does not hold it.
const unknownSeed = 0x12345678;

describe('chooseKey', () => {
  it('gives the recorded real key of a sample seed, with or without the teaching engine', () => {
    for (const allowTeaching of [false, true]) {
      const choice = chooseKey(slideSeed, allowTeaching);
      expect(choice.source).toBe('recorded');
      expect(bytesToHex(choice.engine!.expand(slideSeed))).toBe(slideKey);
    }
  });

  it('gives the teaching stand-in for another seed only when allowed, and otherwise nothing', () => {
    expect(unknownSeed.toString(16) in sampleTraffic.key_table.keys).toBe(false);
    expect(chooseKey(unknownSeed, true)).toEqual({source: 'teaching', engine: teachingKeyEngine});
    expect(chooseKey(unknownSeed, false)).toEqual({source: 'unavailable', engine: null});
  });

  it('looks seeds up in the recorded keys it is given', () => {
    const recorded = tableKeyEngine({[unknownSeed.toString(16)]: slideKey});
    expect(chooseKey(unknownSeed, false, recorded)).toEqual({source: 'recorded', engine: recorded});
    expect(chooseKey(slideSeed, false, recorded).source).toBe('unavailable');
  });
});

describe('choosingKeyEngine', () => {
  it('decrypts the slide-41 datagram with its recorded key and reports the seed the library derived', () => {
    const choices: [number, KeyChoice['source']][] = [];
    const engine = choosingKeyEngine(false, {onChoice: (seed, choice) => choices.push([seed, choice.source])});
    const {plaintext, crcOk} = deobfuscateUdp(hexToBytes(slide41.udp_payload), slideAddresses, engine);
    expect(bytesToHex(plaintext)).toBe(slide41.expected.plaintext);
    expect(crcOk).toBe(true);
    expect(choices).toEqual([[slideSeed, 'recorded']]);
  });

  it('reports an unavailable key, then throws a ProtocolError naming the seed', () => {
    const choices: KeyChoice['source'][] = [];
    const engine = choosingKeyEngine(false, {onChoice: (_, choice) => choices.push(choice.source)});
    expect(() => engine.expand(unknownSeed)).toThrow(ProtocolError);
    expect(() => engine.expand(unknownSeed)).toThrow(/12345678/);
    expect(choices[0]).toBe('unavailable');
  });

  it('builds and reads datagrams under the teaching stand-in when allowed', () => {
    const packet = {packetId: 0x1234, iv: 0xdeadbeef, plaintext: hexToBytes('04da0112334215'), srcIp: '10.0.0.1', dstIp: '10.0.0.2'};
    const engine = choosingKeyEngine(true);
    const built = obfuscateUdp(packet, engine);
    expect(bytesToHex(built)).toBe(bytesToHex(obfuscateUdp(packet, teachingKeyEngine)));
    expect(deobfuscateUdp(built, packet, engine).crcOk).toBe(true);
    expect(engine.name).toMatch(/not Skype/);
  });
});
