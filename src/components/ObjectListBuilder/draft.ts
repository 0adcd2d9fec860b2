/**
 * The object-list builder's editor state (protocol.md §7, the table of types): a tree of objects as
 * the learner typed them, kept apart from the list it stands for, so that nothing typed is lost while
 * a field is wrong. `draftToItems` turns the tree into the library's ObjectItem[] or says which fields
 * are wrong and where; `itemsToDraft` goes the other way for lists decoded by the library.
 */
import {translate} from '@docusaurus/Translate';
import {OBJECT_LIST_LIMITS, type ObjectItem} from '@site/src/protocol';
import {problemMessage} from '@site/src/components/lab/messages';
import {parseHexInput, parseIpv4Input, parseUnsignedInput, spacedHex, type ParseResult} from '@site/src/components/lab/parseInput';

export type ObjectType = ObjectItem['type'];

/** The seven types, in their numeric order (spec §7). */
export const OBJECT_TYPES: readonly ObjectType[] = [0, 1, 2, 3, 4, 5, 6];

/** How a string (type 3) is written in the editor: as text (UTF-8) or as hex bytes. */
export type StringForm = 'text' | 'hex';

/** One object as typed. The type is chosen when the object is added. */
export interface DraftNode {
  /** Stable React key; not part of the list. */
  key: number;
  type: ObjectType;
  id: string;
  /** Type 0 and 1: the number; 2: the IPv4 address; 3: the string; 4: the blob's hex; 6: the numbers. Unused for 5. */
  value: string;
  /** Type 2: the port. */
  port: string;
  /** Type 3: how `value` is written. */
  stringForm: StringForm;
  /** Type 5: the nested list. */
  children: DraftNode[];
  /** Type 5: whether the editor shows the nested objects. */
  open: boolean;
}

/** The fields of a node that a learner types into; 'nesting' is a problem of a nested list's depth. */
export type DraftField = 'id' | 'value' | 'port' | 'nesting';

export interface FieldProblem {
  field: DraftField;
  message: string;
}

/** A problem with the path of its object. */
export interface LocatedProblem extends FieldProblem {
  path: readonly number[];
}

export type DraftParse = {ok: true; items: ObjectItem[]} | {ok: false; problems: LocatedProblem[]};

let lastKey = 0;
const nextKey = () => ++lastKey;

/** A path as the tree's data attributes and actions name it: [2, 0, 1] ↔ '2.0.1'; the top-level list is ''. */
export const pathKey = (path: readonly number[]) => path.join('.');
export const pathOfKey = (key: string): number[] => (key === '' ? [] : key.split('.').map(Number));

// Translated once per path: every object's label and message starts with it.
const pathTexts = new Map<string, string>();

/**
 * An object's place in words, indexes from 0 as the library's spans count them.
 *
 * @example objectPathText([1, 3]) // 'object 1 › 3'
 */
export function objectPathText(path: readonly number[]): string {
  const key = path.join(' › ');
  let text = pathTexts.get(key);
  if (text === undefined) {
    text = translate({id: 'lab.objectListBuilder.object', message: 'object {path}'}, {path: key});
    pathTexts.set(key, text);
  }
  return text;
}

function fieldName(field: 'id' | 'number' | 'value' | 'ip' | 'port' | 'string' | 'blob' | 'numbers'): string {
  switch (field) {
    case 'id':
      return translate({id: 'lab.objectListBuilder.field.id', message: 'id'});
    case 'number':
      return translate({id: 'lab.objectListBuilder.field.number', message: 'number'});
    case 'value':
      return translate({id: 'lab.objectListBuilder.field.value', message: 'value'});
    case 'ip':
      return translate({id: 'lab.objectListBuilder.field.ip', message: 'IP'});
    case 'port':
      return translate({id: 'lab.objectListBuilder.field.port', message: 'port'});
    case 'string':
      return translate({id: 'lab.objectListBuilder.field.string', message: 'string'});
    case 'blob':
      return translate({id: 'lab.objectListBuilder.field.blob', message: 'blob'});
    case 'numbers':
      return translate({id: 'lab.objectListBuilder.field.numbers', message: 'numbers'});
  }
}

/** "object 1 › 3, port": how a field's alert starts. */
const located = (path: readonly number[], field: string) => translate({id: 'lab.objectListBuilder.fieldAt', message: '{object}, {field}'}, {object: objectPathText(path), field});

const MAX_UINT64 = (1n << 64n) - 1n;

