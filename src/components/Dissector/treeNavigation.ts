/**
 * Which nodes of the dissection tree are open, which are visible, and where the arrow keys of the
 * WAI-ARIA tree pattern move (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/). Pure functions,
 * so that the keyboard behaviour is tested without a browser.
 */
import type {DissectionNode} from './dissect';

/**
 * Open at first: the datagram's header, the seed, the commands, each command and its object list.
 * Nested lists start closed, so a long reply shows its outline before its details.
 */
export function openByDefault(node: DissectionNode): boolean {
  switch (node.detail.kind) {
    case 'datagram':
    case 'seed':
    case 'commands':
    case 'command':
    case 'objectList':
      return true;
    default:
      return false;
  }
}

/** A node is open when it has children and its default was not flipped by the reader. */
export function isExpanded(node: DissectionNode, toggled: ReadonlySet<string>): boolean {
  return node.children.length > 0 && openByDefault(node) !== toggled.has(node.path);
}

/** The nodes a reader can see, top to bottom: children of closed nodes are not rendered. */
export function visibleNodes(tree: readonly DissectionNode[], toggled: ReadonlySet<string>): DissectionNode[] {
  const visible: DissectionNode[] = [];
  const visit = (node: DissectionNode) => {
    visible.push(node);
    if (isExpanded(node, toggled)) node.children.forEach(visit);
  };
  tree.forEach(visit);
  return visible;
}

/** What a key press asks for: move the focus to a node, or open or close one. */
export type TreeAction = {kind: 'focus'; path: string} | {kind: 'toggle'; path: string};

/**
 * The action of a key on the focused node `path`: Up and Down walk the visible nodes, Home and End
 * jump to the first and last, Right opens a closed node or enters an open one, Left closes an open
 * node or goes to its parent, Enter and Space open or close. Null for any other key.
 *
 * @example treeKeyAction('ArrowDown', 'datagram', tree, new Set(), parents) // {kind: 'focus', path: 'datagram/packet-id'}
 */
export function treeKeyAction(
  key: string,
  path: string,
  tree: readonly DissectionNode[],
  toggled: ReadonlySet<string>,
  parentByPath: ReadonlyMap<string, string>,
): TreeAction | null {
  const visible = visibleNodes(tree, toggled);
  const position = visible.findIndex((node) => node.path === path);
  if (position < 0) return null;
  const node = visible[position];
  const focus = (target: DissectionNode | undefined): TreeAction | null => (target ? {kind: 'focus', path: target.path} : null);
  switch (key) {
    case 'ArrowDown':
      return focus(visible[position + 1]);
    case 'ArrowUp':
      return focus(visible[position - 1]);
    case 'Home':
      return focus(visible[0]);
    case 'End':
      return focus(visible[visible.length - 1]);
    case 'ArrowRight':
      if (node.children.length === 0) return null;
      return isExpanded(node, toggled) ? focus(node.children[0]) : {kind: 'toggle', path};
    case 'ArrowLeft': {
      if (isExpanded(node, toggled)) return {kind: 'toggle', path};
      const parent = parentByPath.get(path);
      return parent === undefined ? null : {kind: 'focus', path: parent};
    }
    case 'Enter':
    case ' ':
      return node.children.length > 0 ? {kind: 'toggle', path} : null;
    default:
      return null;
  }
}

/**
 * The set of flipped nodes after opening every closed ancestor of `path`, so that a node chosen from
 * a byte view is visible; the same set when nothing had to open.
 *
 * @example revealed('command-0/object-2', toggled, nodeByPath, parentByPath) // opens 'command-0/params' if closed
 */
export function revealed(
  path: string,
  toggled: ReadonlySet<string>,
  nodeByPath: ReadonlyMap<string, DissectionNode>,
  parentByPath: ReadonlyMap<string, string>,
): ReadonlySet<string> {
  let next: Set<string> | null = null;
  for (let ancestor = parentByPath.get(path); ancestor !== undefined; ancestor = parentByPath.get(ancestor)) {
    const node = nodeByPath.get(ancestor);
    if (!node || isExpanded(node, next ?? toggled)) continue;
    next ??= new Set(toggled);
    if (next.has(ancestor)) next.delete(ancestor);
    else next.add(ancestor);
  }
  return next ?? toggled;
}
