// Monaco's TypeScript language service (completion and type errors), bundled with the site.
import 'monaco-editor/languages/features/typescript/ts.worker.js';
