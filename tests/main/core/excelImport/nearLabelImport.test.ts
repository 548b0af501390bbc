import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportPreview, UnknownLabel } from '../../../../src/shared/excelImport'
import { call, testCore } from '../../../helpers/testCore'
import { dictId } from '../customers/customerTestKit'
import { commit, count, encodeGbk, openFile, preview, xlsxBase64 } from './importTestKit'

let core: Awaited<ReturnType<typeof testCore>>

beforeEach(async () => {
  core = await testCore('import-near-labels')
})
afterEach(async () => {
  await core.close()
})

const labelOf = (plan: ImportPreview, label: string): UnknownLabel | undefined =>
  plan.unknownLabels.find((u) => u.label === label)

async function customerNamed(name: string) {
  const list = await call(core, 'customers.list', { quick: '' })
  const id = list.rows.find((r) => r.name === name)?.id
  if (id === undefined) throw new Error(`no customer ${name}`)
  return call(core, 'customers.get', { id })
}

async function itemsOf(category: 'region' | 'source' | 'industry'): Promise<string[]> {
  const items = await call(core, 'dictionary.list', { category })
  return items.map((i) => i.label)
}

/** An office sheet whose labels are written the office's way, not the dictionary's. */
async function officeSheet(): Promise<string> {
  return xlsxBase64((sheet) => {
    sheet.addRow(['客户名称', '区域', '客户来源', '所属行业'])
    sheet.addRow(['甲公司', '华南区', '展会', '制造'])
    sheet.addRow(['乙公司', '华南区', '电话联系', '新能源'])
    sheet.addRow(['丙公司', 'huanan', '展览会', '信息技术'])
    sheet.addRow(['丁公司', '华东', '朋友', '化学'])
    sheet.addRow(['戊公司', '华楠', '广告', 'IT'])
  })
}

