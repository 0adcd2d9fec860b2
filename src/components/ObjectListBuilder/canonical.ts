/**
 * The canonical JSON of a decoded object list, which the builder puts in `data-value` of its
 * `decoded-tree` output for browser tests: each object as {type, id, value} with values that JSON can
 * carry exactly. Type 0: the number; 1: the u64 as a decimal string; 2: "a.b.c.d:port"; 3 and 4: the
 * bytes in lowercase hex (a string without its NUL); 5: the nested list, canonical too; 6: the numbers.
 */
import {bytesToHex, type ObjectItem} from '@site/src/protocol';

export type CanonicalValue = number | string | number[] | CanonicalItem[];

export interface CanonicalItem {
  type: ObjectItem['type'];
  id: number;
  value: CanonicalValue;
}

/**
 * @example canonicalItems([{type: 2, id: 17, value: {ip: '86.128.245.115', port: 35990}}]) // [{type: 2, id: 17, value: '86.128.245.115:35990'}]
 */
export function canonicalItems(items: readonly ObjectItem[]): CanonicalItem[] {
  return items.map((item): CanonicalItem => {
    switch (item.type) {
      case 0:
        return {type: 0, id: item.id, value: item.value};
      case 1:
        return {type: 1, id: item.id, value: item.value.toString()};
      case 2:
        return {type: 2, id: item.id, value: `${item.value.ip}:${item.value.port}`};
      case 3:
      case 4:
        return {type: item.type, id: item.id, value: bytesToHex(item.value)};
      case 5:
        return {type: 5, id: item.id, value: canonicalItems(item.value)};
      case 6:
        return {type: 6, id: item.id, value: item.value.slice()};
    }
  });
}
