import {ipv4ToNumber, requireUnsigned} from './bytes';

// Reflected CRC-32, polynomial 0xedb88320, shared by both variants. Sixteen derived tables let the
// loop consume 16 bytes per step ("slicing by 16"): table k gives the CRC of a byte followed by k zero bytes.
const SLICES = 16;
const TABLES = (() => {
  const tables = new Int32Array(256 * SLICES);
  for (let index = 0; index < 256; index++) {
    let value = index;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? (value >>> 1) ^ 0xedb88320 : value >>> 1;
    tables[index] = value;
  }
  for (let index = 0; index < 256; index++) {
    for (let slice = 1; slice < SLICES; slice++) {
      const previous = tables[(slice - 1) * 256 + index];
      tables[slice * 256 + index] = (previous >>> 8) ^ tables[previous & 0xff];
    }
  }
  return tables;
})();

const [T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15] = Array.from({length: SLICES}, (_, slice) =>
  TABLES.subarray(slice * 256, slice * 256 + 256),
);

// Reading the input four bytes at a time is faster, and is exact only where words are little-endian.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Runs the CRC register over `data` from `state` without any final XOR. */
function crcRegister(state: number, data: Uint8Array): number {
  let register = state | 0;
  let offset = 0;
  // Bytes one by one up to a 4-byte boundary, then 16 bytes a step as four words.
  for (; LITTLE_ENDIAN && offset < data.length && (data.byteOffset + offset) % 4 !== 0; offset++) {
    register = T0[(register ^ data[offset]) & 0xff] ^ (register >>> 8);
  }
  if (LITTLE_ENDIAN && (data.byteOffset + offset) % 4 === 0) {
    const words = new Int32Array(data.buffer, data.byteOffset + offset, (data.length - offset) >>> 2);
    let word = 0;
    for (const end = words.length - 3; word < end; word += 4) {
      const first = register ^ words[word];
      const second = words[word + 1];
      const third = words[word + 2];
      const fourth = words[word + 3];
      register =
        T15[first & 0xff] ^ T14[(first >>> 8) & 0xff] ^ T13[(first >>> 16) & 0xff] ^ T12[first >>> 24] ^
        T11[second & 0xff] ^ T10[(second >>> 8) & 0xff] ^ T9[(second >>> 16) & 0xff] ^ T8[second >>> 24] ^
        T7[third & 0xff] ^ T6[(third >>> 8) & 0xff] ^ T5[(third >>> 16) & 0xff] ^ T4[third >>> 24] ^
        T3[fourth & 0xff] ^ T2[(fourth >>> 8) & 0xff] ^ T1[(fourth >>> 16) & 0xff] ^ T0[fourth >>> 24];
    }
    offset += word * 4;
  }
  for (; offset < data.length; offset++) register = T0[(register ^ data[offset]) & 0xff] ^ (register >>> 8);
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
