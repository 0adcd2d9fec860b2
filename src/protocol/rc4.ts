import {ProtocolError} from './errors';

/** One swap of the key schedule: `i` walks the state, `j` accumulates key bytes. */
export interface Rc4ScheduleStep {
  i: number;
  j: number;
  keyByte: number;
  /** The state after the swap of positions i and j (a live view: copy it to keep it). */
  state: Uint8Array;
}

/** One output byte: the swap of i and j, then the byte read at state[(state[i] + state[j]) mod 256]. */
export interface Rc4OutputStep {
  i: number;
  j: number;
  index: number;
  byte: number;
  state: Uint8Array;
}

/** Receives each step of the one RC4 code path, for widgets that show the algorithm working. */
export interface Rc4Observer {
  onSchedule?(step: Rc4ScheduleStep): void;
  onOutput?(step: Rc4OutputStep): void;
}

/**
 * The RC4 stream cipher (Rivest 1987), keyed once, producing keystream on demand.
 *
 * @example new Rc4(hexToBytes('0102030405')).keystream(4) // 0xb2 0x39 0x63 0x05 (RFC 6229)
 */
export class Rc4 {
  private readonly state = new Uint8Array(256);
  private i = 0;
  private j = 0;

  constructor(
    key: Uint8Array,
    private readonly observer?: Rc4Observer,
  ) {
    if (!(key instanceof Uint8Array) || key.length < 1 || key.length > 256) {
      throw new ProtocolError(`an RC4 key must be 1 to 256 bytes long, got ${key instanceof Uint8Array ? key.length : typeof key}`);
    }
    const state = this.state;
    for (let index = 0; index < 256; index++) state[index] = index;
    let j = 0;
    for (let i = 0; i < 256; i++) {
      const keyByte = key[i % key.length];
      j = (j + state[i] + keyByte) & 0xff;
      const swapped = state[i];
      state[i] = state[j];
      state[j] = swapped;
      observer?.onSchedule?.({i, j, keyByte, state});
    }
  }

  /** The next `length` bytes of keystream. */
  keystream(length: number): Uint8Array {
    if (!Number.isInteger(length) || length < 0) throw new ProtocolError(`keystream length must be a whole number, got ${length}`);
    const output = new Uint8Array(length);
    const state = this.state;
    let {i, j} = this;
    for (let position = 0; position < length; position++) {
      i = (i + 1) & 0xff;
      j = (j + state[i]) & 0xff;
      const swapped = state[i];
      state[i] = state[j];
      state[j] = swapped;
      const index = (state[i] + state[j]) & 0xff;
      output[position] = state[index];
      this.observer?.onOutput?.({i, j, index, byte: output[position], state});
    }
    this.i = i;
    this.j = j;
    return output;
  }

  /** XORs `data` with the next keystream bytes: encryption and decryption are the same operation. */
  crypt(data: Uint8Array): Uint8Array {
    const keystream = this.keystream(data.length);
    for (let position = 0; position < data.length; position++) keystream[position] ^= data[position];
    return keystream;
  }
}

/**
 * The first `length` keystream bytes of RC4 under `key`.
 *
 * @example rc4Keystream(hexToBytes('0102030405'), 2) // 0xb2 0x39
 */
export function rc4Keystream(key: Uint8Array, length: number): Uint8Array {
  return new Rc4(key).keystream(length);
}
