import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

export default defineConfig({
  // The same '@site' alias as Docusaurus, so that modules shared with the site import alike in tests.
  // '@docusaurus/Translate' gives the English default messages, as the site does without a translation.
  resolve: {
    alias: {
      '@site': fileURLToPath(new URL('.', import.meta.url)),
      '@docusaurus/Translate': fileURLToPath(new URL('./src/components/lab/testTranslate.ts', import.meta.url)),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'plugins/**/*.test.ts', 'e2e/lib/**/*.test.mjs', 'scripts/**/*.test.mjs', 'bench/**/*.test.mjs'],
    environment: 'node',
    // The fuzz tests run 100,000 inputs: on a busy shared machine they need more than the default 5 s.
    testTimeout: 60_000,
  },
});
