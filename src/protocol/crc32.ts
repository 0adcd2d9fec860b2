import {ipv4ToNumber, requireUnsigned} from './bytes';

// Reflected CRC-32, polynomial 0xedb88320, one table shared by both variants.
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let index = 0; index < 256; index++) {
    let value = index;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? (value >>> 1) ^ 0xedb88320 : value >>> 1;
    table[index] = value >>> 0;
  }
  return table;
})();

/** Runs the CRC register over `data` from `state` without any final XOR. */
function crcRegister(state: number, data: Uint8Array): number {
  let register = state;
  for (let offset = 0; offset < data.length; offset++) {
    register = TABLE[(register ^ data[offset]) & 0xff] ^ (register >>> 8);
  }
  return register >>> 0;
}

/**
 * The common CRC-32 of zlib, PKZIP and Ethernet (init 0xffffffff, final XOR 0xffffffff), unsigned.
 *
 * @example crc32(new TextEncoder().encode('123456789')) // 0xcbf43926
 */
export function crc32(data: Uint8Array): number {
  return (crcRegister(0xffffffff, data) ^ 0xffffffff) >>> 0;
}

/**
 * Skype's CRC-32: the same reflected CRC with init 0xffffffff but no final XOR, so it is the bitwise
 * complement of {@link crc32}. It gives the UDP seed and the check value of every obfuscated block.
 *
 * @example skypeCrc32(new TextEncoder().encode('123456789')) // 0x340bc6d9
 */
export function skypeCrc32(data: Uint8Array): number {
  return crcRegister(0xffffffff, data);
}

/** Writes a 32-bit value little-endian, as an x86 client keeps it in memory. */
function littleEndian32(target: Uint8Array, offset: number, value: number): void {
  target[offset] = value & 0xff;
  target[offset + 1] = (value >>> 8) & 0xff;
  target[offset + 2] = (value >>> 16) & 0xff;
  target[offset + 3] = value >>> 24;
}

/**
 * The 12 bytes that the UDP seed is computed over: source IP, destination IP and packet id, each as
 * a 32-bit number written little-endian, so the IP bytes appear reversed from network order.
 *
 * @example bytesToHex(udpCrcInput('0.0.0.0', '24.98.66.80', 0x7f4e)) // '00000000504262184e7f0000'
 */
export function udpCrcInput(srcIp: string, dstIp: string, packetId: number): Uint8Array {
  requireUnsigned(packetId, 16, 'packet id');
  const input = new Uint8Array(12);
  littleEndian32(input, 0, ipv4ToNumber(srcIp));
  littleEndian32(input, 4, ipv4ToNumber(dstIp));
  littleEndian32(input, 8, packetId);
  return input;
}

/**
 * The CRC seed of a UDP datagram, from the sender's view of both public addresses and the packet id.
 * XOR it with the datagram's IV to get the RC4 seed.
 *
 * @example udpCrcSeed('0.0.0.0', '24.98.66.80', 0x7f4e) // 0x3352dc77
 */
export function udpCrcSeed(srcIp: string, dstIp: string, packetId: number): number {
  return skypeCrc32(udpCrcInput(srcIp, dstIp, packetId));
}
