import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { invoke, startApp } from './harness'

/** Types into a searchable antd Select of the open dialog and takes the first option matching. */
async function pick(page: Page, label: string, text: string): Promise<void> {
  const select = page.getByRole('dialog').getByLabel(label, { exact: true })
  await select.click()
  await select.fill(text)
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click()
}

/** Waits until no table is loading, so a screenshot shows the rows rather than their fade. */
async function settled(page: Page): Promise<void> {
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' })
  // The rows fade back in over antd's 0.3 s transition.
  await page.waitForTimeout(400)
}

const save = (page: Page) =>
  page
    .getByRole('dialog')
    .getByRole('button', { name: /^保\s*存$/ })
    .click()

test('项目 with 成交热度, 竞争对手 and 意见 on the customer page; the 交往记录, 项目 and 竞争对手与意见 screens', async () => {
  const app = await startApp()
  const { page } = app
  try {
    const owner = await invoke<{ id: number }>(page, 'customers.create', { name: '广州市第一人民医院' })
    const installer = await invoke<{ id: number }>(page, 'customers.create', { name: '广东华安机电安装有限公司' })
    await invoke(page, 'relationship.assess', {
      customerId: installer.id,
      role: 'other',
      ticked: [],
      chosenLevel: 'III',
    })

    await page.goto(`${app.url}#/customers/${owner.id}`)
    await page.reload()
    await page.getByRole('tab', { name: '项目' }).click()
    await page.getByText('尚无项目，可点击「新建项目」登记').waitFor()
    await page.getByRole('button', { name: /新建项目/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('新建项目').first().waitFor()
    // The 甲方 is this page's customer already.
    await dialog.getByText('广州市第一人民医院', { exact: true }).waitFor()
    await save(page)
    await dialog.locator('.ant-form-item-explain-error', { hasText: '请填写项目名称' }).waitFor()
    await dialog.getByLabel('项目名称').fill('门诊楼智能化弱电工程')
    await pick(page, '乙方', '华安')
    await dialog.getByLabel('阶段', { exact: true }).click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '投标' }).click()
    await dialog.getByLabel('竞争品牌', { exact: true }).fill('海康威视、大华')
    await dialog.getByText('标书中有我司产品', { exact: true }).click()
    await expect.poll(() => dialog.getByTestId('heat-reason').textContent()).toContain('10%')
    await dialog.getByText('乙方主动使用我司产品参与投标', { exact: true }).click()
    // The preview follows the ticks and the 乙方's 客情 level (III).
    await expect
      .poll(() => dialog.getByTestId('heat-reason').textContent())
      .toContain('标书中有我司产品，乙方客情 III 级，主动使用我司产品投标')
    await dialog.getByText('甲方主动向乙方推荐我司产品', { exact: true }).click()
    await app.screenshot('project-form')
    await save(page)
    await page.getByText('已新建项目').waitFor()
    const row = page.locator('.ant-table-row', { hasText: '门诊楼智能化弱电工程' })
    await row.getByTestId('heat-tag').filter({ hasText: '70%' }).waitFor()
    await row.getByText('标书中有我司产品，甲方主动推荐，乙方客情 III 级，主动使用我司产品投标').waitFor()
    await row.getByText('广东华安机电安装有限公司').waitFor()
    await page.getByRole('tab', { name: '项目' }).scrollIntoViewIfNeeded()
    await page.mouse.wheel(0, 600)
    await app.screenshot('detail-projects')

    // The 乙方's level drops on its own page's assessment: the stored heat follows.
    await invoke(page, 'relationship.assess', { customerId: installer.id, role: 'other', ticked: [], chosenLevel: 'I' })
    await page.getByRole('tab', { name: '竞争对手' }).click()
    await page.getByText('尚无竞争对手或供应商信息').waitFor()
    await page.getByRole('button', { name: /登记竞争对手/ }).click()
    await dialog.getByLabel('名称', { exact: true }).fill('海康威视')
    await dialog.getByLabel('产品', { exact: true }).fill('门禁及监控设备')
    await dialog.getByLabel('我司份额').fill('40')
    await dialog.getByLabel('优势').fill('品牌知名度高')
    await app.screenshot('competitor-form')
    await save(page)
    await page.getByText('已登记竞争对手').waitFor()
    const competitor = page.locator('.ant-table-row', { hasText: '海康威视' })
    await competitor.getByText('40%').waitFor()
    await competitor.getByText('门禁及监控设备').waitFor()
    await page.mouse.wheel(0, 600)
    await app.screenshot('detail-competitors')

    await page.getByRole('tab', { name: '意见' }).click()
    await page.getByText('尚无客户意见').waitFor()
    await page.getByRole('button', { name: /登记意见/ }).click()
    await dialog.getByLabel('意见类型').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '投诉' }).click()
    await dialog.getByLabel('意见内容').fill('门禁识别速度慢，早高峰排队')
    await save(page)
    await page.getByText('已登记客户意见').waitFor()
    const feedback = page.locator('.ant-table-row', { hasText: '门禁识别速度慢' })
    await feedback.getByText('待处理').waitFor()
    await feedback.getByText('投诉').waitFor()
    await page.mouse.wheel(0, 600)
    await app.screenshot('detail-feedback')

    // The 乙方 dropped to I: the heat stays 70% by the 甲方's recommendation alone, and the reason says so.
    await page.reload()
    await page.getByRole('tab', { name: '项目' }).click()
    const reason = page.locator('.ant-table-row', { hasText: '门诊楼智能化弱电工程' }).locator('.kq-heat-reason')
    await expect.poll(() => reason.textContent()).toBe('标书中有我司产品，甲方主动推荐')

    // The global 交往记录, filtered by 交往方式.
    const types = await invoke<{ id: number; label: string }[]>(page, 'dictionary.list', {
      category: 'interactionType',
    })
    const typeId = (label: string) => types.find((t) => t.label === label)?.id
    await invoke(page, 'interactions.create', {
      customerId: owner.id,
      occurredAt: '2026-03-02 09:30',
      typeId: typeId('拜访'),
      subject: '上门介绍门禁方案',
    })
    await invoke(page, 'interactions.create', {
      customerId: installer.id,
      occurredAt: '2026-03-05 15:00',
      typeId: typeId('电话'),
      subject: '电话确认投标报价',
    })
    await page.getByRole('menuitem', { name: '交往记录' }).click()
    await page.getByText('共 2 条').waitFor()
    await page.getByLabel('交往方式').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '电话' }).click()
    await page.getByText('共 1 条').waitFor()
    // A click on empty space closes the dropdown, as a user would.
    await page.mouse.click(1000, 600)
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' })
    expect(await page.locator('.ant-table-row').count()).toBe(1)
    await page.locator('.ant-table-row', { hasText: '电话确认投标报价' }).waitFor()
    await app.screenshot('screen-interactions')
    await page.locator('.ant-table-row', { hasText: '电话确认投标报价' }).click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/customers/${installer.id}`)

    await page.getByRole('menuitem', { name: '项目' }).click()
    await page.locator('.ant-table-row', { hasText: '门诊楼智能化弱电工程' }).waitFor()
    await settled(page)
    await app.screenshot('screen-projects')

    await page.getByRole('menuitem', { name: '竞争对手与意见' }).click()
    await page.locator('.ant-table-row', { hasText: '海康威视' }).waitFor()
    await settled(page)
    await app.screenshot('screen-competitors')
    await page.getByRole('tab', { name: '客户意见' }).click()
    await page.locator('.ant-table-row', { hasText: '门禁识别速度慢' }).waitFor()
    await settled(page)
    await app.screenshot('screen-feedback')
  } finally {
    await app.close()
  }
})
