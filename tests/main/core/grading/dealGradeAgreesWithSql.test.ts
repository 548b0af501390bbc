import dayjs from 'dayjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { localToday } from '../../../../src/main/core/common/localTime'
import type { CustomerListRow } from '../../../../src/shared/customerList'
import { computeDealGrade, type DealGradeInput } from '../../../../src/shared/grading/dealGrade'
import { call, testCore } from '../../../helpers/testCore'

let core: Awaited<ReturnType<typeof testCore>>
beforeEach(async () => {
  core = await testCore('deal-grade-sql')
})
afterEach(async () => {
  await core.close()
})

/**
 * The customer sheet grades in SQL (customerListQuery's dealGradeSql) while cards and
 * reminders use computeDealGrade; this pins the two together on every boundary, as
 * seen from the real today the list itself uses.
 */
describe('computeDealGrade agrees with the customer list SQL', () => {
  it('on every boundary relative to today', async () => {
    const today = dayjs(localToday())
    const date = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD')
    const clearNeedDates: Record<string, string> = {
      yesterday: date(today.subtract(1, 'day')),
      longAgo: date(today.subtract(2, 'year')),
      today: date(today),
      tomorrow: date(today.add(1, 'day')),
      month1: date(today.add(1, 'month')),
      month1Plus1: date(today.add(1, 'month').add(1, 'day')),
      month3: date(today.add(3, 'month')),
      month3Plus1: date(today.add(3, 'month').add(1, 'day')),
      month6: date(today.add(6, 'month')),
      month6Plus1: date(today.add(6, 'month').add(1, 'day')),
      yearAhead: date(today.add(1, 'year')),
    }
    const cases: Record<string, DealGradeInput> = {
      ...Object.fromEntries(
        Object.entries(clearNeedDates).map(([key, expectedCloseDate]) => [
          `明确需求 ${key}`,
          { demandStatus: '明确需求', expectedCloseDate },
        ]),
      ),
      '明确需求 no date': { demandStatus: '明确需求', expectedCloseDate: null },
      '潜在需求 soon': { demandStatus: '潜在需求', expectedCloseDate: clearNeedDates.tomorrow ?? null },
      '潜在需求 no date': { demandStatus: '潜在需求', expectedCloseDate: null },
      无需求: { demandStatus: '无需求', expectedCloseDate: null },
      'no demand status': { demandStatus: null, expectedCloseDate: clearNeedDates.tomorrow ?? null },
    }

    const idToCase = new Map<number, string>()
    let n = 0
    for (const [label, input] of Object.entries(cases)) {
      n += 1
      const customer = await call(core, 'customers.create', { name: `成交级别测试客户${n}号`, ...input })
      idToCase.set(customer.id, label)
    }

    const page = await call(core, 'customers.list', { startRow: 0, endRow: 100 })
    expect(page.rows).toHaveLength(idToCase.size)
    const gradeOf = (row: CustomerListRow) => {
      const input = cases[idToCase.get(row.id) ?? '']
      if (!input) throw new Error(`unexpected row ${row.id}`)
      return computeDealGrade(input, localToday()).grade
    }
    const listed = Object.fromEntries(page.rows.map((row) => [idToCase.get(row.id), row.dealGrade]))
    const computed = Object.fromEntries(page.rows.map((row) => [idToCase.get(row.id), gradeOf(row)]))
    expect(listed).toEqual(computed)
    // And the boundaries are the ones docs/product-rules.md#deal-grade names.
    expect(computed).toMatchObject({
      '明确需求 yesterday': 'A',
      '明确需求 today': 'A',
      '明确需求 month1': 'A',
      '明确需求 month1Plus1': 'B',
      '明确需求 month3': 'B',
      '明确需求 month3Plus1': 'C',
      '明确需求 month6': 'C',
      '明确需求 month6Plus1': 'D',
      '明确需求 no date': 'D',
      '潜在需求 soon': 'D',
      无需求: 'E',
      'no demand status': null,
    })
  })
})
