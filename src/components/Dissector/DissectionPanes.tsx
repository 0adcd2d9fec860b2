/**
 * The dissector's three panes, linked both ways: the tree of fields, the datagram's bytes, and the
 * decryption (ciphertext, keystream and plaintext aligned). A tree node highlights its bytes; a field
 * hovered or focused in a byte view selects its node. Memoised, so that typing re-renders these
 * heavy views only when the dissection they show has changed.
 */
import {memo, useMemo, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import HexView, {type HexViewField} from '@site/src/components/HexView';
import {bytesToHex} from '@site/src/protocol';
import type {HexAnnotation} from '@site/src/live/types';
import DissectionTree from './DissectionTree';
import type {Dissection, DissectionView} from './dissect';
import {fieldLabel} from './nodeText';
import styles from './styles.module.css';

/** The annotations of one byte view, and the node behind each, to map a hovered field back to its node. */
function viewFields(dissection: Dissection, view: DissectionView): {annotations: HexAnnotation[]; pathOf: Map<string, string>} {
  const annotations: HexAnnotation[] = [];
  const pathOf = new Map<string, string>();
  for (const {path, span} of dissection.fields) {
    if (span.view !== view || span.end <= span.start) continue;
    const label = fieldLabel(dissection.nodeByPath.get(path)!, dissection.nodeByPath);
    annotations.push({start: span.start, end: span.end, label});
    pathOf.set(`${span.start}:${span.end}:${label}`, path);
  }
  return {annotations, pathOf};
}

const fieldKey = (field: HexViewField) => `${field.start}:${field.end}:${field.label}`;

export interface DissectionPanesProps {
  dissection: Dissection;
  /** The node the reader selected, and the one under the pointer (which wins for the highlight). */
  selected: string | null;
  hovered: string | null;
  toggled: ReadonlySet<string>;
  onSelect(path: string): void;
  onToggle(path: string): void;
  onHover(path: string | null): void;
  /** A node picked from a byte view: selected, with its closed ancestors opened. */
  onReveal(path: string): void;
}

function DissectionPanes({dissection, selected, hovered, toggled, onSelect, onToggle, onHover, onReveal}: DissectionPanesProps): ReactNode {
  const datagramView = useMemo(() => viewFields(dissection, 'datagram'), [dissection]);
  const plaintextView = useMemo(() => viewFields(dissection, 'plaintext'), [dissection]);
  const {decryption} = dissection;
  const plaintextRows = useMemo(
    () =>
      decryption && [
        {name: translate({id: 'lab.dissector.row.ciphertext', message: 'ciphertext'}), bytes: decryption.ciphertext},
        {name: translate({id: 'lab.dissector.row.keystream', message: 'keystream'}), bytes: decryption.keystream},
        {name: translate({id: 'lab.dissector.row.plaintext', message: 'plaintext'}), bytes: decryption.plaintext},
      ],
    [decryption],
  );

  const plaintextHex = useMemo(() => (decryption ? bytesToHex(decryption.plaintext) : ''), [decryption]);
  const marked = dissection.nodeByPath.get(hovered ?? '') ?? dissection.nodeByPath.get(selected ?? '') ?? null;
  const span = marked?.span && marked.span.end > marked.span.start ? marked.span : null;
  const highlightIn = (view: DissectionView) => (span?.view === view ? {start: span.start, end: span.end} : null);
  const reveal = (view: {pathOf: Map<string, string>}, field: HexViewField | null) => {
    const path = field && view.pathOf.get(fieldKey(field));
    if (path) onReveal(path);
  };

  return (
    <>
      <h4 className={styles.paneTitle}>
        <Translate id="lab.dissector.pane.tree">Fields</Translate>
      </h4>
      <div data-output="object-tree" data-value={dissection.objectCount}>
        <DissectionTree
          tree={dissection.tree}
          parentByPath={dissection.parentByPath}
          label={translate({id: 'lab.dissector.tree.label', message: 'Dissection of the datagram'})}
          toggled={toggled}
          selected={selected}
          onSelect={onSelect}
          onToggle={onToggle}
          onHover={onHover}
        />
      </div>

      <h4 className={styles.paneTitle}>
        <Translate id="lab.dissector.pane.datagram">Datagram bytes</Translate>
      </h4>
      <HexView
        bytes={dissection.bytes}
        annotations={datagramView.annotations}
        label={translate({id: 'lab.dissector.hex.datagram', message: 'Datagram, {length} bytes'}, {length: dissection.bytes.length})}
        highlight={highlightIn('datagram')}
        onFieldActivate={(field) => reveal(datagramView, field)}
      />

      {decryption && plaintextRows && (
        <div data-output="plaintext" data-value={plaintextHex}>
          <h4 className={styles.paneTitle}>
            <Translate id="lab.dissector.pane.plaintext">Decryption: ciphertext XOR keystream = plaintext</Translate>
          </h4>
          <HexView
            rows={plaintextRows}
            annotations={plaintextView.annotations}
            label={translate({id: 'lab.dissector.hex.plaintext', message: 'Plaintext, {length} bytes, offsets of the plaintext'}, {length: decryption.plaintext.length})}
            highlight={highlightIn('plaintext')}
            onFieldActivate={(field) => reveal(plaintextView, field)}
          />
        </div>
      )}
    </>
  );
}

export default memo(DissectionPanes);