/** An unsigned 64-bit number in decimal or 0x hex; the problem message is whole, as 2^64 − 1 is no safe number. */
function parseUint64(text: string, field: string): {ok: true; value: bigint} | {ok: false; message: string} {
  const trimmed = text.trim();
  if (trimmed === '') return {ok: false, message: problemMessage(field, {kind: 'empty'})};
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(trimmed)) return {ok: false, message: problemMessage(field, {kind: 'number', text: trimmed})};
  const value = BigInt(trimmed);
  if (value > MAX_UINT64) {
    return {ok: false, message: translate({id: 'lab.objectListBuilder.problem.uint64', message: '{field}: {text} is too big; a 64-bit value holds 0 to 18446744073709551615 (0xffffffffffffffff).'}, {field, text: trimmed})};
  }
  return {ok: true, value};
}

/** Hex where no text means no bytes (an empty blob or string is a real value). */
function parseHexOrEmpty(text: string, maximum: number): ParseResult<Uint8Array> {
  return text.trim() === '' ? {ok: true, value: new Uint8Array(0)} : parseHexInput(text, {maximum});
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

/** The bytes of a string field, or what is wrong with them (a NUL would end the string on the wire). */
function parseStringBytes(node: DraftNode, field: string): {ok: true; value: Uint8Array} | {ok: false; message: string} {
  let bytes: Uint8Array;
  if (node.stringForm === 'hex') {
    const parsed = parseHexOrEmpty(node.value, OBJECT_LIST_LIMITS.maxStringLength);
    if (!parsed.ok) return {ok: false, message: problemMessage(field, parsed.problem)};
    bytes = parsed.value;
  } else {
    bytes = utf8Encoder.encode(node.value);
    if (bytes.length > OBJECT_LIST_LIMITS.maxStringLength) {
      return {ok: false, message: problemMessage(field, {kind: 'tooLong', length: bytes.length, maximum: OBJECT_LIST_LIMITS.maxStringLength})};
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      ok: false,
      message: translate({id: 'lab.objectListBuilder.problem.nul', message: '{field}: byte {position} is a NUL (00), which ends a string on the wire; a string cannot contain one.'}, {field, position: nul + 1}),
    };
  }
  return {ok: true, value: bytes};
}

/** The numbers of a type-6 list, separated by commas or spaces. */
function parseNumbers(text: string, path: readonly number[]): {ok: true; value: number[]} | {ok: false; message: string} {
  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  const numbers: number[] = [];
  for (const [index, part] of parts.entries()) {
    const parsed = parseUnsignedInput(part, 32);
    if (!parsed.ok) {
      const field = translate({id: 'lab.objectListBuilder.field.numberAt', message: '{object}, number {position} of the list'}, {object: objectPathText(path), position: index + 1});
      return {ok: false, message: problemMessage(field, parsed.problem)};
    }
    numbers.push(parsed.value);
  }
  return {ok: true, value: numbers};
}

type OwnParse = {id: number; value: Exclude<ObjectItem['value'], ObjectItem[]> | null; problems: FieldProblem[]};

/**
 * The id and value of one node, as the library takes them, or the problems of its own fields (a
 * nested list's objects are its children's business; only its depth is checked here).
 */
function parseOwn(node: DraftNode, path: readonly number[]): OwnParse {
  const problems: FieldProblem[] = [];
  const fail = (field: DraftField, message: string) => {
    problems.push({field, message});
    return null;
  };
  const id = parseUnsignedInput(node.id, 32);
  if (!id.ok) fail('id', problemMessage(located(path, fieldName('id')), id.problem));
  let value: OwnParse['value'] = null;
  switch (node.type) {
    case 0: {
      const parsed = parseUnsignedInput(node.value, 32);
      value = parsed.ok ? parsed.value : fail('value', problemMessage(located(path, fieldName('number')), parsed.problem));
      break;
    }
    case 1: {
      const parsed = parseUint64(node.value, located(path, fieldName('value')));
      value = parsed.ok ? parsed.value : fail('value', parsed.message);
      break;
    }
    case 2: {
      const ip = parseIpv4Input(node.value);
      const port = parseUnsignedInput(node.port, 16);
      if (!ip.ok) fail('value', problemMessage(located(path, fieldName('ip')), ip.problem));
      if (!port.ok) fail('port', problemMessage(located(path, fieldName('port')), port.problem));
      value = ip.ok && port.ok ? {ip: ip.value, port: port.value} : null;
      break;
    }
    case 3: {
      const parsed = parseStringBytes(node, located(path, fieldName('string')));
      value = parsed.ok ? parsed.value : fail('value', parsed.message);
      break;
    }
    case 4: {
      const parsed = parseHexOrEmpty(node.value, OBJECT_LIST_LIMITS.maxBlobLength);
      value = parsed.ok ? parsed.value : fail('value', problemMessage(located(path, fieldName('blob')), parsed.problem));
      break;
    }
    case 5:
      // A type-5 object at path length n holds a list at depth n (the top-level list is depth 0).
      if (path.length > OBJECT_LIST_LIMITS.maxDepth) {
        fail(
          'nesting',
          translate(
            {id: 'lab.objectListBuilder.problem.nesting', message: '{object}: nesting deeper than {maximum} levels; the library takes lists nested at most {maximum} levels below the top-level list.'},
            {object: objectPathText(path), maximum: OBJECT_LIST_LIMITS.maxDepth},
          ),
        );
      }
      break;
    case 6: {
      const parsed = parseNumbers(node.value, path);
      value = parsed.ok ? parsed.value : fail('value', parsed.message);
      break;
    }
  }
  return {id: id.ok ? id.value : 0, value, problems};
}

/** The problems of one node's own fields, for the alerts beside them. */
export function nodeProblems(node: DraftNode, path: readonly number[]): FieldProblem[] {
  return parseOwn(node, path).problems;
}

/**
 * The list a draft stands for, or every problem of its fields with the object's path.
 *
 * @example draftToItems([numberNode('0', '201'), numberNode('5', '100')]) // {ok: true, items: [{type: 0, id: 0, value: 201}, {type: 0, id: 5, value: 100}]}
 */
export function draftToItems(nodes: readonly DraftNode[]): DraftParse {
  const problems: LocatedProblem[] = [];
  const walk = (list: readonly DraftNode[], prefix: readonly number[]): ObjectItem[] =>
    list.map((node, index) => {
      const path = [...prefix, index];
      const own = parseOwn(node, path);
      for (const problem of own.problems) problems.push({path, ...problem});
      // Items of a draft with problems are thrown away: the casts only keep one code path.
      if (node.type === 5) return {type: 5, id: own.id, value: walk(node.children, path)};
      return {type: node.type, id: own.id, value: own.value} as ObjectItem;
    });
  const items = walk(nodes, []);
  return problems.length === 0 ? {ok: true, items} : {ok: false, problems};
}

/** A new object of `type` with a value that encodes; its id follows the largest id of its list. */
export function newNode(type: ObjectType, siblings: readonly DraftNode[]): DraftNode {
  const ids = siblings.map((sibling) => parseUnsignedInput(sibling.id, 32)).flatMap((parsed) => (parsed.ok ? [parsed.value] : []));
  const id = ids.length === 0 ? 0 : Math.min(Math.max(...ids) + 1, 0xffff_ffff);
  const values: Record<ObjectType, {value: string; port: string}> = {
    0: {value: '0', port: ''},
    1: {value: '0', port: ''},
    2: {value: '0.0.0.0', port: '0'},
    3: {value: '', port: ''},
    4: {value: '', port: ''},
    5: {value: '', port: ''},
    6: {value: '', port: ''},
  };
  return {key: nextKey(), type, id: String(id), ...values[type], stringForm: 'text', children: [], open: true};
}

/** Text form when the bytes are UTF-8 that an input can hold (no NUL, no line breaks), else hex. */
function stringDraft(bytes: Uint8Array): {value: string; stringForm: StringForm} {
  try {
    const text = utf8Decoder.decode(bytes);
    if (!/[\u0000\r\n]/.test(text)) return {value: text, stringForm: 'text'};
  } catch {
    // Not UTF-8: written as hex below.
  }
  return {value: spacedHex(bytes), stringForm: 'hex'};
}

/** Nested lists longer than this start closed when a list is loaded, so a long reply shows its outline first. */
const OPEN_LIST_LIMIT = 8;

/**
 * The draft of a list, for loading a decoded list into the editor; `draftToItems` gives it back.
 *
 * @example itemsToDraft([{type: 2, id: 17, value: {ip: '86.128.245.115', port: 35990}}])[0] // {type: 2, id: '17', value: '86.128.245.115', port: '35990', …}
 */
export function itemsToDraft(items: readonly ObjectItem[]): DraftNode[] {
  return items.map((item) => {
    const node: DraftNode = {key: nextKey(), type: item.type, id: String(item.id), value: '', port: '', stringForm: 'text', children: [], open: true};
    switch (item.type) {
      case 0:
      case 1:
        return {...node, value: item.value.toString()};
      case 2:
        return {...node, value: item.value.ip, port: String(item.value.port)};
      case 3:
        return {...node, ...stringDraft(item.value)};
      case 4:
        return {...node, value: spacedHex(item.value)};
      case 5:
        return {...node, children: itemsToDraft(item.value), open: item.value.length <= OPEN_LIST_LIMIT};
      case 6:
        return {...node, value: item.value.join(', ')};
    }
  });
}

/** What the learner can do to the tree. Paths are path keys ('2.0'); the top-level list is ''. */
export type DraftAction =
  | {kind: 'add'; parent: string; type: ObjectType}
  | {kind: 'remove'; path: string}
  | {kind: 'move'; path: string; by: -1 | 1}
  | {kind: 'edit'; path: string; field: 'id' | 'value' | 'port'; text: string}
  | {kind: 'string-form'; path: string; form: StringForm}
  | {kind: 'toggle'; path: string}
  | {kind: 'load'; nodes: DraftNode[]};

/** `nodes` with the list at `parent` replaced by `change(list)`; untouched branches keep their identity. */
function changeList(nodes: DraftNode[], parent: readonly number[], change: (list: DraftNode[]) => DraftNode[]): DraftNode[] {
  if (parent.length === 0) return change(nodes);
  const [index, ...rest] = parent;
  const node = nodes[index];
  if (node === undefined) return nodes;
  const copy = nodes.slice();
  copy[index] = {...node, children: changeList(node.children, rest, change)};
  return copy;
}

function changeNode(nodes: DraftNode[], path: readonly number[], change: (node: DraftNode) => DraftNode): DraftNode[] {
  const index = path[path.length - 1];
  return changeList(nodes, path.slice(0, -1), (list) => {
    if (list[index] === undefined) return list;
    const copy = list.slice();
    copy[index] = change(list[index]);
    return copy;
  });
}

/** The value of a string written the other way; the text stays as typed when the hex cannot become text. */
function switchStringForm(node: DraftNode, form: StringForm): DraftNode {
  if (node.stringForm === form) return node;
  if (form === 'hex') return {...node, stringForm: form, value: spacedHex(utf8Encoder.encode(node.value))};
  const parsed = parseHexOrEmpty(node.value, OBJECT_LIST_LIMITS.maxStringLength);
  const converted = parsed.ok ? stringDraft(parsed.value) : null;
  return converted?.stringForm === 'text' ? {...node, ...converted} : {...node, stringForm: form};
}

export function draftReducer(nodes: DraftNode[], action: DraftAction): DraftNode[] {
  switch (action.kind) {
    case 'add':
      return changeList(nodes, pathOfKey(action.parent), (list) => [...list, newNode(action.type, list)]);
    case 'remove': {
      const path = pathOfKey(action.path);
      const index = path[path.length - 1];
      return changeList(nodes, path.slice(0, -1), (list) => list.filter((_, position) => position !== index));
    }
    case 'move': {
      const path = pathOfKey(action.path);
      const index = path[path.length - 1];
      const target = index + action.by;
      return changeList(nodes, path.slice(0, -1), (list) => {
        if (target < 0 || target >= list.length) return list;
        const copy = list.slice();
        [copy[index], copy[target]] = [copy[target], copy[index]];
        return copy;
      });
    }
    case 'edit':
      return changeNode(nodes, pathOfKey(action.path), (node) => ({...node, [action.field]: action.text}));
    case 'string-form':
      return changeNode(nodes, pathOfKey(action.path), (node) => switchStringForm(node, action.form));
    case 'toggle':
      return changeNode(nodes, pathOfKey(action.path), (node) => ({...node, open: !node.open}));
    case 'load':
      return action.nodes;
  }
}

/** A draft as kept in browser storage: what was typed, without keys or open states. */
interface StoredNode {
  type: ObjectType;
  id: string;
  value: string;
  port: string;
  stringForm: StringForm;
  children: StoredNode[];
}

const stored = (nodes: readonly DraftNode[]): StoredNode[] =>
  nodes.map(({type, id, value, port, stringForm, children}) => ({type, id, value, port, stringForm, children: stored(children)}));

/** The text kept in storage for a draft and its format. */
export function serializeDraft(format: string, nodes: readonly DraftNode[]): string {
  return JSON.stringify({format, nodes: stored(nodes)});
}

/** Deeper stored trees are refused rather than recursed into: far beyond what the editor takes (maxDepth). */
const STORED_DEPTH_LIMIT = 256;

function restoredNodes(value: unknown, depth: number): DraftNode[] | null {
  if (!Array.isArray(value) || depth > STORED_DEPTH_LIMIT) return null;
  const nodes: DraftNode[] = [];
  for (const entry of value as Partial<StoredNode>[]) {
    const {type, id, value: text, port, stringForm, children} = entry ?? {};
    if (!OBJECT_TYPES.includes(type as ObjectType) || typeof id !== 'string' || typeof text !== 'string' || typeof port !== 'string') return null;
    const nested = restoredNodes(children, depth + 1);
    if (nested === null) return null;
    nodes.push({key: nextKey(), type: type as ObjectType, id, value: text, port, stringForm: stringForm === 'hex' ? 'hex' : 'text', children: nested, open: true});
  }
  return nodes;
}

/** A stored draft read back, or null when the text is not one (storage is the learner's, and may be damaged). */
export function deserializeDraft(text: string): {format: string; nodes: DraftNode[]} | null {
  let parsed: {format?: unknown; nodes?: unknown};
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const nodes = restoredNodes(parsed?.nodes, 0);
  return nodes === null || typeof parsed.format !== 'string' ? null : {format: parsed.format, nodes};
}
