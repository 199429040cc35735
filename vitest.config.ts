import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (fast, synthetic inputs) and `corpus` (real legal PDFs from
 * ../shared/corpus, slower). `npm test` runs both; `vitest run --project unit` runs one.
 */
export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/corpus/**', '**/node_modules/**'],
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'corpus',
          include: ['test/corpus/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
