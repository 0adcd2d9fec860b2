import {describe, expect, it} from 'vitest';
import {hexToBytes} from '@site/src/protocol';
import {hex8, hex16, hex32, parseHexInput, parseIpv4Input, parseUnsignedInput, spacedHex} from './parseInput';

describe('parseHexInput', () => {
  it('reads plain, spaced and separated hex', () => {
    expect(parseHexInput('7f4e02')).toEqual({ok: true, value: new Uint8Array([0x7f, 0x4e, 0x02])});
    expect(parseHexInput('7f:4e-02, 0x11')).toEqual({ok: true, value: new Uint8Array([0x7f, 0x4e, 0x02, 0x11])});
    expect(parseHexInput(' 7F 4E\n02 ')).toEqual({ok: true, value: new Uint8Array([0x7f, 0x4e, 0x02])});
  });
  it('names the first bad character and its position, counted from 1', () => {
    expect(parseHexInput('7f4ez2')).toEqual({ok: false, problem: {kind: 'hexCharacter', character: 'z', position: 5}});
  });
  it('points at the lone digit of an odd count', () => {
    expect(parseHexInput('7f 4e 0')).toEqual({ok: false, problem: {kind: 'oddHexDigits', position: 7}});
  });
  it('refuses empty input and lengths outside the limits', () => {
    expect(parseHexInput('  ')).toEqual({ok: false, problem: {kind: 'empty'}});
    expect(parseHexInput('0102', {minimum: 3})).toEqual({ok: false, problem: {kind: 'tooShort', length: 2, minimum: 3}});
    expect(parseHexInput('010203', {maximum: 2})).toEqual({ok: false, problem: {kind: 'tooLong', length: 3, maximum: 2}});
  });
});

describe('parseIpv4Input', () => {
  it('accepts dotted quads and trims them', () => {
    expect(parseIpv4Input(' 24.98.66.80 ')).toEqual({ok: true, value: '24.98.66.80'});
    expect(parseIpv4Input('0.0.0.0')).toEqual({ok: true, value: '0.0.0.0'});
  });
  it('says how many parts it found, or which part is wrong', () => {
    expect(parseIpv4Input('24.98.66')).toEqual({ok: false, problem: {kind: 'ipv4Parts', count: 3}});
    expect(parseIpv4Input('24.300.66.80')).toEqual({ok: false, problem: {kind: 'ipv4Part', part: 2, text: '300'}});
    expect(parseIpv4Input('24.98.066.80')).toEqual({ok: false, problem: {kind: 'ipv4Part', part: 3, text: '066'}});
    expect(parseIpv4Input('24.98.66.x')).toEqual({ok: false, problem: {kind: 'ipv4Part', part: 4, text: 'x'}});
  });
});

describe('parseUnsignedInput', () => {
  it('reads decimal and 0x hex', () => {
    expect(parseUnsignedInput('32590', 16)).toEqual({ok: true, value: 0x7f4e});
    expect(parseUnsignedInput('0x118AC037', 32)).toEqual({ok: true, value: 0x118ac037});
  });
  it('refuses text that is not a number and numbers over the width', () => {
    expect(parseUnsignedInput('12a', 16)).toEqual({ok: false, problem: {kind: 'number', text: '12a'}});
    expect(parseUnsignedInput('-1', 16)).toEqual({ok: false, problem: {kind: 'number', text: '-1'}});
    expect(parseUnsignedInput('65536', 16)).toEqual({ok: false, problem: {kind: 'range', text: '65536', maximum: 65535}});
    expect(parseUnsignedInput('0x100000000', 32)).toEqual({ok: false, problem: {kind: 'range', text: '0x100000000', maximum: 0xffffffff}});
  });
});

describe('hex formatting', () => {
  it('pads to the width of the field', () => {
    expect(hex32(0x22d81c40)).toBe('0x22d81c40');
    expect(hex32(0x1)).toBe('0x00000001');
    expect(hex16(0x7f)).toBe('0x007f');
    expect(hex8(0x2)).toBe('0x02');
  });

  it('spaces the bytes of a sample datagram, and parseHexInput reads them back', () => {
    expect(spacedHex(hexToBytes('7f4e02118ac037'))).toBe('7f 4e 02 11 8a c0 37');
    expect(spacedHex(new Uint8Array())).toBe('');
    expect(parseHexInput(spacedHex(hexToBytes('7f4e02118ac037')))).toEqual({ok: true, value: hexToBytes('7f4e02118ac037')});
  });
});
