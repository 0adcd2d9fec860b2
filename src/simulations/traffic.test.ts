// The traffic generator against the paper's source model (Bonfiglio et al. 2007, §3–§4.2, through
// paper-tables.json), the wire formats it claims to follow (protocol.md §2 and §4 through the
// library's parsers; RFC 3550 and RFC 1035 read by hand), and its own promises (determinism, prefixes).
import {describe, expect, it} from 'vitest';
import {UDP_TYPES, bytesToHex, deobfuscateUdp, knownTcpInit, parseUdpDatagram, rc4Keystream, teachingKeyEngine} from '../protocol';
import paperTables from '../data/paper-tables.json';
import {
  SKYPEOUT_GATEWAY_PORT,
  SKYPE_WORKING_POINTS,
  TRAFFIC_KINDS,
  expectedMessageSize,
  generateFlow,
  generateTraffic,
  type TrafficFlow,
  type WorkingPoint,
} from './traffic';

const paper = paperTables.bonfiglio_2007;
const point = (codec: string, rateKbps: number, framingMs: number, redundancy: number): WorkingPoint => {
  const found = SKYPE_WORKING_POINTS.find((candidate) => candidate.codec === codec && candidate.rateKbps === rateKbps && candidate.framingMs === framingMs && candidate.redundancy === redundancy);
  if (!found) throw new Error(`no working point ${codec} ${rateKbps} kbit/s ${framingMs} ms RF ${redundancy}`);
  return found;
};
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const standardDeviation = (values: number[]) => Math.sqrt(mean(values.map((value) => (value - mean(values)) ** 2)));
const gaps = (flow: TrafficFlow) => flow.messages.slice(1).map((message, index) => message.timeMs - flow.messages[index].timeMs);

describe('SKYPE_WORKING_POINTS and expectedMessageSize (§4.2, eq. 10)', () => {
  it('cross every codec of Table 1 with ΔT ∈ {10..60} ms and RF ∈ {1..4}', () => {
    const tableCodecs = paper.table1_codecs.rows.map((row) => String(row[0]));
    expect(new Set(SKYPE_WORKING_POINTS.map((candidate) => candidate.codec))).toEqual(new Set(tableCodecs));
    expect([...new Set(SKYPE_WORKING_POINTS.map((candidate) => candidate.framingMs))].sort((a, b) => a - b)).toEqual(paper.naive_bayes_classifier.dT_ms);
    expect([...new Set(SKYPE_WORKING_POINTS.map((candidate) => candidate.redundancy))].sort()).toEqual(paper.naive_bayes_classifier.RF);
    // Every codec rate appears with all 6 × 4 combinations.
    const perRate = new Map<string, number>();
    for (const candidate of SKYPE_WORKING_POINTS) perRate.set(`${candidate.codec} ${candidate.rateKbps}`, (perRate.get(`${candidate.codec} ${candidate.rateKbps}`) ?? 0) + 1);
    for (const count of perRate.values()) expect(count).toBe(24);
  });

  it('use σ = 1 B for G.729 (CBR) and σ = 7.5 B for ISAC (VBR), and Table 1 rates', () => {
    expect(point('G.729', 8, 30, 1).sigmaBytes).toBe(paper.naive_bayes_classifier.sigma_CBR_B);
    expect(point('ISAC', 32, 60, 1).sigmaBytes).toBe(paper.naive_bayes_classifier.sigma_VBR_B);
    const isacRates = SKYPE_WORKING_POINTS.filter((candidate) => candidate.codec === 'ISAC').map((candidate) => candidate.rateKbps);
    expect(Math.min(...isacRates)).toBe(10); // Table 1: "10-32"
    expect(Math.max(...isacRates)).toBe(32);
    expect(new Set(SKYPE_WORKING_POINTS.filter((candidate) => candidate.codec === 'ILBC').map((candidate) => candidate.rateKbps))).toEqual(new Set([13.3, 15.2]));
  });

  it('expectedMessageSize gives the paper\'s example: G.729, ΔT = 30 ms, RF = 1 → 42 B', () => {
    // 8 kbit/s · 30 ms = 30 B; (30 + len(H) 8)·1 + len(SoM) 4 = 42.
    expect(expectedMessageSize(point('G.729', 8, 30, 1))).toBe(42);
  });

  it('expectedMessageSize by hand: (Rate·ΔT + 8)·RF + 4', () => {
    expect(expectedMessageSize(point('G.729', 8, 20, 3))).toBe((20 + 8) * 3 + 4); // 88
    expect(expectedMessageSize(point('PCM A/U', 64, 30, 1))).toBe(240 + 8 + 4); // 252
    expect(expectedMessageSize(point('ILBC', 13.3, 20, 1))).toBeCloseTo(33.25 + 8 + 4, 10);
  });

  it('contain a working point for each size class of Fig. 5 (μ = 42, 210, 252 B)', () => {
    const sizes = new Set(SKYPE_WORKING_POINTS.map(expectedMessageSize));
    for (const size of paper.naive_bayes_classifier.fig5_classes.size_mu_B) expect(sizes.has(size)).toBe(true);
  });

  it('expectedMessageSize rejects a point without a positive rate', () => {
    expect(() => expectedMessageSize({codec: 'x', rateKbps: 0, framingMs: 30, redundancy: 1, sigmaBytes: 1})).toThrow(/rateKbps/);
  });
});

