import type { Core } from '../../../../src/main/core/openCore'
import type { ChannelInput } from '../../../../src/shared/contract'
import { call } from '../../../helpers/testCore'
import { addDictItem } from '../activity/activityTestKit'
import { createCustomer, dictId } from '../customers/customerTestKit'

/**
 * A small hand-made office whose every analysis answer is worked out by hand in
 * analysis.test.ts:
 *   安达贸易 (A)  华北, 季度采购 — 2025: 300; 2026: 甲产品 2×50 + 乙产品 1×100 = 200; 2024: 150
 *   北辰科技 (B)  华北, 月度采购, registered 2026 — 2026: 500
 *   长城建材 (C)  华东, 季度采购 — 2025: 200; 2026: 200; 2027-01-01: 50 (just after 2026); 2024: 800
 *   东方商行 (D)  no region, registered 2026 — 2026-12-31: 100
 *   废弃客户 (E)  华东, in the 回收站 — 2026: 1000 (never counted)
 *   丰收农业 (F)  华东, registered 2024 — 2024: 50
 */
export interface Fixture {
  ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', number>
  products: { jia: number; yi: number }
  staff: { zhang: number; li: number }
}

export async function buildFixture(core: Core): Promise<Fixture> {
  const north = await dictId(core, 'region', '华北')
  const east = await dictId(core, 'region', '华东')
  const quarterly = await dictId(core, 'purchaseStrategy', '季度采购')
  const monthly = await dictId(core, 'purchaseStrategy', '月度采购')
  const jia = await addDictItem(core, 'product', '甲产品', '设备')
  const yi = await addDictItem(core, 'product', '乙产品', '设备')
  const zhang = await addDictItem(core, 'staff', '张三')
  const li = await addDictItem(core, 'staff', '李四')

  const customer = async (input: ChannelInput<'customers.create'>) => (await createCustomer(core, input)).id
  const ids = {
    A: await customer({
      name: '安达贸易',
      regionId: north,
      registeredAt: '2025-03-01',
      purchaseStrategyId: quarterly,
      dealGradeOverride: 'A',
      relationshipLevel: 'II',
    }),
    B: await customer({
      name: '北辰科技',
      regionId: north,
      registeredAt: '2026-02-01',
      purchaseStrategyId: monthly,
      demandStatus: '无需求',
    }),
    C: await customer({
      name: '长城建材',
      regionId: east,
      registeredAt: '2024-05-01',
      purchaseStrategyId: quarterly,
      demandStatus: '潜在需求',
      valueClass: '核心客户',
    }),
    D: await customer({ name: '东方商行', registeredAt: '2026-05-01' }),
    E: await customer({ name: '废弃客户', regionId: east, registeredAt: '2026-01-10', purchaseStrategyId: monthly }),
    F: await customer({ name: '丰收农业', regionId: east, registeredAt: '2024-01-01' }),
  }
  const sale = (customerId: number, date: string, values: Record<string, unknown>) =>
    call(core, 'sales.create', { customerId, date, ...values })
  await sale(ids.A, '2024-06-01', { amount: 150 })
  await sale(ids.A, '2025-06-01', { amount: 300 })
  await sale(ids.A, '2026-03-01', { productId: jia, quantity: 2, unitPrice: 50 })
  await sale(ids.A, '2026-04-01', { productId: yi, quantity: 1, unitPrice: 100 })
  await sale(ids.B, '2026-02-10', { amount: 500 })
  await sale(ids.C, '2024-06-01', { amount: 800 })
  await sale(ids.C, '2025-02-01', { amount: 200 })
  await sale(ids.C, '2026-07-01', { amount: 200 })
  await sale(ids.C, '2027-01-01', { amount: 50 })
  await sale(ids.D, '2026-12-31', { amount: 100 })
  await sale(ids.E, '2026-05-05', { amount: 1000 })
  await sale(ids.F, '2024-06-01', { amount: 50 })

  const visit = await dictId(core, 'interactionType', '拜访')
  const phone = await dictId(core, 'interactionType', '电话')
  const interaction = (customerId: number, occurredAt: string, typeId: number, staffId: number | null) =>
    call(core, 'interactions.create', { customerId, occurredAt, typeId, staffId })
  await interaction(ids.A, '2026-03-01 09:00', visit, zhang)
  await interaction(ids.B, '2026-03-02 10:00', phone, zhang)
  await interaction(ids.A, '2026-04-01 10:00', phone, zhang)
  await interaction(ids.C, '2026-05-01 10:00', visit, li)
  await interaction(ids.D, '2026-06-01 10:00', phone, null)
  await interaction(ids.C, '2027-01-01 00:00', visit, li)
  await interaction(ids.E, '2026-06-01 10:00', visit, li)

  // 客户意见 rows straight into the table, as the feedback screen would store them.
  const feedback = (
    customerId: number,
    type: string,
    productId: number | null,
    receivedAt: string,
    resolvedAt: string | null,
    status: string,
    satisfaction: number | null,
  ) =>
    core.store.manager.query(
      `INSERT INTO feedback (customer_id, type, product_id, received_at, resolved_at, status, satisfaction, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01 00:00:00', '2026-01-01 00:00:00')`,
      [customerId, type, productId, receivedAt, resolvedAt, status, satisfaction],
    )
  await feedback(ids.A, '投诉', jia, '2026-03-01', '2026-03-11', '已解决', 2)
  await feedback(ids.A, '建议', null, '2026-04-01', null, '待处理', null)
  await feedback(ids.B, '表扬', jia, '2026-05-01', '2026-05-03', '已关闭', 5)
  await feedback(ids.C, '投诉', yi, '2026-05-20', null, '处理中', 3)
  await feedback(ids.D, '咨询', null, '2025-12-31', null, '待处理', null)
  await feedback(ids.E, '投诉', jia, '2026-06-01', null, '待处理', 1)

  await call(core, 'customers.delete', { ids: [ids.E] })
  return { ids, products: { jia, yi }, staff: { zhang, li } }
}
