import {describe, expect, it} from 'vitest';
import {decodeObjectList, hexToBytes, type ObjectItem} from '@site/src/protocol';
import sampleTraffic from '@site/src/data/sample-traffic.json';
import {describeObjectValue, objectTypeName, objectValueText, type ObjectValue, SHOWN_BYTES} from './objectText';


/** An object as sample-traffic.json records it (see its "conventions"). */
interface RecordedObject {
  type: number;
  id: number;
  value: unknown;
}

/** What the data file says each value is, in the terms of ObjectValue. */
function recordedValue(object: RecordedObject): ObjectValue {
  switch (object.type) {
    case 0:
      return {kind: 'number', value: object.value as number};
    case 2:
      return {kind: 'address', text: object.value as string};
    case 3:
      return {kind: 'text', text: object.value as string};
    case 4:
      // The text shows a blob's first SHOWN_BYTES bytes.
      return {kind: 'bytes', hex: (object.value as string).slice(0, SHOWN_BYTES * 2), length: (object.value as string).length / 2};
    case 5:
      return {kind: 'list', count: (object.value as unknown[]).length};
    case 6:
      return {kind: 'numbers', values: object.value as number[]};
    default:
      throw new Error(`the samples hold no type-${object.type} object`);
  }
}

/** Every decoded object beside its recorded twin, nested lists included. */
function pairs(items: readonly ObjectItem[], recorded: readonly RecordedObject[]): [ObjectItem, RecordedObject][] {
  return items.flatMap((item, index) => [
    [item, recorded[index]] as [ObjectItem, RecordedObject],
    ...(item.type === 5 ? pairs(item.value, recorded[index].value as RecordedObject[]) : []),
  ]);
}

const commands = sampleTraffic.udp_payload_packets.packets.flatMap((packet) => packet.expected.commands as {params_hex: string; params_decoded?: RecordedObject[]}[]);
const decoded = commands.flatMap((command) => (command.params_decoded ? pairs(decodeObjectList(hexToBytes(command.params_hex)).items, command.params_decoded) : []));
const firstOfType = (type: number) => decoded.find(([item]) => item.type === type)!;

describe('describeObjectValue', () => {
  it('describes every object of the sample traffic as the data file records it', () => {
    expect(decoded.length).toBeGreaterThan(50);
    for (const [item, recorded] of decoded) expect(describeObjectValue(item)).toEqual(recordedValue(recorded));
  });

  it('shows a 64-bit value in 16 hex digits and in decimal', () => {
    expect(describeObjectValue({type: 1, id: 0, value: 0x1234_5678_9abcn})).toEqual({kind: 'uint64', hex: '0000123456789abc', decimal: '20015998343868'});
  });

  it('shows a string as bytes when it is not printable UTF-8', () => {
    expect(describeObjectValue({type: 3, id: 0, value: hexToBytes('61ff')})).toEqual({kind: 'bytes', hex: '61ff', length: 2});
    expect(describeObjectValue({type: 3, id: 0, value: hexToBytes('610a')})).toEqual({kind: 'bytes', hex: '610a', length: 2});
  });
});

describe('objectValueText', () => {
  it('writes the recorded address, string and number list of the capture', () => {
    expect(objectValueText(describeObjectValue(firstOfType(2)[0]))).toBe(firstOfType(2)[1].value);
    expect(objectValueText(describeObjectValue(firstOfType(3)[0]))).toBe(`“${firstOfType(3)[1].value}”`);
    expect(objectValueText(describeObjectValue(firstOfType(6)[0]))).toBe(`[${(firstOfType(6)[1].value as number[]).join(', ')}]`);
  });

  it('writes numbers above 9 in decimal and hex, u64 in hex and decimal, bytes with their count', () => {
    expect(objectValueText({kind: 'number', value: 7})).toBe('7');
    expect(objectValueText({kind: 'number', value: 1000})).toBe('1000 (0x3e8)');
    expect(objectValueText({kind: 'uint64', hex: '0000000000000100', decimal: '256'})).toBe('0x0000000000000100 (256)');
    expect(objectValueText({kind: 'bytes', hex: '61ff', length: 2})).toBe('2 bytes: 61ff');
    // A long blob: its first 32 bytes, then an ellipsis.
    const blob = describeObjectValue({type: 4, id: 3, value: new Uint8Array(100).fill(0xab)});
    expect(blob).toEqual({kind: 'bytes', hex: 'ab'.repeat(32), length: 100});
    expect(objectValueText(blob)).toBe(`100 bytes: ${'ab'.repeat(32)}…`);
    expect(objectValueText({kind: 'list', count: 3})).toBe('3 objects');
  });
});

describe('objectTypeName', () => {
  it('names the seven types of spec §7', () => {
    expect(([0, 1, 2, 3, 4, 5, 6] as const).map(objectTypeName)).toEqual(['number', '64-bit number', 'address (IP:port)', 'string', 'blob', 'nested list', 'list of numbers']);
  });
});