describe('generateFlow and generateTraffic: determinism', () => {
  it('the same seed gives the same bytes and times; another seed does not', () => {
    for (const kind of TRAFFIC_KINDS) {
      const first = generateFlow({kind, messageCount: 60, seed: 11});
      const again = generateFlow({kind, messageCount: 60, seed: 11});
      const other = generateFlow({kind, messageCount: 60, seed: 12});
      expect(again).toEqual(first);
      expect(other.messages.map((message) => bytesToHex(message.payload))).not.toEqual(first.messages.map((message) => bytesToHex(message.payload)));
    }
  });

  it('a shorter flow of the same seed is the start of a longer one', () => {
    for (const kind of TRAFFIC_KINDS) {
      const short = generateFlow({kind, messageCount: 100, seed: 5});
      const long = generateFlow({kind, messageCount: 300, seed: 5});
      expect(long.messages.slice(0, 100)).toEqual(short.messages);
      expect(long.workingPoint).toEqual(short.workingPoint);
    }
  });

  it('generateTraffic makes flowsPerKind flows of each kind, ids <kind>-<index>, each kind independent of the others', () => {
    const all = generateTraffic({seed: 3, flowsPerKind: 4, messageCount: 40});
    expect(all.map((flow) => flow.id)).toEqual(TRAFFIC_KINDS.flatMap((kind) => [0, 1, 2, 3].map((index) => `${kind}-${index}`)));
    const onlyRtp = generateTraffic({seed: 3, flowsPerKind: 2, messageCount: 40, kinds: ['rtp']});
    expect(onlyRtp).toEqual(all.filter((flow) => flow.id === 'rtp-0' || flow.id === 'rtp-1'));
    expect(generateTraffic({seed: 3, flowsPerKind: 4, messageCount: 40})).toEqual(all);
  });

  it('flows have the ground truth of their kind', () => {
    const byKind = Object.fromEntries(generateTraffic({seed: 1, flowsPerKind: 1, messageCount: 30}).map((flow) => [flow.kind, flow]));
    expect(byKind['skype-e2e-udp']).toMatchObject({transport: 'udp', isSkype: true, isSkypeVoice: true});
    expect(byKind['skypeout-udp']).toMatchObject({transport: 'udp', isSkype: true, isSkypeVoice: true});
    expect(byKind['skype-tcp']).toMatchObject({transport: 'tcp', isSkype: true, isSkypeVoice: true});
    for (const kind of ['rtp', 'dns', 'random-udp'] as const) expect(byKind[kind]).toMatchObject({transport: 'udp', isSkype: false, isSkypeVoice: false, workingPoint: null});
    expect(byKind['http-like']).toMatchObject({transport: 'tcp', isSkype: false, workingPoint: null});
  });

  it('a flow of 0 messages has none', () => {
    for (const kind of TRAFFIC_KINDS) expect(generateFlow({kind, messageCount: 0, seed: 1}).messages).toEqual([]);
  });

  it('rejects bad options with the option named', () => {
    expect(() => generateFlow({kind: 'skype' as never, messageCount: 10, seed: 1})).toThrow(/kind/);
    expect(() => generateFlow({kind: 'rtp', messageCount: 2.5, seed: 1})).toThrow(/messageCount/);
    expect(() => generateFlow({kind: 'rtp', messageCount: 10, seed: -1})).toThrow(/seed/);
    expect(() => generateFlow({kind: 'skype-e2e-udp', messageCount: 10, seed: 1, workingPoint: {codec: 'x', rateKbps: 8, framingMs: 0, redundancy: 1, sigmaBytes: 1}})).toThrow(/framingMs/);
    expect(() => generateTraffic({seed: 1, flowsPerKind: 1, messageCount: 10, kinds: ['ftp' as never]})).toThrow(/kind/);
  });
});

