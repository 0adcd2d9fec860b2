/**
 * The object-list builder (protocol.md §7): build a list of typed objects in a tree editor and read
 * it encoded, raw (0x41) or compressed (0x42), byte by byte; or paste the bytes of a list and read its
 * tree. Tree and bytes are linked both ways. The library encodes and decodes; this view keeps what
 * the learner typed (draft.ts) apart from the last list that encoded, so nothing typed is lost.
 *
 * Outputs for tests: `encoded` (hex of the encoded list, build mode), `object-count` (top-level
 * objects of the list shown), `decoded-tree` (decode mode: canonical.ts's JSON of the decoded list).
 */
import {useCallback, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useReducer, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import HexView, {type HexViewField} from '@site/src/components/HexView';
import {RadioField} from '@site/src/components/lab/ChoiceField';
import SamplePicker from '@site/src/components/lab/SamplePicker';
import DissectionTree from '@site/src/components/Dissector/DissectionTree';
import {revealed} from '@site/src/components/Dissector/treeNavigation';
import LabField from '@site/src/components/lab/LabField';
import Output from '@site/src/components/lab/Output';
import ResultStatus from '@site/src/components/lab/ResultStatus';
import ShareLinkButton from '@site/src/components/lab/ShareLinkButton';
import {problemMessage, protocolErrorMessage} from '@site/src/components/lab/messages';
import {parseHexInput, spacedHex} from '@site/src/components/lab/parseInput';
import {useLastGood, type Attempt} from '@site/src/components/lab/useLastGood';
import {useUrlInputs} from '@site/src/components/lab/useUrlInputs';
import {readUrlInputs} from '@site/src/components/lab/urlState';
import labStyles from '@site/src/components/lab/styles.module.css';
import {SAMPLE_LISTS, type SampleList} from '@site/src/data/sampleLists';
import {loadEdit, saveEdit} from '@site/src/live/storage';
import {ProtocolError, bytesToHex, decodeObjectList, encodeObjectList, type ObjectItem, type ObjectItemSpan, type ObjectListFormat} from '@site/src/protocol';
import {canonicalItems} from './canonical';
import {decodedNodeName, decodedTree, fieldKey, listByteMap, type ByteRange, type DecodedTree, type ListByteMap} from './byteMap';
import {deserializeDraft, draftReducer, draftToItems, itemsToDraft, pathKey, serializeDraft, type DraftAction, type DraftNode} from './draft';
import {NodeList} from './NodeEditor';
import styles from './styles.module.css';

/** The prefix of this widget's inputs in the page address (`?ob.hex=…`). */
const URL_PREFIX = 'ob';
/** Edits are saved this long after the last keystroke, not on each. */
const SAVE_DELAY_MS = 400;
/** The longest list the decode field takes: far beyond real lists (the largest sample is 641 bytes). */
const MAX_DECODE_BYTES = 1 << 16;

type Mode = 'build' | 'decode';

const startExample: SampleList = SAMPLE_LISTS.find((list) => list.id === 'slide-61-cmd-6') ?? SAMPLE_LISTS[0];

const defaults = {mode: 'build', format: startExample.format as string, example: startExample.id, hex: spacedHex(startExample.bytes)};
type InputName = keyof typeof defaults;

const formatOf = (text: string): ObjectListFormat => (text === 'raw' ? 'raw' : 'compressed');

/** An encoded list with the byte map of its objects, named by their path keys in the builder's tree. */
interface Built {
  format: ObjectListFormat;
  count: number;
  encoded: Uint8Array;
  hex: string;
  byteMap: ListByteMap;
}

/** A decoded list with its read-only tree and byte map, named by the tree's node paths. */
interface Decoded {
  format: ObjectListFormat;
  items: ObjectItem[];
  bytes: Uint8Array;
  canonical: string;
  tree: DecodedTree;
  byteMap: ListByteMap;
}

/** Encodes with the library, then decodes the result for its spans (the library's one code path gives both). */
function build(items: ObjectItem[], format: ObjectListFormat): Attempt<Built> {
  try {
    const encoded = encodeObjectList(items, format);
    const spans: ObjectItemSpan[] = [];
    decodeObjectList(encoded, {onItem: (span) => spans.push(span)});
    return {ok: true, value: {format, count: items.length, encoded, hex: bytesToHex(encoded), byteMap: listByteMap(spans, format, pathKey, items)}};
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    return {ok: false, message: protocolErrorMessage(translate({id: 'lab.objectListBuilder.encodeProblem', message: 'Encoding the list'}), error)};
  }
}

/** The library's message without the "(at offset n)" it appends: the alert states the byte itself. */
const messageOf = (error: ProtocolError) => error.message.replace(/ \(at offset \d+\)$/, '');

type DecodeAttempt = {ok: true; value: Decoded} | {ok: false; message: string; offset: number | null};

function decode(bytes: Uint8Array, field: string): DecodeAttempt {
  try {
    const spans: ObjectItemSpan[] = [];
    const {format, items, length} = decodeObjectList(bytes, {onItem: (span) => spans.push(span)});
    return {
      ok: true,
      value: {format, items, bytes, canonical: JSON.stringify(canonicalItems(items)), tree: decodedTree(spans, format, length, bytes.length), byteMap: listByteMap(spans, format, decodedNodeName)},
    };
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    const offset = error.offset ?? null;
    const message =
      offset === null
        ? protocolErrorMessage(field, error)
        : translate({id: 'lab.objectListBuilder.decodeProblem', message: '{field}: byte {offset}: {message}.'}, {field, offset, message: messageOf(error)});
    return {ok: false, message, offset};
  }
}

let firstBuilt: Built | null = null;
let firstDecoded: Decoded | null = null;
/** What the widget shows before any input has worked: the starting example. */
function initialBuilt(): Built {
  if (firstBuilt === null) {
    const result = build(decodeObjectList(startExample.bytes).items, startExample.format);
    if (!result.ok) throw new Error(result.message);
    firstBuilt = result.value;
  }
  return firstBuilt;
}
function initialDecoded(): Decoded {
  if (firstDecoded === null) {
    const result = decode(startExample.bytes, '');
    if (!result.ok) throw new Error(result.message);
    firstDecoded = result.value;
  }
  return firstDecoded;
}

const exampleDraft = (list: SampleList): DraftNode[] => itemsToDraft(decodeObjectList(list.bytes).items);

function ApproximateNote({format}: {format: ObjectListFormat}): ReactNode {
  return format === 'compressed' ? (
    <p className={clsx(labStyles.note, styles.byteNote)}>
      <Translate id="lab.objectListBuilder.bytes.approximate">
        In a compressed list the range coder has no byte boundaries: an object’s bytes are those the decoder had read when the object began and ended, so they are approximate and neighbours overlap. The raw tail of 64-bit values, addresses and blobs is exact. The coder writes every list sorted by id.
      </Translate>
    </p>
  ) : null;
}

export interface ObjectListBuilderProps {
  /** The anchor of the widget, for links to it. Default: 'object-list-builder'. */
  id?: string;
}

export default function ObjectListBuilder({id = 'object-list-builder'}: ObjectListBuilderProps): ReactNode {
  const [inputs, setInput, setMany] = useUrlInputs<InputName>(URL_PREFIX, defaults);
  const [draft, dispatch] = useReducer(draftReducer, startExample, exampleDraft);
  const headingId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const mode: Mode = inputs.mode === 'decode' ? 'decode' : 'build';
  const format = formatOf(inputs.format);

  // Focus requests of the tree's buttons, acted on once the tree has rendered.
  const pendingFocus = useRef<string | null>(null);
  const requestFocus = useCallback((selector: string) => {
    pendingFocus.current = selector;
  }, []);
  useLayoutEffect(() => {
    const selector = pendingFocus.current;
    pendingFocus.current = null;
    if (selector !== null) rootRef.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  const onAction = useCallback(
    (action: DraftAction) => {
      dispatch(action);
      // Once edited, the list is the learner's own, no longer the example's.
      if (action.kind !== 'toggle') setInput('example', '');
    },
    [setInput],
  );

  const loadList = useCallback(
    (list: SampleList) => {
      dispatch({kind: 'load', nodes: exampleDraft(list)});
      setMany({mode: 'build', format: list.format, example: list.id});
    },
    [setMany],
  );

  // Where the builder starts in the browser: the example the address names, else the learner's saved work.
  const storageKey = useRef<{page: string; cell: string; original: string} | null>(null);
  useEffect(() => {
    storageKey.current = {page: window.location.pathname, cell: `widget:${id}`, original: serializeDraft(startExample.format, exampleDraft(startExample))};
    const fromUrl = readUrlInputs(window.location.search, URL_PREFIX, ['example', 'format']);
    const list = SAMPLE_LISTS.find((candidate) => candidate.id === fromUrl.example);
    if (list) {
      dispatch({kind: 'load', nodes: exampleDraft(list)});
      if (fromUrl.format === undefined) setInput('format', list.format);
      return;
    }
    const {page, cell, original} = storageKey.current;
    const saved = loadEdit(page, cell, original).edit;
    const restored = saved && deserializeDraft(saved.code);
    if (restored) {
      dispatch({kind: 'load', nodes: restored.nodes});
      setMany({example: '', ...(fromUrl.format === undefined ? {format: formatOf(restored.format)} : {})});
    }
    // Once, on the first render in the browser: later changes belong to the learner.
  }, []);

  useEffect(() => {
    const key = storageKey.current;
    if (key === null) return;
    // Storage problems are not shown: the work stays in the editor, which is what matters here.
    const timer = window.setTimeout(() => saveEdit(key.page, key.cell, key.original, serializeDraft(format, draft)), SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, format]);

  // Build: the draft's list, encoded; the last good one while a field is wrong.
  const parsed = useMemo(() => draftToItems(draft), [draft]);
  const buildAttempt = useMemo((): Attempt<Built> => {
    if (parsed.ok) return build(parsed.items, format);
    const [first] = parsed.problems;
    return {
      ok: false,
      message:
        parsed.problems.length === 1
          ? translate({id: 'lab.objectListBuilder.problems.one', message: 'One field needs fixing ({first}); the bytes below are those of the last list that encoded.'}, {first: first.message})
          : translate(
              {id: 'lab.objectListBuilder.problems.many', message: '{count} fields need fixing, first {first}; the bytes below are those of the last list that encoded.'},
              {count: parsed.problems.length, first: first.message},
            ),
    };
  }, [parsed, format]);
  const encodeFailed = parsed.ok && !buildAttempt.ok;
  const {value: built, problem: buildProblem} = useLastGood(buildAttempt, initialBuilt());

  // Decode: the pasted bytes, decoded; the last good list while they are wrong.
  const hexLabel = translate({id: 'lab.objectListBuilder.field.hex', message: 'Bytes of a list (hex, starting with 41 or 42)'});
  const hexInput = useMemo(() => parseHexInput(inputs.hex, {maximum: MAX_DECODE_BYTES}), [inputs.hex]);
  const decodeAttempt = useMemo((): DecodeAttempt | null => (hexInput.ok ? decode(hexInput.value, hexLabel) : null), [hexInput, hexLabel]);
  const hexProblem = !hexInput.ok ? problemMessage(hexLabel, hexInput.problem) : decodeAttempt !== null && !decodeAttempt.ok ? decodeAttempt.message : null;
  const {value: decoded} = useLastGood<Decoded>(decodeAttempt?.ok ? decodeAttempt : {ok: false, message: hexProblem ?? ''}, initialDecoded());
  const failedAt = decodeAttempt !== null && !decodeAttempt.ok ? decodeAttempt.offset : null;

  // Two-way links: a node hovered (or else focused) highlights its bytes; a field of the bytes marks its node.
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [markedFromBytes, setMarkedFromBytes] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const shownBuilt = useDeferredValue(built);
  const shownDecoded = useDeferredValue(decoded);

  const activeNode = hovered ?? focused;
  const buildHighlight: ByteRange | null = activeNode === null ? null : (shownBuilt.byteMap.rangeOf.get(activeNode) ?? null);
  const decodedSpan = shownDecoded.tree.nodeByPath.get(hovered ?? selected ?? '')?.span ?? null;
  // The bytes in the decode view are the pasted ones, even when they fail: the failing byte is marked in them.
  const decodeBytes = hexInput.ok ? hexInput.value : shownDecoded.bytes;
  const decodeShowsList = decodeBytes === shownDecoded.bytes || (decodeAttempt?.ok ?? false);
  const decodeHighlight: ByteRange | null =
    failedAt !== null
      ? {start: Math.min(failedAt, decodeBytes.length - 1), end: Math.min(failedAt, decodeBytes.length - 1) + 1}
      : decodedSpan && {start: decodedSpan.start, end: decodedSpan.end};

  const treeId = useId();
  const treeBoxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Scrolls the tree's own box (never the page) to the node the bytes point at.
    const box = treeBoxRef.current;
    const node = markedFromBytes === null ? null : box?.querySelector<HTMLElement>(`[data-node="${markedFromBytes}"] > fieldset`);
    if (!box || !node) return;
    const boxRect = box.getBoundingClientRect();
    const nodeRect = node.getBoundingClientRect();
    if (nodeRect.top < boxRect.top || nodeRect.top > boxRect.bottom) box.scrollTop += nodeRect.top - boxRect.top - 8;
  }, [markedFromBytes]);

  const nodeFromEvent = (target: EventTarget) => (target instanceof Element ? (target.closest<HTMLElement>('[data-node]')?.dataset.node ?? null) : null);

  const onBuildField = useCallback((field: HexViewField | null) => setMarkedFromBytes(field && (shownBuilt.byteMap.nameOfField.get(fieldKey(field)) ?? null)), [shownBuilt]);
  const onDecodeField = useCallback(
    (field: HexViewField | null) => {
      const path = field && shownDecoded.byteMap.nameOfField.get(fieldKey(field));
      if (!path) return;
      setSelected(path);
      setToggled((current) => revealed(path, current, shownDecoded.tree.nodeByPath, shownDecoded.tree.parentByPath));
    },
    [shownDecoded],
  );
  const toggle = useCallback((path: string) => {
    setToggled((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  }, []);

  const modeOptions = [
    {value: 'build' as const, label: translate({id: 'lab.objectListBuilder.mode.build', message: 'Build a list'})},
    {value: 'decode' as const, label: translate({id: 'lab.objectListBuilder.mode.decode', message: 'Decode bytes'})},
  ];
  const formatOptions = [
    {value: 'raw' as const, label: translate({id: 'lab.objectListBuilder.format.raw', message: 'raw (0x41)'})},
    {value: 'compressed' as const, label: translate({id: 'lab.objectListBuilder.format.compressed', message: 'compressed (0x42)'})},
  ];
  const formatName = (shown: ObjectListFormat) => (shown === 'raw' ? formatOptions[0].label : formatOptions[1].label);
  // The summary list of the mode shown, in a sentence for screen readers.
  const spokenSummary =
    mode === 'build'
      ? translate(
          {id: 'lab.objectListBuilder.status.build', message: 'Built list: {count} top-level objects, {length} bytes, {format}.'},
          {count: built.count, length: built.encoded.length, format: formatName(built.format)},
        )
      : translate(
          {id: 'lab.objectListBuilder.status.decode', message: 'Decoded list: {format}, {count} top-level objects.'},
          {format: formatName(decoded.format), count: decoded.items.length},
        );

  return (
    <section data-widget="object-list-builder" id={id} aria-labelledby={headingId} className={labStyles.panel} ref={rootRef} data-builder={treeId}>
      <h3 id={headingId} className={labStyles.panelTitle}>
        <Translate id="lab.objectListBuilder.title">Object-list builder</Translate>
      </h3>
      <p className={styles.intro}>
        <Translate id="lab.objectListBuilder.intro">
          Build a list of objects and read its bytes, raw or compressed, or paste the bytes of a list and read its objects. Point at an object to see its bytes; point at bytes to find their object.
        </Translate>
      </p>

      <div className={labStyles.fields}>
        <RadioField name="mode" legend={translate({id: 'lab.objectListBuilder.field.mode', message: 'Mode'})} value={mode} choices={modeOptions} onChange={(value) => setInput('mode', value)} />
        {mode === 'build' && (
          <RadioField
            name="format"
            legend={translate({id: 'lab.objectListBuilder.field.format', message: 'Encode as'})}
            value={format}
            choices={formatOptions}
            onChange={(value) => setInput('format', value)}
          />
        )}
        <SamplePicker
          name="example"
          label={translate({id: 'lab.objectListBuilder.example.label', message: 'Start from a real list'})}
          samples={SAMPLE_LISTS}
          selected={inputs.example || null}
          ownLabel={translate({id: 'lab.objectListBuilder.example.own', message: 'Your own list'})}
          optionLabel={(list) => list.label}
          ownHint={<Translate id="lab.objectListBuilder.example.ownHint">The list below is yours; pick an example to load a real one.</Translate>}
          onPick={loadList}
        />
      </div>
      <ResultStatus summary={spokenSummary} />

      {mode === 'build' ? (
        <>
          {/* Marks the node that the bytes point at by one rule, so that no node renders again. */}
          {markedFromBytes !== null && (
            <style>{`[data-builder="${treeId}"] [data-node="${markedFromBytes}"] > fieldset { outline: 3px solid var(--ifm-color-primary); outline-offset: 1px; }`}</style>
          )}
          <div className={styles.toolbar}>
            <button type="button" className="button button--sm button--secondary" data-action="clear" onClick={() => onAction({kind: 'load', nodes: []})}>
              <Translate id="lab.objectListBuilder.action.clear">Start an empty list</Translate>
            </button>
          </div>
          <div
            ref={treeBoxRef}
            className={styles.treeBox}
            role="group"
            aria-label={translate({id: 'lab.objectListBuilder.tree.label', message: 'The objects of the list'})}
            onMouseOver={(event) => setHovered(nodeFromEvent(event.target))}
            onMouseLeave={() => setHovered(null)}
            onFocus={(event) => setFocused(nodeFromEvent(event.target))}
            onBlur={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget)) setFocused(null);
            }}>
            <NodeList nodes={draft} parent="" onAction={onAction} requestFocus={requestFocus} />
          </div>

          {buildProblem !== null && (
            <p className={clsx(labStyles.note, styles.keptNote)}>
              {buildProblem}
            </p>
          )}
          <p role="alert" className={labStyles.alert}>
            {encodeFailed && buildProblem}
          </p>

          <dl className={labStyles.summary}>
            <div>
              <dt>
                <Translate id="lab.objectListBuilder.summary.count">Top-level objects</Translate>
              </dt>
              <dd>
                <Output name="object-count" value={String(built.count)} />
              </dd>
            </div>
            <div>
              <dt>
                <Translate id="lab.objectListBuilder.summary.length">Length</Translate>
              </dt>
              <dd>
                {translate({id: 'lab.objectListBuilder.summary.bytes', message: '{length} bytes, {format}'}, {length: built.encoded.length, format: formatName(built.format)})}
              </dd>
            </div>
            <div className={labStyles.summaryWide}>
              <dt>
                <Translate id="lab.objectListBuilder.summary.encoded">Encoded</Translate>
              </dt>
              <dd>
                <Output name="encoded" value={built.hex}>
                  {spacedHex(built.encoded)}
                </Output>
              </dd>
            </div>
          </dl>
          <HexView
            bytes={shownBuilt.encoded}
            annotations={shownBuilt.byteMap.annotations}
            label={translate({id: 'lab.objectListBuilder.hex.encoded', message: 'The encoded list, {length} bytes'}, {length: shownBuilt.encoded.length})}
            highlight={buildHighlight}
            onFieldActivate={onBuildField}
          />
          <ApproximateNote format={shownBuilt.format} />
          <div className={styles.toolbar}>
            <button type="button" className="button button--sm button--secondary" data-action="decode-encoded" onClick={() => setMany({mode: 'decode', hex: spacedHex(built.encoded)})}>
              <Translate id="lab.objectListBuilder.action.decodeEncoded">Decode these bytes</Translate>
            </button>
          </div>
        </>
      ) : (
        <>
          <div className={labStyles.fields}>
            <LabField
              name="hex"
              label={hexLabel}
              value={inputs.hex}
              onChange={(value) => setInput('hex', value)}
              problem={hexProblem}
              multiline
              wide
              hint={translate({id: 'lab.objectListBuilder.field.hexHint', message: 'From the marker byte on; spaces, colons and 0x are fine. Bytes after the list are shown but not read.'})}
            />
          </div>
          {hexProblem !== null && (
            <p className={clsx(labStyles.note, styles.keptNote)}>
              <Translate id="lab.objectListBuilder.decode.kept">The tree shows the last list that decoded.</Translate>
            </p>
          )}
          <dl className={labStyles.summary}>
            <div>
              <dt>
                <Translate id="lab.objectListBuilder.summary.format">Format</Translate>
              </dt>
              <dd>{formatName(decoded.format)}</dd>
            </div>
            <div>
              <dt>
                <Translate id="lab.objectListBuilder.summary.count">Top-level objects</Translate>
              </dt>
              <dd>
                <Output name="object-count" value={String(decoded.items.length)} />
              </dd>
            </div>
          </dl>
          <div data-output="decoded-tree" data-value={decoded.canonical}>
            <DissectionTree
              tree={shownDecoded.tree.tree}
              parentByPath={shownDecoded.tree.parentByPath}
              label={translate({id: 'lab.objectListBuilder.decode.treeLabel', message: 'The decoded objects'})}
              toggled={toggled}
              selected={selected}
              onSelect={setSelected}
              onToggle={toggle}
              onHover={setHovered}
            />
          </div>
          {shownDecoded.items.length === 0 && (
            <p className={labStyles.note}>
              <Translate id="lab.objectListBuilder.decode.empty">An empty list: no objects.</Translate>
            </p>
          )}
          <HexView
            bytes={decodeBytes}
            annotations={decodeShowsList ? shownDecoded.byteMap.annotations : undefined}
            label={translate({id: 'lab.objectListBuilder.hex.decoded', message: 'The pasted bytes, {length} bytes'}, {length: decodeBytes.length})}
            highlight={decodeHighlight}
            onFieldActivate={onDecodeField}
          />
          <ApproximateNote format={shownDecoded.format} />
          <div className={styles.toolbar}>
            <button
              type="button"
              className="button button--sm button--secondary"
              data-action="edit-decoded"
              onClick={() => {
                onAction({kind: 'load', nodes: itemsToDraft(decoded.items)});
                setMany({mode: 'build', format: decoded.format});
              }}>
              <Translate id="lab.objectListBuilder.action.editDecoded">Edit this list</Translate>
            </button>
          </div>
        </>
      )}

      <ShareLinkButton prefix={URL_PREFIX} inputs={inputs} anchor={id} />
    </section>
  );
}
