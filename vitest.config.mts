import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/lib/**/*.test.mjs', 'scripts/**/*.test.mjs', 'bench/**/*.test.mjs'],
    environment: 'node',
  },
});
