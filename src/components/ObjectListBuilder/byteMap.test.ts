import {describe, expect, it} from 'vitest';
import {decodeObjectList, encodeObjectList, hexToBytes, type ObjectItem, type ObjectItemSpan} from '@site/src/protocol';
import {decodedNodeName, decodedTree, listByteMap, sourcePath} from './byteMap';
import sampleTraffic from '@site/src/data/sample-traffic.json';
import {pathKey} from './draft';


const frame219 = sampleTraffic.udp_payload_packets.packets.find((packet) => packet.origin.includes('frame 219'))!.expected.commands[0];

function spansOf(bytes: Uint8Array): {spans: ObjectItemSpan[]; length: number} {
  const spans: ObjectItemSpan[] = [];
  const {length} = decodeObjectList(bytes, {onItem: (span) => spans.push(span)});
  return {spans, length};
}

describe('listByteMap', () => {
  it('gives each object of 41 02 00 00 c9 01 00 05 64 its bytes (docs/08-object-lists.mdx, the byte table)', () => {
    const {spans} = spansOf(hexToBytes('41 02 00 00 c9 01 00 05 64'));
    const map = listByteMap(spans, 'raw', pathKey);
    expect(map.annotations).toEqual([
      {start: 0, end: 1, label: 'list marker 0x41 (raw)'},
      {start: 2, end: 6, label: 'object 0: number, id 0'},
      {start: 6, end: 9, label: 'object 1: number, id 5'},
    ]);
    expect(map.rangeOf.get('1')).toEqual({start: 6, end: 9});
    expect(map.nameOfField.get('6:9:object 1: number, id 5')).toBe('1');
  });

  it("marks the raw tail of frame 219's first address, 6f e4 ec 51 0c a7 (docs/08-object-lists.mdx)", () => {
    const bytes = hexToBytes(frame219.params_hex);
    const {spans} = spansOf(bytes);
    const tail = listByteMap(spans, 'compressed', pathKey).annotations.find((annotation) => annotation.label === 'object 0: its bytes in the raw tail');
    expect(tail).toEqual({start: 5, end: 11, label: 'object 0: its bytes in the raw tail'});
    expect(bytes.subarray(tail!.start, tail!.end)).toEqual(hexToBytes('6f e4 ec 51 0c a7'));
  });

  it('names the objects of a compressed list by their place in the list built, not in id order', () => {
    const items: ObjectItem[] = [
      {type: 0, id: 5, value: 12},
      {type: 0, id: 0, value: 1481},
    ];
    // frame 418's cmd 6 request, coded sorted by id: {0: 1481, 5: 12}.
    const encoded = encodeObjectList(items, 'compressed');
    expect(encoded).toEqual(hexToBytes('42 34 b6 21 9e b8'));
    const map = listByteMap(spansOf(encoded).spans, 'compressed', pathKey, items);
    expect(map.annotations.map((annotation) => annotation.label)).toEqual(['list marker 0x42 (compressed)', 'object 1: number, id 0', 'object 0: number, id 5']);
    expect(map.rangeOf.get('1')!.start).toBeLessThanOrEqual(map.rangeOf.get('0')!.start);
  });
});

describe('sourcePath', () => {
  it('follows nested lists sorted by id, stably, and keeps raw paths', () => {
    const items: ObjectItem[] = [
      {type: 5, id: 9, value: [{type: 0, id: 2, value: 0}, {type: 0, id: 1, value: 0}, {type: 0, id: 1, value: 1}]},
      {type: 0, id: 3, value: 0},
    ];
    expect(sourcePath(items, [1, 0], 'compressed')).toEqual([0, 1]);
    expect(sourcePath(items, [1, 1], 'compressed')).toEqual([0, 2]);
    expect(sourcePath(items, [0], 'compressed')).toEqual([1]);
    expect(sourcePath(items, [1, 0], 'raw')).toEqual([1, 0]);
  });
});

describe('decodedTree', () => {
  it('nests the objects of frame 372 as the data file records them, and shows bytes after the list', () => {
    const bytes = hexToBytes('42f62304c64de06328cf8868469923 ffff');
    const {spans, length} = spansOf(bytes);
    const {tree, parentByPath} = decodedTree(spans, 'compressed', length, bytes.length);
    expect(tree.map((node) => node.path)).toEqual(['object-0', 'object-1', 'trailing']);
    expect(tree[0].children.map((node) => node.path)).toEqual(['object-0/object-0', 'object-0/object-1', 'object-0/object-2']);
    expect(parentByPath.get('object-0/object-2')).toBe('object-0');
    expect(tree[2].span).toEqual({view: 'plaintext', start: 15, end: 17});
    expect(decodedNodeName([2, 0])).toBe('object-2/object-0');
  });
});
