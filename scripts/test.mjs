// `npm test`: unit suites, the build, a load of the built main bundle with a
// stubbed electron, then the end-to-end suite in Chromium. Ends with one
// plain line "N passed, N failed" over everything that ran.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const reports = join(root, '.tmp', 'reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

let passed = 0
let failed = 0

function run(label, command, args) {
  console.log(`\n=== ${label} ===`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  console.log(
    `=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`,
  )
  return result.status === 0
}

function vitest(label, config, report) {
  const file = join(reports, report)
  const ok = run(label, 'npx', [
    'vitest',
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ])
  if (existsSync(file)) {
    const json = JSON.parse(readFileSync(file, 'utf8'))
    passed += json.numPassedTests
    failed += json.numFailedTests
  } else if (!ok) failed += 1
  return ok
}

function step(label, command, args) {
  if (run(label, command, args)) passed += 1
  else failed += 1
}

vitest('unit and integration tests', 'vitest.config.ts', 'unit.json')
step('build', 'npx', ['electron-vite', 'build'])
step('load the built main bundle with a stubbed electron', 'node', ['scripts/loadBuiltMain.mjs'])
vitest('end-to-end tests in Chromium', 'vitest.e2e.config.ts', 'e2e.json')

console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
