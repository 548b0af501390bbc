import ExcelJS from 'exceljs'
import type { Core } from '../../../../src/main/core/openCore'
import type { DictionaryCategory } from '../../../../src/shared/dictionary'
import type { Customer } from '../../../../src/shared/customer'
import type { ExportFile } from '../../../../src/shared/excelExport'
import { call } from '../../../helpers/testCore'

/** An exported file read back with exceljs, as a user's Excel would open it. */
export async function readWorkbook(file: ExportFile): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
  return workbook
}

/** The first worksheet of an exported file. */
export async function firstSheet(file: ExportFile): Promise<ExcelJS.Worksheet> {
  const ws = (await readWorkbook(file)).worksheets[0]
  if (!ws) throw new Error('no worksheet')
  return ws
}

/** Row `n`'s values from column A on. */
export const rowValues = (ws: ExcelJS.Worksheet, n: number): unknown[] => (ws.getRow(n).values as unknown[]).slice(1)

/** The id of a seeded dictionary item by label, or a new one. */
export async function dictId(core: Core, category: DictionaryCategory, label: string): Promise<number> {
  const items = await call(core, 'dictionary.list', { category })
  const found = items.find((i) => i.label === label)
  if (found) return found.id
  return (await call(core, 'dictionary.create', { category, label })).id
}

const long = (text: string, times: number): string => Array.from({ length: times }, () => text).join('')

/** An enterprise customer with every card field filled, three contacts and two groups, created through the channels. */
export async function createFullCustomer(core: Core, name = '广州人易科技有限公司'): Promise<Customer> {
  return call(core, 'customers.create', {
    kind: 'enterprise',
    name,
    shortName: '人易科技',
    groups: ['重要客户', '集团客户'],
    regionId: await dictId(core, 'region', '华南'),
    provinceCode: '440000',
    cityCode: '440100',
    districtCode: '440106',
    natureId: await dictId(core, 'nature', '私营或个体户'),
    sourceId: await dictId(core, 'source', '展览会'),
    categoryId: await dictId(core, 'category', '现有终端客户'),
    industryId: await dictId(core, 'industry', '信息技术'),
    salesScaleId: await dictId(core, 'salesScale', '中型'),
    yearsInBusinessId: await dictId(core, 'yearsInBusiness', '5-10年'),
    industryPositionId: await dictId(core, 'industryPosition', '较有影响'),
    employeeCount: 320,
    creditRating: 4,
    settlementId: await dictId(core, 'settlement', '一个月回款'),
    dealerIntention: '希望成为华南区总代理，年销售目标 500 万元，需要我司提供样机和培训支持。',
    creditLimit: 200000,
    contactStrategyId: await dictId(core, 'contactStrategy', '每两周'),
    purchaseStrategyId: await dictId(core, 'purchaseStrategy', '季度采购'),
    phone: '020-38765432',
    fax: '020-38765433',
    email: 'service@renyi-tech.com.cn',
    website: 'https://www.renyi-tech.com.cn',
    address: '广东省广州市天河区天河路 385 号太古汇一座 18 楼 1801–1805 室',
    postalCode: '510620',
    creditCode: '91440300708461136T',
    bankName: '中国工商银行广州天河支行',
    bankAccount: '3602000109000123456',
    legalRepresentative: '李建国',
    foundedDate: '2008-06-18',
    registeredCapital: '1000万元',
    mainBusiness: long('企业管理软件的研发、销售与实施服务，涵盖客户关系管理、进销存、财务与人力资源模块；', 3),
    sideBusiness: '计算机硬件及网络设备的销售与安装。',
    serviceArea: '华南五省',
    businessDirection: '以中小企业为主要客户，重视本地化服务与快速响应，正在向云服务转型。',
    reputation: '口碑良好，连续三年获评区守合同重信用企业',
    organization: '设总经理办公室、销售部、技术部、客服部、财务部，采购由行政部兼管。',
    annualPurchase: '约 80 万元',
    purchaseCycle: '每季度集中采购，月结 30 天',
    inventory: '常备 2 个月用量',
    needs: '重质量与售后服务，其次是价格',
    newProductPlans: '计划明年推出面向连锁门店的移动收银系统，需要配套的打印与扫码设备。',
    strategyNews: '今年与本地电信运营商签订战略合作协议，共同拓展政企市场。',
    demandStatus: '明确需求',
    expectedCloseDate: '2099-12-31',
    relationshipLevel: 'III',
    valueClass: '重要客户',
    dealStatus: '正在谈判',
    competitionNotes: '目前主要供应商为某国际品牌，价格高出我司约 15%，服务响应慢，客户有更换意向。',
    demandNotes: '需要 50 台收银终端及配套打印机，希望年底前完成部署。',
    ownerStaffId: await dictId(core, 'staff', '张丽'),
    registrar: '王芳',
    registeredAt: '2026-03-08',
    remarks: '老板喜欢喝茶，拜访时可带好茶叶；每年 3 月有年度预算会议。',
    contacts: [
      {
        name: '王小明',
        gender: '男',
        title: '采购经理',
        department: '行政部',
        mobile: '13800138000',
        officePhone: '020-38765430',
        wechat: 'wxm_gz',
        email: 'wangxm@renyi-tech.com.cn',
        decisionRole: '购买者',
        isKey: true,
      },
      {
        name: '陈静',
        gender: '女',
        title: '财务总监',
        department: '财务部',
        mobile: '13911112222',
        decisionRole: '决策者',
      },
      { name: '刘洋', title: '技术主管', department: '技术部', officePhone: '020-38765431', decisionRole: '使用者' },
    ],
  })
}
