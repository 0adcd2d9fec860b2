/**
 * Writes UDP datagrams as a classic pcap file that Wireshark opens, so learners can look at the
 * datagrams they built with Wireshark's own Skype dissector.
 *
 * Layout: the libpcap file format (magic 0xa1b2c3d4 written little-endian, version 2.4, link type
 * 1 = Ethernet), then per packet a 16-byte record header and an Ethernet II frame holding IPv4
 * (RFC 791) and UDP (RFC 768). Both checksums follow RFC 1071.
 */
import {ipv4ToNumber, numberToIpv4, readUint16BE, readUint32BE, requireUnsigned, writeUint16BE, writeUint32BE} from './bytes';
import {ProtocolError} from './errors';

/** A datagram to write. `time` is in seconds since 1970; without it, packet n is stamped n seconds. */
export interface PcapPacket {
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
  payload: Uint8Array;
  time?: number;
}

const ETHERNET_HEADER_LENGTH = 14;
const IPV4_HEADER_LENGTH = 20;
const UDP_HEADER_LENGTH = 8;
const GLOBAL_HEADER_LENGTH = 24;
const RECORD_HEADER_LENGTH = 16;
const LINK_TYPE_ETHERNET = 1;
const ETHERTYPE_IPV4 = 0x0800;
const PROTOCOL_UDP = 17;
const TIME_TO_LIVE = 64;
/** The snapshot length written in the file header: larger than any frame we write. */
const SNAPSHOT_LENGTH = 0x40000;

/** The largest UDP payload one IPv4 packet carries: 65535 − 20 (IPv4) − 8 (UDP). */
export const MAX_UDP_PAYLOAD_LENGTH = 65535 - IPV4_HEADER_LENGTH - UDP_HEADER_LENGTH;

/**
 * The Internet checksum of RFC 1071: the ones' complement of the ones' complement sum of the data as
 * 16-bit big-endian words, an odd last byte padded with zero.
 *
 * @example internetChecksum(hexToBytes('0001f203f4f5f6f7')) // 0x220d (RFC 1071 §3: the sum is ddf2)
 */
export function internetChecksum(data: Uint8Array): number {
  if (!(data instanceof Uint8Array)) throw new ProtocolError('expected bytes (a Uint8Array)');
  let sum = 0;
  for (let offset = 0; offset < data.length; offset += 2) {
    sum += (data[offset] << 8) | (offset + 1 < data.length ? data[offset + 1] : 0);
    // Folding as we go keeps the sum small whatever the length.
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  return ~sum & 0xffff;
}

/**
 * A locally administered unicast MAC address made from an IPv4 address, `02:00:a:b:c:d`, so every
 * host keeps one address across the capture.
 */
function macAddress(ip: number): Uint8Array {
  const mac = new Uint8Array(6);
  mac[0] = 0x02;
  writeUint32BE(mac, 2, ip);
  return mac;
}

function writeUint16LE(target: Uint8Array, offset: number, value: number): void {
  target[offset] = value & 0xff;
  target[offset + 1] = value >>> 8;
}

function writeUint32LE(target: Uint8Array, offset: number, value: number): void {
  writeUint16LE(target, offset, value & 0xffff);
  writeUint16LE(target, offset + 2, value >>> 16);
}

/** Splits a time in seconds into whole seconds and microseconds, carrying a rounded-up second. */
function timestamp(time: number, index: number): {seconds: number; microseconds: number} {
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0 || time >= 2 ** 32) {
    throw new ProtocolError(`packet ${index}: time must be a number of seconds from 0 to 2^32, got ${String(time)}`);
  }
  let seconds = Math.floor(time);
  let microseconds = Math.round((time - seconds) * 1e6);
  if (microseconds === 1e6) {
    seconds += 1;
    microseconds = 0;
  }
  if (seconds >= 2 ** 32) throw new ProtocolError(`packet ${index}: time ${time} does not fit the 32-bit seconds field`);
  return {seconds, microseconds};
}

