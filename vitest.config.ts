import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // end-to-end tests spawn the built CLI and git; give them room on a shared 2-core machine
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
