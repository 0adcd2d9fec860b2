import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {hexToBytes} from '../bytes';
import {decodeObjectList, encodeObjectList} from './index';
import {objectListArbitrary, sampleLists} from './testing';
import type {ObjectItem, ObjectItemSpan} from './types';

function spansOf(hex: string | Uint8Array): ObjectItemSpan[] {
  const spans: ObjectItemSpan[] = [];
  decodeObjectList(typeof hex === 'string' ? hexToBytes(hex) : hex, {onItem: (span) => spans.push(span)});
  return spans;
}

const topLevel = (spans: ObjectItemSpan[]) => spans.filter((span) => span.path.length === 1).sort((a, b) => a.path[0] - b.path[0]);

describe('object spans of raw lists (spec §7.1)', () => {
  it('give each object its type byte, id and value', () => {
    // 41 | count 02 | 00 00 c9 01 (type 0, id 0, value 201) | 00 05 64 (type 0, id 5, value 100)
    const spans = spansOf('41 02 00 00 c901 00 05 64');
    expect(spans.map(({path, start, end}) => ({path, start, end}))).toEqual([
      {path: [0], start: 2, end: 6},
      {path: [1], start: 6, end: 9},
    ]);
  });

  it('report a nested object, by its path, before the list that holds it', () => {
    // 41 01 | 05 07 (type 5, id 7) | 41 01 00 2e 00 (a list holding type 0, id 46, value 0)
    const spans = spansOf('41 01 05 07 41 01 00 2e 00');
    expect(spans.map(({path, start, end}) => ({path, start, end}))).toEqual([
      {path: [0, 0], start: 6, end: 9},
      {path: [0], start: 2, end: 9},
    ]);
    expect(spans[0].item).toEqual({type: 0, id: 46, value: 0});
  });

  it('tile the list after its header, object after object, for any list', () => {
    fc.assert(
      fc.property(objectListArbitrary, (items: ObjectItem[]) => {
        const bytes = encodeObjectList(items, 'raw');
        const spans = topLevel(spansOf(bytes));
        expect(spans.length).toBe(items.length);
        for (let index = 1; index < spans.length; index++) expect(spans[index].start).toBe(spans[index - 1].end);
        if (spans.length > 0) expect(spans[spans.length - 1].end).toBe(bytes.length);
      }),
      {numRuns: 200},
    );
  });
});

describe('object spans of compressed lists (spec §7.3)', () => {
  it('say which bytes the decoder had read, in order, inside the list', () => {
    // Two numbers (ids 0 and 5) coded in 5 bytes after the marker: frame 418 of the capture.
    const spans = spansOf('4234b6219eb8');
    expect(spans.map((span) => span.path)).toEqual([[0], [1]]);
    for (const span of spans) {
      expect(span.start).toBeGreaterThanOrEqual(1);
      expect(span.end).toBeGreaterThanOrEqual(span.start);
      expect(span.end).toBeLessThanOrEqual(6);
      expect(span.tail).toBeUndefined();
    }
    expect(spans[1].start).toBeGreaterThanOrEqual(spans[0].start);
  });

  it('locate the raw tail of blobs, addresses and 64-bit values exactly', () => {
    const withTails = sampleLists().filter((sample) => sample.decoded?.some((item) => item.type === 1 || item.type === 2 || item.type === 4));
    expect(withTails.length).toBeGreaterThan(0);
    for (const sample of withTails) {
      const bytes = hexToBytes(sample.hex);
      const spans = spansOf(bytes);
      const tails = spans.filter((span) => span.tail).sort((a, b) => a.tail!.start - b.tail!.start);
      expect(tails.length, sample.where).toBeGreaterThan(0);
      for (let index = 1; index < tails.length; index++) expect(tails[index].tail!.start).toBe(tails[index - 1].tail!.end);
      // The tail runs to the end of the list, as the list's length says (params_consumed).
      expect(tails[tails.length - 1].tail!.end, sample.where).toBe(sample.consumed);
      for (const span of tails) {
        if (span.item.type === 4) expect(bytes.slice(span.tail!.start, span.tail!.end)).toEqual(span.item.value);
        if (span.item.type === 2) expect(span.tail!.end - span.tail!.start).toBe(6);
      }
    }
  });

  it('are reported for every object of every sample list', () => {
    for (const sample of sampleLists()) {
      const countAll = (items: ObjectItem[]): number => items.reduce((sum, item) => sum + 1 + (item.type === 5 ? countAll(item.value) : 0), 0);
      const spans: ObjectItemSpan[] = [];
      const {items} = decodeObjectList(hexToBytes(sample.hex), {onItem: (span) => spans.push(span)});
      expect(spans.length, sample.where).toBe(countAll(items));
    }
  });
});
