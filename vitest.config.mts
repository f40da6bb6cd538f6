import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Vitest runs files in one process fewer than the cores (one, on a 2-core machine), but most of
    // the suite's files wait on child processes (the CLI, s3rver, Chromium): two at a time on two
    // cores took the suite from 9 to 7.5 minutes.
    maxWorkers: Math.max(2, availableParallelism()),
    // A hang guard, not a timing: a test of eight CLI runs in a row takes 15 s alone and twice that
    // beside another file on a small machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
