import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // One more try for a test that failed: a real browser on a loaded 2-core machine now and then misses a
    // 30 s wait that passes on every rerun (backup's 恢复完成 once in six CI runs, contracts' 保存 click once
    // in four; neither reproduced in dozens of local runs). A pass on the retry is printed as such
    // ("retry x1") in the CI log, so it stays in sight; a test that fails twice still fails CI.
    retry: 1,
  },
})
