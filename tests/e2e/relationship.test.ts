import type { Page } from 'playwright-core'
import { projectOwnerChecklist } from '../../src/shared/grading/relationshipChecklists'
import { expect, test } from 'vitest'
import { invoke, startApp } from './harness'

/** The value shown next to a label of the read-only card. */
const cardValue = (page: Page, label: string) =>
  page.locator(`.ant-form-item:has(label[title="${label}"]) .kq-card-value`).first()

test('客情评估 ticks the 甲方 checklist, suggests the level, saves it to the card and keeps a history', async () => {
  const app = await startApp()
  const { page } = app
  try {
    const customer = (await invoke(page, 'customers.create', { name: '广州人易科技有限公司' })) as { id: number }
    await page.goto(`${app.url}#/customers/${customer.id}`)
    await page.reload()
    await cardValue(page, '客情关系等级').waitFor()
    expect(await cardValue(page, '客情关系等级').textContent()).toBe('—')

    await page.getByRole('tab', { name: '客情评估' }).click()
    await page.getByText('暂无评估记录').waitFor()
    await page.getByRole('radio', { name: '项目甲方' }).waitFor()
    expect(await page.getByTestId('suggested-level').textContent()).toContain('未达 I 级')

    const levelI = page.getByTestId('level-I')
    for (const criterion of projectOwnerChecklist.levels.I) {
      await levelI.getByText(criterion.text, { exact: true }).click()
    }
    await expect.poll(() => page.getByTestId('suggested-level').textContent()).toContain('I 级')
    await page.getByRole('textbox', { name: '评估备注' }).fill('首次评估')
    await page.getByRole('button', { name: /保\s*存\s*评\s*估/ }).click()
    await page.getByText(/已保存评估/).waitFor()

    await expect.poll(() => cardValue(page, '客情关系等级').textContent()).toContain('I')
    const rows = page.locator('.kq-relationship-tab .ant-table-row')
    await expect.poll(() => rows.count()).toBe(1)
    const row = rows.first()
    await row.getByText('项目甲方').waitFor()
    await row.getByText('首次评估').waitFor()
    await page.locator('.kq-detail-tabs').scrollIntoViewIfNeeded()
    await app.screenshot('relationship-tab')
  } finally {
    await app.close()
  }
})
