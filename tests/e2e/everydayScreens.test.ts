import type { Locator, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { invoke, startApp, type RunningApp } from './harness'

/**
 * Issue #20, points 5–8: the 客户列表's select-all, empty states, Enter and Ctrl+F; what fits a
 * 1280×720 office laptop (统计分析 tables beside their charts, the 工作台's reason column); the
 * customer page's header; screenshots at 1280×720 and 1400×900.
 */

const shot = (app: RunningApp, name: string): Promise<string> => app.screenshot(`ux-screens/${name}`)
const inGroup = async (page: Page, groupId: number): Promise<number> =>
  (await invoke<{ total: number }>(page, 'customers.list', { filters: { groupIds: [groupId] } })).total

/** Adds the selected customers to a group through 批量操作 → 加入分组, as a user would. */
async function addSelectedToGroup(page: Page, group: string, count: number): Promise<void> {
  await page.getByRole('button', { name: /批量操作/ }).click()
  await page.getByRole('menuitem', { name: '加入分组' }).click()
  const dialog = page.getByRole('dialog', { name: new RegExp(`加入分组（${count} 个客户）`) })
  await dialog.getByLabel('加入分组').click()
  await page.locator('.ant-select-item-option', { hasText: group }).click()
  // A multiple select stays open after a pick: a click on the title closes it.
  await dialog.locator('.ant-modal-title').click()
  await dialog.getByRole('button', { name: /确\s*定/ }).click()
  await page.getByText(`已修改 ${count} 个客户`).waitFor()
}

/** The box of an element, which must be whole inside the viewport's width (and the box of its scroller, if given). */
async function fullyVisible(element: Locator, width: number, scroller?: Locator): Promise<void> {
  const box = await element.boundingBox()
  expect(box).not.toBeNull()
  if (!box) return
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(width)
  if (scroller) {
    const outer = await scroller.boundingBox()
    expect(outer).not.toBeNull()
    if (outer) {
      expect(box.x).toBeGreaterThanOrEqual(outer.x - 0.5)
      expect(box.x + box.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5)
    }
  }
}

/** Whether an element's box lies whole within the window's width and its scroller's box. */
async function wholeIn(element: Locator, width: number, scroller: Locator): Promise<boolean> {
  const box = await element.boundingBox()
  const outer = await scroller.boundingBox()
  if (!box || !outer) return false
  const right = Math.min(width, outer.x + outer.width) + 0.5
  return box.x >= Math.max(0, outer.x - 0.5) && box.x + box.width <= right
}

test('客户列表: empty states, select-all (page and all matching) feeding a batch action, Enter and the name open a row, Ctrl+F', async () => {
  const app = await startApp({ width: 1280, height: 720 })
  const { page } = app
  try {
    // No customers at all: not "nothing matches".
    await page.goto(`${app.url}#/customers`)
    await page.getByText('还没有客户。').waitFor()
    expect(await page.getByText('没有找到匹配的客户').count()).toBe(0)

    await invoke(page, 'demo.load', { customers: 200 })
    const pageGroup = await invoke<{ id: number }>(page, 'groups.create', { name: '本页测试组' })
    const allGroup = await invoke<{ id: number }>(page, 'groups.create', { name: '全部测试组' })
    await page.reload()
    await page.getByText('共 200 个客户').waitFor()
    await page.locator('.ag-row').first().waitFor()

    // A search that finds nothing says so, and 清除搜索 brings the list back.
    await page.getByLabel('快速搜索').fill('没有这样的客户zzz')
    await page.getByText('没有找到匹配的客户').waitFor()
    expect(await page.getByText('还没有客户').count()).toBe(0)
    await shot(app, 'sheet-no-match-1280')
    await page.getByRole('button', { name: '清除搜索' }).click()
    await page.getByText('共 200 个客户').waitFor()
    expect(await page.getByLabel('快速搜索').inputValue()).toBe('')

    // The toolbar does not move when rows are ticked.
    const batch = page.getByRole('button', { name: /批量操作/ })
    const before = await batch.boundingBox()
    const search = await page.getByLabel('快速搜索').boundingBox()

    // Header checkbox: this page (the loaded block of 100).
    await page.getByRole('checkbox', { name: '选择本页' }).check()
    await page.getByText('已选 100 个').waitFor()
    expect(await page.locator('.ag-row-selected').count()).toBeGreaterThan(5)
    expect(await batch.boundingBox()).toEqual(before)
    expect(await page.getByLabel('快速搜索').boundingBox()).toEqual(search)
    await shot(app, 'sheet-page-selected-1280')
    await addSelectedToGroup(page, '本页测试组', 100)
    expect(await inGroup(page, pageGroup.id)).toBe(100)

    // Its menu: every matching customer, loaded or not; the batch action resolves them by the same query.
    await page.getByLabel('快速搜索').fill('有限公司')
    await page.getByLabel('快速搜索').press('Enter')
    await expect
      .poll(() => page.getByText(/^共 \d+ 个客户$/).textContent(), { timeout: 20_000 })
      .not.toBe('共 200 个客户')
    const matching = Number(/共 (\d+) 个客户/.exec((await page.getByText(/^共 \d+ 个客户$/).textContent()) ?? '')?.[1])
    const expected = (await invoke<{ total: number }>(page, 'customers.list', { quick: '有限公司' })).total
    expect(matching).toBe(expected)
    expect(matching).toBeGreaterThan(100)
    await page.getByRole('button', { name: '选择范围' }).click()
    await page.getByRole('menuitem', { name: `选择全部 ${matching} 个符合条件的客户` }).click()
    await page.getByText(`已选 ${matching} 个`).waitFor()
    expect(await batch.boundingBox()).toEqual(before)
    await addSelectedToGroup(page, '全部测试组', matching)
    expect(await inGroup(page, allGroup.id)).toBe(matching)
    const outside = await invoke<{ total: number }>(page, 'customers.list', {
      quick: '',
      filters: { groupIds: [allGroup.id] },
    })
    expect(outside.total).toBe(matching)
    await page.getByLabel('快速搜索').fill('')
    await page.getByText('共 200 个客户').waitFor()

    // 列设置: a column ticked on is scrolled into the sheet's view.
    await page.getByRole('button', { name: '列设置' }).click()
    // 传真 is not shown at first; its place among all columns is far to the right of the screen.
    await page.getByRole('checkbox', { name: '传真' }).check()
    await page.getByRole('button', { name: '列设置' }).click()
    const header = page.locator('.ag-header-cell', { hasText: '传真' })
    await header.waitFor()
    await fullyVisible(header, 1280, page.locator('.ag-root-wrapper').first())

    // Enter on a row opens the customer; so does one click on its name.
    const firstId = await page.locator('.ag-row[row-index="0"]').first().getAttribute('row-id')
    // Focus the row's name cell beside the link (the sheet is scrolled to 传真 now), then Enter.
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="name"]').click({ position: { x: 232, y: 10 } })
    expect(await page.evaluate(() => window.location.hash)).toBe('#/customers')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/customers/${firstId}`)
    await page.goto(`${app.url}#/customers`)
    const name = page.locator('.ag-row[row-index="1"] .kq-sheet-name')
    await name.waitFor()
    const secondId = await page.locator('.ag-row[row-index="1"]').first().getAttribute('row-id')
    await name.click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/customers/${secondId}`)

    // Ctrl+F: the search of the screen in front.
    for (const [route, label] of [
      ['#/customers', '快速搜索'],
      ['#/interactions', '搜索交往记录'],
      ['#/projects', '搜索项目'],
    ] as const) {
      await page.goto(`${app.url}${route}`)
      await page.getByLabel(label).waitFor()
      await page.locator('body').click({ position: { x: 600, y: 30 } })
      await page.keyboard.press('Control+f')
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(label)
    }
  } finally {
    await app.close()
  }
}, 180_000)

for (const [width, height] of [
  [1280, 720],
  [1400, 900],
] as const) {
  test(`fits ${width}×${height}: 统计分析 tables whole beside their charts, the 工作台 reason readable; screenshots`, async () => {
    const app = await startApp({ width, height })
    const { page } = app
    try {
      await invoke(page, 'demo.load', { customers: 200 })
      await page.goto(`${app.url}#/workbench`)
      const reason = page.getByTestId('reminder-reason').first()
      await reason.waitFor({ timeout: 20_000 })
      const reasonHeader = page.locator('.kq-workbench-main th', { hasText: '原因' })
      await fullyVisible(reasonHeader, width)
      // Wide enough for a line of a dozen characters, and the actions column after it is whole too.
      expect((await reasonHeader.boundingBox())?.width).toBeGreaterThanOrEqual(180)
      await fullyVisible(page.locator('.kq-workbench-main th', { hasText: '操作' }), width)
      // A date inside a reason is never broken across lines.
      const dates = page.locator('.kq-reminder-reason .kq-nowrap')
      for (const date of (await dates.all()).slice(0, 5)) {
        expect((await date.boundingBox())?.height).toBeLessThan(30)
      }
      await shot(app, `workbench-${width}`)

      await page.goto(`${app.url}#/customers`)
      await page.getByRole('button', { name: /筛\s*选/ }).click()
      // The open filters leave the sheet on screen: its first rows are visible within the window.
      const firstName = page.locator('.kq-sheet-name').first()
      await firstName.waitFor()
      await fullyVisible(firstName, width)
      expect(((await firstName.boundingBox())?.y ?? height) + 34 * 4).toBeLessThanOrEqual(height)
      await shot(app, `customers-filters-${width}`)

      for (const key of ['ratios', 'sources', 'rfm', 'pareto']) {
        await page.goto(`${app.url}#/analysis/${key}`)
        const panels = page.locator(`[data-testid="analysis-${key}"] .kq-chart-panel-table`)
        await panels.first().locator('.ant-table-row').first().waitFor({ timeout: 20_000 })
        await expect.poll(() => panels.locator('.ant-spin-spinning').count()).toBe(0)
        for (const panel of await panels.all()) {
          const last = panel.locator('thead th').last()
          // Scrolled to, if it takes that (the page down, or the table's own scroller sideways).
          await last.scrollIntoViewIfNeeded()
          await expect
            .poll(() => wholeIn(last, width, panel.locator('.ant-table-container')), { timeout: 10_000 })
            .toBe(true)
        }
        if (key === 'ratios' || key === 'sources') await shot(app, `analysis-${key}-${width}`)
      }

      // 季 starts at the quarter of today while the year holds today.
      await page.goto(`${app.url}#/analysis/sources`)
      await page.getByLabel('期间类型').click()
      await page.locator('.ant-select-item-option', { hasText: '季' }).click()
      const quarter = await page.evaluate(
        () => `${new Date().getFullYear()}年第${Math.floor(new Date().getMonth() / 3) + 1}季度`,
      )
      await expect.poll(() => page.getByLabel('期间', { exact: true }).inputValue()).toBe(quarter)

      // The customer page: 登记交往 and 登记交易 in its header, the tabs under it, both in the first screen.
      const { rows } = await invoke<{ rows: { id: number }[] }>(page, 'customers.list', { endRow: 1 })
      await page.goto(`${app.url}#/customers/${rows[0]?.id}`)
      const toolbar = page.locator('.kq-card-toolbar')
      for (const label of [/登\s*记\s*交\s*往/, /登\s*记\s*交\s*易/, /新\s*建\s*提\s*醒/]) {
        const button = toolbar.getByRole('button', { name: label })
        await button.waitFor()
        const box = await button.boundingBox()
        expect((box?.y ?? height) + (box?.height ?? 0)).toBeLessThanOrEqual(height)
      }
      const tabs = page.getByRole('tab', { name: '交往记录' })
      expect(((await tabs.boundingBox())?.y ?? height) + 30).toBeLessThanOrEqual(height)
      await shot(app, `customer-${width}`)
      await toolbar.getByRole('button', { name: /登\s*记\s*交\s*往/ }).click()
      await page.getByRole('dialog').getByText('登记交往').waitFor()
      await shot(app, `customer-add-interaction-${width}`)
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /取\s*消/ })
        .click()

      // 新建提醒: saved, and shown on the 提醒 tab.
      await toolbar.getByRole('button', { name: /新\s*建\s*提\s*醒/ }).click()
      const reminder = page.getByRole('dialog', { name: '新建提醒' })
      await reminder.getByLabel('提醒内容').fill(`寄送新品样册 ${width}`)
      await reminder.getByRole('button', { name: /保\s*存/ }).click()
      await page.getByText(/已新建提醒/).waitFor()
      await page.locator('.kq-detail-tabs').getByText(`寄送新品样册 ${width}`).waitFor()
      expect(await page.getByRole('tab', { name: '提醒' }).getAttribute('aria-selected')).toBe('true')
    } finally {
      await app.close()
    }
  }, 180_000)
}
