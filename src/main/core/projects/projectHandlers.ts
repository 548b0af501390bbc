import { projectIssues } from '../../../shared/project'
import { checkCustomer, checkDictChoices, mergedAll } from '../activity/activityChecks'
import { AppError } from '../appError'
import { localNow } from '../common/localTime'
import { recordHandlers, type RecordDefinition } from '../common/recordHandlers'
import type { ProjectRow } from '../db/projectEntities'
import type { SqlReader } from '../db/sqlHandles'
import type { ChannelsOf, CoreContext, DomainHandlers } from '../handlerTypes'
import { refreshProjectHeat } from './projectHeat'
import { listProjects, projectTable, softDeleteProject } from './projectQueries'
import { serializeTenderFacts } from './tenderFacts'

type ProjectValues = Omit<ProjectRow, 'id' | 'heat' | 'heatReason' | 'createdAt' | 'updatedAt' | 'deletedAt'>

/** 项目: every write stores the 成交热度 computed from the values just written, in the same transaction. */
const projectRecord: RecordDefinition<'projects', ProjectRow> = {
  table: projectTable,
  customerKeys: ['ownerCustomerId', 'contractorCustomerId'],
  async created(db, input) {
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
    await checkValues(db, values, null)
    return { ...values, heat: 10, heatReason: '', deletedAt: null }
  },
  async updated(db, input, before) {
    const values: ProjectValues = {
      ...mergedAll(input, before, [
        'name',
        'ownerCustomerId',
        'contractorCustomerId',
        'stage',
        'budget',
        'expectedDate',
        'startedAt',
        'decisionMakers',
        'competitorBrands',
        'note',
        'staffId',
      ]),
      tenderFacts: input.tenderFacts ? serializeTenderFacts(input.tenderFacts) : before.tenderFacts,
    }
    await checkValues(db, values, before)
    // The heat and the deletion mark are not the form's: they stay as stored until the refresh below.
    return { ...values, heat: before.heat, heatReason: before.heatReason, deletedAt: before.deletedAt }
  },
  list: listProjects,
  afterWrite: async (db, { id, after }) => {
    if (after) await refreshProjectHeat(db, { projectIds: [id] })
  },
  remove: (db, id) => softDeleteProject(db, id, localNow()),
}

export function projectHandlers({ store }: CoreContext): DomainHandlers<ChannelsOf<'projects'>> {
  return recordHandlers(store, 'projects', projectRecord)
}

async function checkValues(db: SqlReader, values: ProjectValues, before: ProjectRow | null): Promise<void> {
  // The merged update may pair a new 甲方 with the stored 乙方, so the pair is checked again here.
  const issues = projectIssues(values)
  const first = Object.values(issues)[0]
  if (first) throw new AppError('VALIDATION', `输入有误：${first}`, issues)
  if (values.ownerCustomerId !== before?.ownerCustomerId) {
    await checkRole(db, values.ownerCustomerId, 'ownerCustomerId', '甲方')
  }
  if (values.contractorCustomerId !== null && values.contractorCustomerId !== before?.contractorCustomerId) {
    await checkRole(db, values.contractorCustomerId, 'contractorCustomerId', '乙方')
  }
  await checkDictChoices(db, [
    { field: 'staffId', label: '业务员', category: 'staff', id: values.staffId, before: before?.staffId ?? null },
  ])
}

/** checkCustomer, with the error on the 甲方 or 乙方 field. */
async function checkRole(db: SqlReader, customerId: number, field: string, role: string): Promise<void> {
  try {
    await checkCustomer(db, customerId)
  } catch (error) {
    if (error instanceof AppError) {
      const text =
        error.code === 'NOT_FOUND' ? `${role}客户不存在，可能已被彻底删除` : `${role}客户在回收站中，请先恢复`
      throw new AppError(error.code, `输入有误：${text}`, { [field]: text })
    }
    throw error
  }
}
