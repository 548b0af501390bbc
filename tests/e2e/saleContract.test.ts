import { expect, test } from 'vitest'
import { invoke, startApp } from './harness'

/**
 * A 交易记录 linked to a contract (issue #22): 登记交易 offers the customer's contracts only; the
 * 交易记录 tab shows the 合同编号, which opens the contract.
 */
test('登记交易 links a sale to one of the customer’s contracts; its 合同编号 opens the contract', async () => {
  const app = await startApp({ width: 1280, height: 720 })
  const { page } = app
  try {
    const customer = await invoke<{ id: number }>(page, 'customers.create', { name: '东莞市长安精密模具厂' })
    const other = await invoke<{ id: number }>(page, 'customers.create', { name: '惠州市博罗县建材公司' })
    const contract = await invoke<{ id: number; contractNo: string }>(page, 'contracts.create', {
      customerId: customer.id,
      name: '模具钢年度供货',
      amount: 90000,
      status: '执行中',
    })
    await invoke(page, 'contracts.create', { customerId: other.id, name: '别家的合同', amount: 1000, status: '执行中' })

    await page.goto(`${app.url}#/customers/${customer.id}`)
    await page.getByRole('tab', { name: '交易记录' }).click()
    await page
      .getByRole('button', { name: /登记交易/ })
      .first()
      .click()
    const form = page.getByRole('dialog')
    await form.getByLabel('金额').fill('30000')
    await form.getByLabel('合同').click()
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option')
    await expect.poll(() => options.allTextContents()).toEqual([`${contract.contractNo} 模具钢年度供货（执行中）`])
    await options.first().click()
    await form.getByRole('button', { name: /^保\s*存$/ }).click()
    await form.waitFor({ state: 'detached' })

    const link = page.getByRole('link', { name: contract.contractNo })
    await link.waitFor()
    const stored = await invoke<{ rows: { contractId: number | null }[] }>(page, 'sales.list', {
      customerId: customer.id,
    })
    expect(stored.rows.map((r) => r.contractId)).toEqual([contract.id])
    await app.screenshot('lead/sale-contract-1280x720')
    await link.click()
    await page.getByText('模具钢年度供货').first().waitFor()
    expect(page.url()).toContain(`#/contracts/${contract.id}`)
  } finally {
    await app.close()
  }
})
