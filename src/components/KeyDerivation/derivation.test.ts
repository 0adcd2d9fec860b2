import {describe, expect, it} from 'vitest';
import {bytesToHex, hexToBytes, seedToHex, teachingKeyEngine} from '@site/src/protocol';
import {UDP_SAMPLES} from '@site/src/data/sampleTraffic';
import {DEFAULT_TEXTS, MAX_PLAINTEXT_LENGTH, SAMPLE_CHOICES, deriveKey, matchingSample, parseFields, type DerivationInputs} from './derivation';

// The worked example of spec §2.2 (Vanilla Skype part 1 slide 49 = Silver Needle slide 41).
const slideInputs: DerivationInputs = {srcIp: '0.0.0.0', dstIp: '24.98.66.80', packetId: 0x7f4e, iv: 0x118ac037, plaintext: hexToBytes('04da017f4d4215')};

describe('deriveKey(inputs) on the slide-41 probe (spec §2.2)', () => {
  const derivation = deriveKey(slideInputs);

  it('builds the CRC input 00000000 50426218 4e7f0000, IP bytes reversed from network order', () => {
    expect(bytesToHex(derivation.crcInput)).toBe('00000000504262184e7f0000');
    expect(bytesToHex(derivation.destination.wireOrder)).toBe('18624250');
    expect(bytesToHex(derivation.destination.crcOrder)).toBe('50426218');
    expect(bytesToHex(derivation.source.wireOrder)).toBe('00000000');
    expect(bytesToHex(derivation.packetId.wireOrder)).toBe('7f4e');
    expect(bytesToHex(derivation.packetId.crcOrder)).toBe('4e7f0000');
  });

  it('gives CRC seed 3352dc77, the complement of zlib crc32 (spec §2.3), and RC4 seed 22d81c40', () => {
    expect(seedToHex(derivation.crcSeed)).toBe('3352dc77');
    expect(seedToHex(derivation.zlibCrc)).toBe('ccad2388');
    expect(seedToHex(derivation.rc4Seed)).toBe('22d81c40');
  });

  it('uses the recorded real key for seed 22d81c40, as printed in the obfuscation chapter', () => {
    expect(derivation.keySource).toBe('recorded');
    expect(bytesToHex(derivation.key)).toBe(
      '9313d82178361186cf76ffa68a04050c2662858d4c81270304200008e60153392c9f5abdb2d9a9fe00000000c07cc5a979592fddc9b9da3f1e68e4ea3dbf44e91b7481701062d124899af1127b394339',
    );
  });

  it('produces the datagram of the slide byte for byte', () => {
    expect(bytesToHex(derivation.datagram)).toBe('7f4e02118ac037fc95755e5eb9817a8efa81');
    expect(bytesToHex(derivation.datagram)).toBe(bytesToHex(UDP_SAMPLES[0].bytes));
  });

  it('names the fields of the finished datagram where the slide has them: IV at bytes 3-6, CRC at 7-10', () => {
    const field = (name: string) => derivation.fields.find((span) => span.field === name)!;
    expect(derivation.fields.map((span) => span.field)).toEqual(['packetId', 'func', 'iv', 'crc', 'ciphertext']);
    expect(bytesToHex(derivation.datagram.slice(field('iv').start, field('iv').end))).toBe('118ac037');
    expect(bytesToHex(derivation.datagram.slice(field('crc').start, field('crc').end))).toBe('fc95755e');
    expect(field('ciphertext')).toMatchObject({start: 11, end: 18});
  });

  it('shows the ciphertext after the 11-byte header, the plaintext CRC fc95755e, and reads the plaintext back', () => {
    expect(bytesToHex(derivation.ciphertext)).toBe('5eb9817a8efa81');
    expect(derivation.plaintextCrc.toString(16)).toBe('fc95755e');
    expect(bytesToHex(derivation.decrypted)).toBe('04da017f4d4215');
    expect(derivation.crcOk).toBe(true);
  });

  it('gives a keystream that XORs the plaintext into the ciphertext', () => {
    const {keystream, ciphertext} = derivation;
    expect(keystream).toHaveLength(7);
    expect(bytesToHex(slideInputs.plaintext.map((byte, index) => byte ^ keystream[index]))).toBe(bytesToHex(ciphertext));
  });
});

