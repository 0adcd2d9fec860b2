import {useId, useState, type ReactNode} from 'react';
import CodeBlock from '@theme/CodeBlock';
import clsx from 'clsx';
import Translate from '@docusaurus/Translate';
import type {CellCode} from './useCellCode';
import styles from './styles.module.css';

/**
 * What a reader should know about the code in a cell: a kept edit of an older lesson version, code
 * from a share link, and problems keeping edits or reading the link.
 */
export default function CellNotices({cell, original}: {cell: CellCode; original: string}): ReactNode {
  const [showingLesson, setShowingLesson] = useState(false);
  const lessonId = useId();

  return (
    <>
      {cell.stale && (
        <div className={clsx('alert', 'alert--warning', styles.notice)}>
          <p>
            <Translate id="notebook.notice.stale">
              The lesson's code changed since you edited this cell. The editor shows your version.
            </Translate>
          </p>
          <div className={styles.noticeActions}>
            <button type="button" className="button button--sm button--secondary" onClick={cell.keepMine}>
              <Translate id="notebook.notice.keepMine">Keep my version</Translate>
            </button>
            <button type="button" className="button button--sm button--secondary" onClick={cell.reset}>
              <Translate id="notebook.notice.loadLesson">Load the new version</Translate>
            </button>
            <button
              type="button"
              className="button button--sm button--link"
              aria-expanded={showingLesson}
              aria-controls={lessonId}
              onClick={() => setShowingLesson((shown) => !shown)}>
              {showingLesson ? (
                <Translate id="notebook.notice.hideLesson">Hide the new version</Translate>
              ) : (
                <Translate id="notebook.notice.showLesson">Show the new version</Translate>
              )}
            </button>
          </div>
          <div id={lessonId} hidden={!showingLesson}>
            <CodeBlock language="ts">{original}</CodeBlock>
          </div>
        </div>
      )}
      {cell.sharedNotRun && (
        <p className={`alert alert--info ${styles.notice}`}>
          <Translate id="notebook.notice.shared">
            From a shared link — not run yet. Read the code, then press Run if you want to run it.
          </Translate>
        </p>
      )}
      {cell.shareProblem && (
        <p role="alert" className={`alert alert--danger ${styles.notice}`}>
          {cell.shareProblem}
        </p>
      )}
      <p role="status" className={cell.storageProblem ? clsx('alert', 'alert--warning', styles.notice) : styles.emptyStatus}>
        {cell.storageProblem}
      </p>
    </>
  );
}
