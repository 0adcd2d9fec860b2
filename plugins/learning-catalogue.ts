import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type {LoadedContent} from '@docusaurus/plugin-content-docs';
import type {Program} from 'estree';
import {escapeMarkdownHeadingIds, unwrapMdxCodeBlocks} from '@docusaurus/utils';
import type {MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import remarkComment from '@slorber/remark-comment';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';

// Runs in Node.js at build time only.

export type CatalogueExercise = {id: string; title: string};
export type CatalogueQuiz = {id: string; title: string; questions: number};
export type CatalogueChapter = {
  /** The page's route, as Exercise and Quiz see it in the address bar: the first half of their progress keys. */
  permalink: string;
  title: string;
  exercises: CatalogueExercise[];
  quizzes: CatalogueQuiz[];
};
/** Every chapter with an exercise or a quiz, in sidebar order. Read it with `usePluginData('learning-catalogue')`. */
export type LearningCatalogue = {chapters: CatalogueChapter[]};

export const LEARNING_CATALOGUE_PLUGIN = 'learning-catalogue';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type TreeNode = {type: string; children?: TreeNode[]};

/** The syntax Docusaurus parses docs with (its mdx-loader, and this site's remark-math), so the two read a page alike. */
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkDirective).use(remarkGfm).use(remarkComment).use(remarkMath);

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CHOICES = {minimum: 2, maximum: 5};

/** The text of an attribute written as a JavaScript string, `title={'It\'s'}` or title={`…`} without placeholders; null for anything else. */
function stringLiteral(program: Program | null | undefined): string | null {
  const statement = program?.body.length === 1 ? program.body[0] : undefined;
  if (statement?.type !== 'ExpressionStatement') return null;
  const expression = statement.expression;
  if (expression.type === 'Literal' && typeof expression.value === 'string') return expression.value;
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) return expression.quasis[0].value.cooked ?? null;
  return null;
}

