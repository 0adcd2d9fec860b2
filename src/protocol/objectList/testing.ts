/**
 * Test support for the object-list tests, imported only by the `*.test.ts` files beside it: the
 * lists of the sample traffic with their JSON conventions, a fast-check arbitrary of object lists,
 * a reference sort, and the mutated inputs of the fuzz tests.
 */
import fc from 'fast-check';
import sampleTraffic from '../../data/sample-traffic.json';
import {hexToBytes} from '../bytes';
import {fuzzInputs as sharedFuzzInputs} from '../testing';
import type {ObjectItem} from './types';

/** An object as sample-traffic.json writes it (see its `conventions`). */
export interface JsonItem {
  type: number;
  id: number;
  value?: unknown;
  value_hex?: string;
}

/** One command's parameters in the sample traffic. */
export interface SampleList {
  /** Where in sample-traffic.json, for test names. */
  where: string;
  hex: string;
  consumed: number;
  topLevelObjects: number;
  decoded?: JsonItem[];
}

/**
 * Every `params_hex` of the sample traffic (UDP payloads, resends and TCP streams), in file order.
 *
 * @example sampleLists()[0].hex // '4215', the probe of Silver Needle slide 41
 */
export function sampleLists(): SampleList[] {
  const lists: SampleList[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => walk(child, `${where}[${index}]`));
    } else if (typeof node === 'object' && node !== null) {
      const command = node as Record<string, unknown>;
      if (typeof command.params_hex === 'string') {
        lists.push({
          where,
          hex: command.params_hex,
          consumed: command.params_consumed as number,
          topLevelObjects: command.params_top_level_objects as number,
          decoded: command.params_decoded as JsonItem[] | undefined,
        });
      }
      for (const [key, child] of Object.entries(command)) walk(child, `${where}.${key}`);
    }
  };
  walk({udp_payload_packets: sampleTraffic.udp_payload_packets, udp_resend: sampleTraffic.udp_resend, tcp_streams: sampleTraffic.tcp_streams}, 'sample');
  return lists;
}

/**
 * Converts an object of sample-traffic.json to an ObjectItem, following its `conventions`.
 *
 * @example itemFromJson({type: 2, id: 3, value: '81.236.228.111:42764'}) // {type: 2, id: 3, value: {ip: '81.236.228.111', port: 42764}}
 */
export function itemFromJson(json: JsonItem): ObjectItem {
  const {type, id, value} = json;
  switch (type) {
    case 0:
      return {type, id, value: value as number};
    case 1:
      return {type, id, value: BigInt(`0x${value as string}`)};
    case 2: {
      const [ip, port] = (value as string).split(':');
      return {type, id, value: {ip, port: Number(port)}};
    }
    case 3:
      return {type, id, value: hexToBytes(json.value_hex as string)};
    case 4:
      return {type, id, value: hexToBytes(value as string)};
    case 5:
      return {type, id, value: (value as JsonItem[]).map(itemFromJson)};
    case 6:
      return {type, id, value: value as number[]};
    default:
      throw new Error(`unknown type ${type} in the sample data`);
  }
}

/**
 * The reference for 0x42 order: sorted by id at every level, equal ids keeping their order.
 *
 * @example sortedByIdDeep([{type: 0, id: 5, value: 1}, {type: 0, id: 2, value: 2}]) // id 2 first
 */
export function sortedByIdDeep(items: ObjectItem[]): ObjectItem[] {
  return items
    .map((item, index) => ({item, index}))
    .sort((left, right) => left.item.id - right.item.id || left.index - right.index)
    .map(({item}) => (item.type === 5 ? {...item, value: sortedByIdDeep(item.value)} : item));
}

// Small ids and few types make repeated ids, same-shaped siblings and all list symbols common.
const idArbitrary = fc.oneof(fc.integer({min: 0, max: 6}), fc.integer({min: 0, max: 300}), fc.constantFrom(0xffff_ffff, 0x8000_0000), fc.nat());
const u32Arbitrary = fc.oneof(
  fc.integer({min: 0, max: 300}),
  fc.constantFrom(0, 1, 2, 3, 4, 63, 64, 0x7fff, 0x8000, 0xffff, 0x1_0000, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff),
  fc.integer({min: 0, max: 0xffff_ffff}),
);
// Text of lowercase, capitals, digits, punctuation and UTF-8 ("é", "ж", "€", "日"), or any bytes but NUL.
const textPieces = [...'aeinrst dmxqzAEQZ0179.-_/\n'].map((character) => [character.charCodeAt(0)]);
textPieces.push([0xc3, 0xa9], [0xd0, 0xb6], [0xe2, 0x82, 0xac], [0xe6, 0x97, 0xa5]);
const stringArbitrary = fc.oneof(
  fc.array(fc.constantFrom(...textPieces), {maxLength: 12}).map((pieces) => Uint8Array.from(pieces.flat())),
  fc.uint8Array({min: 1, max: 255, maxLength: 24}),
);
const leafArbitrary: fc.Arbitrary<ObjectItem> = fc.oneof(
  fc.record({type: fc.constant(0 as const), id: idArbitrary, value: u32Arbitrary}),
  fc.record({type: fc.constant(1 as const), id: idArbitrary, value: fc.oneof(fc.bigInt({min: 0n, max: 0xffffn}), fc.bigInt({min: 0n, max: 2n ** 64n - 1n}))}),
  fc.record({type: fc.constant(2 as const), id: idArbitrary, value: fc.record({ip: fc.ipV4(), port: fc.integer({min: 0, max: 0xffff})})}),
  fc.record({type: fc.constant(3 as const), id: idArbitrary, value: stringArbitrary}),
  fc.record({type: fc.constant(4 as const), id: idArbitrary, value: fc.uint8Array({maxLength: 24})}),
  fc.record({type: fc.constant(6 as const), id: idArbitrary, value: fc.array(u32Arbitrary, {maxLength: 5})}),
);

/** Object lists with all 7 types, nested up to 5 levels, with same-shaped sibling lists. */
export const objectListArbitrary: fc.Arbitrary<ObjectItem[]> = fc.letrec<{item: ObjectItem; list: ObjectItem[]}>((tie) => ({
  item: fc.oneof(
    {maxDepth: 5, depthIdentifier: 'lists'},
    leafArbitrary,
    fc.record({type: fc.constant(5 as const), id: idArbitrary, value: tie('list')}),
    // Twin lists: the second has the first one's shape, which 0x42 codes with a repeat count.
    fc.tuple(idArbitrary, tie('list')).map(([id, list]): ObjectItem => ({type: 5, id, value: [{type: 5, id, value: list}, {type: 5, id, value: list}]})),
  ),
  list: fc.array(tie('item'), {maxLength: 6, depthIdentifier: 'lists'}),
})).list;

/** Fuzz inputs for the list decoders: the shared ones, with random bytes also behind each list marker. */
export function fuzzInputs(samples: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return sharedFuzzInputs(samples, {prefixes: [0x41, 0x42]});
}
