import {useEffect, useRef, useState, type ReactNode} from 'react';
import Editor, {type OnMount} from '@monaco-editor/react';
import type {editor as MonacoEditorTypes} from 'monaco-editor/editor';
import {useColorMode} from '@docusaurus/theme-common';
import Translate, {translate} from '@docusaurus/Translate';
import {monaco} from './monacoSetup';
import type {EditorProps} from './editorTypes';
import styles from './styles.module.css';

const LINE_HEIGHT = 19;
const VERTICAL_PADDING = 16;
const MINIMUM_HEIGHT = 96;
const MAXIMUM_HEIGHT = 600;

const clampHeight = (height: number) => Math.min(MAXIMUM_HEIGHT, Math.max(MINIMUM_HEIGHT, height));

/** Monaco, grown to fit its code, in the site's colour mode; loaded only when a reader starts editing. */
export default function MonacoEditor({code, onChange, onRun, modelPath, label, handleRef}: EditorProps): ReactNode {
  const {colorMode} = useColorMode();
  const [height, setHeight] = useState(() => clampHeight(code.split('\n').length * LINE_HEIGHT + VERTICAL_PADDING));
  const editorRef = useRef<MonacoEditorTypes.IStandaloneCodeEditor | null>(null);
  // Texts the reader typed that the cell has not rendered back yet. When `code` comes back as one of
  // them it is only an echo of typing, perhaps already overtaken by newer keystrokes: writing it into
  // the editor would drop those keystrokes.
  const echoes = useRef<string[]>([]);
  const latestCode = useRef(code);
  const replacing = useRef(false);
  // The editor's key binding is registered once; it must call the latest run function.
  const latestOnRun = useRef(onRun);
  useEffect(() => {
    latestOnRun.current = onRun;
  }, [onRun]);
  useEffect(
    () => () => {
      handleRef.current = null;
    },
    [handleRef],
  );

  // Code replaced from outside (Reset, a solution, a newer lesson version) goes into the editor as one
  // undoable edit.
  useEffect(() => {
    latestCode.current = code;
    const echo = echoes.current.lastIndexOf(code);
    if (echo !== -1) {
      echoes.current.splice(0, echo + 1);
      return;
    }
    echoes.current = [];
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || code === model.getValue()) return;
    replacing.current = true; // the edit below is not the reader's typing
    editor.pushUndoStop();
    editor.executeEdits('cell', [{range: model.getFullModelRange(), text: code}]);
    editor.pushUndoStop();
    replacing.current = false;
  }, [code]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    // The code may have been replaced while the editor was being created.
    if (editor.getValue() !== latestCode.current) editor.setValue(latestCode.current);
    editor.addAction({
      id: 'notebook.run',
      label: translate({id: 'notebook.editor.runAction', message: 'Run the code'}),
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => latestOnRun.current(editor.getValue()),
    });
    editor.onDidContentSizeChange((event) => setHeight(clampHeight(event.contentHeight)));
    handleRef.current = {
      revealPosition(line, column) {
        editor.setPosition({lineNumber: line, column});
        editor.revealLineInCenterIfOutsideViewport(line);
        editor.focus();
      },
    };
    // The reader asked for the editor (Edit, or focus on the code): put them in it.
    editor.focus();
  };

  return (
    <Editor
      className={styles.monaco}
      height={height}
      language="typescript"
      path={modelPath}
      defaultValue={code}
      onChange={(value) => {
        if (replacing.current) return;
        echoes.current.push(value ?? '');
        onChange(value ?? '');
      }}
      theme={colorMode === 'dark' ? 'notebook-dark' : 'notebook-light'}
      onMount={onMount}
      loading={<Translate id="notebook.editor.loading">Loading the editor…</Translate>}
      options={{
        ariaLabel: translate(
          {id: 'notebook.editor.ariaLabel', message: '{label}. Press Ctrl+M to move focus out of the editor with Tab.'},
          {label},
        ),
        fontSize: 14,
        lineHeight: LINE_HEIGHT,
        minimap: {enabled: false},
        // Faded "unused" code falls below AA contrast; the squiggle and its message still say it.
        showUnused: false,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        fixedOverflowWidgets: true,
        padding: {top: VERTICAL_PADDING / 2, bottom: VERTICAL_PADDING / 2},
        // Let the page scroll when the wheel turns over an editor that fits its code.
        scrollbar: {alwaysConsumeMouseWheel: false},
      }}
    />
  );
}