describe('near-matching dictionary labels', () => {
  it('proposes the item a label clearly means, maps to it by default and never creates the near-duplicate', async () => {
    const south = await dictId(core, 'region', '华南')
    const fair = await dictId(core, 'source', '展览会')
    const phone = await dictId(core, 'source', '电话')
    const friend = await dictId(core, 'source', '朋友介绍')
    const manufacturing = await dictId(core, 'industry', '制造业')
    const it = await dictId(core, 'industry', '信息技术')
    const opened = await openFile(core, '客户.xlsx', await officeSheet())
    const plan = await preview(core, { sessionId: opened.sessionId, mapping: opened.mapping })

    expect(plan.rows.map((r) => [r.rowNumber, r.action, r.problems])).toEqual([
      [2, 'create', []],
      [3, 'create', []],
      [4, 'create', []],
      [5, 'create', []],
      [6, 'create', []],
    ])
    // One entry per distinct label, with how many rows use it and what it is taken for.
    expect(labelOf(plan, '华南区')).toMatchObject({
      rows: 2,
      proposed: { id: south, label: '华南', reason: '名称相近' },
    })
    expect(labelOf(plan, 'huanan')?.proposed).toMatchObject({ id: south, reason: '拼音相同' })
    expect(labelOf(plan, '华楠')?.proposed).toMatchObject({ id: south, reason: '拼音相同' })
    expect(labelOf(plan, '展会')?.proposed).toMatchObject({ id: fair, reason: '常用说法' })
    expect(labelOf(plan, '电话联系')?.proposed).toMatchObject({ id: phone, label: '电话' })
    expect(labelOf(plan, '朋友')?.proposed).toMatchObject({ id: friend, label: '朋友介绍' })
    expect(labelOf(plan, '制造')?.proposed).toMatchObject({ id: manufacturing })
    expect(labelOf(plan, 'IT')?.proposed).toMatchObject({ id: it })
    // The proposal leads the suggestions (the wizard lists the others after 新建).
    expect(labelOf(plan, '华南区')?.suggestions[0]).toEqual({ id: south, label: '华南' })
    // Not clearly one item: 新能源 is not 能源, 广告 could be 网站广告 or 报刊广告, 化学 is not 化工.
    expect(labelOf(plan, '新能源')?.proposed).toBeNull()
    expect(labelOf(plan, '广告')?.proposed).toBeNull()
    expect(labelOf(plan, '广告')?.suggestions.map((s) => s.label)).toEqual(['网站广告', '报刊广告'])
    expect(labelOf(plan, '化学')?.proposed).toBeNull()
    expect(plan.unknownLabels.map((u) => u.label)).not.toContain('华东')

    // The user keeps every proposal but one: 朋友 is created after all.
    const done = await commit(core, {
      sessionId: opened.sessionId,
      mapping: opened.mapping,
      labelChoices: [{ field: 'sourceId', label: '朋友', itemId: null }],
    })
    expect(done.message).toBeNull()
    expect(done.result).toMatchObject({ created: 5, errors: 0, createdItems: 4 })
    expect(await customerNamed('甲公司')).toMatchObject({ regionId: south, sourceId: fair, industryId: manufacturing })
    expect(await customerNamed('乙公司')).toMatchObject({ regionId: south, sourceId: phone })
    expect(await customerNamed('丙公司')).toMatchObject({ regionId: south, industryId: it })
    expect(await customerNamed('戊公司')).toMatchObject({ regionId: south, industryId: it })
    const ding = await customerNamed('丁公司')
    expect(ding.sourceId).not.toBe(friend)
    expect(ding.sourceId).toBe(await dictId(core, 'source', '朋友'))
    // No near-duplicates in 系统字典; only the labels that name nothing there (and the one chosen) were added.
    expect(await itemsOf('region')).toEqual(['华北', '华东', '华中', '华南', '西南', '西北', '东北'])
    const sources = await itemsOf('source')
    expect(sources).not.toContain('展会')
    expect(sources).not.toContain('电话联系')
    expect(sources).toEqual(expect.arrayContaining(['朋友', '广告']))
    const industries = await itemsOf('industry')
    expect(industries).toEqual(expect.arrayContaining(['新能源', '化学']))
    expect(industries).not.toContain('制造')
    expect(industries).not.toContain('IT')
  })

  it('remembers the mapping: the next file (a GBK CSV) maps the same labels silently', async () => {
    const south = await dictId(core, 'region', '华南')
    const fair = await dictId(core, 'source', '展览会')
    const customerCategory = await dictId(core, 'category', '现有终端客户')
    const first = await openFile(core, '客户.xlsx', await officeSheet())
    // 广告 has no proposal (网站广告 or 报刊广告?): mapped by hand to 网站广告.
    const web = await dictId(core, 'source', '网站广告')
    expect(
      (
        await commit(core, {
          sessionId: first.sessionId,
          mapping: first.mapping,
          labelChoices: [{ field: 'sourceId', label: '广告', itemId: web }],
        })
      ).state,
    ).toBe('done')

    const csv = [
      '客户名称,区域,客户来源,客户类别',
      '己公司,华南区,展会,现有客户',
      '庚公司,华南区,广告,现有终端客户',
      '辛公司,华 南 区,展会,现有客户',
    ].join('\r\n')
    const second = await openFile(core, '客户.csv', encodeGbk(csv).toString('base64'))
    const plan = await preview(core, { sessionId: second.sessionId, mapping: second.mapping })
    // Only the label never seen before is asked about; 现有客户 clearly means 现有终端客户 (名称相近).
    expect(plan.unknownLabels.map((u) => [u.label, u.rows, u.proposed?.label])).toEqual([
      ['现有客户', 2, '现有终端客户'],
    ])
    expect(plan.counts).toEqual({ create: 3, update: 0, skip: 0, error: 0 })
    const dictionaryBefore = await count(core, 'dict_item')
    expect((await commit(core, { sessionId: second.sessionId, mapping: second.mapping })).state).toBe('done')
    expect(await count(core, 'dict_item')).toBe(dictionaryBefore)
    expect(await customerNamed('己公司')).toMatchObject({
      regionId: south,
      sourceId: fair,
      categoryId: customerCategory,
    })
    expect(await customerNamed('庚公司')).toMatchObject({ regionId: south, sourceId: web })
    expect(await customerNamed('辛公司')).toMatchObject({ regionId: south, sourceId: fair })

    // A remembered item that is disabled meanwhile is asked about again, not used.
    await call(core, 'dictionary.update', { id: fair, enabled: false })
    const third = await openFile(core, '客户2.csv', encodeGbk('客户名称,客户来源\r\n壬公司,展会').toString('base64'))
    const again = await preview(core, { sessionId: third.sessionId, mapping: third.mapping })
    expect(again.unknownLabels).toMatchObject([{ label: '展会', proposed: null }])
  })
})
