import {describe, expect, it} from 'vitest';
import {bytesToHex, decodeObjectList, encodeObjectList, OBJECT_LIST_LIMITS} from '@site/src/protocol';
import sampleTraffic from '@site/src/data/sample-traffic.json';
import {SAMPLE_LISTS} from '@site/src/data/sampleLists';
import {deserializeDraft, draftReducer, draftToItems, itemsToDraft, serializeDraft, type DraftAction, type DraftNode} from './draft';


/** Runs the learner's actions on an empty draft. */
const apply = (actions: DraftAction[], start: DraftNode[] = []) => actions.reduce(draftReducer, start);

const frame372 = sampleTraffic.udp_payload_packets.packets.find((packet) => packet.origin.includes('frame 372'))!.expected.commands[0];

describe('draftToItems', () => {
  it('builds {0: 201, 5: 100}, whose raw encoding is 41 02 00 00 c9 01 00 05 64 (protocol.md §7.1)', () => {
    const draft = apply([
      {kind: 'add', parent: '', type: 0},
      {kind: 'edit', path: '0', field: 'value', text: '201'},
      {kind: 'add', parent: '', type: 0},
      {kind: 'edit', path: '1', field: 'id', text: '5'},
      {kind: 'edit', path: '1', field: 'value', text: '0x64'},
    ]);
    const parsed = draftToItems(draft);
    expect(parsed).toEqual({ok: true, items: [{type: 0, id: 0, value: 201}, {type: 0, id: 5, value: 100}]});
    expect(parsed.ok && bytesToHex(encodeObjectList(parsed.items, 'raw'))).toBe('41020000c901000564');
  });

  it("builds frame 372's cmd 14 parameters by hand, and they compress to the captured bytes", () => {
    const draft = apply([
      {kind: 'add', parent: '', type: 5},
      {kind: 'add', parent: '0', type: 3},
      {kind: 'edit', path: '0.0', field: 'value', text: 'vmlemon'},
      {kind: 'add', parent: '0', type: 0},
      {kind: 'add', parent: '0', type: 0},
      {kind: 'edit', path: '0.2', field: 'value', text: '16'},
      {kind: 'add', parent: '', type: 6},
      {kind: 'edit', path: '1', field: 'value', text: '16, 11'},
    ]);
    const parsed = draftToItems(draft);
    expect(parsed.ok && bytesToHex(encodeObjectList(parsed.items, 'compressed'))).toBe(frame372.params_hex);
  });

  it.each(SAMPLE_LISTS.map((list) => [list.id, list] as const))('gives back the decoded list of %s after itemsToDraft', (_, list) => {
    const {items} = decodeObjectList(list.bytes);
    expect(draftToItems(itemsToDraft(items))).toEqual({ok: true, items});
  });

  it('names the object and the field of a bad value: a port over 65535', () => {
    const draft = apply([
      {kind: 'add', parent: '', type: 0},
      {kind: 'add', parent: '', type: 5},
      {kind: 'add', parent: '1', type: 0},
      {kind: 'add', parent: '1', type: 2},
      {kind: 'edit', path: '1.1', field: 'port', text: '70000'},
    ]);
    expect(draftToItems(draft)).toEqual({
      ok: false,
      problems: [{path: [1, 1], field: 'port', message: 'object 1 › 1, port: 70000 is too big; this field holds 0 to 65535 (0xffff).'}],
    });
  });

  it('reports every bad field: a bad IP, a NUL in a string, a u64 over 2^64 − 1, a bad number in a list, bad blob hex', () => {
    const draft = apply([
      {kind: 'add', parent: '', type: 2},
      {kind: 'edit', path: '0', field: 'value', text: '1.2.3'},
      {kind: 'add', parent: '', type: 3},
      {kind: 'string-form', path: '1', form: 'hex'},
      {kind: 'edit', path: '1', field: 'value', text: '61 00 62'},
      {kind: 'add', parent: '', type: 1},
      {kind: 'edit', path: '2', field: 'value', text: '18446744073709551616'},
      {kind: 'add', parent: '', type: 6},
      {kind: 'edit', path: '3', field: 'value', text: '16, x'},
      {kind: 'add', parent: '', type: 4},
      {kind: 'edit', path: '4', field: 'value', text: 'c4 0'},
    ]);
    const parsed = draftToItems(draft);
    expect(parsed.ok).toBe(false);
    const messages = parsed.ok ? [] : parsed.problems.map((problem) => problem.message);
    expect(messages).toHaveLength(5);
    expect(messages[0]).toMatch(/^object 0, IP: an IPv4 address has 4 numbers/);
    expect(messages[1]).toMatch(/^object 1, string: byte 2 is a NUL/);
    expect(messages[2]).toMatch(/^object 2, value: 18446744073709551616 is too big/);
    expect(messages[3]).toMatch(/^object 3, number 2 of the list: "x" is not a whole number/);
    expect(messages[4]).toMatch(/^object 4, blob: the digit at character 4 has no partner/);
  });

  it(`refuses lists nested more than ${OBJECT_LIST_LIMITS.maxDepth} levels deep, naming the object`, () => {
    const actions: DraftAction[] = [];
    for (let depth = 0, parent = ''; depth <= OBJECT_LIST_LIMITS.maxDepth; depth++, parent = parent === '' ? '0' : `${parent}.0`) {
      actions.push({kind: 'add', parent, type: 5});
    }
    const parsed = draftToItems(apply(actions));
    const deepest = Array(OBJECT_LIST_LIMITS.maxDepth + 1).fill('0').join(' › ');
    expect(parsed).toEqual({
      ok: false,
      problems: [{path: Array(33).fill(0), field: 'nesting', message: expect.stringMatching(new RegExp(`^object ${deepest}: nesting deeper than 32 levels`))}],
    });
    // One level less is what the library takes.
    const allowed = draftToItems(apply(actions.slice(0, -1)));
    expect(allowed.ok && encodeObjectList(allowed.items, 'raw').length).toBeGreaterThan(0);
  });

  it('accepts an empty string, an empty blob and an empty list of numbers', () => {
    const draft = apply([
      {kind: 'add', parent: '', type: 3},
      {kind: 'add', parent: '', type: 4},
      {kind: 'add', parent: '', type: 6},
    ]);
    expect(draftToItems(draft)).toEqual({
      ok: true,
      items: [
        {type: 3, id: 0, value: new Uint8Array()},
        {type: 4, id: 1, value: new Uint8Array()},
        {type: 6, id: 2, value: []},
      ],
    });
  });
});

