import {hexToBytes, requireUnsigned} from './bytes';
import {ProtocolError} from './errors';

/**
 * Turns a 32-bit RC4 seed into the 80-byte RC4 key. Skype's own engine is about 2,900 lines of
 * obfuscated generated code whose reversed form is not free to reuse, so this library treats it as
 * an oracle, as the 2006 reverse engineers did: recorded keys ({@link tableKeyEngine}) or a clearly
 * labelled stand-in ({@link teachingKeyEngine}).
 */
export interface KeyEngine {
  readonly name: string;
  expand(seed: number): Uint8Array;
}

/** Every key engine returns an RC4 key of this many bytes (§3.1: 20 words of 4 bytes). */
export const KEY_LENGTH = 80;

/**
 * Throws unless `engine` looks like a {@link KeyEngine}, so that a wrong argument is a ProtocolError too.
 *
 * @example requireKeyEngine(teachingKeyEngine) // passes
 */
export function requireKeyEngine(engine: KeyEngine): void {
  if (typeof engine !== 'object' || engine === null || typeof engine.expand !== 'function') {
    throw new ProtocolError('expected a key engine (an object with expand(seed))');
  }
}

/** Formats a seed as the 8 lowercase hex digits that key tables use. @example seedToHex(0x22d81c40) // '22d81c40' */
export function seedToHex(seed: number): string {
  return seed.toString(16).padStart(8, '0');
}

/** A key engine of recorded keys, which can say whether it has the key of a seed. */
export interface RecordedKeyEngine extends KeyEngine {
  has(seed: number): boolean;
}

/**
 * A key engine backed by recorded keys: "8 hex digits" (the seed) → "160 hex digits" (the key).
 * The site ships the keys that the real engine gives for the seeds of the 2006 sample traffic.
 *
 * @example tableKeyEngine(sampleTraffic.key_table.keys).expand(0x22d81c40) // the real 80-byte key
 */
export function tableKeyEngine(keys: Record<string, string>): RecordedKeyEngine {
  const table = new Map<number, Uint8Array>();
  for (const [seedText, keyText] of Object.entries(keys ?? {})) {
    if (!/^[0-9a-fA-F]{8}$/.test(seedText)) throw new ProtocolError(`a key table seed must be 8 hex digits, got ${JSON.stringify(seedText)}`);
    const key = hexToBytes(String(keyText));
    if (key.length !== KEY_LENGTH) throw new ProtocolError(`the key for seed ${seedText} must be ${KEY_LENGTH} bytes, got ${key.length}`);
    table.set(parseInt(seedText, 16) >>> 0, key);
  }
  return {
    name: `recorded keys (${table.size} seeds)`,
    has(seed: number): boolean {
      return table.has(seed);
    },
    expand(seed: number): Uint8Array {
      requireUnsigned(seed, 32, 'seed');
      const key = table.get(seed);
      if (!key) throw new ProtocolError(`no recorded key for seed ${seedToHex(seed)}: Skype's key engine is not part of this site`);
      return key.slice();
    },
  };
}

const GOLDEN_RATIO = 0x9e3779b9;
const rotateLeft = (value: number, count: number) => ((value << (count & 31)) | (value >>> (-count & 31))) >>> 0;

/**
 * A teaching stand-in for the key engine. NOT Skype's algorithm and not compatible with it: real
 * traffic does not decrypt with it. It has the same shape (seed in, 80 bytes out, deterministic) so
 * that learners can build and break complete datagrams for any seed on this site.
 *
 * How it works: 20 words start as the seed, like the real engine's input; four rounds then mix each
 * word with its neighbour, a round constant and a rotation; the words are written little-endian.
 *
 * @example teachingKeyEngine.expand(0x22d81c40).length // 80
 */
export const teachingKeyEngine: KeyEngine = {
  name: "teaching stand-in (not Skype's key engine)",
  expand(seed: number): Uint8Array {
    requireUnsigned(seed, 32, 'seed');
    const words = new Uint32Array(20).fill(seed);
    for (let round = 0; round < 4; round++) {
      for (let index = 0; index < 20; index++) {
        const neighbour = words[(index + 19) % 20];
        const mixed = (words[index] ^ Math.imul(neighbour + round, GOLDEN_RATIO)) + index;
        words[index] = rotateLeft(mixed >>> 0, 5 + index);
      }
    }
    const key = new Uint8Array(KEY_LENGTH);
    words.forEach((word, index) => {
      key[index * 4] = word & 0xff;
      key[index * 4 + 1] = (word >>> 8) & 0xff;
      key[index * 4 + 2] = (word >>> 16) & 0xff;
      key[index * 4 + 3] = word >>> 24;
    });
    return key;
  },
};

/**
 * The IV generator of a sending client: a linear congruential step, iv·69069 + 17009 mod 2^32
 * (0x10dcd and 0x4271). 146 of 147 consecutive IV pairs in the 2006 capture lie on this chain.
 *
 * @example nextIv(0) // 17009
 */
export function nextIv(iv: number): number {
  requireUnsigned(iv, 32, 'IV');
  return (Math.imul(iv, 0x10dcd) + 0x4271) >>> 0;
}

/** The step back along the IV chain: the inverse of {@link nextIv}. @example previousIv(nextIv(123)) // 123 */
export function previousIv(iv: number): number {
  requireUnsigned(iv, 32, 'IV');
  return (Math.imul(iv, 0xa5e2a705) + 0x57e4fccb) >>> 0;
}
