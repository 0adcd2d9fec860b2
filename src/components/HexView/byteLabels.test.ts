import {describe, expect, it} from 'vitest';
import {LABEL_MARKERS, byteLabel, byteLabelTemplates, type ByteLabelMessages} from './byteLabels';

// The messages as Docusaurus's translate() returns the site's English defaults when each value is
// given as its marker (translate puts a value in place of its {name}).
const {offset, value, row, field, cell} = LABEL_MARKERS;
const english: ByteLabelMessages = {
  byte: `byte ${offset}: ${value}`,
  rowByte: `${row} byte ${offset}: ${value}`,
  inField: `${cell}, field ${field}`,
  highlighted: `${cell}, highlighted`,
};

// The 18-byte slide datagram of spec §2.2 (Vanilla Skype part 1 slide 49): 7f4e 02 118ac037 fc95755e
// then 7 bytes of ciphertext; its crc field is bytes 7-10, so byte 7 is 0xfc.
const unnamed = byteLabelTemplates(english, false);
const named = byteLabelTemplates(english, true);

describe('byteLabel(templates, facts)', () => {
  it('names a byte outside any field as the one translate call did', () => {
    expect(byteLabel(unnamed, {offset: 2, value: '0x02', row: '', field: '', highlighted: false})).toBe('byte 2: 0x02');
  });

  it('adds the field, then the highlight, in the order the messages nest', () => {
    expect(byteLabel(unnamed, {offset: 7, value: '0xfc', row: '', field: 'crc', highlighted: false})).toBe('byte 7: 0xfc, field crc');
    expect(byteLabel(unnamed, {offset: 7, value: '0xfc', row: '', field: '', highlighted: true})).toBe('byte 7: 0xfc, highlighted');
    expect(byteLabel(unnamed, {offset: 7, value: '0xfc', row: '', field: 'crc', highlighted: true})).toBe('byte 7: 0xfc, field crc, highlighted');
  });

  it('names the row in a multi-row view', () => {
    expect(byteLabel(named, {offset: 11, value: '0x04', row: 'plaintext', field: 'command', highlighted: true})).toBe(
      'plaintext byte 11: 0x04, field command, highlighted',
    );
  });

  it('puts text that looks like a placeholder or a marker in as it is', () => {
    const label = byteLabel(named, {offset: 0, value: '0x7f', row: `row {offset} ${offset}`, field: `{cell} ${cell}`, highlighted: false});
    expect(label).toBe(`row {offset} ${offset} byte 0: 0x7f, field {cell} ${cell}`);
  });

  it('follows a translation that puts the values in another order', () => {
    const reordered: ByteLabelMessages = {
      byte: `${value} (octet ${offset})`,
      rowByte: `${value} (${row}, octet ${offset})`,
      inField: `${field}: ${cell}`,
      highlighted: `[${cell}]`,
    };
    const templates = byteLabelTemplates(reordered, true);
    expect(byteLabel(templates, {offset: 3, value: '0x11', row: 'chiffré', field: 'iv', highlighted: true})).toBe('[iv: 0x11 (chiffré, octet 3)]');
  });
});