/** The Ethernet frame of one datagram: Ethernet II, IPv4 with its checksum, UDP with its checksum. */
function ethernetFrame(packet: PcapPacket, index: number): Uint8Array {
  const what = `packet ${index}`;
  const sourceIp = ipv4ToNumber(packet.srcIp);
  const destinationIp = ipv4ToNumber(packet.dstIp);
  requireUnsigned(packet.srcPort, 16, `${what}: source port`);
  requireUnsigned(packet.dstPort, 16, `${what}: destination port`);
  if (!(packet.payload instanceof Uint8Array)) throw new ProtocolError(`${what}: the payload must be bytes (a Uint8Array)`);
  if (packet.payload.length > MAX_UDP_PAYLOAD_LENGTH) {
    throw new ProtocolError(`${what}: a payload of ${packet.payload.length} bytes does not fit one IPv4 packet (at most ${MAX_UDP_PAYLOAD_LENGTH})`);
  }
  const udpLength = UDP_HEADER_LENGTH + packet.payload.length;
  const frame = new Uint8Array(ETHERNET_HEADER_LENGTH + IPV4_HEADER_LENGTH + udpLength);

  frame.set(macAddress(destinationIp), 0);
  frame.set(macAddress(sourceIp), 6);
  writeUint16BE(frame, 12, ETHERTYPE_IPV4);

  const ip = frame.subarray(ETHERNET_HEADER_LENGTH, ETHERNET_HEADER_LENGTH + IPV4_HEADER_LENGTH);
  ip[0] = 0x45; // version 4, header of 5 words
  writeUint16BE(ip, 2, IPV4_HEADER_LENGTH + udpLength);
  writeUint16BE(ip, 4, index & 0xffff); // identification
  writeUint16BE(ip, 6, 0x4000); // don't fragment
  ip[8] = TIME_TO_LIVE;
  ip[9] = PROTOCOL_UDP;
  writeUint32BE(ip, 12, sourceIp);
  writeUint32BE(ip, 16, destinationIp);
  writeUint16BE(ip, 10, internetChecksum(ip));

  const udp = frame.subarray(ETHERNET_HEADER_LENGTH + IPV4_HEADER_LENGTH);
  writeUint16BE(udp, 0, packet.srcPort);
  writeUint16BE(udp, 2, packet.dstPort);
  writeUint16BE(udp, 4, udpLength);
  udp.set(packet.payload, UDP_HEADER_LENGTH);
  // RFC 768: the checksum also covers a pseudo-header of addresses, protocol and UDP length.
  const checksummed = new Uint8Array(12 + udpLength);
  writeUint32BE(checksummed, 0, sourceIp);
  writeUint32BE(checksummed, 4, destinationIp);
  checksummed[9] = PROTOCOL_UDP;
  writeUint16BE(checksummed, 10, udpLength);
  checksummed.set(udp, 12);
  // A computed 0 is sent as 0xffff: 0 means "no checksum" in UDP over IPv4.
  writeUint16BE(udp, 6, internetChecksum(checksummed) || 0xffff);
  return frame;
}

/**
 * Writes UDP datagrams as a classic pcap file (Ethernet link type) that Wireshark and tshark open.
 * Each host gets the MAC address 02:00 followed by its IPv4 address.
 *
 * @throws ProtocolError for bad IPv4 text, ports outside 16 bits, a payload too large for one IPv4
 *   packet, or a time that is negative, not finite or past 2^32 seconds.
 * @example toPcap([{srcIp: '192.168.1.2', srcPort: 35990, dstIp: '24.98.66.80', dstPort: 8275, payload: new Uint8Array(18)}]).length // 100 = 24 + 16 + 42 + 18
 */
export function toPcap(packets: PcapPacket[]): Uint8Array {
  if (!Array.isArray(packets)) throw new ProtocolError('expected an array of packets');
  const records = packets.map((packet, index) => {
    if (typeof packet !== 'object' || packet === null) throw new ProtocolError(`packet ${index} must be an object`);
    const {seconds, microseconds} = timestamp(packet.time ?? index, index);
    const frame = ethernetFrame(packet, index);
    const record = new Uint8Array(RECORD_HEADER_LENGTH + frame.length);
    writeUint32LE(record, 0, seconds);
    writeUint32LE(record, 4, microseconds);
    writeUint32LE(record, 8, frame.length); // bytes saved
    writeUint32LE(record, 12, frame.length); // bytes on the wire
    record.set(frame, RECORD_HEADER_LENGTH);
    return record;
  });
  const file = new Uint8Array(GLOBAL_HEADER_LENGTH + records.reduce((total, record) => total + record.length, 0));
  writeUint32LE(file, 0, 0xa1b2c3d4);
  writeUint16LE(file, 4, 2); // version 2.4
  writeUint16LE(file, 6, 4);
  // Bytes 8..15, time zone and timestamp accuracy, stay 0.
  writeUint32LE(file, 16, SNAPSHOT_LENGTH);
  writeUint32LE(file, 20, LINK_TYPE_ETHERNET);
  let offset = GLOBAL_HEADER_LENGTH;
  for (const record of records) {
    file.set(record, offset);
    offset += record.length;
  }
  return file;
}

