/**
 * Objects of an object list in words, for every widget that shows decoded params (protocol.md §7,
 * the table of types): the name of each type, and each value in a readable form. The values come
 * from the library's decoder; this file only chooses how to write them.
 */
import {translate} from '@docusaurus/Translate';
import {bytesToHex, type ObjectItem} from '@site/src/protocol';

/** The value of one object, ready to show: strings as text only when every character is printable. */
export type ObjectValue =
  | {kind: 'number'; value: number}
  | {kind: 'uint64'; hex: string; decimal: string}
  | {kind: 'address'; text: string}
  | {kind: 'text'; text: string}
  /** `hex` holds the first {@link SHOWN_BYTES} of the `length` bytes. */
  | {kind: 'bytes'; hex: string; length: number}
  | {kind: 'list'; count: number}
  | {kind: 'numbers'; values: number[]};

/** Bytes written out in a value's text; a longer value ends in an ellipsis (the byte views show it whole). */
export const SHOWN_BYTES = 32;

const bytesValue = (bytes: Uint8Array): ObjectValue => ({kind: 'bytes', hex: bytesToHex(bytes.subarray(0, SHOWN_BYTES)), length: bytes.length});

/** Printable text: no control characters (C0, DEL, C1); the bytes must also be valid UTF-8. */
const PRINTABLE = /^[^\u0000-\u001f\u007f-\u009f]*$/u;
const utf8 = new TextDecoder('utf-8', {fatal: true});

/**
 * An object's value as the widgets show it: numbers, addresses as ip:port, strings as text when
 * printable, other bytes in hex, u64 in hex and decimal, nested lists by their size.
 *
 * @example describeObjectValue({type: 2, id: 17, value: {ip: '86.127.1.164', port: 55615}}) // {kind: 'address', text: '86.127.1.164:55615'}
 */
export function describeObjectValue(item: ObjectItem): ObjectValue {
  switch (item.type) {
    case 0:
      return {kind: 'number', value: item.value};
    case 1:
      return {kind: 'uint64', hex: item.value.toString(16).padStart(16, '0'), decimal: item.value.toString()};
    case 2:
      return {kind: 'address', text: `${item.value.ip}:${item.value.port}`};
    case 3: {
      let text: string | null = null;
      try {
        text = utf8.decode(item.value);
      } catch {
        // Not UTF-8: shown as bytes below.
      }
      return text !== null && PRINTABLE.test(text) ? {kind: 'text', text} : bytesValue(item.value);
    }
    case 4:
      return bytesValue(item.value);
    case 5:
      return {kind: 'list', count: item.value.length};
    case 6:
      return {kind: 'numbers', values: item.value};
  }
}

/** The name of an object type (spec §7), in the reader's language. */
export function objectTypeName(type: ObjectItem['type']): string {
  switch (type) {
    case 0:
      return translate({id: 'lab.object.type.number', message: 'number'});
    case 1:
      return translate({id: 'lab.object.type.uint64', message: '64-bit number'});
    case 2:
      return translate({id: 'lab.object.type.address', message: 'address (IP:port)'});
    case 3:
      return translate({id: 'lab.object.type.string', message: 'string'});
    case 4:
      return translate({id: 'lab.object.type.blob', message: 'blob'});
    case 5:
      return translate({id: 'lab.object.type.list', message: 'nested list'});
    case 6:
      return translate({id: 'lab.object.type.numbers', message: 'list of numbers'});
  }
}

/**
 * A value in words: numbers above 9 also in hex, u64 in hex and decimal, strings in quotes, bytes
 * with their count.
 *
 * @example objectValueText({kind: 'number', value: 1481}) // '1481 (0x5c9)'
 */
export function objectValueText(value: ObjectValue): string {
  switch (value.kind) {
    case 'number':
      return value.value > 9 ? `${value.value} (0x${value.value.toString(16)})` : String(value.value);
    case 'uint64':
      return `0x${value.hex} (${value.decimal})`; // i18n-exempt: a number in hexadecimal and decimal
    case 'address':
      return value.text;
    case 'text':
      return translate({id: 'lab.object.value.text', message: '“{text}”'}, {text: value.text});
    case 'bytes':
      return value.length > value.hex.length / 2
        ? translate({id: 'lab.object.value.bytesStart', message: '{length} bytes: {hex}…'}, {length: value.length, hex: value.hex})
        : translate({id: 'lab.object.value.bytes', message: '{length} bytes: {hex}'}, {length: value.length, hex: value.hex});
    case 'list':
      return translate({id: 'lab.object.value.list', message: '{count} objects'}, {count: value.count});
    case 'numbers':
      return `[${value.values.join(', ')}]`;
  }
}