describe('Skype end-to-end flows over UDP (§3.2.2, protocol.md §2)', () => {
  const g729 = point('G.729', 8, 30, 1);
  const flow = generateFlow({kind: 'skype-e2e-udp', messageCount: 300, seed: 21});

  it('every message parses as a type-0xD datagram: packet id, func = 0x0d | random bits 4–6, then IV and CRC', () => {
    const randomBits = new Set<number>();
    for (const {payload} of flow.messages) {
      const datagram = parseUdpDatagram(payload);
      expect(datagram.kind).toBe('audio');
      expect(datagram.func & 0x8f).toBe(UDP_TYPES.audio);
      expect(datagram.func & 0x80).toBe(0);
      randomBits.add((datagram.func >> 4) & 0x07);
      expect(datagram.packetId).toBe((payload[0] << 8) | payload[1]);
      expect(payload.length).toBeGreaterThanOrEqual(11); // id 2 + func 1 + IV 4 + CRC 4
    }
    expect(randomBits.size).toBe(8);
    // Each message has its own IV (bytes 3–6), as real Skype datagrams did.
    expect(new Set(flow.messages.map(({payload}) => bytesToHex(payload.subarray(3, 7)))).size).toBeGreaterThan(295);
  });

  it('with the func type put back to 2, each datagram decrypts with the teaching key engine and its CRC (bytes 7–10) checks', () => {
    for (const {payload} of flow.messages.slice(0, 50)) {
      const typeTwo = payload.slice();
      typeTwo[2] = (payload[2] & 0x70) | UDP_TYPES.payload;
      const {crcOk, plaintext} = deobfuscateUdp(typeTwo, {srcIp: flow.endpoints!.srcIp, dstIp: flow.endpoints!.dstIp}, teachingKeyEngine);
      expect(crcOk).toBe(true);
      expect(plaintext.length).toBe(payload.length - 11);
    }
  });

  it('message sizes are N(μ, σ) and gaps N(ΔT, 1 ms) of the working point (§4.2)', () => {
    const isac = point('ISAC', 24, 30, 2); // μ = (90 + 8)·2 + 4 = 200 B, σ = 7.5 B
    const voice = generateFlow({kind: 'skype-e2e-udp', messageCount: 2000, seed: 4, workingPoint: isac});
    const sizes = voice.messages.map(({payload}) => payload.length);
    expect(mean(sizes)).toBeCloseTo(200, 0); // standard error 7.5/√2000 ≈ 0.17
    expect(standardDeviation(sizes)).toBeGreaterThan(7);
    expect(standardDeviation(sizes)).toBeLessThan(8);
    const steps = gaps(voice);
    expect(mean(steps)).toBeCloseTo(30, 0);
    expect(standardDeviation(steps)).toBeGreaterThan(0.9);
    expect(standardDeviation(steps)).toBeLessThan(1.1);
    const cbr = generateFlow({kind: 'skype-e2e-udp', messageCount: 300, seed: 4, workingPoint: g729});
    expect(cbr.workingPoint).toEqual(g729);
    expect(mean(cbr.messages.map(({payload}) => payload.length))).toBeCloseTo(42, 0);
  });

  it('by default use ISAC, the codec preferred end to end (§3.1), at a typical ΔT of 20, 30 or 60 ms', () => {
    for (const voice of generateTraffic({seed: 8, flowsPerKind: 20, messageCount: 1, kinds: ['skype-e2e-udp']})) {
      expect(voice.workingPoint!.codec).toBe('ISAC');
      expect(paper.source_model.deltaT_observed_ms).toContain(voice.workingPoint!.framingMs);
    }
  });
});

describe('SkypeOut flows over UDP (§3.2.3)', () => {
  it('every message starts with the same 4-byte connection id, goes to port 12340, and uses G.729 by default', () => {
    const flow = generateFlow({kind: 'skypeout-udp', messageCount: 300, seed: 2});
    const connectionId = bytesToHex(flow.messages[0].payload.subarray(0, 4));
    for (const {payload} of flow.messages) expect(bytesToHex(payload.subarray(0, 4))).toBe(connectionId);
    expect(new Set(flow.messages.map(({payload}) => payload[4])).size).toBeGreaterThan(100); // byte 5 onwards varies
    expect(flow.endpoints!.dstPort).toBe(SKYPEOUT_GATEWAY_PORT);
    expect(SKYPEOUT_GATEWAY_PORT).toBe(paper.udp_som_header.e2o_gateway_udp_port);
    expect(flow.workingPoint!.codec).toBe('G.729');
  });
});

