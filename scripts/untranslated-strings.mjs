// Finds words a reader would see that do not go through Docusaurus's <Translate> or translate().
// Run: node scripts/untranslated-strings.mjs  (prints each finding as file:line:column and exits 1 if any)
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import ts from 'typescript';

/** Folders whose every string a reader may see: the site's components, theme overrides and pages. */
export const SCANNED_FOLDERS = ['src/components', 'src/theme', 'src/pages'];

/** JSX attributes whose value is shown or read aloud. */
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'legend',
  'caption',
  'heading',
  'summary',
  'description',
  'hint',
  'emptyText',
]);

const hasLetter = (text) => /\p{L}/u.test(text);
/** Selectors, media queries, SVG paths and CSS: text for the browser, not for readers. */
const looksLikeCode = (text) =>
  /[[\]{}=<>]/.test(text) || /^\s*\([\w-]+:\s*[\w-]+\)\s*$/.test(text) || /^[MmLlHhVvCcSsQqTtAaZz\d\s.,-]+$/.test(text) || /^([\w-]+\s*,\s*)+[\w-]+$/.test(text);
/** Prose: two words with a space between, or a capitalised word ("Reset", "Run"). */
const looksLikeProse = (text) => /\p{L}[\p{L}\p{N}.,;:!?'’)]*\s+[(\p{L}\p{N}]/u.test(text) || /^\s*\p{Lu}\p{Ll}+/u.test(text);

function isTranslateCall(node) {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'translate';
}

function isTranslateElement(node) {
  const tag = ts.isJsxElement(node) ? node.openingElement.tagName : ts.isJsxSelfClosingElement(node) ? node.tagName : null;
  return tag !== null && ts.isIdentifier(tag) && tag.text === 'Translate';
}

/** Whether the node sits in translate()'s first argument or inside a <Translate> element's children or attributes. */
function insideTranslation(node) {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isTranslateCall(parent)) return parent.arguments[0] === child;
    if (isTranslateElement(parent)) {
      // <Translate values={{…}}>: the values are shown as they are, so their strings still count.
      return !(ts.isJsxAttributes(child) || ts.isJsxOpeningElement(child)) || !withinValuesAttribute(node, parent);
    }
  }
  return false;
}

function withinValuesAttribute(node, element) {
  for (let current = node; current && current !== element; current = current.parent) {
    if (ts.isJsxAttribute(current)) return current.name.getText() === 'values';
  }
  return false;
}

/** Places where a string is data, not words: keys, types, imports, comparisons, switch cases, tests of equality. */
function isDataPosition(node) {
  const parent = node.parent;
  if (!parent) return true;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return true;
  if (ts.isImportTypeNode?.(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isPropertyDeclaration?.(parent) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isCaseClause(parent)) return true;
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    if (
      operator === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      operator === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      operator === ts.SyntaxKind.EqualsEqualsToken ||
      operator === ts.SyntaxKind.ExclamationEqualsToken ||
      operator === ts.SyntaxKind.InKeyword
    ) {
      return true;
    }
  }
  if (ts.isJsxAttribute(parent)) return !VISIBLE_ATTRIBUTES.has(parent.name.getText());
  if (ts.isJsxExpression(parent) && parent.parent && ts.isJsxAttribute(parent.parent)) {
    return !VISIBLE_ATTRIBUTES.has(parent.parent.name.getText());
  }
  return false;
}

/** A string is exempt when its line, or the line above, carries the exempt mark in a comment. */
function isExempt(node, source) {
  const lines = source.text.split('\n');
  const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
  const marked = (text = '') => /(\/\/|\/\*).*i18n-exempt:\s*\S/.test(text);
  return marked(lines[line]) || marked(lines[line - 1]);
}

/** The untranslated strings of one file's text: [{line, column, text}]. */
export function findUntranslated(fileName, sourceText) {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, kind);
  const findings = [];
  const report = (node, text) => {
    const {line, character} = source.getLineAndCharacterOfPosition(node.getStart());
    findings.push({line: line + 1, column: character + 1, text: text.trim().replace(/\s+/g, ' ').slice(0, 80)});
  };
  const visit = (node) => {
    if (ts.isJsxText(node)) {
      // Two letters in a row make a word; "0x" before a value or the name of RC4's array S is notation.
      if (/\p{L}{2,}/u.test(node.text) && !insideTranslation(node) && !isExempt(node, source)) report(node, node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const inVisibleAttribute =
        (ts.isJsxAttribute(node.parent) && VISIBLE_ATTRIBUTES.has(node.parent.name.getText())) ||
        (ts.isJsxExpression(node.parent) && ts.isJsxAttribute(node.parent.parent) && VISIBLE_ATTRIBUTES.has(node.parent.parent.name.getText()));
      const suspicious = inVisibleAttribute ? hasLetter(node.text) : looksLikeProse(node.text) && !looksLikeCode(node.text);
      if (suspicious && !isDataPosition(node) && !insideTranslation(node) && !isExempt(node, source)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const words = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
      if (looksLikeProse(words) && !looksLikeCode(words) && !isDataPosition(node) && !insideTranslation(node) && !isExempt(node, source)) report(node, words);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

function sourceFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') && !/testTranslate\.ts$/.test(name) ? [path] : [];
  });
}

/** Every finding under the scanned folders, as "file:line:column  text". */
export function scanSite(root = process.cwd()) {
  return SCANNED_FOLDERS.flatMap((folder) =>
    sourceFiles(join(root, folder)).flatMap((path) =>
      findUntranslated(path, readFileSync(path, 'utf8')).map(
        (finding) => `${relative(root, path)}:${finding.line}:${finding.column}  ${finding.text}`,
      ),
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const findings = scanSite();
  for (const finding of findings) console.log(finding);
  console.log(`${findings.length} untranslated string${findings.length === 1 ? '' : 's'}`);
  process.exitCode = findings.length === 0 ? 0 : 1;
}
