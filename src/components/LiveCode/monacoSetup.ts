// Client-only module, imported lazily with the editor: Monaco from the site's own bundle (never a
// CDN), with only the TypeScript language, its workers, and the types of the `skype` library.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import {ModuleKind, ModuleResolutionKind, ScriptTarget, typescriptDefaults} from 'monaco-editor/languages/features/typescript/register';
import {loader} from '@monaco-editor/react';
import {runnerGlobalsDeclaration} from '@site/src/live/runnerGlobals';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    // Each `new Worker(new URL(…))` must be written out literally for the bundler to emit the worker.
    if (label === 'typescript' || label === 'javascript') {
      return new Worker(new URL('./workers/ts.worker.ts', import.meta.url), {type: 'module', name: 'editor-typescript'});
    }
    return new Worker(new URL('./workers/editor.worker.ts', import.meta.url), {type: 'module', name: 'editor'});
  },
};

typescriptDefaults.setCompilerOptions({
  target: ScriptTarget.ES2020,
  module: ModuleKind.ESNext,
  // Node-style lookup finds `import … from 'skype'` in the declarations added below.
  moduleResolution: ModuleResolutionKind.NodeJs,
  // Every editor is its own module, so two cells on a page may declare the same names (Force = 3).
  moduleDetection: 3,
  strict: true,
  allowNonTsExtensions: true,
  // Learners' code runs in a worker: no DOM. (File names: the language service takes parsed options.)
  lib: ['lib.es2022.d.ts', 'lib.webworker.d.ts'],
});
const runnerGlobals = {content: runnerGlobalsDeclaration, filePath: 'file:///notebook/runner-globals.d.ts'};
typescriptDefaults.setExtraLibs([runnerGlobals]);

// The library's declarations are large; they load after the editor, and completion picks them up then
// (set in one call: each change of the extra libraries restarts the language service's sync).
void import('@site/src/live/skypeTypes').then(({skypeDeclarations}) => {
  typescriptDefaults.setExtraLibs([
    runnerGlobals,
    ...skypeDeclarations.map(({path, text}) => ({content: text, filePath: `file:///node_modules/skype/${path}`})),
  ]);
});

// Monaco's own themes fall short of WCAG AA in places: dark comments (#608b4e on #1e1e1e is 4.2:1), and any
// token under the grey fill that marks the word at the cursor. These keep Monaco's palette, darken or lighten
// the few colours that fail, and mark highlighted words with a border instead of a fill.
function defineNotebookTheme(name: string, base: 'vs' | 'vs-dark', rules: {token: string; foreground: string}[], outline: string): void {
  const noFill = '#00000000';
  monaco.editor.defineTheme(name, {
    base,
    inherit: true,
    rules,
    colors: {
      'editor.wordHighlightBackground': noFill,
      'editor.wordHighlightStrongBackground': noFill,
      'editor.selectionHighlightBackground': noFill,
      'editor.wordHighlightBorder': outline,
      'editor.wordHighlightStrongBorder': outline,
      'editor.selectionHighlightBorder': outline,
    },
  });
}
defineNotebookTheme(
  'notebook-light',
  'vs',
  [
    {token: 'number', foreground: '07704e'},
    {token: 'type', foreground: '1b6d84'},
    {token: 'type.identifier', foreground: '1b6d84'},
  ],
  '#6e6e6e',
);
defineNotebookTheme(
  'notebook-dark',
  'vs-dark',
  [
    {token: 'comment', foreground: '7fae6a'},
    {token: 'regexp', foreground: 'e08a8a'},
  ],
  '#9a9a9a',
);

// Makes @monaco-editor/react use this instance instead of fetching Monaco from its default CDN.
loader.config({monaco});

export {monaco};
