/**
 * Where the objects of an encoded list lie in its bytes, from the spans the library's decoder reports
 * (`decodeObjectList(bytes, {onItem})`, protocol.md §7): the byte view's annotations, and the links
 * between a tree's nodes and their bytes both ways. In a compressed list an object's bytes are those
 * the range decoder had read when the object began and ended (approximate, spec §7.3); its raw tail
 * (types 1, 2, 4) is exact.
 */
import {translate} from '@docusaurus/Translate';
import {compressedCodingOrder, type ObjectItem, type ObjectItemSpan, type ObjectListFormat} from '@site/src/protocol';
import type {HexAnnotation} from '@site/src/live/types';
import type {DissectionNode} from '@site/src/components/Dissector/dissect';
import {objectTypeName} from '@site/src/components/lab/objectText';
import {objectPathText} from './draft';

export interface ByteRange {
  start: number;
  end: number;
}

export interface ListByteMap {
  /** One per object, one per raw tail, and the list's marker byte. */
  annotations: HexAnnotation[];
  /** The bytes of each object, by the name the caller gives its path. */
  rangeOf: ReadonlyMap<string, ByteRange>;
  /** The name of the object behind each annotation, by {@link fieldKey}. */
  nameOfField: ReadonlyMap<string, string>;
}

/** Identifies an annotation as the byte view reports it back (`onFieldActivate`). */
export const fieldKey = (field: {start: number; end: number; label: string}) => `${field.start}:${field.end}:${field.label}`;

// The coding order of each list, computed once per list.
const codingOrders = new WeakMap<readonly ObjectItem[], number[]>();
function codingOrder(list: readonly ObjectItem[]): number[] {
  let order = codingOrders.get(list);
  if (order === undefined) {
    order = compressedCodingOrder(list);
    codingOrders.set(list, order);
  }
  return order;
}

/**
 * The path in `items` of the object that the decoder reports at `decodedPath`. A raw list keeps the
 * order; a compressed list is coded, and so decoded, sorted by id at every level.
 *
 * @example sourcePath([{type: 0, id: 5, value: 1}, {type: 0, id: 0, value: 2}], [0], 'compressed') // [1]
 */
export function sourcePath(items: readonly ObjectItem[], decodedPath: readonly number[], format: ObjectListFormat): number[] {
  if (format === 'raw') return decodedPath.slice();
  const path: number[] = [];
  let list: readonly ObjectItem[] = items;
  for (const index of decodedPath) {
    const position = codingOrder(list)[index];
    path.push(position);
    const item = list[position];
    list = item?.type === 5 ? item.value : [];
  }
  return path;
}

// Labels by object, path and id: after an edit most objects keep theirs, and translating them all again
// was a tenth of the edit's time.
const objectLabels = new Map<string, string>();
function objectLabel(where: string, type: ObjectItem['type'], id: number): string {
  const key = `${where}|${type}|${id}`;
  let label = objectLabels.get(key);
  if (label === undefined) {
    label = translate({id: 'lab.objectListBuilder.bytes.object', message: '{object}: {type}, id {id}'}, {object: where, type: objectTypeName(type), id});
    objectLabels.set(key, label);
  }
  return label;
}

function markerLabel(format: ObjectListFormat): string {
  return format === 'raw'
    ? translate({id: 'lab.objectListBuilder.bytes.rawMarker', message: 'list marker 0x41 (raw)'})
    : translate({id: 'lab.objectListBuilder.bytes.compressedMarker', message: 'list marker 0x42 (compressed)'});
}

/**
 * The byte map of an encoded list from its decoder spans. `nameOf` names an object by its path in the
 * list the caller shows (see {@link sourcePath}); `items`, when given, is that list, for compressed
 * lists whose spans come in id order.
 */
export function listByteMap(spans: readonly ObjectItemSpan[], format: ObjectListFormat, nameOf: (path: readonly number[]) => string, items?: readonly ObjectItem[]): ListByteMap {
  const annotations: HexAnnotation[] = [{start: 0, end: 1, label: markerLabel(format)}];
  const rangeOf = new Map<string, ByteRange>();
  const nameOfField = new Map<string, string>();
  const ordered = [...spans].sort((first, second) => first.start - second.start || first.path.length - second.path.length);
  for (const span of ordered) {
    const path = items ? sourcePath(items, span.path, format) : span.path;
    const name = nameOf(path);
    const where = objectPathText(path);
    const label = objectLabel(where, span.item.type, span.item.id);
    rangeOf.set(name, {start: span.start, end: span.end});
    annotations.push({start: span.start, end: span.end, label});
    nameOfField.set(fieldKey({start: span.start, end: span.end, label}), name);
    if (span.tail) {
      const tailLabel = translate({id: 'lab.objectListBuilder.bytes.tail', message: '{object}: its bytes in the raw tail'}, {object: where});
      annotations.push({start: span.tail.start, end: span.tail.end, label: tailLabel});
      nameOfField.set(fieldKey({start: span.tail.start, end: span.tail.end, label: tailLabel}), name);
    }
  }
  return {annotations, rangeOf, nameOfField};
}

/** The name of a decoded object's node in the read-only tree: [2, 0] → 'object-2/object-0'. */
export const decodedNodeName = (path: readonly number[]) => path.map((index) => `object-${index}`).join('/');

export interface DecodedTree {
  tree: DissectionNode[];
  nodeByPath: ReadonlyMap<string, DissectionNode>;
  parentByPath: ReadonlyMap<string, string>;
}

/**
 * The read-only tree of a decoded list, as nodes of the dissector's tree view: each object with its
 * bytes, a raw tail as its child, and the bytes after the list (`length` of `total`) when there are any.
 */
export function decodedTree(spans: readonly ObjectItemSpan[], format: ObjectListFormat, length: number, total: number): DecodedTree {
  const nodeByPath = new Map<string, DissectionNode>();
  const parentByPath = new Map<string, string>();
  const tree: DissectionNode[] = [];
  // Spans arrive nested objects first; sorting by path puts each parent before its children.
  const ordered = [...spans].sort((first, second) => {
    for (let level = 0; level < Math.min(first.path.length, second.path.length); level++) {
      if (first.path[level] !== second.path[level]) return first.path[level] - second.path[level];
    }
    return first.path.length - second.path.length;
  });
  for (const span of ordered) {
    const path = decodedNodeName(span.path);
    const node: DissectionNode = {path, detail: {kind: 'object', item: span.item, format}, span: {view: 'plaintext', start: span.start, end: span.end}, children: []};
    if (span.tail) {
      const tail: DissectionNode = {path: `${path}/tail`, detail: {kind: 'tail', length: span.tail.end - span.tail.start}, span: {view: 'plaintext', ...span.tail}, children: []};
      node.children.push(tail);
      nodeByPath.set(tail.path, tail);
      parentByPath.set(tail.path, path);
    }
    nodeByPath.set(path, node);
    const parent = span.path.length > 1 ? decodedNodeName(span.path.slice(0, -1)) : null;
    if (parent === null) tree.push(node);
    else {
      // Only types 1, 2 and 4 have a tail, and only type 5 has children: no node has both.
      nodeByPath.get(parent)!.children.push(node);
      parentByPath.set(path, parent);
    }
  }
  if (length < total) {
    const trailing: DissectionNode = {path: 'trailing', detail: {kind: 'trailing', length: total - length}, span: {view: 'plaintext', start: length, end: total}, children: []};
    tree.push(trailing);
    nodeByPath.set(trailing.path, trailing);
  }
  return {tree, nodeByPath, parentByPath};
}
