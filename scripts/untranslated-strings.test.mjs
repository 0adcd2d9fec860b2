import {describe, expect, it} from 'vitest';
import {findUntranslated, scanSite} from './untranslated-strings.mjs';

const texts = (fileName, source) => findUntranslated(fileName, source).map((finding) => finding.text);

describe('the untranslated-string scanner', () => {
  it('flags words written straight into JSX', () => {
    expect(texts('a.tsx', 'const a = <p>Run the cell</p>;')).toEqual(['Run the cell']);
    expect(texts('a.tsx', 'const a = <th scope="col">FP</th>;')).toEqual(['FP']);
  });

  it('flags visible attributes, whether quoted or in braces', () => {
    expect(texts('a.tsx', 'const a = <button aria-label="Close" />;')).toEqual(['Close']);
    expect(texts('a.tsx', "const a = <input placeholder={'hex bytes'} />;")).toEqual(['hex bytes']);
    expect(texts('a.tsx', 'const a = <img alt="x" />;')).toEqual(['x']);
  });

  it('flags prose in plain code and in template strings, with the line and column', () => {
    expect(findUntranslated('a.ts', "const name = 'recorded real keys only';")).toEqual([{line: 1, column: 14, text: 'recorded real keys only'}]);
    expect(texts('a.ts', 'const message = `no key for seed ${seed}`;')).toEqual(['no key for seed']);
    expect(texts('a.ts', "const label = 'Reset';")).toEqual(['Reset']);
  });

  it('flags strings in the values of a translation, which are shown as they are', () => {
    expect(texts('a.ts', "translate({id: 'x', message: '{a}'}, {a: 'a fixed phrase'});")).toEqual(['a fixed phrase']);
    expect(texts('a.tsx', "const a = <Translate id=\"x\" values={{a: 'a fixed phrase'}}>{'{a}'}</Translate>;")).toEqual(['a fixed phrase']);
  });

  it('accepts text that goes through translate() or <Translate>', () => {
    expect(texts('a.ts', "translate({id: 'lab.x', message: 'Run the cell', description: 'A button'});")).toEqual([]);
    expect(texts('a.tsx', 'const a = <Translate id="lab.x">Run the cell</Translate>;')).toEqual([]);
    expect(texts('a.tsx', "const a = <Translate id=\"x\" values={{a: <code>{b}</code>}}>{'Run {a} now'}</Translate>;")).toEqual([]);
  });

  it('leaves data alone: imports, types, keys, comparisons, cases and non-visible attributes', () => {
    const source = [
      "import Thing from 'Some Module';",
      "type Kind = 'Public Address' | 'Blocked';",
      "const table = {'Two Words': 1};",
      "if (kind === 'Not Here') table['Other Key'] = 2;",
      "switch (kind) { case 'Some Case': break; }",
    ].join('\n');
    expect(texts('a.ts', source)).toEqual([]);
    expect(texts('a.tsx', 'const a = <div className="alert alert--warning" data-widget="nat traversal" />;')).toEqual([]);
  });

  it('leaves notation and browser text alone: selectors, media queries, SVG paths, "0x" and single letters', () => {
    const source = [
      "const query = '(prefers-reduced-motion: reduce)';",
      "const path = 'M3 3v10M12 3 7 8l5 5';",
      'const rule = `[data-field="${name}"] { outline: none }`;',
      "const focusable = 'button, summary, textarea';",
    ].join('\n');
    expect(texts('a.ts', source)).toEqual([]);
    expect(texts('a.tsx', 'const a = <dd>0x{hex}</dd>;')).toEqual([]);
    expect(texts('a.tsx', 'const a = <th>S</th>;')).toEqual([]);
  });

  it('accepts a string marked as not for readers on its line or the line above', () => {
    expect(texts('a.ts', "const margin = '300px 0px auto'; // i18n-exempt: a CSS margin")).toEqual([]);
    expect(texts('a.ts', "// i18n-exempt: a CSS margin\nconst margin = '300px 0px auto';")).toEqual([]);
    expect(texts('a.ts', "// i18n-exempt:\nconst margin = 'Some words here';")).toEqual(['Some words here']);
  });
});

describe('the site', () => {
  it('has no untranslated string in its components, theme and pages', () => {
    expect(scanSite()).toEqual([]);
  });
});
