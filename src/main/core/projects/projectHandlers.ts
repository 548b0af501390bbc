import type { EntityManager } from 'typeorm'
import { projectIssues } from '../../../shared/project'
import { checkCustomer, checkDictChoices, merged } from '../activity/activityChecks'
import { AppError } from '../appError'
import { localNow } from '../common/localTime'
import type { ProjectRow } from '../db/projectEntities'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { refreshProjectHeat } from './projectHeat'
import {
  findProject,
  findProjectRow,
  insertProject,
  listProjects,
  softDeleteProject,
  updateProject,
} from './projectQueries'
import { serializeTenderFacts } from './tenderFacts'
import { mustFind } from '../common/mustFind'

type ProjectChannel = 'projects.create' | 'projects.update' | 'projects.delete' | 'projects.list' | 'projects.get'

type ProjectValues = Omit<ProjectRow, 'id' | 'heat' | 'heatReason' | 'createdAt' | 'updatedAt' | 'deletedAt'>

/** 项目: every write stores the 成交热度 computed from the values just written, in the same transaction. */
export function projectHandlers({ store }: CoreContext): DomainHandlers<ProjectChannel> {
  return {
    'projects.create': (input) =>
      store.write(async (m) => {
        const values: ProjectValues = {
          name: input.name,
          ownerCustomerId: input.ownerCustomerId,
          contractorCustomerId: input.contractorCustomerId ?? null,
          stage: input.stage,
          budget: input.budget ?? null,
          expectedDate: input.expectedDate ?? null,
          startedAt: input.startedAt ?? null,
          decisionMakers: input.decisionMakers ?? null,
          competitorBrands: input.competitorBrands ?? null,
          tenderFacts: serializeTenderFacts(input.tenderFacts ?? []),
          note: input.note ?? null,
          staffId: input.staffId ?? null,
        }
        await checkValues(m, values, null)
        const time = localNow()
        const id = await insertProject(m, {
          ...values,
          heat: 10,
          heatReason: '',
          createdAt: time,
          updatedAt: time,
          deletedAt: null,
        })
        await refreshProjectHeat(m, { projectIds: [id] })
        return mustFind(await findProject(m, id), '项目')
      }),

    'projects.update': (input) =>
      store.write(async (m) => {
        const before = mustFind(await findProjectRow(m, input.id), '项目')
        const values: ProjectValues = {
          name: merged(input.name, before.name),
          ownerCustomerId: merged(input.ownerCustomerId, before.ownerCustomerId),
          contractorCustomerId: merged(input.contractorCustomerId, before.contractorCustomerId),
          stage: merged(input.stage, before.stage),
          budget: merged(input.budget, before.budget),
          expectedDate: merged(input.expectedDate, before.expectedDate),
          startedAt: merged(input.startedAt, before.startedAt),
          decisionMakers: merged(input.decisionMakers, before.decisionMakers),
          competitorBrands: merged(input.competitorBrands, before.competitorBrands),
          tenderFacts: input.tenderFacts ? serializeTenderFacts(input.tenderFacts) : before.tenderFacts,
          note: merged(input.note, before.note),
          staffId: merged(input.staffId, before.staffId),
        }
        await checkValues(m, values, before)
        await updateProject(m, input.id, { ...values, updatedAt: localNow() })
        await refreshProjectHeat(m, { projectIds: [input.id] })
        return mustFind(await findProject(m, input.id), '项目')
      }),

    'projects.delete': ({ id }) =>
      store.write(async (m) => {
        mustFind(await findProjectRow(m, id), '项目')
        await softDeleteProject(m, id, localNow())
        return { id }
      }),

    'projects.get': ({ id }) => store.read(async (m) => mustFind(await findProject(m, id), '项目')),

    'projects.list': (input) => store.read((m) => listProjects(m, input)),
  }
}

async function checkValues(m: EntityManager, values: ProjectValues, before: ProjectRow | null): Promise<void> {
  // The merged update may pair a new 甲方 with the stored 乙方, so the pair is checked again here.
  const issues = projectIssues(values)
  const first = Object.values(issues)[0]
  if (first) throw new AppError('VALIDATION', `输入有误：${first}`, issues)
  if (values.ownerCustomerId !== before?.ownerCustomerId) {
    await checkRole(m, values.ownerCustomerId, 'ownerCustomerId', '甲方')
  }
  if (values.contractorCustomerId !== null && values.contractorCustomerId !== before?.contractorCustomerId) {
    await checkRole(m, values.contractorCustomerId, 'contractorCustomerId', '乙方')
  }
  await checkDictChoices(m, [
    { field: 'staffId', label: '业务员', category: 'staff', id: values.staffId, before: before?.staffId ?? null },
  ])
}

/** checkCustomer, with the error on the 甲方 or 乙方 field. */
async function checkRole(m: EntityManager, customerId: number, field: string, role: string): Promise<void> {
  try {
    await checkCustomer(m, customerId)
  } catch (error) {
    if (error instanceof AppError) {
      const text =
        error.code === 'NOT_FOUND' ? `${role}客户不存在，可能已被彻底删除` : `${role}客户在回收站中，请先恢复`
      throw new AppError(error.code, `输入有误：${text}`, { [field]: text })
    }
    throw error
  }
}
