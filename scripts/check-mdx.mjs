// Compiles MDX chapters with the same remark/rehype plugins as the site, without a full build,
// so that a writer finds syntax errors in seconds. Usage: node scripts/check-mdx.mjs docs/*.mdx
import {readFileSync} from 'node:fs';
import {compile} from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import rehypeKatex from 'rehype-katex';

let failures = 0;
for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  try {
    await compile(source, {remarkPlugins: [remarkGfm, remarkMath], rehypePlugins: [rehypeKatex]});
    console.log(`ok   ${file}`);
  } catch (error) {
    failures++;
    console.log(`FAIL ${file}: ${error.message}`);
  }
}
process.exitCode = failures ? 1 : 0;