describe('Skype flows over TCP (protocol.md §4)', () => {
  it('the messages join into one stream: the seed in clear, then the initiator init block under the keystream of that seed', () => {
    const flow = generateFlow({kind: 'skype-tcp', messageCount: 100, seed: 9});
    const stream = new Uint8Array(flow.messages.reduce((length, {payload}) => length + payload.length, 0));
    let offset = 0;
    for (const {payload} of flow.messages) {
      stream.set(payload, offset);
      offset += payload.length;
    }
    const seed = new DataView(stream.buffer).getUint32(0, false);
    const keystream = rc4Keystream(teachingKeyEngine.expand(seed), 10);
    const init = stream.subarray(4, 14).map((byte, index) => byte ^ keystream[index]);
    expect(bytesToHex(init)).toBe(bytesToHex(knownTcpInit('initiator').bytes));
    expect(flow.endpoints!.dstPort).toBe(443);
  });
});

describe('flows that are not Skype', () => {
  it('RTP: version 2, a constant payload type and SSRC, sequence +1, timestamp + samples, constant size (RFC 3550 §5.1)', () => {
    const flow = generateFlow({kind: 'rtp', messageCount: 300, seed: 6});
    const headers = flow.messages.map(({payload}) => {
      const view = new DataView(payload.buffer, payload.byteOffset);
      return {first: view.getUint8(0), payloadType: view.getUint8(1), sequence: view.getUint16(2), timestamp: view.getUint32(4), ssrc: view.getUint32(8), length: payload.length};
    });
    const payloadBytes = headers[0].length - 12;
    for (const [index, header] of headers.entries()) {
      expect(header.first >> 6).toBe(2);
      expect(header.payloadType).toBe(headers[0].payloadType);
      expect([0, 18]).toContain(header.payloadType); // PCMU or G.729 (RFC 3551)
      expect(header.ssrc).toBe(headers[0].ssrc);
      expect(header.length).toBe(headers[0].length);
      expect(header.sequence).toBe((headers[0].sequence + index) & 0xffff);
      // 8 kHz: G.711 sends 1 byte per sample, G.729 1 byte per 8 samples.
      const samplesPerPacket = headers[0].payloadType === 0 ? payloadBytes : payloadBytes * 8;
      expect(header.timestamp).toBe((headers[0].timestamp + index * samplesPerPacket) >>> 0);
    }
    expect(mean(gaps(flow))).toBeCloseTo(payloadBytes * (headers[0].payloadType === 0 ? 1 : 8) / 8, 0);
  });

  it('DNS: standard queries with one question, a name and the class IN (RFC 1035 §4.1)', () => {
    const flow = generateFlow({kind: 'dns', messageCount: 50, seed: 6});
    for (const {payload} of flow.messages) {
      const view = new DataView(payload.buffer, payload.byteOffset);
      expect(view.getUint16(2)).toBe(0x0100);
      expect([view.getUint16(4), view.getUint16(6), view.getUint16(8), view.getUint16(10)]).toEqual([1, 0, 0, 0]);
      let offset = 12;
      const labels: string[] = [];
      while (payload[offset] !== 0) {
        labels.push(String.fromCharCode(...payload.subarray(offset + 1, offset + 1 + payload[offset])));
        offset += 1 + payload[offset];
      }
      expect(labels.at(-2)).toBe('example');
      expect(view.getUint16(offset + 3)).toBe(1);
      expect(payload.length).toBe(offset + 5);
    }
    expect(flow.endpoints!.dstPort).toBe(53);
  });

  it('HTTP-like: printable ASCII requests and responses in turn', () => {
    const flow = generateFlow({kind: 'http-like', messageCount: 20, seed: 6});
    const texts = flow.messages.map(({payload}) => String.fromCharCode(...payload));
    texts.forEach((text, index) => expect(text.startsWith(index % 2 === 0 ? 'GET /' : 'HTTP/1.1 200 OK')).toBe(true));
    for (const {payload} of flow.messages) expect(payload.every((byte) => byte === 10 || byte === 13 || (byte >= 32 && byte < 127))).toBe(true);
  });

  it('random UDP: at least 8 bytes each, sizes spread out, byte values uniform', () => {
    const flow = generateFlow({kind: 'random-udp', messageCount: 300, seed: 6});
    const sizes = flow.messages.map(({payload}) => payload.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
    expect(standardDeviation(sizes)).toBeGreaterThan(300);
    const counts = new Array<number>(256).fill(0);
    for (const {payload} of flow.messages) for (const byte of payload) counts[byte]++;
    const total = counts.reduce((sum, count) => sum + count, 0);
    for (const count of counts) expect(Math.abs(count - total / 256)).toBeLessThan(6 * Math.sqrt(total / 256));
  });
});
