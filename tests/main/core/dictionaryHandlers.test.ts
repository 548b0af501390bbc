import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DictionaryCategory } from '../../../src/shared/dictionary'
import type { DictItem } from '../../../src/shared/dictionary'
import { channels } from '../../../src/shared/contract'
import { call, testCore } from '../../helpers/testCore'

type TestCore = Awaited<ReturnType<typeof testCore>>
let core: TestCore

beforeEach(async () => {
  core = await testCore('dict')
})
afterEach(async () => {
  await core.close()
})

/** Everything the dictionary and region tables hold, to prove a refused call changed nothing. */
async function snapshot(): Promise<string> {
  const items = await core.store.manager.query('SELECT * FROM dict_item ORDER BY id')
  const regions = await core.store.manager.query('SELECT * FROM province_region ORDER BY province_code')
  return JSON.stringify([items, regions])
}

const list = (category: DictionaryCategory): Promise<DictItem[]> => call(core, 'dictionary.list', { category })

describe('dictionary handlers through the dispatch', () => {
  it('lists the seeded defaults of every category in order', async () => {
    const all = await call(core, 'dictionary.list', {})
    const labels = (category: string): string[] => all.filter((i) => i.category === category).map((i) => i.label)
    expect(labels('region')).toEqual(['华北', '华东', '华中', '华南', '西南', '西北', '东北'])
    expect(labels('source')).toEqual(expect.arrayContaining(['网站广告', '展览会', '市场活动', '合作伙伴开发']))
    expect(labels('interactionType')).toContain('联谊活动')
    expect(labels('product')).toEqual([])
    const contact = all.filter((i) => i.category === 'contactStrategy').map((i) => [i.label, i.cycleDays])
    expect(contact).toEqual([
      ['每周联系', 7],
      ['每两周', 14],
      ['每月', 30],
      ['每季度', 90],
    ])
    const purchase = all.filter((i) => i.category === 'purchaseStrategy').map((i) => i.cycleDays)
    expect(purchase).toEqual([30, 90, 180, 365])
  })

  it('adds, renames, disables and reorders items', async () => {
    const added = await call(core, 'dictionary.create', { category: 'source', label: '  抖音  ' })
    expect(added).toMatchObject({ label: '抖音', enabled: true, cycleDays: null, usage: 0 })
    expect((await list('source')).at(-1)?.label).toBe('抖音')

    const renamed = await call(core, 'dictionary.update', { id: added.id, label: '短视频' })
    expect(renamed.label).toBe('短视频')
    const disabled = await call(core, 'dictionary.update', { id: added.id, enabled: false })
    expect(disabled.enabled).toBe(false)

    const ids = (await list('source')).map((i) => i.id).reverse()
    const reordered = await call(core, 'dictionary.reorder', { category: 'source', ids })
    expect(reordered.map((i) => i.id)).toEqual(ids)
    expect(reordered[0]?.label).toBe('短视频')
  })

  it('keeps cycle days on strategy items and requires them there', async () => {
    const item = await call(core, 'dictionary.create', {
      category: 'contactStrategy',
      label: '每十天',
      cycleDays: 10,
    })
    expect(item.cycleDays).toBe(10)
    expect((await call(core, 'dictionary.update', { id: item.id, cycleDays: 12 })).cycleDays).toBe(12)
    const missing = await core.dispatch('dictionary.create', { category: 'purchaseStrategy', label: '不定期' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '购买策略需要填写周期天数' } })
    const onPlain = await core.dispatch('dictionary.update', { id: 1, cycleDays: 5 })
    expect(onPlain).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('keeps a product category on products only', async () => {
    const product = await call(core, 'dictionary.create', {
      category: 'product',
      label: '中央空调',
      groupName: '暖通设备',
    })
    expect(product.groupName).toBe('暖通设备')
  })

  it('refuses to delete an item in use, and deletes an unused one', async () => {
    const north = (await list('region')).find((i) => i.label === '华北')
    expect(north?.usage).toBe(5)
    const before = await snapshot()
    const refused = await core.dispatch('dictionary.delete', { id: north?.id })
    expect(refused).toMatchObject({ ok: false, error: { code: 'IN_USE' } })
    expect(refused.ok === false && refused.error.message).toContain('停用')
    expect(await snapshot()).toBe(before)

    await call(core, 'regions.set', { provinceCode: '150000', regionId: null })
    const unused = await call(core, 'dictionary.create', { category: 'region', label: '测试区' })
    await call(core, 'dictionary.delete', { id: unused.id })
    expect((await list('region')).map((i) => i.label)).not.toContain('测试区')
  })

  it('maps provinces to regions', async () => {
    const south = (await list('region')).find((i) => i.label === '华南')
    const set = await call(core, 'regions.set', { provinceCode: '430000', regionId: south?.id ?? null })
    expect(set).toMatchObject({ provinceCode: '430000', provinceName: '湖南省', regionId: south?.id ?? null })
    const all = await call(core, 'regions.list', {})
    expect(all).toHaveLength(34)
  })

  describe('bad input is a typed error and changes nothing', () => {
    const bad: [string, unknown, string][] = [
      ['dictionary.create', { category: 'source', label: '' }, 'VALIDATION'],
      ['dictionary.create', { category: 'source', label: '   ' }, 'VALIDATION'],
      ['dictionary.create', { category: 'source', label: 42 }, 'VALIDATION'],
      ['dictionary.create', { category: 'nope', label: '甲' }, 'VALIDATION'],
      ['dictionary.create', { category: 'source', label: '展览会' }, 'CONFLICT'],
      ['dictionary.create', { category: 'source', label: '甲', extra: 1 }, 'VALIDATION'],
      ['dictionary.create', null, 'VALIDATION'],
      ['dictionary.create', 'source', 'VALIDATION'],
      ['dictionary.update', { id: 99999, label: '甲' }, 'NOT_FOUND'],
      ['dictionary.update', { id: '1', label: '甲' }, 'VALIDATION'],
      ['dictionary.update', { id: -1 }, 'VALIDATION'],
      ['dictionary.update', { id: 1.5 }, 'VALIDATION'],
      ['dictionary.update', { id: 1, label: '华东' }, 'CONFLICT'],
      ['dictionary.update', { id: 1, enabled: 'yes' }, 'VALIDATION'],
      ['dictionary.reorder', { category: 'region', ids: [1, 2] }, 'VALIDATION'],
      ['dictionary.reorder', { category: 'region', ids: [] }, 'VALIDATION'],
      ['dictionary.delete', { id: 99999 }, 'NOT_FOUND'],
      ['dictionary.delete', {}, 'VALIDATION'],
      ['regions.set', { provinceCode: '999999', regionId: 1 }, 'VALIDATION'],
      ['regions.set', { provinceCode: '110000', regionId: 99999 }, 'NOT_FOUND'],
      ['regions.set', { provinceCode: '110000', regionId: 8 }, 'NOT_FOUND'],
      ['no.such.channel', {}, 'UNKNOWN_CHANNEL'],
    ]
    it.each(bad)('%s %j → %s', async (channel, input, code) => {
      const before = await snapshot()
      const result = await core.dispatch(channel, input)
      expect(result).toMatchObject({ ok: false, error: { code } })
      if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fff]/)
      expect(await snapshot()).toBe(before)
    })
  })

  it('every channel of the contract has a handler', () => {
    for (const channel of channels) expect(typeof core.handlers[channel]).toBe('function')
  })
})
