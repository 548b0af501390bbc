// The Node that running the app and building the installer need. Electron 45, @electron/get 5 (which
// downloads Electron), @electron-internal/extract-zip (which unpacks it) and electron-builder's
// @electron/rebuild + node-abi 4 all declare Node >= 22.12; the unit and end-to-end tests also run on 20.19+.
// `node scripts/checkNode.mjs` exits 1 with the message below on an older Node (used by build:win).
import { realpathSync } from 'node:fs'

export const requiredNode = '22.12.0'

function parts(version) {
  return version
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0)
}

/** The Chinese + English message for a Node older than `requiredNode`, or null when it is new enough. */
export function nodeVersionProblem(version) {
  const have = parts(version)
  const need = parts(requiredNode)
  for (let i = 0; i < need.length; i++) {
    if ((have[i] ?? 0) > need[i]) return null
    if ((have[i] ?? 0) < need[i]) {
      return [
        `[客情管家] 当前 Node 版本是 ${version}，启动程序和打包安装程序需要 Node ${requiredNode} 或更高版本`,
        `  （Electron 45 及其下载、打包工具的要求）。请从 https://nodejs.org 安装 Node 22 LTS 或更新版本后重试；`,
        `  只运行测试（npm test）可以使用 Node 20.19 及以上。`,
        `[kqgj] This is Node ${version}; running the app and building the installer need Node ${requiredNode} or newer`,
        `  (required by Electron 45 and its download and packaging tools). Install Node 22 LTS or newer and try again;`,
        `  the tests alone (npm test) also run on Node 20.19+.`,
      ].join('\n')
    }
  }
  return null
}

function isEntry() {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(import.meta.filename)
  } catch {
    return false
  }
}

if (isEntry()) {
  const problem = nodeVersionProblem(process.versions.node)
  if (problem) {
    console.error(problem)
    process.exit(1)
  }
}