function readUint16LE(bytes: Uint8Array, offset: number): number {
  return bytes[offset] | (bytes[offset + 1] << 8);
}

function readUint32LE(bytes: Uint8Array, offset: number): number {
  return (readUint16LE(bytes, offset) | (readUint16LE(bytes, offset + 2) << 16)) >>> 0;
}

/**
 * Reads the UDP datagrams of a classic pcap file with Ethernet frames, as `toPcap` writes them and
 * as Wireshark saves them ("Wireshark/tcpdump - pcap"), in either byte order. Frames that are not
 * IPv4 carrying UDP are skipped; the IPv4 header may carry options. `time` is the record's
 * timestamp in seconds.
 *
 * @throws ProtocolError (with the offset in the file) for a file that is not a classic pcap, a link
 *   type other than Ethernet, a record or frame cut short, or a UDP length that does not fit its frame.
 * @example readPcap(toPcap([{srcIp: '10.0.0.1', srcPort: 1, dstIp: '10.0.0.2', dstPort: 2, payload: hexToBytes('6162')}]))[0].payload // 61 62
 */
export function readPcap(file: Uint8Array): PcapPacket[] {
  if (!(file instanceof Uint8Array)) throw new ProtocolError('expected the bytes of a pcap file (a Uint8Array)');
  if (file.length < GLOBAL_HEADER_LENGTH) throw new ProtocolError(`a pcap file starts with a ${GLOBAL_HEADER_LENGTH}-byte header; this one has ${file.length} bytes`, 0);
  const magic = readUint32LE(file, 0);
  const littleEndian = magic === 0xa1b2c3d4;
  if (!littleEndian && magic !== 0xd4c3b2a1) {
    throw new ProtocolError(`not a classic pcap file: it starts with ${magic.toString(16).padStart(8, '0')} read little-endian, not a1b2c3d4 (pcapng files are not read)`, 0);
  }
  const read32 = (offset: number) => (littleEndian ? readUint32LE(file, offset) : readUint32BE(file, offset));
  const linkType = read32(20);
  if (linkType !== LINK_TYPE_ETHERNET) throw new ProtocolError(`link type ${linkType} is not Ethernet (1)`, 20);

  const packets: PcapPacket[] = [];
  let offset = GLOBAL_HEADER_LENGTH;
  while (offset < file.length) {
    if (offset + RECORD_HEADER_LENGTH > file.length) throw new ProtocolError('a record header is cut short', offset);
    const seconds = read32(offset);
    const microseconds = read32(offset + 4);
    const savedLength = read32(offset + 8);
    const frameStart = offset + RECORD_HEADER_LENGTH;
    if (frameStart + savedLength > file.length) throw new ProtocolError(`a record of ${savedLength} bytes is cut short`, offset);
    const frame = file.subarray(frameStart, frameStart + savedLength);
    const datagram = udpOfFrame(frame, frameStart);
    if (datagram !== null) packets.push({...datagram, time: seconds + microseconds / 1e6});
    offset = frameStart + savedLength;
  }
  return packets;
}

/** The UDP datagram an Ethernet frame carries, or null for a frame that is not IPv4 and UDP. */
function udpOfFrame(frame: Uint8Array, frameStart: number): Omit<PcapPacket, 'time'> | null {
  if (frame.length < ETHERNET_HEADER_LENGTH || readUint16BE(frame, 12) !== ETHERTYPE_IPV4) return null;
  const ip = frame.subarray(ETHERNET_HEADER_LENGTH);
  if (ip.length < IPV4_HEADER_LENGTH || ip[0] >> 4 !== 4 || ip[9] !== PROTOCOL_UDP) return null;
  const ipHeaderLength = (ip[0] & 0x0f) * 4;
  const udp = ip.subarray(ipHeaderLength);
  const udpStart = frameStart + ETHERNET_HEADER_LENGTH + ipHeaderLength;
  if (ipHeaderLength < IPV4_HEADER_LENGTH || udp.length < UDP_HEADER_LENGTH) throw new ProtocolError('an IPv4 or UDP header is cut short', udpStart);
  const udpLength = readUint16BE(udp, 4);
  if (udpLength < UDP_HEADER_LENGTH || udpLength > udp.length) throw new ProtocolError(`UDP length ${udpLength} does not fit the ${udp.length} bytes of its frame`, udpStart + 4);
  return {
    srcIp: numberToIpv4(readUint32BE(ip, 12)),
    srcPort: readUint16BE(udp, 0),
    dstIp: numberToIpv4(readUint32BE(ip, 16)),
    dstPort: readUint16BE(udp, 2),
    payload: udp.slice(UDP_HEADER_LENGTH, udpLength),
  };
}
