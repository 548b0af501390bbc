import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { KqBridge } from '../../src/shared/bridge'
import { expect, test } from 'vitest'
import { invoke, startApp, waitOrExplain } from './harness'

const backupRows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row')
const rowOfKind = (page: Page, kind: string) => backupRows(page).filter({ hasText: kind })

test('备份与恢复: the daily backup at start, back up, find the data file damaged at start-up, restore the backup from the banner, undo', async () => {
  const first = await startApp()
  const dataDir = first.dataDir
  try {
    // The preview takes the day's automatic backup at start, as the Electron app does (of the still empty database).
    await expect
      .poll(() => readdirSync(join(dataDir, 'backups')).filter((n) => n.endsWith('-auto.sqlite')))
      .toHaveLength(1)
    await invoke(first.page, 'demo.load', { customers: 30 })
    await first.page.goto(`${first.url}#/data/backup`)
    await rowOfKind(first.page, '每日自动').waitFor()
    expect(await rowOfKind(first.page, '每日自动').textContent()).toContain('客户 0')
    await first.screenshot('backup-daily')
    await first.page.getByRole('button', { name: /立即备份/ }).click()
    await first.page.getByText(/^已备份：/).waitFor()
    await expect.poll(() => backupRows(first.page).count()).toBe(2)
    expect(await rowOfKind(first.page, '手动').textContent()).toContain('客户 30')
  } finally {
    await first.close()
  }

  // The database is damaged while the app is closed: a middle stretch of pages zeroed. The preview
  // server closes its database after the page: SQLite removes the -wal once everything is in the file.
  const path = join(dataDir, 'kqgj.sqlite')
  await expect.poll(() => existsSync(`${path}-wal`), { timeout: 10_000 }).toBe(false)
  const bytes = readFileSync(path)
  const pageSize = bytes.readUInt16BE(16)
  const middle = Math.floor(bytes.length / pageSize / 2)
  bytes.fill(0, pageSize * (middle - 2), pageSize * (middle + 2))
  writeFileSync(path, bytes)

  const app = await startApp({ dataDir })
  const { page } = app
  try {
    await page.goto(`${app.url}#/customers`)
    await page.getByText('数据文件无法使用，已移到一旁').waitFor()
    expect(await page.locator('.ant-alert-error').textContent()).toContain('已原样改名保存为')
    const aside = readdirSync(dataDir).filter((n) => /^kqgj\.sqlite\.corrupt-\d{8}-\d{4}$/.test(n))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dataDir, aside[0] ?? '')).equals(bytes)).toBe(true)
    await app.screenshot('backup-startup-banner')

    await page.getByRole('button', { name: '去恢复备份' }).click()
    await page.getByRole('tab', { name: '备份与恢复', selected: true }).waitFor()
    // A database just set aside is not backed up: the list holds the two backups of before.
    await expect.poll(() => backupRows(page).count()).toBe(2)
    await app.screenshot('backup-list')
    await rowOfKind(page, '手动')
      .getByRole('button', { name: /恢\s*复/ })
      .click()
    await page.getByText('将用').waitFor()
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /^恢\s*复$/ })
      .click()
    await waitOrExplain(app, page.locator('.ant-modal-confirm-title', { hasText: '恢复完成' }), 'backup-restore')
    expect(await page.locator('.ant-modal-confirm', { hasText: '恢复完成' }).textContent()).toContain('客户 30')
    await page.waitForTimeout(500) // the confirm dialog's closing animation
    await app.screenshot('backup-restored')
    await page.getByRole('button', { name: /确\s*定/ }).click()

    // After the reload the banner is gone, the customers are back and the restore can be undone.
    await page.getByText(/上次恢复前的数据已保存/).waitFor()
    expect(await page.getByText('数据文件无法使用，已移到一旁').count()).toBe(0)
    expect(((await invoke(page, 'customers.list', {})) as { total: number }).total).toBe(30)
    await expect.poll(() => backupRows(page).count()).toBe(3)
    await app.screenshot('backup-undo-offered')

    await page.getByRole('button', { name: /撤销恢复/ }).click()
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /撤销恢复/ })
      .click()
    // An undo says so, not 恢复完成 as if a backup had been restored again.
    await waitOrExplain(
      app,
      page.locator('.ant-modal-confirm-title', { hasText: '已撤销恢复，数据回到恢复之前' }),
      'backup-undo',
    )
    expect(await page.locator('.ant-modal-confirm-title', { hasText: '恢复完成' }).count()).toBe(0)
    await page.getByRole('button', { name: /确\s*定/ }).click()
    await page.getByRole('button', { name: /立即备份/ }).waitFor()
    expect(((await invoke(page, 'customers.list', {})) as { total: number }).total).toBe(0)
    expect(await page.getByText(/上次恢复前的数据已保存/).count()).toBe(0)

    // Settings: the preview has no folder dialog and the page may not name a folder, so backups stay in the
    // default one (the field is read-only, a typed path is refused); auto backup can be switched off.
    expect(await page.getByLabel('备份文件夹').getAttribute('readonly')).not.toBeNull()
    expect(await page.getByRole('button', { name: /^保\s*存$/ }).count()).toBe(0)
    await page.getByText('浏览器预览中备份放在默认文件夹').waitFor()
    const typed = await page.evaluate(() =>
      (globalThis as unknown as { kqBridge: KqBridge }).kqBridge.invoke('backups.settings.set', {
        folder: 'E:\\客情管家备份',
        enabled: true,
      }),
    )
    expect(typed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    await page.getByRole('switch', { name: '自动备份' }).click()
    await page.getByText('已关闭自动备份').waitFor()
    expect(await invoke(page, 'backups.settings.get', {})).toMatchObject({ enabled: false })
    await app.screenshot('backup-settings')
  } finally {
    await app.close()
  }
})
