import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {OUTPUT_FILE, renderModule, skypeDeclarations} from './generate-skype-types.mjs';

describe('src/live/skypeTypes.ts', () => {
  it('matches the protocol library and the simulations (run `npm run generate:types` after changing either)', () => {
    const files = skypeDeclarations();
    expect(files.find((file) => file.path === 'protocol/index.d.ts').text).toContain('udpCrcSeed');
    expect(files.find((file) => file.path === 'simulations/index.d.ts').text).toContain('SeededRandom');
    expect(JSON.parse(files.find((file) => file.path === 'package.json').text).types).toBe('protocol/index.d.ts');
    expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(renderModule(files));
  }, 60_000);
});
