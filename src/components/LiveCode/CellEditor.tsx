import {lazy, Suspense, type FocusEvent, type ReactNode} from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import ErrorBoundary from '@docusaurus/ErrorBoundary';
import CodeBlock from '@theme/CodeBlock';
import Translate from '@docusaurus/Translate';
import TextareaEditor from './TextareaEditor';
import type {EditorProps} from './editorTypes';
import styles from './styles.module.css';

// A separate chunk (Monaco is megabytes), fetched only once a reader starts editing.
const MonacoEditor = lazy(() => import('./MonacoEditor'));

export interface CellEditorProps extends EditorProps {
  /** Whether the reader has asked for the editor; until then the code shows highlighted, as on the server. */
  editing: boolean;
  onStartEditing(): void;
}

const onTouchScreen = () => window.matchMedia('(pointer: coarse)').matches;

/**
 * A cell's code: highlighted and readable without JavaScript, and replaced by an editor when the
 * reader presses Edit or focuses the code; on paper, the code as it is now. The same piece serves
 * live code cells and exercises.
 */
export default function CellEditor({editing, onStartEditing, ...editor}: CellEditorProps): ReactNode {
  const startFromCode = (event: FocusEvent<HTMLDivElement>) => {
    // The code block's own buttons (copy, wrap) keep working without loading the editor.
    if (event.target instanceof Element && event.target.closest('pre')) onStartEditing();
  };
  const highlighted = (
    <div className={styles.highlighted} onFocus={startFromCode}>
      <CodeBlock language="ts">{editor.code}</CodeBlock>
    </div>
  );
  if (!editing) return highlighted;

  return (
    <>
      <BrowserOnly fallback={highlighted}>
        {() =>
          onTouchScreen() ? (
            <TextareaEditor {...editor} />
          ) : (
            <div className={styles.editor}>
              <div className={styles.editorHeading}>
                <span className={styles.editorLabel}>{editor.label}</span>
                <span className={styles.editorHint}>
                  <Translate id="notebook.editor.tabHint">Press Ctrl+M to move focus out of the editor with Tab</Translate>
                </span>
              </div>
              <ErrorBoundary
                fallback={() => (
                  // The editor's chunk could not be fetched (offline, say): the code stays editable.
                  <>
                    <p role="status" className={styles.editorHint}>
                      <Translate id="notebook.editor.failed">The editor could not be loaded; a plain text box stands in for it.</Translate>
                    </p>
                    <TextareaEditor {...editor} />
                  </>
                )}>
                <Suspense
                  fallback={
                    <>
                      {highlighted}
                      <p role="status" className={styles.editorHint}>
                        <Translate id="notebook.editor.loading">Loading the editor…</Translate>
                      </p>
                    </>
                  }>
                  <MonacoEditor {...editor} />
                </Suspense>
              </ErrorBoundary>
            </div>
          )
        }
      </BrowserOnly>
      {/* Monaco draws only the lines in view and a text area only its box: paper gets the code as it is now. */}
      <pre className={styles.printCode} data-print-code="">
        {editor.code}
      </pre>
    </>
  );
}
