import {describe, expect, it} from 'vitest';
import sampleTraffic from '../../data/sample-traffic.json';
import {hexToBytes} from '../../protocol/bytes';
import {asciiOf, asciiOfHex, byteRuns, clipRange, columnsInLine, fieldOfEachByte, fieldsWithin, spacedBytes} from './fields';

// The type-2 datagram of Vanilla Skype part 1 slide 49 (18 bytes), annotated with the layout of
// spec §2.2: packet id 0-1, func 2, iv 3-6, crc 7-10, ciphertext from 11. The ciphertext annotation
// runs to 1355, the largest datagram seen (spec §2.1), as a widget that does not know the length would.
const slidePacket = sampleTraffic.udp_payload_packets.packets[0];
const datagram = hexToBytes(slidePacket.udp_payload);
const type2Layout = [
  {start: 0, end: 11, label: 'header'},
  {start: 0, end: 2, label: 'packet id'},
  {start: 2, end: 3, label: 'func'},
  {start: 3, end: 7, label: 'iv'},
  {start: 7, end: 11, label: 'crc'},
  {start: 11, end: 1355, label: 'ciphertext'},
];

describe('fieldsWithin(annotations, byteCount)', () => {
  it('clips the ciphertext of the 18-byte slide datagram (spec §2.2) to its last byte', () => {
    expect(datagram.length).toBe(18);
    const fields = fieldsWithin(type2Layout, datagram.length);
    expect(fields.at(-1)).toEqual({index: 5, start: 11, end: 18, label: 'ciphertext'});
  });

  it('drops annotations that cover no existing byte and keeps the caller positions of the rest', () => {
    const fields = fieldsWithin(
      [
        {start: 20, end: 24, label: 'past the end'},
        {start: -3, end: 2, label: 'packet id'},
        {start: 5, end: 5, label: 'empty'},
        {start: 7, end: 11, label: 'crc'},
      ],
      datagram.length,
    );
    expect(fields).toEqual([
      {index: 1, start: 0, end: 2, label: 'packet id'},
      {index: 3, start: 7, end: 11, label: 'crc'},
    ]);
  });

  it('rounds fractional bounds down instead of inventing a byte', () => {
    expect(fieldsWithin([{start: 2.5, end: 3.9, label: 'func'}], 18)).toEqual([{index: 0, start: 2, end: 3, label: 'func'}]);
  });
});

describe('fieldOfEachByte(fields, byteCount)', () => {
  it('gives each byte of the slide datagram the narrowest field of spec §2.2 that covers it', () => {
    const fields = fieldsWithin(type2Layout, datagram.length);
    // Positions in `fields`: 0 header, 1 packet id, 2 func, 3 iv, 4 crc, 5 ciphertext.
    expect(Array.from(fieldOfEachByte(fields, datagram.length))).toEqual([1, 1, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5]);
  });

  it('falls back to the wider field where the narrow ones leave a gap, and -1 where nothing covers', () => {
    const fields = fieldsWithin(
      [
        {start: 0, end: 11, label: 'header'},
        {start: 3, end: 7, label: 'iv'},
      ],
      14,
    );
    expect(Array.from(fieldOfEachByte(fields, 14))).toEqual([0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, -1, -1, -1]);
  });
});

describe('clipRange(range, byteCount)', () => {
  it('keeps a highlight inside the view as it is', () => {
    expect(clipRange({start: 7, end: 11}, 18)).toEqual({start: 7, end: 11});
  });

  it('clips a highlight that runs past either end of the view', () => {
    expect(clipRange({start: -4, end: 3}, 18)).toEqual({start: 0, end: 3});
    expect(clipRange({start: 11, end: 1355}, 18)).toEqual({start: 11, end: 18});
  });

  it('gives null for no highlight, an empty one, or one outside the view', () => {
    expect(clipRange(null, 18)).toBeNull();
    expect(clipRange(undefined, 18)).toBeNull();
    expect(clipRange({start: 4, end: 4}, 18)).toBeNull();
    expect(clipRange({start: 18, end: 30}, 18)).toBeNull();
    expect(clipRange({start: 0, end: 5}, 0)).toBeNull();
  });
});

describe('columnsInLine(range, lineStart, bytesPerLine)', () => {
  it('splits the ciphertext of the slide datagram (bytes 11-17) over two 16-byte lines', () => {
    expect(columnsInLine({start: 11, end: 18}, 0, 16)).toEqual({start: 11, end: 16});
    expect(columnsInLine({start: 11, end: 18}, 16, 16)).toEqual({start: 0, end: 2});
  });

  it('gives null for a line the range does not touch, or no range', () => {
    expect(columnsInLine({start: 0, end: 2}, 16, 16)).toBeNull();
    expect(columnsInLine({start: 7, end: 11}, 0, 4)).toBeNull();
    expect(columnsInLine(null, 0, 16)).toBeNull();
  });

  it('treats the end as exclusive: a range ending at a line start misses that line', () => {
    expect(columnsInLine({start: 3, end: 8}, 4, 4)).toEqual({start: 0, end: 4});
    expect(columnsInLine({start: 3, end: 8}, 8, 4)).toBeNull();
  });
});

describe('asciiOf(byte) and asciiOfHex(hex)', () => {
  it('shows printable ASCII and turns the rest, DEL included, into dots', () => {
    expect(asciiOf(0x20)).toBe(' ');
    expect(asciiOf(0x7e)).toBe('~');
    expect(asciiOf(0x1f)).toBe('.');
    expect(asciiOf(0x7f)).toBe('.');
    expect(asciiOf(0xda)).toBe('.');
  });

  it('reads the plaintext of the slide datagram (spec §2.2: 04 da01 7f4d 42 15) as text', () => {
    expect(slidePacket.expected.plaintext).toBe('04da017f4d4215');
    // 0x4d is "M" and 0x42 is "B"; every other byte is a control character or above 0x7e.
    expect(asciiOfHex(slidePacket.expected.plaintext)).toBe('....MB.');
  });

  it('gives an empty text for an empty line', () => {
    expect(asciiOfHex('')).toBe('');
  });
});

describe('byteRuns and spacedBytes: a line drawn as runs of bytes', () => {
  // The slide datagram's first line: packet id (0-1), func (2), IV (3-6), CRC (7-10), ciphertext (11-15).
  const columnFields = [0, 0, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4];
  const classOf = (column: number) => `field${columnFields[column]}`;

  it('starts a run wherever the field changes and at the group gap after byte 7', () => {
    expect(byteRuns(16, columnFields, classOf).map(({start, end}) => [start, end])).toEqual([
      [0, 2], [2, 3], [3, 7], [7, 8], [8, 11], [11, 16],
    ]);
  });

  it('splits a run where the marking changes inside one field (a highlight)', () => {
    const marked = (column: number) => classOf(column) + (column === 4 ? ' highlighted' : '');
    expect(byteRuns(7, columnFields, marked).map(({start, end}) => [start, end])).toEqual([[0, 2], [2, 3], [3, 4], [4, 5], [5, 7]]);
  });

  it('spaces the bytes of a run', () => {
    const hex = '7f4e02118ac037fc95755e5eb9817a8e';
    expect(spacedBytes(hex, 3, 7)).toBe('11 8a c0 37');
    expect(spacedBytes(hex, 2, 3)).toBe('02');
  });
});
