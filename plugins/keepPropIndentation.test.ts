import {compile} from '@mdx-js/mdx';
import {describe, expect, it} from 'vitest';
import keepPropIndentation from './keepPropIndentation';

/** The code prop as the compiled chapter passes it, read back by running the compiled JSX's attribute. */
async function compiledProp(source: string, withPlugin: boolean): Promise<string> {
  const compiled = String(await compile(source, {jsx: true, remarkPlugins: withPlugin ? [keepPropIndentation] : []}));
  const literal = /code=\{(`[\s\S]*?`)\}/.exec(compiled)?.[1];
  if (literal === undefined) throw new Error(`no code prop in:\n${compiled}`);
  return new Function(`return ${literal};`)() as string;
}

const code = 'function f() {\n  if (x) {\n    return 1;\n  }\n\treturn 0;\n}';

describe('keeping the indentation of multi-line props', () => {
  it('MDX on its own removes up to two spaces or a tab from each line (the reason for the plugin)', async () => {
    expect(await compiledProp(`<Cell code={\`${code}\`} />\n`, false)).toBe('function f() {\nif (x) {\n  return 1;\n}\nreturn 0;\n}');
  });

  it('with the plugin, the prop is the text the chapter wrote, in a block or inline, nested or not', async () => {
    expect(await compiledProp(`<Cell code={\`${code}\`} />\n`, true)).toBe(code);
    expect(await compiledProp(`<Outer>\n  <Cell id="a" code={\`${code}\`} />\n</Outer>\n`, true)).toBe(code);
    expect(await compiledProp(`Text <Cell code={\`${code}\`} /> more text.\n`, true)).toBe(code);
  });

  it('leaves one-line props and other expressions alone', async () => {
    const compiled = String(await compile('<Cell code={`one line`} checks={[{name: "a", value: 1}]} />\n', {jsx: true, remarkPlugins: [keepPropIndentation]}));
    expect(compiled).toContain('code={`one line`}');
    expect(compiled).toMatch(/checks=\{\[\{\s*name: "a",\s*value: 1\s*\}\]\}/);
  });
});
