import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { expect, test } from 'vitest'
import { openCore } from '../../src/main/core/openCore'
import { bridgeScript } from '../../src/main/core/preview/bridgeScript'
import { startPreviewServer } from '../../src/main/core/preview/previewServer'
import type { PickedPathKind } from '../../src/main/core/pickedPaths'
import { createPickedPathTokens } from '../../src/main/platform/pickedPathTokens'
import { tempDir } from '../helpers/tempDir'
import { invoke, launchBrowser, screenshotDir } from './harness'

const root = resolve(__dirname, '../..')

/**
 * The preview's bridge plus a stand-in for the Electron shell's dialogs: each
 * channel asks the test (window.__pick), which plays the shell: it answers the
 * path the test chose with a one-time token, as dialogs.ts does, and records the call.
 */
const bridgeWithDialogs = bridgeScript.replace(
  'Object.freeze({ invoke: invoke,',
  `Object.freeze({
    invoke: invoke,
    platform: async function (channel, input) {
      window.__asked = (window.__asked || []).concat([[channel, input]]);
      return { ok: true, value: { picked: await window.__pick(channel) } };
    },`,
)

const kinds: Record<string, PickedPathKind> = {
  'dialog.chooseBackupFolder': 'backupFolder',
  'dialog.chooseRestoreFile': 'restoreFile',
}

test('备份与恢复 in the Electron app: 选择文件夹… and 从文件恢复… use the native dialogs; the page holds a token, never a path', async () => {
  expect(bridgeWithDialogs).not.toBe(bridgeScript)
  // The core and the preview run in this process, so the test can issue tokens the core accepts, like the shell.
  const dataDir = tempDir('e2e-native')
  const tokens = createPickedPathTokens()
  const core = await openCore(dataDir, { version: '0.0.0-test', pickedPaths: tokens })
  const preview = await startPreviewServer({
    dispatch: core.dispatch,
    changes: core.changes,
    rendererDir: resolve(root, process.env.KQ_OUT_DIR ?? 'out', 'renderer'),
    port: 0,
  })
  await core.dispatch('app.setFirstRunDecided', {})
  const browser = await launchBrowser()
  const problems: string[] = []
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 820 }, locale: 'zh-CN' })
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`)
    })
    const picks: Record<string, string> = {}
    await page.exposeFunction('__pick', (channel: string) => {
      const path = picks[channel]
      const kind = kinds[channel]
      return path && kind ? { token: tokens.issue(path, kind), name: basename(path) } : null
    })
    await page.route('**/bridge.js', (route) =>
      route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: bridgeWithDialogs }),
    )
    await page.goto(preview.url)
    await invoke(page, 'demo.load', { customers: 8 })
    const backup = await invoke<{ name: string }>(page, 'backups.create', {})
    const { folder } = await invoke<{ folder: string }>(page, 'backups.list', {})
    await invoke(page, 'customers.create', { name: '恢复后应消失的客户' })
    const usb = join(tempDir('e2e-usb'), '客情管家备份')
    mkdirSync(usb, { recursive: true })
    const chosenFile = join(usb, '上周备份.sqlite')
    copyFileSync(join(folder, backup.name), chosenFile)

    await page.goto(`${preview.url}#/data/backup`)
    await page.getByRole('button', { name: /选择文件夹/ }).waitFor()
    // The folder is picked, not typed; the file is picked, not uploaded.
    expect(await page.getByRole('button', { name: /^保\s*存$/ }).count()).toBe(0)
    expect(await page.getByLabel('备份文件夹').getAttribute('readonly')).not.toBeNull()
    expect(await page.locator('input[type=file]').count()).toBe(0)

    // Cancelling the folder dialog changes nothing; choosing one saves it.
    await page.getByRole('button', { name: /选择文件夹/ }).click()
    await expect.poll(() => page.evaluate(() => (window as unknown as { __asked?: unknown[] }).__asked?.length)).toBe(1)
    expect(await invoke(page, 'backups.settings.get', {})).toMatchObject({ folder: null })
    const usbFolder = join(tempDir('e2e-usb-folder'), '备份')
    picks['dialog.chooseBackupFolder'] = usbFolder
    await page.getByRole('button', { name: /选择文件夹/ }).click()
    await page.getByText('备份文件夹已保存').waitFor()
    expect(await invoke(page, 'backups.settings.get', {})).toMatchObject({ folder: usbFolder })
    await expect.poll(() => page.getByLabel('备份文件夹').inputValue()).toBe(usbFolder)
    mkdirSync(screenshotDir, { recursive: true })
    await page.screenshot({ path: join(screenshotDir, 'backup-native-dialogs.png') })

    // Switching automatic backups off keeps the chosen folder.
    await page.getByRole('switch', { name: '自动备份' }).click()
    await page.getByText('已关闭自动备份').waitFor()
    expect(await invoke(page, 'backups.settings.get', {})).toMatchObject({ folder: usbFolder, enabled: false })

    picks['dialog.chooseRestoreFile'] = chosenFile
    await page.getByRole('button', { name: /从文件恢复/ }).click()
    await page.getByText('将用文件“上周备份.sqlite”替换现在的全部数据').waitFor()
    const asked = await page.evaluate(() => (window as unknown as { __asked: [string, unknown][] }).__asked)
    expect(asked.at(-1)).toEqual(['dialog.chooseRestoreFile', { defaultPath: usbFolder }])
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /^恢\s*复$/ })
      .click()
    await page.locator('.ant-modal-confirm-title', { hasText: '恢复完成' }).waitFor()
    expect(await page.locator('.ant-modal-confirm', { hasText: '恢复完成' }).textContent()).toContain('客户 8')
    expect((await invoke<{ total: number }>(page, 'customers.list', {})).total).toBe(8)
    // Read where it lay: nothing was uploaded into the data folder.
    expect(readdirSync(dataDir).filter((n) => n.startsWith('upload-'))).toEqual([])

    // The page itself cannot name a file: a path, or a path dressed as a token, is refused.
    for (const input of [{ path: chosenFile }, { token: chosenFile }]) {
      const refused = await page.evaluate(
        (i) =>
          (window as unknown as { kqBridge: { invoke(c: string, i: unknown): Promise<unknown> } }).kqBridge.invoke(
            'backups.restore',
            i,
          ),
        input,
      )
      expect(refused, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
  } finally {
    await browser.close()
    await preview.close()
    await core.close()
  }
  expect(problems).toEqual([])
})
