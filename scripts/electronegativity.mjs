// `npm run electronegativity`: Doyensec's Electronegativity over the Electron
// shell, the preload and the renderer's page. The tool always exits 0, so this
// reads its CSV report, prints every finding and fails on any HIGH one.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const cli = require.resolve('@doyensec/electronegativity/dist/index.js')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version

// One tree, scanned at once: its global checks (CSP, navigation limits, permission handler) look across files.
// Copied rather than pointing at src/, so build folders left under src/ are not scanned.
const work = join(root, '.tmp', 'electronegativity')
const tree = join(work, 'app')
rmSync(work, { recursive: true, force: true })
mkdirSync(join(tree, 'renderer'), { recursive: true })
for (const part of ['main', 'preload', 'shared']) cpSync(join(root, 'src', part), join(tree, part), { recursive: true })
cpSync(join(root, 'src/renderer/index.html'), join(tree, 'renderer/index.html'))

const report = join(work, 'report.csv')
const run = spawnSync(
  process.execPath,
  [cli, '--input', tree, '--output', report, '--relative', '--verbose', 'false', '--electron-version', electronVersion],
  { cwd: root, encoding: 'utf8' },
)
if (run.status !== 0) {
  console.error(`electronegativity failed:\n${run.stdout}\n${run.stderr}`)
  process.exit(1)
}

// Each finding starts a line with its fixed, quoted columns; the free-text sample after them may
// span lines (a CSP written over several lines), so only the leading columns are read.
const findingLine = /^([A-Z0-9_]+_CHECK),"([A-Z]+)","([A-Z]+)","([^"]*)","([^"]*)"/
const findings = readFileSync(report, 'utf8')
  .split(/\r?\n/)
  .map((line) => findingLine.exec(line))
  .filter((match) => match !== null)
  .map(([, issue, severity, confidence, file, location]) => ({ issue, severity, confidence, file, location }))

for (const f of findings) {
  console.log(`${f.severity.padEnd(11)} ${f.confidence.padEnd(9)} ${f.issue}  ${f.file}:${f.location}`)
}
const high = findings.filter((f) => f.severity === 'HIGH')
console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${high.length} HIGH`)
process.exit(high.length > 0 ? 1 : 0)