function isJsx(node: TreeNode): node is JsxElement & TreeNode {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** The JSX children of an element, also those on consecutive lines, which the parser puts in a paragraph and MDX unwraps. */
function jsxChildren(node: TreeNode): JsxElement[] {
  return (node.children ?? []).flatMap((child) => (isJsx(child) ? [child] : child.type === 'paragraph' ? (child.children ?? []).filter(isJsx) : []));
}

/** Every JSX element of the tree, with the name of the JSX element it sits in (null at the top). */
function* elements(node: TreeNode, parent: string | null = null): Generator<{element: JsxElement; parent: string | null}> {
  for (const child of node.children ?? []) {
    if (isJsx(child)) {
      yield {element: child, parent};
      yield* elements(child, child.name);
    } else {
      yield* elements(child, parent);
    }
  }
}

/** Docusaurus's own rewriting of a page before MDX reads it: `{#id}` heading ids, and ```mdx-code-block fences. */
function asDocusaurusParsesIt(fileText: string): string {
  return escapeMarkdownHeadingIds(unwrapMdxCodeBlocks(fileText));
}

/**
 * The learning items of one page's source: its exercises and quizzes with their ids and titles, and
 * the authoring mistakes that would break a quiz (`where` starts each message: "docs/x.mdx:12").
 */
export function readLearningItems(source: string, where: string): {exercises: CatalogueExercise[]; quizzes: CatalogueQuiz[]; errors: string[]} {
  const errors: string[] = [];
  const exercises: CatalogueExercise[] = [];
  const quizzes: CatalogueQuiz[] = [];
  const idsOnPage = new Set<string>();
  const at = (node: JsxElement) => `${where}:${node.position?.start.line ?? '?'}`;

  const attribute = (node: JsxElement, name: string) =>
    node.attributes.find((candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
  const text = (node: JsxElement, name: string): string | null => {
    const found = attribute(node, name);
    if (found === undefined) {
      errors.push(`${at(node)}: <${node.name}> needs ${name}="…"`);
      return null;
    }
    const value = typeof found.value === 'string' ? found.value : stringLiteral(found.value?.data?.estree);
    if (value === null || value.trim() === '') {
      errors.push(`${at(node)}: <${node.name}> ${name} must be text, like ${name}="…" or ${name}={'…'}`);
      return null;
    }
    return value;
  };
  const number = (node: JsxElement, name: string, required: boolean): number | null => {
    const found = attribute(node, name);
    if (found === undefined) {
      if (required) errors.push(`${at(node)}: <${node.name}> needs ${name}={…}, a number in braces`);
      return null;
    }
    const value = typeof found.value === 'object' && found.value !== null ? Number(found.value.value.trim()) : Number.NaN;
    if (!Number.isFinite(value)) errors.push(`${at(node)}: <${node.name}> ${name} must be a number in braces, like ${name}={80}`);
    return Number.isFinite(value) ? value : null;
  };
  const uniqueId = (node: JsxElement, id: string | null, seen: Set<string>, scope: string) => {
    if (id === null) return;
    if (!KEBAB_CASE.test(id)) errors.push(`${at(node)}: <${node.name}> id "${id}" must be kebab-case (lowercase words joined by "-")`);
    if (seen.has(id)) errors.push(`${at(node)}: <${node.name}> id "${id}" is used twice ${scope}`);
    seen.add(id);
  };
  const explanation = (node: JsxElement) => {
    const count = jsxChildren(node).filter((child) => child.name === 'Explanation').length;
    if (count !== 1) errors.push(`${at(node)}: <${node.name}> needs exactly one <Explanation>, found ${count}`);
  };

  let tree: TreeNode;
  try {
    tree = parser.parse(asDocusaurusParsesIt(source)) as TreeNode;
  } catch (error) {
    const place = (error as {line?: number}).line;
    return {exercises, quizzes, errors: [`${where}:${place ?? '?'}: not readable as MDX (${(error as Error).message})`]};
  }
  for (const {element, parent} of elements(tree)) {
    if (element.name === 'Exercise') {
      const id = text(element, 'id');
      const title = text(element, 'title');
      uniqueId(element, id, idsOnPage, 'on this page');
      if (id !== null && title !== null) exercises.push({id, title});
    } else if (element.name === 'Quiz') {
      const id = text(element, 'id');
      const title = text(element, 'title');
      uniqueId(element, id, idsOnPage, 'on this page');
      const questions = jsxChildren(element).filter((child) => child.name === 'Question' || child.name === 'NumericQuestion');
      if (questions.length === 0) errors.push(`${at(element)}: <Quiz> has no <Question> or <NumericQuestion>`);
      const questionIds = new Set<string>();
      for (const question of questions) uniqueId(question, text(question, 'id'), questionIds, 'in this quiz');
      if (id !== null && title !== null) quizzes.push({id, title, questions: questions.length});
    } else if (element.name === 'Question' || element.name === 'NumericQuestion') {
      if (parent !== 'Quiz') errors.push(`${at(element)}: <${element.name}> must sit directly inside a <Quiz>`);
      explanation(element);
      if (element.name === 'NumericQuestion') {
        number(element, 'answer', true);
        const tolerance = number(element, 'tolerance', false);
        if (tolerance !== null && tolerance < 0) errors.push(`${at(element)}: <NumericQuestion> tolerance must not be negative`);
        continue;
      }
      const choices = jsxChildren(element).filter((child) => child.name === 'Choice');
      if (choices.length < CHOICES.minimum || choices.length > CHOICES.maximum) {
        errors.push(`${at(element)}: <Question> has ${choices.length} <Choice>s; a question has ${CHOICES.minimum} to ${CHOICES.maximum}`);
      }
      if (!choices.some((choice) => attribute(choice, 'correct') !== undefined)) errors.push(`${at(element)}: <Question> has no <Choice correct>`);
    } else if (element.name === 'Choice' && parent !== 'Question') {
      errors.push(`${at(element)}: <Choice> must sit directly inside a <Question>`);
    } else if (element.name === 'Explanation' && parent !== 'Question' && parent !== 'NumericQuestion') {
      errors.push(`${at(element)}: <Explanation> must sit directly inside a <Question> or <NumericQuestion>`);
    }
  }
  return {exercises, quizzes, errors};
}

/**
 * Lists every `<Exercise>` and `<Quiz>` of the chapters (docs/*.mdx, not the teacher's guide in its
 * folder) with their page's permalink and title, for the progress page. The pages and their routes
 * come from the docs plugin's loaded content, so the permalinks are the ones Docusaurus serves. A
 * quiz written against its MDX interface wrongly stops the build here, with the file and line.
 */
export default function learningCataloguePlugin(context: LoadContext): Plugin {
  return {
    name: LEARNING_CATALOGUE_PLUGIN,
    async allContentLoaded({allContent, actions}) {
      const docs = allContent['docusaurus-plugin-content-docs']?.default as LoadedContent | undefined;
      const version = docs?.loadedVersions.find((candidate) => candidate.versionName === 'current') ?? docs?.loadedVersions[0];
      if (!version) throw new Error(`${LEARNING_CATALOGUE_PLUGIN}: the docs plugin's content is missing; this plugin needs the classic preset's docs`);
      const chapters = version.docs
        .filter((doc) => doc.sourceDirName === '.' && /\.mdx?$/.test(doc.source))
        .sort((a, b) => (a.sidebarPosition ?? Infinity) - (b.sidebarPosition ?? Infinity) || a.source.localeCompare(b.source));
      const errors: string[] = [];
      const catalogue: LearningCatalogue = {chapters: []};
      for (const doc of chapters) {
        const file = doc.source.replace(/^@site\//, '');
        const items = readLearningItems(await readFile(path.join(context.siteDir, file), 'utf8'), file);
        errors.push(...items.errors);
        if (items.exercises.length + items.quizzes.length === 0) continue;
        catalogue.chapters.push({permalink: doc.permalink, title: doc.title, exercises: items.exercises, quizzes: items.quizzes});
      }
      if (errors.length > 0) throw new Error(`${LEARNING_CATALOGUE_PLUGIN}: ${errors.length} authoring error(s) in exercises and quizzes:\n${errors.join('\n')}`);
      actions.setGlobalData(catalogue);
    },
  };
}
