import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { bridgeScript } from '../../src/main/core/preview/bridgeScript'
import { tempDir } from '../helpers/tempDir'
import { invoke, startApp } from './harness'

/**
 * The preview's bridge plus a stand-in for the Electron shell's dialogs: each
 * channel answers the path the test put in window.__picks and records the call,
 * as the native dialog would after the user chose.
 */
const bridgeWithDialogs = bridgeScript.replace(
  'Object.freeze({ invoke: invoke })',
  `Object.freeze({
    invoke: invoke,
    platform: async function (channel, input) {
      window.__asked = (window.__asked || []).concat([[channel, input]]);
      return { ok: true, value: { path: (window.__picks || {})[channel] ?? null } };
    },
  })`,
)

test('备份与恢复 in the Electron app: 选择文件夹… and 从文件恢复… use the native dialogs, the file restores by path', async () => {
  expect(bridgeWithDialogs).not.toBe(bridgeScript)
  const app = await startApp()
  const { page } = app
  try {
    await page.route('**/bridge.js', (route) =>
      route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: bridgeWithDialogs }),
    )
    await invoke(page, 'demo.load', { customers: 8 })
    const backup = await invoke<{ name: string }>(page, 'backups.create', {})
    const { folder } = await invoke<{ folder: string }>(page, 'backups.list', {})
    await invoke(page, 'customers.create', { name: '恢复后应消失的客户' })
    const usb = join(tempDir('e2e-usb'), '客情管家备份')
    mkdirSync(usb, { recursive: true })
    const chosenFile = join(usb, '上周备份.sqlite')
    copyFileSync(join(folder, backup.name), chosenFile)

    await page.goto(`${app.url}#/data/backup`)
    await page.reload()
    await page.getByRole('button', { name: /选择文件夹/ }).waitFor()
    // The typed-path fallback is gone: the folder is picked, not typed.
    expect(await page.getByRole('button', { name: /^保\s*存$/ }).count()).toBe(0)
    expect(await page.getByLabel('备份文件夹').getAttribute('readonly')).not.toBeNull()
    expect(await page.locator('input[type=file]').count()).toBe(0)

    // Cancelling the folder dialog changes nothing; choosing one saves it.
    await page.getByRole('button', { name: /选择文件夹/ }).click()
    await expect.poll(() => page.evaluate(() => (window as unknown as { __asked?: unknown[] }).__asked?.length)).toBe(1)
    expect(await invoke(page, 'backups.settings.get', {})).toMatchObject({ folder: null })
    const usbFolder = join(tempDir('e2e-usb-folder'), '备份')
    await page.evaluate((path) => {
      ;(window as unknown as { __picks: Record<string, string> }).__picks = { 'dialog.chooseBackupFolder': path }
    }, usbFolder)
    await page.getByRole('button', { name: /选择文件夹/ }).click()
    await page.getByText('备份文件夹已保存').waitFor()
    expect(await invoke(page, 'backups.settings.get', {})).toMatchObject({ folder: usbFolder })
    expect(await page.getByLabel('备份文件夹').inputValue()).toBe(usbFolder)
    await app.screenshot('backup-native-dialogs')

    await page.evaluate((path) => {
      ;(window as unknown as { __picks: Record<string, string> }).__picks = { 'dialog.chooseRestoreFile': path }
    }, chosenFile)
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
    expect(readdirSync(app.dataDir).filter((n) => n.startsWith('upload-'))).toEqual([])
  } finally {
    await app.close()
  }
})
