// `npm test`: unit suites, the build, a load of the built main bundle with a
// stubbed electron, then the end-to-end suite in Chromium. Ends with one
// plain line "N passed, N failed" over everything that ran. The browser for the
// last stage is found first (scripts/findBrowser.mjs: installed on Debian as root,
// otherwise the stage is not run and the command that fixes it is printed).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { prepareBrowser } from './findBrowser.mjs'

const root = join(import.meta.dirname, '..')
const reports = join(root, '.tmp', 'reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

// Through node itself rather than npx: Windows has no `npx` executable for spawnSync, only npx.cmd.
const vitestBin = join(root, 'node_modules', 'vitest', 'vitest.mjs')
const electronViteBin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')

let passed = 0
let failed = 0

function run(label, command, args, env = process.env) {
  console.log(`\n=== ${label} ===`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env })
  console.log(
    `=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`,
  )
  return result.status === 0
}

function vitest(label, config, report, env = process.env) {
  const file = join(reports, report)
  const ok = run(
    label,
    process.execPath,
    [vitestBin, 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
    env,
  )
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

console.log('=== browser for the end-to-end tests ===')
const browser = prepareBrowser()
console.log(browser.problem ? 'none yet (see the end-to-end stage)' : browser.description)

vitest('unit and integration tests', 'vitest.config.ts', 'unit.json')
step('build', process.execPath, [electronViteBin, 'build'])
step('load the built main bundle with a stubbed electron', process.execPath, ['scripts/loadBuiltMain.mjs'])
if (browser.problem) {
  console.log(`\n=== end-to-end tests in Chromium: NOT RUN ===\n${browser.problem}`)
  failed += 1
} else {
  vitest('end-to-end tests in Chromium', 'vitest.e2e.config.ts', 'e2e.json', { ...process.env, ...browser.env })
}

console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
