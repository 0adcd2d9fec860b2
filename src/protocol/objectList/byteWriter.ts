import {writeVarint} from '../varint';

/**
 * A growable byte buffer for the object-list encoders: one allocation per doubling instead of one
 * per byte. Bytes once written are never changed, so a view of the first bytes stays valid.
 *
 * @example
 * const writer = new ByteWriter();
 * writer.writeByte(0x42);
 * writer.writeBytes(Uint8Array.of(0x15));
 * writer.toBytes(); // Uint8Array [0x42, 0x15]
 */
export class ByteWriter {
  private buffer: Uint8Array;
  /** How many bytes have been written. */
  length = 0;
  private readonly appendByte = (byte: number) => this.writeByte(byte);

  constructor(capacity = 64) {
    this.buffer = new Uint8Array(capacity);
  }

  writeByte(byte: number): void {
    if (this.length === this.buffer.length) this.grow(1);
    this.buffer[this.length++] = byte;
  }

  writeBytes(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.buffer.length) this.grow(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Writes `value` as a varint (spec §2). */
  writeVarint(value: number): void {
    writeVarint(value, this.appendByte);
  }

  /** Forgets the bytes written, keeping the buffer for reuse. */
  clear(): void {
    this.length = 0;
  }

  /** The bytes written so far, without copying (later writes never change them). */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** A copy of the bytes written so far. */
  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private grow(needed: number): void {
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + needed));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
