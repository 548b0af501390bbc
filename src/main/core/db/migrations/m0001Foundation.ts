import type { MigrationInterface, QueryRunner } from 'typeorm'

/** Seeded defaults (docs/product-rules.md#dictionaries), frozen here: later changes go in new migrations. */
const seeds: [category: string, items: (string | [string, number])[]][] = [
  ['region', ['华北', '华东', '华中', '华南', '西南', '西北', '东北']],
  ['nature', ['国有企业', '中外合资', '私营或个体户', '合伙企业', '外商独资']],
  [
    'source',
    [
      '网站广告',
      '展览会',
      '客户推荐',
      '电话',
      '邮件',
      '报刊广告',
      '黄页',
      '朋友介绍',
      '市场活动',
      '业务员开发',
      '合作伙伴开发',
    ],
  ],
  ['category', ['潜在终端客户', '潜在代理', '现有终端客户', '现有代理', '流失终端客户', '流失代理']],
  [
    'industry',
    [
      '教育',
      '医疗卫生',
      '政府',
      '化工',
      '制造业',
      '建筑工程',
      '批发零售',
      '信息技术',
      '金融',
      '物流',
      '餐饮酒店',
      '房地产',
      '能源',
      '农业',
      '其他',
    ],
  ],
  [
    'contactStrategy',
    [
      ['每周联系', 7],
      ['每两周', 14],
      ['每月', 30],
      ['每季度', 90],
    ],
  ],
  [
    'purchaseStrategy',
    [
      ['月度采购', 30],
      ['季度采购', 90],
      ['半年采购', 180],
      ['年度采购', 365],
    ],
  ],
  ['salesScale', ['大型', '中型', '小型', '微型']],
  ['yearsInBusiness', ['1年以下', '1-3年', '3-5年', '5-10年', '10年以上']],
  ['industryPosition', ['领导者', '较有影响', '影响一般', '没有影响力']],
  ['settlement', ['现款现货', '一个月回款', '票到付款', '2个月回款', '3个月回款']],
  ['interactionType', ['拜访', '电话', '微信', '邮件', '短信', '会议', '礼品', '联谊活动']],
]

/** Province code prefix → default 大区 (the usual seven-region division). */
const provinceRegions: [region: string, prefixes: string[]][] = [
  ['华北', ['11', '12', '13', '14', '15']],
  ['东北', ['21', '22', '23']],
  ['华东', ['31', '32', '33', '34', '35', '36', '37', '71']],
  ['华中', ['41', '42', '43']],
  ['华南', ['44', '45', '46', '81', '82']],
  ['西南', ['50', '51', '52', '53', '54']],
  ['西北', ['61', '62', '63', '64', '65']],
]

export class Foundation1795400000001 implements MigrationInterface {
  name = 'Foundation1795400000001'

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE dict_item (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      category TEXT NOT NULL,
      label TEXT NOT NULL,
      sort_order INTEGER NOT NULL,
      enabled BOOLEAN NOT NULL DEFAULT 1,
      cycle_days INTEGER CHECK (cycle_days IS NULL OR cycle_days > 0),
      group_name TEXT,
      UNIQUE (category, label)
    )`)
    await runner.query(`CREATE INDEX dict_item_category ON dict_item (category, sort_order)`)
    await runner.query(`CREATE TABLE province_region (
      province_code TEXT PRIMARY KEY,
      region_id INTEGER REFERENCES dict_item (id) ON DELETE RESTRICT
    )`)
    await runner.query(`CREATE TABLE app_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)`)

    for (const [category, items] of seeds) {
      for (const [index, item] of items.entries()) {
        const [label, cycleDays] = typeof item === 'string' ? [item, null] : item
        await runner.query(
          `INSERT INTO dict_item (category, label, sort_order, enabled, cycle_days) VALUES (?, ?, ?, 1, ?)`,
          [category, label, index + 1, cycleDays],
        )
      }
    }
    for (const [region, prefixes] of provinceRegions) {
      for (const prefix of prefixes) {
        await runner.query(
          `INSERT INTO province_region (province_code, region_id)
           SELECT ?, id FROM dict_item WHERE category = 'region' AND label = ?`,
          [`${prefix}0000`, region],
        )
      }
    }
    await runner.query(`PRAGMA user_version = 1`)
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE app_setting`)
    await runner.query(`DROP TABLE province_region`)
    await runner.query(`DROP TABLE dict_item`)
    await runner.query(`PRAGMA user_version = 0`)
  }
}
