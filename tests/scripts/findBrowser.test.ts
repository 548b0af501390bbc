import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/tempDir'
import { callScript } from './callScript'

const script = 'scripts/findBrowser.mjs'
const root = resolve(__dirname, '../..')

interface Found {
  executablePath?: string
  channel?: string
  problem?: string
}

function touch(path: string): string {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, 'stub')
  return path
}

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first, and says so when it names no file', () => {
    const chosen = touch(join(tempDir('browser'), 'my-chromium'))
    expect(callScript<Found>(script, 'findBrowser', { env: { CHROMIUM_PATH: chosen }, platform: 'win32' })).toEqual({
      executablePath: chosen,
    })
    const missing = callScript<Found>(script, 'findBrowser', { env: { CHROMIUM_PATH: `${chosen}-gone` } })
    expect(missing.problem).toContain('CHROMIUM_PATH 指向的文件不存在')
  })

  it('on Windows finds Edge, then Chrome, where playwright-core’s channels look for them', () => {
    const local = tempDir('localappdata')
    const programFiles = tempDir('programfiles')
    // Windows passes the variables in any case (ProgramFiles(x86), LOCALAPPDATA).
    const env = { LocalAppData: local, 'ProgramFiles(x86)': programFiles }
    expect(callScript(script, 'findBrowser', { env, platform: 'win32' })).toBeNull()

    const chrome = touch(join(local, 'Google', 'Chrome', 'Application', 'chrome.exe'))
    expect(callScript(script, 'findBrowser', { env, platform: 'win32' })).toEqual({
      channel: 'chrome',
      executablePath: chrome,
    })

    const edge = touch(join(programFiles, 'Microsoft', 'Edge', 'Application', 'msedge.exe'))
    expect(callScript(script, 'findBrowser', { env, platform: 'win32' })).toEqual({
      channel: 'msedge',
      executablePath: edge,
    })
  })

  it.runIf(process.platform === 'linux' && existsSync('/usr/bin/chromium'))(
    'on this Debian machine finds /usr/bin/chromium without being told',
    () => {
      expect(callScript(script, 'findBrowser', { env: {}, platform: 'linux' })).toEqual({
        executablePath: '/usr/bin/chromium',
      })
    },
  )
})

describe('what is missing and who installs it', () => {
  it('names Debian’s packages for a missing browser and a missing Chinese font', () => {
    expect(callScript(script, 'missingPackages', null, true)).toEqual(['chromium'])
    expect(callScript(script, 'missingPackages', { executablePath: '/x' }, false)).toEqual(['fonts-wqy-microhei'])
    expect(callScript(script, 'missingPackages', null, false)).toEqual(['chromium', 'fonts-wqy-microhei'])
    expect(callScript(script, 'missingPackages', { executablePath: '/x' }, true)).toEqual([])
  })

  it('installs by itself only as root on a Linux with apt-get', () => {
    const apt = existsSync('/usr/bin/apt-get')
    expect(callScript(script, 'canInstallWithApt', { platform: 'linux', uid: 0 })).toBe(apt)
    expect(callScript(script, 'canInstallWithApt', { platform: 'linux', uid: 1000 })).toBe(false)
    expect(callScript(script, 'canInstallWithApt', { platform: 'win32', uid: 0 })).toBe(false)
  })

  it('otherwise tells the one command to run', () => {
    const command = callScript<string>(script, 'commandToRun', ['chromium', 'fonts-wqy-microhei'], 'linux')
    if (existsSync('/usr/bin/apt-get')) expect(command).toBe('sudo apt-get install chromium fonts-wqy-microhei')
    else expect(command).toContain('CHROMIUM_PATH')
    expect(callScript<string>(script, 'commandToRun', ['chromium'], 'win32')).toContain('Microsoft Edge')
  })

  it('Windows and macOS are not asked for a Chinese font (they ship one)', () => {
    expect(callScript(script, 'hasChineseFont', 'win32')).toBe(true)
    expect(callScript(script, 'hasChineseFont', 'darwin')).toBe(true)
  })
})

describe('npm test and CI', () => {
  it('npm test finds the browser before its stages and hands it to the end-to-end stage only', () => {
    const text = readFileSync(join(root, 'scripts/test.mjs'), 'utf8')
    const prepare = text.indexOf('prepareBrowser()')
    const firstStage = text.indexOf("vitest('unit and integration tests'")
    const e2e = text.indexOf("vitest('end-to-end tests in Chromium', 'vitest.e2e.config.ts', 'e2e.json', {")
    expect(prepare).toBeGreaterThan(0)
    expect(firstStage).toBeGreaterThan(prepare)
    expect(e2e).toBeGreaterThan(firstStage)
    expect(text).toContain('...browser.env')
  })

  it('.ci/run has no apt step of its own: it relies on npm test', () => {
    const ci = readFileSync(join(root, '.ci/run'), 'utf8')
    expect(ci).not.toMatch(/^\s*(sudo )?apt(-get)? /m)
    expect(ci).toMatch(/^npm test$/m)
  })
})
