import {useEffect, useId, useRef, type ReactNode} from 'react';
import type {EditorProps} from './editorTypes';
import styles from './styles.module.css';

/** The offset in `text` of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

/** A plain text area for touch screens, where Monaco's editing is poor and its download heavy. */
export default function TextareaEditor({code, onChange, onRun, label, handleRef}: EditorProps): ReactNode {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    handleRef.current = {
      revealPosition(line, column) {
        const element = textarea.current;
        if (!element) return;
        const offset = offsetOf(element.value, line, column);
        element.focus();
        element.setSelectionRange(offset, offset);
      },
    };
    textarea.current?.focus();
    return () => {
      handleRef.current = null;
    };
  }, [handleRef]);

  return (
    <div className={styles.textareaEditor}>
      <label htmlFor={id} className={styles.editorLabel}>
        {label}
      </label>
      <textarea
        id={id}
        ref={textarea}
        className={styles.textarea}
        value={code}
        rows={Math.min(24, Math.max(4, code.split('\n').length + 1))}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onRun(event.currentTarget.value);
          }
        }}
      />
    </div>
  );
}
