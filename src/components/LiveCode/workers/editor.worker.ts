// Monaco's core worker (diffs, links, word completion), bundled with the site.
import 'monaco-editor/editor/editor.worker.js';
