// `npm run bench:protocol`: throughput of the protocol library beside peers measured in the same run.
// Goals: CRC-32 at least as fast as the `crc-32` npm package; RC4 keystream at least three times
// crypto-js's RC4 (the implementation CyberChef uses). Object-list codecs are printed with
// Node's deflate for scale (no goal).
import {crc32 as zlibCrc32, deflateRawSync, inflateRawSync} from 'node:zlib';
import CRC32 from 'crc-32';
import CryptoJS from 'crypto-js';
import {crc32, decodeObjectList, encodeObjectList, rc4Keystream, type ObjectItem} from '../src/protocol/index';

const MEBIBYTE = 1024 * 1024;

/**
 * Times contenders in interleaved rounds (A, B, C, A, B, C, …) so that a slow spell of the shared
 * machine hits all of them alike, and returns each one's median MB/s.
 */
function compare(bytes: number, contenders: [name: string, work: () => unknown][], rounds = 15): number[] {
  const times = contenders.map(() => [] as number[]);
  for (const [, work] of contenders) work(); // warm-up: let V8 optimise each contender
  for (let round = 0; round < rounds; round++) {
    contenders.forEach(([, work], index) => {
      const started = performance.now();
      work();
      times[index].push((performance.now() - started) / 1000);
    });
  }
  return contenders.map(([name], index) => {
    const median = times[index].sort((a, b) => a - b)[Math.floor(rounds / 2)];
    const megabytesPerSecond = bytes / MEBIBYTE / median;
    console.log(`${name.padEnd(58)}${megabytesPerSecond.toFixed(1).padStart(9)} MB/s`);
    return megabytesPerSecond;
  });
}

/** A small seeded generator so that every run measures the same bytes. */
function seededBytes(length: number, seed = 0x2006): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

let goalsMissed = 0;
function goal(description: string, ratio: number, minimum: number): void {
  const met = ratio >= minimum;
  if (!met) goalsMissed++;
  console.log(`${met ? 'PASS' : 'FAIL'} ${description}: ratio ${ratio.toFixed(2)} (goal ≥ ${minimum})`);
}

// CRC-32 over 16 MiB.
const crcInput = seededBytes(16 * MEBIBYTE);
console.log('\nCRC-32 over 16 MiB');
const [ours, native, crcPackage] = compare(crcInput.length, [
  ['skype notebook crc32', () => crc32(crcInput)],
  ['node:zlib crc32 (native C)', () => zlibCrc32(crcInput)],
  ['crc-32 npm package (CRC32.buf)', () => CRC32.buf(crcInput)],
]);
console.log(`ours / native zlib: ${(ours / native).toFixed(2)}`);
goal('CRC-32 against the crc-32 package', ours / crcPackage, 1);

// RC4 keystream with an 80-byte key, as Skype uses.
const key = seededBytes(80, 7);
const rc4Length = 8 * MEBIBYTE;
console.log('\nRC4 keystream, 80-byte key, 8 MiB');
const cryptoKey = CryptoJS.enc.Hex.parse(Buffer.from(key).toString('hex'));
const zeros = CryptoJS.lib.WordArray.create(new Array(rc4Length / 4).fill(0), rc4Length);
const [oursRc4, cryptoJsRc4] = compare(
  rc4Length,
  [
    ['skype notebook rc4Keystream', () => rc4Keystream(key, rc4Length)],
    ['crypto-js RC4 (encrypting zeros)', () => CryptoJS.RC4.encrypt(zeros, cryptoKey)],
  ],
  7,
);
goal('RC4 against crypto-js', oursRc4 / cryptoJsRc4, 3);

// Compressed object lists: about 64 KiB (raw 0x41 size) of lists shaped like the captured ones.
function sampleLists(): ObjectItem[] {
  const items: ObjectItem[] = [];
  const random = seededBytes(4096, 11);
  let index = 0;
  const next = () => random[index++ % random.length];
  for (let node = 0; node < 600; node++) {
    items.push({
      type: 5,
      id: 26,
      value: [
        {type: 0, id: 0, value: next() * 1000 + next()},
        {type: 2, id: 1, value: {ip: `${next()}.${next()}.${next()}.${next()}`, port: next() * 256 + next()}},
        {type: 3, id: 3, value: new TextEncoder().encode(`user${next()}.name${next()}`)},
        {type: 4, id: 4, value: random.slice(next(), next() + 64)},
        {type: 1, id: 7, value: BigInt(next()) << 40n | BigInt(next())},
        {type: 6, id: 9, value: [next(), next() * 300, next() * 70000]},
      ],
    });
  }
  return items;
}
const lists = sampleLists();
const rawSize = encodeObjectList(lists, 'raw').length;
const compressed = encodeObjectList(lists, 'compressed');
console.log(`\nobject lists: ${(rawSize / 1024).toFixed(1)} KiB raw (0x41), ${(compressed.length / 1024).toFixed(1)} KiB compressed (0x42); MB/s counted in raw-list bytes`);
const rawBytes = encodeObjectList(lists, 'raw');
const deflated = deflateRawSync(rawBytes);
compare(rawSize, [
  ['encodeObjectList(…, "compressed")', () => encodeObjectList(lists, 'compressed')],
  ['decodeObjectList (0x42)', () => decodeObjectList(compressed)],
  ['for scale: node:zlib deflateRaw of the 0x41 bytes', () => deflateRawSync(rawBytes)],
  ['for scale: node:zlib inflateRaw', () => inflateRawSync(deflated)],
]);

console.log(`\nbench:protocol: ${goalsMissed === 0 ? 'all goals met' : `${goalsMissed} goal(s) missed`}`);
process.exitCode = goalsMissed ? 1 : 0;
