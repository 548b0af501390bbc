import { competitorKinds } from '../../../shared/competitor'
import { feedbackStatuses, type FeedbackType } from '../../../shared/feedback'
import { projectStages, tenderFactKeys, type ProjectStage, type TenderFact } from '../../../shared/grading/dealHeat'
import { bulkInsert } from '../db/bulkInsert'
import type { SqlWriter } from '../db/sqlHandles'
import {
  CompetitorEntity,
  FeedbackEntity,
  ProjectEntity,
  type CompetitorRow,
  type FeedbackRow,
  type ProjectRow,
} from '../db/projectEntities'
import { refreshProjectHeat } from '../projects/projectHeat'
import { serializeTenderFacts } from '../projects/tenderFacts'
import { dayIso, dayNumber } from './demoActivity'
import * as words from './demoProjectWords'
import type { SeededRandom } from './seededRandom'

export interface DemoProjectCounts {
  projects: number
  competitors: number
  feedback: number
}

/** Rows built and written per round, so a million customers never hold every row in memory. */
const roundSize = 5000

const stageWeights: [ProjectStage, number][] = [
  ['信息收集', 25],
  ['编写标书', 20],
  ['投标', 20],
  ['中标', 12],
  ['签约', 13],
  ['失败', 10],
]

/**
 * 项目 (about one per 20 customers), 竞争对手/供应商 (one per 5) and 客户意见 (one per 4)
 * for the demo customers with ids in [firstId, lastId], written with multi-row INSERTs
 * in the caller's transaction. Heat is then stored by refreshProjectHeat, the function
 * every project write uses, from the facts and the customers' 客情 levels.
 */
export async function writeDemoProjects(
  db: SqlWriter,
  random: SeededRandom,
  options: { firstId: number; lastId: number; today: string; staffIds: number[]; productIds: number[] },
): Promise<DemoProjectCounts> {
  const customers = options.lastId - options.firstId + 1
  if (customers <= 0) return { projects: 0, competitors: 0, feedback: 0 }
  const today = dayNumber(options.today)
  const customerId = () => random.int(options.firstId, options.lastId)
  const staff = () => (options.staffIds.length > 0 && random.chance(0.9) ? random.pick(options.staffIds) : null)
  const stamp = (day: number) => `${dayIso(Math.min(day, today))} ${String(random.int(8, 18)).padStart(2, '0')}:00:00`

  const first = await lastProjectId(db)
  const projectCount = Math.max(1, Math.round(customers / 20))
  await inRounds(projectCount, (n) =>
    bulkInsert(
      db.manager,
      ProjectEntity,
      Array.from({ length: n }, () => makeProject(random, customerId, staff, stamp, today, customers)),
    ),
  )
  const last = await lastProjectId(db)
  for (let id = first + 1; id <= last; id += roundSize) {
    const ids = Array.from({ length: Math.min(roundSize, last - id + 1) }, (_, i) => id + i)
    await refreshProjectHeat(db, { projectIds: ids })
  }

  const competitorCount = Math.round(customers / 5)
  await inRounds(competitorCount, (n) =>
    bulkInsert(
      db.manager,
      CompetitorEntity,
      Array.from({ length: n }, () => makeCompetitor(random, customerId(), stamp(today - random.int(0, 700)))),
    ),
  )

  const feedbackCount = Math.round(customers / 4)
  await inRounds(feedbackCount, (n) =>
    bulkInsert(
      db.manager,
      FeedbackEntity,
      Array.from({ length: n }, () => makeFeedback(random, customerId(), today, staff(), options.productIds, stamp)),
    ),
  )
  return { projects: projectCount, competitors: competitorCount, feedback: feedbackCount }
}

async function lastProjectId(db: SqlWriter): Promise<number> {
  const row = await db.first<{ last: number }>(`SELECT COALESCE(MAX(id), 0) AS last FROM project`)
  return row?.last ?? 0
}

async function inRounds(total: number, write: (count: number) => Promise<void>): Promise<void> {
  for (let done = 0; done < total; done += roundSize) await write(Math.min(roundSize, total - done))
}

