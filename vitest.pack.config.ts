import { defineConfig } from 'vitest/config';

// npm run test:pack: the pack test alone (minutes, not part of npm test's 60 s budget).
export default defineConfig({
  test: {
    include: ['tests/pack/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
