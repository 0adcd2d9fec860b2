/**
 * The dissector's packet-details pane: a WAI-ARIA tree of the dissection's nodes. One tab stop; the
 * arrow keys walk and open nodes (treeNavigation.ts); focus selects. Children of closed nodes are not
 * rendered, so a long reply costs only what is open.
 */
import {memo, useEffect, useId, useRef, type KeyboardEvent, type MouseEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import type {DissectionNode} from './dissect';
import {nodeText} from './nodeText';
import {isExpanded, treeKeyAction} from './treeNavigation';
import styles from './styles.module.css';

export interface DissectionTreeProps {
  tree: readonly DissectionNode[];
  parentByPath: ReadonlyMap<string, string>;
  /** Accessible name of the tree. */
  label: string;
  /** Nodes whose default open state the reader flipped. */
  toggled: ReadonlySet<string>;
  /** The selected node: focused when the tree has focus, highlighted in the byte views. */
  selected: string | null;
  onSelect(path: string): void;
  onToggle(path: string): void;
  /** The node under the pointer, or null when the pointer leaves the tree. */
  onHover(path: string | null): void;
}

/** The tree item an event happened in. */
function pathOf(target: EventTarget | null): string | null {
  const item = target instanceof Element ? target.closest<HTMLElement>('[data-node]') : null;
  return item?.dataset.node ?? null;
}

/** Scrolls the tree's own box, never the page, to show `item`'s row; used when a byte view picks a node. */
function scrollRowIntoBox(box: HTMLElement, row: HTMLElement) {
  const boxRect = box.getBoundingClientRect();
  const rowRect = row.getBoundingClientRect();
  if (rowRect.top < boxRect.top) box.scrollTop -= boxRect.top - rowRect.top + 8;
  else if (rowRect.bottom > boxRect.bottom) box.scrollTop += rowRect.bottom - boxRect.bottom + 8;
}

interface TreeItemProps {
  /** Unique per tree on the page, for the ids that name each item. */
  idPrefix: string;
  node: DissectionNode;
  level: number;
  toggled: ReadonlySet<string>;
  selected: string | null;
  tabStop: string;
}

const TreeItem = memo(function TreeItem({idPrefix, node, level, toggled, selected, tabStop}: TreeItemProps): ReactNode {
  const text = nodeText(node);
  const hasChildren = node.children.length > 0;
  const expanded = isExpanded(node, toggled);
  const labelId = `${idPrefix}-${node.path.replace(/\W/g, '-')}`;
  return (
    <li
      role="treeitem"
      aria-level={level}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={node.path === selected}
      aria-labelledby={labelId}
      tabIndex={node.path === tabStop ? 0 : -1}
      className={styles.item}
      data-node={node.path}
      data-view={node.span?.view}
      data-start={node.span?.start}
      data-end={node.span?.end}>
      <div className={clsx(styles.row, node.path === selected && styles.selected)}>
        <span className={styles.twisty} aria-hidden="true" data-twisty="">
          {hasChildren ? (expanded ? '▾' : '▸') : ''}
        </span>
        <span className={styles.rowText}>
          <span id={labelId}>
            <span className={styles.nodeLabel}>{text.label}</span>
            {text.value !== null && <span className={styles.nodeValue}>: {text.value}</span>}
          </span>
          {text.range !== null && <span className={styles.nodeRange}> · {text.range}</span>}
          {text.note !== null && <span className={styles.note}>{text.note}</span>}
        </span>
      </div>
      {hasChildren && expanded && (
        <ul role="group" className={styles.group}>
          {node.children.map((child) => (
            <TreeItem key={child.path} idPrefix={idPrefix} node={child} level={level + 1} toggled={toggled} selected={selected} tabStop={tabStop} />
          ))}
        </ul>
      )}
    </li>
  );
});

export default function DissectionTree({tree, parentByPath, label, toggled, selected, onSelect, onToggle, onHover}: DissectionTreeProps): ReactNode {
  const boxRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const rowOf = (path: string) => boxRef.current?.querySelector<HTMLElement>(`[data-node="${CSS.escape(path)}"] > div`) ?? null;
  const tabStop = selected !== null && rowOfVisible(tree, toggled, selected) ? selected : (tree[0]?.path ?? '');

  // A node picked from a byte view is scrolled into the tree's box; the focus stays where the reader is.
  useEffect(() => {
    const box = boxRef.current;
    if (selected === null || !box || box.contains(document.activeElement)) return;
    const row = rowOf(selected);
    if (row) scrollRowIntoBox(box, row);
  }, [selected, toggled]);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const path = pathOf(event.target);
    if (path === null) return;
    const action = treeKeyAction(event.key, path, tree, toggled, parentByPath);
    if (action === null) return;
    event.preventDefault();
    if (action.kind === 'toggle') onToggle(action.path);
    else boxRef.current?.querySelector<HTMLElement>(`[data-node="${CSS.escape(action.path)}"]`)?.focus();
  }

  function onClick(event: MouseEvent<HTMLUListElement>) {
    const path = pathOf(event.target);
    if (path === null) return;
    if (event.target instanceof Element && event.target.closest('[data-twisty]')) onToggle(path);
    // The clicked row is in view already: scrolling to the whole item would move it from under the pointer.
    boxRef.current?.querySelector<HTMLElement>(`[data-node="${CSS.escape(path)}"]`)?.focus({preventScroll: true});
  }

  return (
    <div className={styles.treeBox} ref={boxRef}>
      <ul
        role="tree"
        aria-label={label}
        className={styles.tree}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onDoubleClick={(event) => {
          const path = pathOf(event.target);
          if (path !== null && !(event.target instanceof Element && event.target.closest('[data-twisty]'))) onToggle(path);
        }}
        onFocus={(event) => {
          // Focus from inside an item (a link in a note) keeps the item selected too.
          const path = pathOf(event.target);
          if (path !== null) onSelect(path);
        }}
        onMouseOver={(event) => onHover(pathOf(event.target))}
        onMouseLeave={() => onHover(null)}>
        {tree.map((node) => (
          <TreeItem key={node.path} idPrefix={idPrefix} node={node} level={1} toggled={toggled} selected={selected} tabStop={tabStop} />
        ))}
      </ul>
    </div>
  );
}

/** Whether `path` is a visible node: the tab stop must be on a rendered item. */
function rowOfVisible(tree: readonly DissectionNode[], toggled: ReadonlySet<string>, path: string): boolean {
  const visit = (nodes: readonly DissectionNode[]): boolean =>
    nodes.some((node) => node.path === path || (isExpanded(node, toggled) && visit(node.children)));
  return visit(tree);
}
