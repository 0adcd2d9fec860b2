/**
 * Flows that are not Skype, for the detection lab (public API in traffic.ts): RTP voice (RFC 3550),
 * DNS queries (RFC 1035), an HTTP-like text stream over TCP, and UDP datagrams of random bytes. Each
 * has the structure the classifiers of Bonfiglio et al. 2007 must tell apart from Skype: RTP behaves
 * like voice but has a fixed header, DNS and HTTP have fixed or textual bytes, and random datagrams
 * are random everywhere and in their timing.
 */
import type {SeededRandom} from './random';
import type {TrafficMessage} from './traffic';
import {VOICE_GAP_SIGMA_MS, exponential, fillRandom, gaussian} from './trafficSampling';

/** The RTP payload types of the two codecs used here (RFC 3551 Table 4), with their bytes per ms at an 8 kHz clock. */
export const RTP_CODECS = [
  {codec: 'PCMU (G.711 µ-law)', payloadType: 0, bytesPerMs: 8},
  {codec: 'G.729', payloadType: 18, bytesPerMs: 1},
] as const;
/** Packet times of the RTP flows, ms. */
export const RTP_PACKET_TIMES_MS: readonly number[] = [20, 30];
/** Both codecs sample at 8 kHz (RFC 3551), so the timestamp advances 8 per ms. */
const RTP_CLOCK_PER_MS = 8;
/** The fixed RTP header (RFC 3550 §5.1): V, P, X, CC, M, PT, sequence number, timestamp, SSRC. */
export const RTP_HEADER_BYTES = 12;
/** First byte of every RTP header here: version 2, no padding, no extension, no CSRC. */
const RTP_VERSION_BYTE = 0x80;

/**
 * An RTP voice flow: the 12-byte header of RFC 3550 with a constant SSRC, a sequence number that
 * grows by 1 and a timestamp that grows by the samples of each packet, then a voice payload of a
 * constant size that looks random. Packets leave every packet time, with the same 1 ms jitter as
 * Skype's voice.
 */
export function rtpMessages(random: SeededRandom, count: number): TrafficMessage[] {
  const codec = random.pick(RTP_CODECS);
  const packetMs = random.pick(RTP_PACKET_TIMES_MS);
  const ssrc = random.nextUint32();
  let sequence = random.integer(0, 0xffff);
  let timestamp = random.nextUint32();
  const messages: TrafficMessage[] = [];
  let timeMs = 0;
  for (let index = 0; index < count; index++) {
    if (index > 0) timeMs += Math.max(0, gaussian(random, packetMs, VOICE_GAP_SIGMA_MS));
    const payload = new Uint8Array(RTP_HEADER_BYTES + codec.bytesPerMs * packetMs);
    const header = new DataView(payload.buffer);
    header.setUint8(0, RTP_VERSION_BYTE);
    header.setUint8(1, codec.payloadType); // marker bit 0
    header.setUint16(2, sequence, false);
    header.setUint32(4, timestamp, false);
    header.setUint32(8, ssrc, false);
    fillRandom(random, payload.subarray(RTP_HEADER_BYTES));
    messages.push({timeMs, payload});
    sequence = (sequence + 1) & 0xffff;
    timestamp = (timestamp + RTP_CLOCK_PER_MS * packetMs) >>> 0;
  }
  return messages;
}

/** Names asked for by the DNS flows: the reserved example domains of RFC 2606. */
const DNS_NAMES = ['www.example.com', 'mail.example.org', 'cdn.example.net', 'api.example.com', 'images.example.org', 'files.example.net', 'time.example.com', 'updates.example.org'];
/** Query types asked: A (1) and AAAA (28), class IN (1) (RFC 1035 §3.2.2, RFC 3596). */
const DNS_QUERY_TYPES = [1, 28];
/** Standard query with recursion desired (RFC 1035 §4.1.1): QR 0, OPCODE 0, RD 1. */
const DNS_QUERY_FLAGS = 0x0100;
/** Mean time between two queries of a DNS flow, ms: queries come at random, not to a clock. */
const DNS_MEAN_GAP_MS = 250;

