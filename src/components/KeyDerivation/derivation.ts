/**
 * Everything the key-derivation explorer shows, from the learner's five inputs, computed by the
 * protocol library (spec §2.2-2.4 and §3): the 12-byte CRC input, the CRC seed, the RC4 seed, the
 * 80-byte key, the keystream, and the datagram built and read back. Pure: no React, no DOM.
 */
import {translate} from '@docusaurus/Translate';
import {
  MAX_DATAGRAM_LENGTH,
  ProtocolError,
  crc32,
  deobfuscateUdp,
  hexToBytes,
  ipv4ToNumber,
  obfuscateUdp,
  parseUdpDatagram,
  rc4Keystream,
  udpCrcInput,
  udpCrcSeed,
  udpFieldLayout,
  type UdpFieldNames,
  type UdpFieldSpan,
} from '@site/src/protocol';
import {writeUint16BE, writeUint32BE} from '@site/src/protocol/bytes';
import {PAYLOAD_HEADER_LENGTH} from '@site/src/protocol/udp';
import {UDP_SAMPLES, type UdpSample} from '@site/src/data/sampleTraffic';
import {chooseKey, choosingKeyEngine, type AvailableKey} from '../lab/keyChoice';
import {hex16, hex32, parseHexInput, parseIpv4Input, parseUnsignedInput, spacedHex, type InputProblem, type ParseResult} from '../lab/parseInput';

/** The widget's text inputs, by their field names (which are also their names in the address). */
export type FieldName = 'source-ip' | 'destination-ip' | 'packet-id' | 'iv' | 'plaintext';
export type FieldTexts = Record<FieldName, string>;
export const FIELD_NAMES: readonly FieldName[] = ['source-ip', 'destination-ip', 'packet-id', 'iv', 'plaintext'];

/** The longest plaintext that still fits one type-2 datagram: 1355 − 11 = 1344 bytes. */
export const MAX_PLAINTEXT_LENGTH = MAX_DATAGRAM_LENGTH - PAYLOAD_HEADER_LENGTH;

export interface DerivationInputs {
  /** Public addresses as the sender believes them (spec §2.2). */
  srcIp: string;
  dstIp: string;
  packetId: number;
  iv: number;
  plaintext: Uint8Array;
}

/** Where the key came from: the real engine's recorded output, or the labelled stand-in. */
export type KeySource = AvailableKey['source'];

/** Four bytes of the CRC input, beside the order the reader knows them in. */
export interface CrcInputGroup {
  /** The bytes as they travel: an IP in network order, the packet id as the header's u16 BE. */
  wireOrder: Uint8Array;
  /** The same value as it enters the CRC: a 32-bit little-endian word. */
  crcOrder: Uint8Array;
}

export interface KeyDerivation {
  inputs: DerivationInputs;
  /** The 12 bytes the seed is computed over: source IP, destination IP, packet id (spec §2.2). */
  crcInput: Uint8Array;
  source: CrcInputGroup;
  destination: CrcInputGroup;
  packetId: CrcInputGroup;
  /** Skype's CRC-32 of the CRC input: no final XOR (spec §2.3). */
  crcSeed: number;
  /** zlib's CRC-32 of the same bytes, to show that it is the bitwise complement. */
  zlibCrc: number;
  /** crcSeed XOR iv, as the library's own datagram code derived it. */
  rc4Seed: number;
  key: Uint8Array;
  keySource: KeySource;
  keystream: Uint8Array;
  /** The finished type-2 datagram, and where its fields lie. */
  datagram: Uint8Array;
  fields: UdpFieldSpan<UdpFieldNames['payload']>[];
  /** CRC of the plaintext, as written in the datagram header. */
  plaintextCrc: number;
  ciphertext: Uint8Array;
  /** The plaintext read back from the datagram, and whether its CRC matched the header. */
  decrypted: Uint8Array;
  crcOk: boolean;
}

/**
 * The key engine of this widget: the real engine's recorded output where the sample key table has
 * the seed, and the teaching stand-in (not Skype's engine) everywhere else.
 */
export const explorerKeyEngine = choosingKeyEngine(true);

/** A 32-bit value's bytes in network order (big-endian), as an IP travels on the wire. */
function bigEndian32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  writeUint32BE(bytes, 0, value);
  return bytes;
}

/**
 * Runs the whole derivation through the library: CRC input and seed, then the datagram built with
 * `obfuscateUdp` and read back with `deobfuscateUdp`, which also report the RC4 seed they used.
 *
 * @param inputs addresses, packet id, IV and plaintext, already validated
 * @returns every intermediate value the widget shows
 * @throws ProtocolError from the library for values it cannot encode
 * @example deriveKey({srcIp: '0.0.0.0', dstIp: '24.98.66.80', packetId: 0x7f4e, iv: 0x118ac037, plaintext: hexToBytes('04da017f4d4215')}).rc4Seed // 0x22d81c40
 */