describe('draftReducer', () => {
  const start = apply([
    {kind: 'add', parent: '', type: 0},
    {kind: 'add', parent: '', type: 5},
    {kind: 'add', parent: '1', type: 3},
    {kind: 'add', parent: '', type: 6},
  ]);

  it('moves an object within its list and leaves the others as they were', () => {
    const moved = draftReducer(start, {kind: 'move', path: '2', by: -1});
    expect(moved.map((node) => node.type)).toEqual([0, 6, 5]);
    expect(moved[2]).toBe(start[1]);
    expect(draftReducer(start, {kind: 'move', path: '0', by: -1})).toBe(start);
  });

  it('removes an object, and edits one inside a nested list without touching its siblings', () => {
    expect(draftReducer(start, {kind: 'remove', path: '1.0'})[1].children).toEqual([]);
    const edited = draftReducer(start, {kind: 'edit', path: '1.0', field: 'value', text: 'RO'});
    expect(edited[1].children[0].value).toBe('RO');
    expect(edited[0]).toBe(start[0]);
    expect(edited[2]).toBe(start[2]);
  });

  it('gives a new object the id after the largest of its list', () => {
    expect(start.map((node) => node.id)).toEqual(['0', '1', '2']);
  });

  it('switches a string between text and hex without changing its bytes', () => {
    const text = draftReducer(start, {kind: 'edit', path: '1.0', field: 'value', text: 'vmlemon'});
    const hex = draftReducer(text, {kind: 'string-form', path: '1.0', form: 'hex'});
    expect(hex[1].children[0]).toMatchObject({stringForm: 'hex', value: '76 6d 6c 65 6d 6f 6e'});
    expect(draftReducer(hex, {kind: 'string-form', path: '1.0', form: 'text'})[1].children[0]).toMatchObject({stringForm: 'text', value: 'vmlemon'});
  });
});

describe('serializeDraft and deserializeDraft', () => {
  it('keep what was typed, wrong fields included', () => {
    const draft = draftReducer(itemsToDraft(decodeObjectList(SAMPLE_LISTS[2].bytes).items), {kind: 'edit', path: '0', field: 'port', text: '70000'});
    const restored = deserializeDraft(serializeDraft('compressed', draft));
    expect(restored?.format).toBe('compressed');
    expect(serializeDraft('compressed', restored!.nodes)).toBe(serializeDraft('compressed', draft));
  });

  it('refuse damaged text', () => {
    expect(deserializeDraft('{')).toBeNull();
    expect(deserializeDraft('{"format":"raw","nodes":[{"type":9}]}')).toBeNull();
  });
});
