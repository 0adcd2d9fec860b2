import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {OUTPUT_FILE, renderModule, skypeDeclarations} from './generate-skype-types.mjs';

describe('src/live/skypeTypes.ts', () => {
  it('matches the protocol library (run `npm run generate:types` after changing src/protocol)', () => {
    const files = skypeDeclarations();
    expect(files.map((file) => file.path)).toContain('index.d.ts');
    expect(files.find((file) => file.path === 'index.d.ts').text).toContain('udpCrcSeed');
    expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(renderModule(files));
  }, 60_000);
});