export function deriveKey(inputs: DerivationInputs): KeyDerivation {
  const {srcIp, dstIp, packetId, iv, plaintext} = inputs;
  const crcInput = udpCrcInput(srcIp, dstIp, packetId);
  const packetIdOnWire = new Uint8Array(2);
  writeUint16BE(packetIdOnWire, 0, packetId);

  const datagram = obfuscateUdp({packetId, iv, plaintext, srcIp, dstIp}, explorerKeyEngine);
  const readBack = deobfuscateUdp(datagram, {srcIp, dstIp}, explorerKeyEngine);
  const header = readBack.datagram;
  if (header.kind !== 'payload') {
    throw new ProtocolError(
      translate({id: 'lab.keyDerivation.notPayload', message: 'expected obfuscateUdp to build a payload datagram, read a {kind}'}, {kind: header.kind}),
      2,
    );
  }
  const {source: keySource, engine} = chooseKey(readBack.seed, true);
  const key = engine.expand(readBack.seed);
  return {
    inputs,
    crcInput,
    source: {wireOrder: bigEndian32(ipv4ToNumber(srcIp)), crcOrder: crcInput.slice(0, 4)},
    destination: {wireOrder: bigEndian32(ipv4ToNumber(dstIp)), crcOrder: crcInput.slice(4, 8)},
    packetId: {wireOrder: packetIdOnWire, crcOrder: crcInput.slice(8, 12)},
    crcSeed: udpCrcSeed(srcIp, dstIp, packetId),
    zlibCrc: crc32(crcInput),
    rc4Seed: readBack.seed,
    key,
    keySource,
    keystream: rc4Keystream(key, plaintext.length),
    datagram,
    fields: udpFieldLayout(header, datagram.length),
    plaintextCrc: header.crc,
    ciphertext: header.ciphertext,
    decrypted: readBack.plaintext,
    crcOk: readBack.crcOk,
  };
}

/** Each field's parse result, and the inputs when every field is good. */
export interface ParsedFields {
  problems: Partial<Record<FieldName, InputProblem>>;
  inputs: DerivationInputs | null;
}

/**
 * Validates the five text fields, each on its own, so that every bad field gets its own alert.
 *
 * @example parseFields({...DEFAULT_TEXTS, 'packet-id': '70000'}).problems['packet-id'] // {kind: 'range', text: '70000', maximum: 65535}
 */
export function parseFields(texts: FieldTexts): ParsedFields {
  const results = {
    'source-ip': parseIpv4Input(texts['source-ip']),
    'destination-ip': parseIpv4Input(texts['destination-ip']),
    'packet-id': parseUnsignedInput(texts['packet-id'], 16),
    iv: parseUnsignedInput(texts.iv, 32),
    plaintext: parseHexInput(texts.plaintext, {maximum: MAX_PLAINTEXT_LENGTH}),
  } satisfies Record<FieldName, ParseResult<unknown>>;
  const problems: ParsedFields['problems'] = {};
  for (const name of FIELD_NAMES) {
    const result = results[name];
    if (!result.ok) problems[name] = result.problem;
  }
  const {'source-ip': srcIp, 'destination-ip': dstIp, 'packet-id': packetId, iv, plaintext} = results;
  const inputs =
    srcIp.ok && dstIp.ok && packetId.ok && iv.ok && plaintext.ok
      ? {srcIp: srcIp.value, dstIp: dstIp.value, packetId: packetId.value, iv: iv.value, plaintext: plaintext.value}
      : null;
  return {problems, inputs};
}

/** A type-2 sample datagram the learner can start from, with the texts that fill the fields. */
export interface SampleChoice {
  sample: UdpSample;
  texts: FieldTexts;
}

/**
 * The type-2 payload datagrams of the sample traffic (the resend has no CRC seed, spec §2.6), each
 * as field texts: addresses from the sample, packet id and IV read from its header by the library,
 * and its recorded plaintext.
 */
export const SAMPLE_CHOICES: readonly SampleChoice[] = UDP_SAMPLES.flatMap((sample) => {
  const datagram = parseUdpDatagram(sample.bytes);
  if (datagram.kind !== 'payload') return [];
  const texts: FieldTexts = {
    'source-ip': sample.srcIp,
    'destination-ip': sample.dstIp,
    'packet-id': hex16(datagram.packetId),
    iv: hex32(datagram.iv),
    plaintext: spacedHex(hexToBytes(sample.expected.plaintext)),
  };
  return [{sample, texts}];
});

/** The widget's starting inputs: the probe of Silver Needle slide 41, the first sample. */
export const DEFAULT_TEXTS: FieldTexts = SAMPLE_CHOICES[0].texts;

/** The sample whose texts are exactly the current ones, or null for the learner's own inputs. */
export function matchingSample(texts: FieldTexts): SampleChoice | null {
  return SAMPLE_CHOICES.find((choice) => FIELD_NAMES.every((name) => choice.texts[name] === texts[name])) ?? null;
}
