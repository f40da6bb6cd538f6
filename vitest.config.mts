import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files share their worker's module cache instead of importing the publisher afresh each:
    // on 44 files of tests/fetch, stores, serve, contract, pipeline/structure and lexicon (2 cores,
    // one worker, as vitest gives a 2-core machine) 184 s → 117–126 s, import 31 s → 9–13 s. No test
    // mocks a module; the ones that change process.env put it back.
    isolate: false,
  },
});
