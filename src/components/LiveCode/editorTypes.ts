import type {RefObject} from 'react';

/** What a cell asks of whichever editor is open. */
export interface EditorHandle {
  /** Puts the cursor at a 1-based line and column of the code and focuses the editor there. */
  revealPosition(line: number, column: number): void;
}

/** The props both editors take: Monaco on desktop, a plain text area on touch screens. */
export interface EditorProps {
  code: string;
  /** Called with each change the reader types. */
  onChange(code: string): void;
  /** Ctrl+Enter (Cmd+Enter on macOS), with the code as the editor has it at that moment. */
  onRun(code: string): void;
  /** A name unique on the page, for the editor's model (`file:///cells/….ts`). */
  modelPath: string;
  /** The editor's visible and accessible name. */
  label: string;
  handleRef: RefObject<EditorHandle | null>;
}