/** A DNS query (RFC 1035 §4.1): random id, fixed flags and counts, then the question. */
function dnsQuery(random: SeededRandom): Uint8Array {
  const labels = random.pick(DNS_NAMES).split('.');
  const nameLength = labels.reduce((length, label) => length + 1 + label.length, 1);
  const query = new Uint8Array(12 + nameLength + 4);
  const view = new DataView(query.buffer);
  view.setUint16(0, random.integer(0, 0xffff), false);
  view.setUint16(2, DNS_QUERY_FLAGS, false);
  view.setUint16(4, 1, false); // QDCOUNT; ANCOUNT, NSCOUNT and ARCOUNT stay 0
  let offset = 12;
  for (const label of labels) {
    query[offset++] = label.length;
    for (const character of label) query[offset++] = character.charCodeAt(0);
  }
  offset++; // the root label, 0
  view.setUint16(offset, random.pick(DNS_QUERY_TYPES), false);
  view.setUint16(offset + 2, 1, false);
  return query;
}

/** A flow of DNS queries from one client to its resolver, at random times. */
export function dnsMessages(random: SeededRandom, count: number): TrafficMessage[] {
  const messages: TrafficMessage[] = [];
  let timeMs = 0;
  for (let index = 0; index < count; index++) {
    if (index > 0) timeMs += exponential(random, DNS_MEAN_GAP_MS);
    messages.push({timeMs, payload: dnsQuery(random)});
  }
  return messages;
}

const HTTP_WORDS = ['skype', 'voice', 'network', 'packet', 'random', 'header', 'flow', 'codec', 'detect', 'chapter', 'example', 'lab'];
/** Mean wait for a response, and between a response and the next request, ms. */
const HTTP_RESPONSE_MEAN_MS = 40;
const HTTP_THINK_MEAN_MS = 400;
/** The longest response body, bytes: it keeps a message within one Ethernet-sized segment. */
const HTTP_MAXIMUM_BODY = 1200;

/** ASCII text as bytes (every character here is below 128). */
function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes;
}

/**
 * An HTTP-like stream over TCP: requests and responses in turn, each an ASCII start line, a few
 * header lines and, for responses, a body of words. Its bytes are text, so most of them are far
 * from random.
 */
export function httpLikeMessages(random: SeededRandom, count: number): TrafficMessage[] {
  const messages: TrafficMessage[] = [];
  let timeMs = 0;
  for (let index = 0; index < count; index++) {
    const isRequest = index % 2 === 0;
    if (index > 0) timeMs += exponential(random, isRequest ? HTTP_THINK_MEAN_MS : HTTP_RESPONSE_MEAN_MS);
    let text: string;
    if (isRequest) {
      text = `GET /${random.pick(HTTP_WORDS)}/${random.pick(HTTP_WORDS)}.html HTTP/1.1\r\nHost: www.example.com\r\nAccept: text/html\r\n\r\n`;
    } else {
      const bodyLength = random.integer(40, HTTP_MAXIMUM_BODY);
      const words: string[] = [];
      for (let length = 0; length < bodyLength; length += words[words.length - 1].length + 1) words.push(random.pick(HTTP_WORDS));
      const body = words.join(' ').padEnd(bodyLength).slice(0, bodyLength);
      text = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${bodyLength}\r\n\r\n${body}`;
    }
    messages.push({timeMs, payload: asciiBytes(text)});
  }
  return messages;
}

/** Sizes of the random datagrams, bytes: at least the 8 bytes the chi-square test reads. */
export const RANDOM_UDP_SIZE = {minimum: 8, maximum: 1400} as const;
/** Mean time between two random datagrams, ms. */
const RANDOM_UDP_MEAN_GAP_MS = 50;

/** UDP datagrams of uniformly random bytes, of random sizes, at random times. */
export function randomUdpMessages(random: SeededRandom, count: number): TrafficMessage[] {
  const messages: TrafficMessage[] = [];
  let timeMs = 0;
  for (let index = 0; index < count; index++) {
    if (index > 0) timeMs += exponential(random, RANDOM_UDP_MEAN_GAP_MS);
    messages.push({timeMs, payload: fillRandom(random, new Uint8Array(random.integer(RANDOM_UDP_SIZE.minimum, RANDOM_UDP_SIZE.maximum)))});
  }
  return messages;
}