describe('deriveKey(inputs) for the other samples', () => {
  it.each(SAMPLE_CHOICES.map((choice) => [choice.sample.id, choice] as const))('%s: the recorded seed, key and datagram', (_, {sample, texts}) => {
    const {inputs} = parseFields(texts);
    expect(inputs).not.toBeNull();
    const derivation = deriveKey(inputs!);
    expect(seedToHex(derivation.rc4Seed)).toBe(sample.expected.rc4Seed);
    expect(derivation.keySource).toBe('recorded');
    expect(bytesToHex(derivation.datagram)).toBe(bytesToHex(sample.bytes));
  });

  it("falls back to the teaching stand-in for a seed without a recorded key, and says so", () => {
    const derivation = deriveKey({...slideInputs, iv: 0});
    // The seed is then the CRC seed itself (x XOR 0 = x), which has no recorded key.
    expect(seedToHex(derivation.rc4Seed)).toBe('3352dc77');
    expect(derivation.keySource).toBe('teaching');
    expect(bytesToHex(derivation.key)).toBe(bytesToHex(teachingKeyEngine.expand(0x3352dc77)));
    expect(bytesToHex(derivation.decrypted)).toBe('04da017f4d4215');
    expect(derivation.crcOk).toBe(true);
  });
});

describe('the sample choices', () => {
  it('offer the 13 type-2 datagrams, without the resend', () => {
    expect(SAMPLE_CHOICES).toHaveLength(13);
    expect(SAMPLE_CHOICES.map((choice) => choice.sample.id)).not.toContain('resend-slide-59');
  });

  it('start from the slide-41 probe, read from the sample rather than typed in', () => {
    expect(DEFAULT_TEXTS).toEqual({
      'source-ip': '0.0.0.0',
      'destination-ip': '24.98.66.80',
      'packet-id': '0x7f4e',
      iv: '0x118ac037',
      plaintext: '04 da 01 7f 4d 42 15',
    });
  });

  it('are recognised from the texts, and edited texts are not', () => {
    expect(matchingSample(DEFAULT_TEXTS)?.sample.id).toBe('slide-41');
    expect(matchingSample({...DEFAULT_TEXTS, iv: '0x118ac038'})).toBeNull();
  });
});

describe('parseFields(texts)', () => {
  it('reads good texts into inputs', () => {
    expect(parseFields(DEFAULT_TEXTS)).toEqual({problems: {}, inputs: slideInputs});
  });

  it('reports each bad field on its own and gives no inputs', () => {
    const {problems, inputs} = parseFields({...DEFAULT_TEXTS, 'source-ip': '1.2.3', 'packet-id': '70000', plaintext: '04 zz'});
    expect(inputs).toBeNull();
    expect(problems).toEqual({
      'source-ip': {kind: 'ipv4Parts', count: 3},
      'packet-id': {kind: 'range', text: '70000', maximum: 65535},
      plaintext: {kind: 'hexCharacter', character: 'z', position: 4},
    });
  });

  it('accepts a plaintext of 1344 bytes, the most one 1355-byte datagram holds, and refuses 1345', () => {
    expect(MAX_PLAINTEXT_LENGTH).toBe(1344);
    expect(parseFields({...DEFAULT_TEXTS, plaintext: '00'.repeat(1344)}).inputs?.plaintext).toHaveLength(1344);
    expect(parseFields({...DEFAULT_TEXTS, plaintext: '00'.repeat(1345)}).problems.plaintext).toEqual({kind: 'tooLong', length: 1345, maximum: 1344});
  });
});
