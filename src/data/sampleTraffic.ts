/**
 * The public 2006 sample traffic (../shared/data/sample-traffic.json, copied to sample-traffic.json
 * here), typed for widgets: the datagrams and TCP streams learners can pick, and the key engine of
 * the recorded keys. Sources: Silver Needle in the Skype and Vanilla Skype (2006) for the slide
 * examples, the Wireshark sample capture SkypeIRC.cap for the rest.
 */
import {hexToBytes, tableKeyEngine, type RecordedKeyEngine} from '@site/src/protocol';
import sampleTraffic from './sample-traffic.json';

/** Where a sample comes from, for its label and its citation on the references page. */
export type SampleSource = 'slides' | 'capture';

export interface UdpSample {
  /** A stable name for links and tests: 'slide-41', 'frame-219', 'resend-slide-59'. */
  id: string;
  /** The origin as the data file gives it, with the addresses on the wire. */
  origin: string;
  source: SampleSource;
  /** The public addresses as the sender believed them: the ones the seed is computed from. */
  srcIp: string;
  dstIp: string;
  bytes: Uint8Array;
  /** The seed and plaintext recorded in the data file, for checks. */
  expected: {rc4Seed: string; plaintext: string};
}

export interface TcpSample {
  id: string;
  origin: string;
  source: SampleSource;
  /** The start of one direction of a connection: seed, init block, then data. */
  bytes: Uint8Array;
}

const sourceOf = (origin: string): SampleSource => (origin.startsWith('SkypeIRC.cap') ? 'capture' : 'slides');

/** A short stable id from an origin: "… slide 49 = … slide 41 (…)" → 'slide-41', "SkypeIRC.cap frame 219 (…)" → 'frame-219'. */
function idOf(origin: string, prefix = ''): string {
  const frame = /frame (\d+)/.exec(origin);
  if (frame) return `${prefix}frame-${frame[1]}`;
  const slides = [...origin.matchAll(/slide (\d+)/g)];
  return `${prefix}slide-${slides[slides.length - 1]?.[1] ?? 'unknown'}`;
}

/** The type-2 payload datagrams and the type-3 resend of the sample traffic, slides first. */
export const UDP_SAMPLES: readonly UdpSample[] = [
  ...sampleTraffic.udp_payload_packets.packets.map((packet) => ({
    id: idOf(packet.origin),
    origin: packet.origin,
    source: sourceOf(packet.origin),
    srcIp: packet.src_public_ip,
    dstIp: packet.dst_public_ip,
    bytes: hexToBytes(packet.udp_payload),
    expected: {rc4Seed: packet.expected.rc4_seed, plaintext: packet.expected.plaintext},
  })),
  ...sampleTraffic.udp_resend.packets.map((packet) => ({
    id: idOf(packet.origin, 'resend-'),
    origin: packet.origin,
    source: sourceOf(packet.origin),
    // A resend's seed does not use the addresses (spec §2.6); these are the wire addresses of the slide.
    srcIp: /\((\d+\.\d+\.\d+\.\d+)/.exec(packet.origin)?.[1] ?? '0.0.0.0',
    dstIp: packet.header.dest_ip,
    bytes: hexToBytes(packet.udp_payload),
    expected: {rc4Seed: packet.expected.rc4_seed, plaintext: packet.expected.plaintext},
  })),
];

/** One direction of each TCP connection of the sample traffic: the slide example, then the capture. */
export const TCP_SAMPLES: readonly TcpSample[] = sampleTraffic.tcp_streams.streams.map((stream, index) => ({
  id: sourceOf(stream.origin) === 'capture' ? `capture-${index}` : idOf(stream.origin),
  origin: stream.origin,
  source: sourceOf(stream.origin),
  bytes: hexToBytes(stream.stream_prefix),
}));

/** The real key engine's output for every seed of the samples: the site's only real keys. */
export const recordedKeys: RecordedKeyEngine = tableKeyEngine(sampleTraffic.key_table.keys);

/** The page and anchor that cite each source, for links under a sample picker. */
export const SAMPLE_CITATIONS: Record<SampleSource, string> = {
  slides: '/docs/references#biondi2006',
  capture: '/docs/references#skypeirccap',
};
