import { expect, test } from 'vitest'
import { invoke, startApp, type RunningApp } from './harness'

/**
 * Contracts in the 回收站: 删除 on the contract page says where it went; the 回收站's 合同 tab
 * lists it; 恢复 brings it back to the 合同 list with its 回款计划 and 回款记录; 彻底删除 (the
 * single-PC user may, like a 管理员) asks first and says the plan and payments go too.
 * Screenshots of the 合同 tab at 1280×720 and 1400×900.
 */

const sizes = [
  { width: 1280, height: 720 },
  { width: 1400, height: 900 },
] as const

async function shots(app: RunningApp, name: string): Promise<void> {
  for (const size of sizes) {
    await app.page.setViewportSize(size)
    await app.page.waitForTimeout(400)
    await app.screenshot(`contracts-bin/${name}-${size.width}x${size.height}`)
  }
  await app.page.setViewportSize(sizes[0])
}

interface MadeContract {
  id: number
  contractNo: string
}

test('a deleted contract waits in the 回收站, comes back whole, or is deleted for good', async () => {
  const app = await startApp({ width: 1280, height: 720 })
  const { page } = app
  try {
    const customer = await invoke<{ id: number }>(page, 'customers.create', { name: '广州人易科技有限公司' })
    const make = async (name: string, amount: number, paid: number, remarks: string) => {
      const contract = await invoke<MadeContract>(page, 'contracts.create', {
        customerId: customer.id,
        name,
        amount,
        status: '执行中',
        signedOn: '2026-03-01',
      })
      await invoke(page, 'contracts.plan.set', {
        contractId: contract.id,
        instalments: [
          { dueOn: '2026-04-30', amount: amount / 2 },
          { dueOn: '2026-06-30', amount: amount / 2 },
        ],
      })
      await invoke(page, 'payments.create', { contractId: contract.id, paidOn: '2026-04-01', amount: paid, remarks })
      return contract
    }
    const kept = await make('年度空调供货合同', 80000, 10000, '首付款')
    const doomed = await make('旧厂房改造安装合同', 26000, 6000, '预付款')
    // The second goes to the 回收站 by the core, the first by its page's 删除 below.
    await invoke(page, 'contracts.delete', { id: doomed.id })

    await page.goto(`${app.url}#/contracts/${kept.id}`)
    await page.getByText('首付款').waitFor()
    await page
      .locator('.kq-contract-header')
      .getByRole('button', { name: /删\s*除$/ })
      .click()
    await page.locator('.ant-popconfirm').getByText(`删除合同 ${kept.contractNo}？`).waitFor()
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^删\s*除$/ })
      .click()
    await page.getByText(`合同 ${kept.contractNo} 已移到回收站，可在回收站中恢复`).waitFor()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/contracts')
    await page.getByText('共 0 份合同').waitFor()

    // 回收站: the 客户 tab first (the customer sheet), then 合同.
    await page.locator('.ant-layout-sider').getByRole('menuitem', { name: '回收站' }).click()
    await page.getByRole('tab', { name: '客户', selected: true }).waitFor()
    await page.locator('.ag-root').first().waitFor()
    await page.getByRole('tab', { name: '合同' }).click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/recycle/contracts')
    const keptRow = page.locator('.ant-table-row', { hasText: kept.contractNo })
    const doomedRow = page.locator('.ant-table-row', { hasText: doomed.contractNo })
    await keptRow.waitFor()
    await doomedRow.waitFor()
    await page.getByText('共 2 份已删除的合同').waitFor()
    // Newest deleted first, with what it was worth and who deleted it.
    expect(await page.locator('.ant-table-row').first().textContent()).toContain(kept.contractNo)
    expect(await keptRow.textContent()).toContain('80,000.00')
    expect(await keptRow.textContent()).toContain('10,000.00')
    expect(await keptRow.textContent()).toContain('广州人易科技有限公司')
    await shots(app, 'recycle-contracts')

    // 恢复: back in the 合同 list, with its plan and payments.
    await keptRow.getByRole('button', { name: /恢\s*复/ }).click()
    await page.getByText(`已恢复合同 ${kept.contractNo}，它的回款计划和回款记录也都回来了`).waitFor()
    await keptRow.waitFor({ state: 'detached' })
    await page.getByText('共 1 份已删除的合同').waitFor()
    await page.locator('.ant-layout-sider').getByRole('menuitem', { name: /合同/ }).click()
    await page.locator('.ant-table-row', { hasText: kept.contractNo }).getByText(kept.contractNo).click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/contracts/${kept.id}`)
    await page.getByText('首付款').waitFor()
    await page.locator('.kq-contract-section', { hasText: '回款计划' }).getByText('2026-06-30').waitFor()
    const restored = await invoke<{ instalments: unknown[]; payments: unknown[]; receivedAmount: number }>(
      page,
      'contracts.get',
      { id: kept.id },
    )
    expect(restored).toMatchObject({ receivedAmount: 10000 })
    expect(restored.instalments).toHaveLength(2)
    expect(restored.payments).toHaveLength(1)

    // 彻底删除: asked first, saying the plan and payments go with it.
    await page.goto(`${app.url}#/recycle/contracts`)
    await doomedRow.getByRole('button', { name: '彻底删除' }).click()
    const confirm = page.locator('.ant-popconfirm')
    await confirm.getByText(`彻底删除合同 ${doomed.contractNo}？`).waitFor()
    await confirm.getByText('连同它的合同明细、回款计划和回款记录一起删除，不能恢复。').waitFor()
    await confirm.getByRole('button', { name: '彻底删除' }).click()
    await page.getByText(`已彻底删除合同 ${doomed.contractNo}`).waitFor()
    await page.getByText('回收站中没有合同').waitFor()
    await shots(app, 'recycle-contracts-empty')
    const bin = await invoke<{ total: number }>(page, 'contracts.list', { deleted: true })
    expect(bin.total).toBe(0)
    const gone = await page.evaluate(
      (id) =>
        (
          globalThis as unknown as { kqBridge: { invoke(c: string, i: unknown): Promise<{ ok: boolean }> } }
        ).kqBridge.invoke('contracts.get', { id }),
      doomed.id,
    )
    expect(gone.ok).toBe(false)
    const live = await invoke<{ rows: { id: number }[] }>(page, 'contracts.list', {})
    expect(live.rows.map((r) => r.id)).toEqual([kept.id])
  } finally {
    await app.close()
  }
}, 180_000)