function makeProject(
  random: SeededRandom,
  customerId: () => number,
  staff: () => number | null,
  stamp: (day: number) => string,
  today: number,
  customers: number,
): Omit<ProjectRow, 'id'> {
  const stage = random.weighted(stageWeights)
  const step = Math.max(0, projectStages.indexOf(stage))
  const owner = customerId()
  let contractor: number | null =
    customers > 1 && random.chance(stage === '信息收集' ? 0.4 : 0.85) ? customerId() : null
  if (contractor === owner) contractor = null
  const started = today - random.int(30, 540)
  // Later stages have more of the tender facts: the tender exists, the 乙方 is chosen, contracts follow.
  const ticked: TenderFact[] = tenderFactKeys.filter((fact) => {
    if (fact === 'contractWithWinningInstaller') return step >= 3 && random.chance(0.5)
    if (fact === 'ourBrandOnlyInTender') return step >= 2 && random.chance(0.25)
    return random.chance(0.15 + 0.12 * step)
  })
  const created = stamp(started)
  return {
    name: `${random.pick(words.projectSites)}${random.pick(words.projectWorks)}`,
    ownerCustomerId: owner,
    contractorCustomerId: contractor,
    stage,
    budget: random.int(5, 500) * 10000,
    expectedDate: dayIso(started + random.int(60, 420)),
    startedAt: dayIso(started),
    decisionMakers: random.chance(0.7) ? random.pick(words.decisionMakers) : null,
    competitorBrands: random.chance(0.7) ? `${random.pick(words.brands)}、${random.pick(words.brands)}` : null,
    tenderFacts: serializeTenderFacts(ticked),
    heat: 10,
    heatReason: '',
    note: null,
    staffId: staff(),
    createdAt: created,
    updatedAt: created,
    deletedAt: null,
  }
}

function makeCompetitor(random: SeededRandom, customerId: number, created: string): Omit<CompetitorRow, 'id'> {
  const maybe = (items: string[], p = 0.7) => (random.chance(p) ? random.pick(items) : null)
  return {
    customerId,
    name: random.pick(words.brands),
    kind: random.chance(0.75) ? competitorKinds[0] : competitorKinds[1],
    products: maybe(words.competitorProducts, 0.9),
    volume: maybe(words.competitorVolumes),
    price: maybe(words.competitorPrices),
    repName: random.chance(0.5) ? `${random.pick(['刘', '陈', '黄', '周', '吴'])}经理` : null,
    repRelation: maybe(words.repRelations, 0.5),
    satisfaction: random.chance(0.7) ? random.int(1, 5) : null,
    qualityIssues: maybe(words.qualityIssues, 0.5),
    strengths: maybe(words.strengths),
    weaknesses: maybe(words.weaknesses),
    strategy: maybe(words.strategies, 0.5),
    ourShare: random.chance(0.8) ? random.int(0, 20) * 5 : null,
    note: null,
    createdAt: created,
    updatedAt: created,
  }
}

function makeFeedback(
  random: SeededRandom,
  customerId: number,
  today: number,
  handlerId: number | null,
  productIds: number[],
  stamp: (day: number) => string,
): Omit<FeedbackRow, 'id'> {
  const type = random.weighted<FeedbackType>([
    ['投诉', 25],
    ['建议', 25],
    ['咨询', 35],
    ['表扬', 15],
  ])
  const received = today - random.int(0, 720)
  // Old ones are mostly done; the last few weeks' still open.
  const done = random.chance(received < today - 30 ? 0.9 : 0.4)
  const status = done
    ? random.chance(0.8)
      ? feedbackStatuses[2]
      : feedbackStatuses[3]
    : random.pick(feedbackStatuses.slice(0, 2))
  const resolved = done ? Math.min(today, received + random.int(0, 14)) : null
  const created = stamp(received)
  return {
    customerId,
    type,
    productId: productIds.length > 0 && random.chance(0.8) ? random.pick(productIds) : null,
    receivedAt: dayIso(received),
    resolvedAt: resolved === null ? null : dayIso(resolved),
    status,
    handlerId,
    content: random.pick(words.feedbackContents[type] ?? []),
    resolution: done ? random.pick(words.feedbackResolutions) : null,
    satisfaction: done && random.chance(0.8) ? random.int(type === '投诉' ? 2 : 3, 5) : null,
    createdAt: created,
    updatedAt: created,
  }
}
