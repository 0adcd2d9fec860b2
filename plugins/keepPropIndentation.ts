import {parse} from 'acorn';
import type {Program} from 'estree';

/**
 * MDX removes up to two spaces (or a tab) from the start of every line inside a JSX element
 * (mdx-js/mdx#2574, on purpose), which flattens the code of `<LiveCode code={`…`}>` and `<Exercise
 * starter={`…`}>`: a learner would read `return 0;` at the margin. This remark plugin puts the
 * attribute expressions back as the chapter wrote them, read from the file by their positions.
 */
interface Attribute {
  type: string;
  position?: {start: {offset?: number}; end: {offset?: number}};
  value?: unknown;
}
interface ExpressionValue {
  type: 'mdxJsxAttributeValueExpression';
  value: string;
  data?: {estree?: Program};
}
interface Node {
  type: string;
  attributes?: Attribute[];
  children?: Node[];
}

const isExpression = (value: unknown): value is ExpressionValue =>
  typeof value === 'object' && value !== null && (value as {type?: string}).type === 'mdxJsxAttributeValueExpression';

function restore(attribute: Attribute, source: string): void {
  const {position, value} = attribute;
  if (!isExpression(value) || !value.value.includes('\n')) return;
  const start = position?.start.offset;
  const end = position?.end.offset;
  if (start === undefined || end === undefined) return;
  const written = /^[\w:-]+\s*=\s*\{([\s\S]*)\}$/.exec(source.slice(start, end))?.[1];
  if (written === undefined || written === value.value) return;
  value.value = written;
  // The compiler writes the estree, not the text: parse the expression as MDX does, as a one-statement program.
  value.data = {...value.data, estree: parse(`(${written})`, {ecmaVersion: 'latest', sourceType: 'module'}) as unknown as Program};
}

export default function keepPropIndentation() {
  return (tree: Node, file: {value: unknown}): void => {
    const source = String(file.value);
    const visit = (node: Node): void => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attribute of node.attributes ?? []) restore(attribute, source);
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
