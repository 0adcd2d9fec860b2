/**
 * A decoded object list as a nested list a reader can follow: each object's type (number and name),
 * its id, and its value in a readable form (spec §7, types table; the words are lab/objectText's).
 * Nested lists (type 5) nest.
 */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import type {ObjectItem} from '@site/src/protocol';
import {describeObjectValue, objectTypeName, objectValueText} from '@site/src/components/lab/objectText';
import labStyles from '@site/src/components/lab/styles.module.css';
import styles from './styles.module.css';

/** The objects of one list, nested lists inside their parent's entry. */
export default function ObjectTree({items}: {items: readonly ObjectItem[]}): ReactNode {
  return (
    <ul className={styles.tree}>
      {items.map((item, index) => (
        <li key={index}>
          <span className={styles.objectHead}>
            {translate({id: 'lab.udpAttack.objectHead', message: 'type {type} ({name}), id {id}:'}, {type: item.type, name: objectTypeName(item.type), id: item.id})}
          </span>{' '}
          {item.type === 5 ? (
            <>
              {objectValueText(describeObjectValue(item))}
              <ObjectTree items={item.value} />
            </>
          ) : (
            <code className={labStyles.output}>{objectValueText(describeObjectValue(item))}</code>
          )}
        </li>
      ))}
    </ul>
  );
}
