/**
 * The builder's tree editor: one fieldset per object with its id, its value fields (by type), and
 * buttons to move, remove and (for a nested list) show or hide it, and an "add" control under every
 * list. Memoised per object: an edit renders again only the objects on its path.
 */
import {memo, useId, useMemo, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import LabField from '@site/src/components/lab/LabField';
import {objectTypeName} from '@site/src/components/lab/objectText';
import labStyles from '@site/src/components/lab/styles.module.css';
import {OBJECT_TYPES, nodeProblems, objectPathText, pathOfKey, type DraftAction, type DraftField, type DraftNode, type ObjectType, type StringForm} from './draft';
import styles from './styles.module.css';

/** Moves the focus after an edit, once the tree has rendered: a CSS selector within the widget. */
export type FocusRequest = (selector: string) => void;

/** The selector of a control of the object at `path` itself, not of its nested objects. */
export const controlOf = (path: string, action: string) => `[data-node="${path}"] > fieldset > [data-actions] > [data-action="${action}"]`;
/** The selector of the first input of the object at `path`. */
export const idInputOf = (path: string) => `[data-node="${path}"] > fieldset > [data-fields] > [data-field="id"] input`;
/** The selector of the type select of the add control of the list at `parent` ('' for the top-level list). */
export const addControlOf = (parent: string) => `[data-add-to="${parent}"] select`;

interface AddControlProps {
  parent: string;
  count: number;
  onAction(action: DraftAction): void;
  requestFocus: FocusRequest;
}

/** "Add an object of type …" under a list. */
export const AddControl = memo(function AddControl({parent, count, onAction, requestFocus}: AddControlProps): ReactNode {
  const [type, setType] = useState<ObjectType>(0);
  const selectId = useId();
  const where =
    parent === ''
      ? translate({id: 'lab.objectListBuilder.add.top', message: 'the top-level list'})
      : translate({id: 'lab.objectListBuilder.add.nested', message: 'the list of {object}'}, {object: objectPathText(pathOfKey(parent))});
  return (
    <div className={styles.add} data-add-to={parent}>
      <label htmlFor={selectId} className={styles.addLabel}>
        <Translate id="lab.objectListBuilder.add.type" values={{where}}>
          {'New object in {where}, of type'}
        </Translate>
      </label>
      <select id={selectId} name="new-type" className={clsx(labStyles.input, labStyles.select, styles.typeSelect)} value={type} onChange={(event) => setType(Number(event.currentTarget.value) as ObjectType)}>
        {OBJECT_TYPES.map((option) => (
          <option key={option} value={option}>
            {option}: {objectTypeName(option)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--sm button--primary"
        data-action="add"
        onClick={() => {
          onAction({kind: 'add', parent, type});
          requestFocus(idInputOf(parent === '' ? String(count) : `${parent}.${count}`));
        }}>
        <Translate id="lab.objectListBuilder.add.button">Add object</Translate>
      </button>
    </div>
  );
});

interface NodeEditorProps {
  node: DraftNode;
  /** The object's path key ('2.0'). */
  path: string;
  first: boolean;
  last: boolean;
  onAction(action: DraftAction): void;
  requestFocus: FocusRequest;
}

function ValueFields({node, path, problemOf, onAction}: {node: DraftNode; path: string; problemOf(field: DraftField): string | null; onAction(action: DraftAction): void}): ReactNode {
  const edit = (field: 'value' | 'port') => (text: string) => onAction({kind: 'edit', path, field, text});
  const formId = useId();
  switch (node.type) {
    case 0:
      return (
        <LabField
          name="value"
          label={translate({id: 'lab.objectListBuilder.label.number', message: 'Number (u32)'})}
          value={node.value}
          onChange={edit('value')}
          problem={problemOf('value')}
          hint={translate({id: 'lab.objectListBuilder.hint.number', message: 'decimal, or hex with 0x'})}
        />
      );
    case 1:
      return (
        <LabField
          name="value"
          label={translate({id: 'lab.objectListBuilder.label.uint64', message: 'Number (u64)'})}
          value={node.value}
          onChange={edit('value')}
          problem={problemOf('value')}
          hint={translate({id: 'lab.objectListBuilder.hint.number', message: 'decimal, or hex with 0x'})}
        />
      );
    case 2:
      return (
        <>
          <LabField name="ip" label={translate({id: 'lab.objectListBuilder.label.ip', message: 'IP address'})} value={node.value} onChange={edit('value')} problem={problemOf('value')} />
          <LabField name="port" label={translate({id: 'lab.objectListBuilder.label.port', message: 'Port'})} value={node.port} onChange={edit('port')} problem={problemOf('port')} />
        </>
      );
    case 3:
      return (
        <>
          <LabField
            name="value"
            label={
              node.stringForm === 'text'
                ? translate({id: 'lab.objectListBuilder.label.stringText', message: 'String (text, sent as UTF-8)'})
                : translate({id: 'lab.objectListBuilder.label.stringHex', message: 'String (hex bytes)'})
            }
            value={node.value}
            onChange={edit('value')}
            problem={problemOf('value')}
            wide
          />
          <div className={labStyles.field} data-field="string-form">
            <label htmlFor={formId} className={labStyles.label}>
              <Translate id="lab.objectListBuilder.label.stringForm">Written as</Translate>
            </label>
            <select
              id={formId}
              name="string-form"
              className={clsx(labStyles.input, labStyles.select)}
              value={node.stringForm}
              onChange={(event) => onAction({kind: 'string-form', path, form: event.currentTarget.value as StringForm})}>
              <option value="text">{translate({id: 'lab.objectListBuilder.stringForm.text', message: 'text'})}</option>
              <option value="hex">{translate({id: 'lab.objectListBuilder.stringForm.hex', message: 'hex bytes'})}</option>
            </select>
          </div>
        </>
      );
    case 4:
      return (
        <LabField
          name="value"
          label={translate({id: 'lab.objectListBuilder.label.blob', message: 'Blob (hex bytes)'})}
          value={node.value}
          onChange={edit('value')}
          problem={problemOf('value')}
          multiline
          wide
        />
      );
    case 5:
      return null;
    case 6:
      return (
        <LabField
          name="value"
          label={translate({id: 'lab.objectListBuilder.label.numbers', message: 'Numbers (u32 each)'})}
          value={node.value}
          onChange={edit('value')}
          problem={problemOf('value')}
          hint={translate({id: 'lab.objectListBuilder.hint.numbers', message: 'separated by commas or spaces'})}
          wide
        />
      );
  }
}

/** One object of the tree, with its nested objects when it is an open list. */
export const NodeEditor = memo(function NodeEditor({node, path, first, last, onAction, requestFocus}: NodeEditorProps): ReactNode {
  const pathArray = useMemo(() => pathOfKey(path), [path]);
  const problems = useMemo(() => nodeProblems(node, pathArray), [node, pathArray]);
  const problemOf = (field: DraftField) => problems.find((problem) => problem.field === field)?.message ?? null;
  const where = objectPathText(pathArray);
  const parent = pathArray.slice(0, -1).join('.');
  const nesting = problemOf('nesting');
  const move = (by: -1 | 1, action: string, disabled: boolean) => () => {
    if (disabled) return;
    onAction({kind: 'move', path, by});
    const target = [...pathArray.slice(0, -1), pathArray[pathArray.length - 1] + by].join('.');
    requestFocus(controlOf(target, action));
  };
  return (
    <li className={styles.node} data-node={path} data-type={node.type}>
      <fieldset className={styles.nodeBox}>
        <legend className={styles.legend}>
          {where}: {objectTypeName(node.type)}
          {node.type === 5 && (
            <span className={styles.count}>
              {' '}
              <Translate id="lab.objectListBuilder.node.count" values={{count: node.children.length}}>
                {'({count} objects)'}
              </Translate>
            </span>
          )}
        </legend>
        <div className={clsx(labStyles.fields, styles.nodeFields)} data-fields="">
          <LabField
            name="id"
            label={translate({id: 'lab.objectListBuilder.label.id', message: 'Id'})}
            value={node.id}
            onChange={(text) => onAction({kind: 'edit', path, field: 'id', text})}
            problem={problemOf('id')}
          />
          <ValueFields node={node} path={path} problemOf={problemOf} onAction={onAction} />
        </div>
        <div className={styles.actions} data-actions="">
          <button
            type="button"
            className="button button--sm button--secondary"
            data-action="move-up"
            aria-disabled={first}
            aria-label={translate({id: 'lab.objectListBuilder.action.upLabel', message: 'Move {object} up'}, {object: where})}
            onClick={move(-1, 'move-up', first)}>
            <Translate id="lab.objectListBuilder.action.up">↑ Up</Translate>
          </button>
          <button
            type="button"
            className="button button--sm button--secondary"
            data-action="move-down"
            aria-disabled={last}
            aria-label={translate({id: 'lab.objectListBuilder.action.downLabel', message: 'Move {object} down'}, {object: where})}
            onClick={move(1, 'move-down', last)}>
            <Translate id="lab.objectListBuilder.action.down">↓ Down</Translate>
          </button>
          <button
            type="button"
            className="button button--sm button--secondary"
            data-action="remove"
            aria-label={translate({id: 'lab.objectListBuilder.action.removeLabel', message: 'Remove {object}'}, {object: where})}
            onClick={() => {
              onAction({kind: 'remove', path});
              requestFocus(addControlOf(parent));
            }}>
            <Translate id="lab.objectListBuilder.action.remove">Remove</Translate>
          </button>
          {node.type === 5 && (
            <button type="button" className="button button--sm button--secondary" data-action="toggle" aria-expanded={node.open} onClick={() => onAction({kind: 'toggle', path})}>
              {node.open
                ? translate({id: 'lab.objectListBuilder.action.hide', message: 'Hide its objects'})
                : translate({id: 'lab.objectListBuilder.action.show', message: 'Show its objects'})}
            </button>
          )}
        </div>
        {node.type === 5 && (
          <p role="alert" className={labStyles.alert}>
            {nesting}
          </p>
        )}
        {node.type === 5 && node.open && <NodeList nodes={node.children} parent={path} onAction={onAction} requestFocus={requestFocus} />}
      </fieldset>
    </li>
  );
});

interface NodeListProps {
  nodes: readonly DraftNode[];
  parent: string;
  onAction(action: DraftAction): void;
  requestFocus: FocusRequest;
}

/** A list of the tree (the top-level one or a nested one) and its add control. */
export function NodeList({nodes, parent, onAction, requestFocus}: NodeListProps): ReactNode {
  return (
    <>
      {nodes.length > 0 && (
        <ol className={styles.list} data-list={parent}>
          {nodes.map((node, index) => (
            <NodeEditor
              key={node.key}
              node={node}
              path={parent === '' ? String(index) : `${parent}.${index}`}
              first={index === 0}
              last={index === nodes.length - 1}
              onAction={onAction}
              requestFocus={requestFocus}
            />
          ))}
        </ol>
      )}
      <AddControl parent={parent} count={nodes.length} onAction={onAction} requestFocus={requestFocus} />
    </>
  );
}
