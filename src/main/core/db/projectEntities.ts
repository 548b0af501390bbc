import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm'

/** 项目, 竞争对手/供应商 and 客户意见 rows as stored (migration 5). */

export interface ProjectRow {
  id: number
  name: string
  ownerCustomerId: number
  contractorCustomerId: number | null
  stage: string
  budget: number | null
  expectedDate: string | null
  startedAt: string | null
  decisionMakers: string | null
  competitorBrands: string | null
  /** JSON array of TenderFact keys. */
  tenderFacts: string
  heat: number
  heatReason: string
  note: string | null
  staffId: number | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

export interface CompetitorRow {
  id: number
  customerId: number
  name: string
  kind: string
  products: string | null
  volume: string | null
  price: string | null
  repName: string | null
  repRelation: string | null
  satisfaction: number | null
  qualityIssues: string | null
  strengths: string | null
  weaknesses: string | null
  strategy: string | null
  ourShare: number | null
  note: string | null
  createdAt: string
  updatedAt: string
}

export interface FeedbackRow {
  id: number
  customerId: number
  type: string
  productId: number | null
  receivedAt: string
  resolvedAt: string | null
  status: string
  handlerId: number | null
  content: string | null
  resolution: string | null
  satisfaction: number | null
  createdAt: string
  updatedAt: string
}

const id: EntitySchemaColumnOptions = { type: 'integer', primary: true, generated: 'increment' }
const col = (type: 'text' | 'integer' | 'real', name: string, nullable = false): EntitySchemaColumnOptions => ({
  type,
  name,
  nullable,
})

export const ProjectEntity = new EntitySchema<ProjectRow>({
  name: 'Project',
  tableName: 'project',
  columns: {
    id,
    name: col('text', 'name'),
    ownerCustomerId: col('integer', 'owner_customer_id'),
    contractorCustomerId: col('integer', 'contractor_customer_id', true),
    stage: col('text', 'stage'),
    budget: col('real', 'budget', true),
    expectedDate: col('text', 'expected_date', true),
    startedAt: col('text', 'started_at', true),
    decisionMakers: col('text', 'decision_makers', true),
    competitorBrands: col('text', 'competitor_brands', true),
    tenderFacts: col('text', 'tender_facts'),
    heat: col('integer', 'heat'),
    heatReason: col('text', 'heat_reason'),
    note: col('text', 'note', true),
    staffId: col('integer', 'staff_id', true),
    createdAt: col('text', 'created_at'),
    updatedAt: col('text', 'updated_at'),
    deletedAt: col('text', 'deleted_at', true),
  },
})

export const CompetitorEntity = new EntitySchema<CompetitorRow>({
  name: 'Competitor',
  tableName: 'competitor',
  columns: {
    id,
    customerId: col('integer', 'customer_id'),
    name: col('text', 'name'),
    kind: col('text', 'kind'),
    products: col('text', 'products', true),
    volume: col('text', 'volume', true),
    price: col('text', 'price', true),
    repName: col('text', 'rep_name', true),
    repRelation: col('text', 'rep_relation', true),
    satisfaction: col('integer', 'satisfaction', true),
    qualityIssues: col('text', 'quality_issues', true),
    strengths: col('text', 'strengths', true),
    weaknesses: col('text', 'weaknesses', true),
    strategy: col('text', 'strategy', true),
    ourShare: col('real', 'our_share', true),
    note: col('text', 'note', true),
    createdAt: col('text', 'created_at'),
    updatedAt: col('text', 'updated_at'),
  },
})

export const FeedbackEntity = new EntitySchema<FeedbackRow>({
  name: 'Feedback',
  tableName: 'feedback',
  columns: {
    id,
    customerId: col('integer', 'customer_id'),
    type: col('text', 'type'),
    productId: col('integer', 'product_id', true),
    receivedAt: col('text', 'received_at'),
    resolvedAt: col('text', 'resolved_at', true),
    status: col('text', 'status'),
    handlerId: col('integer', 'handler_id', true),
    content: col('text', 'content', true),
    resolution: col('text', 'resolution', true),
    satisfaction: col('integer', 'satisfaction', true),
    createdAt: col('text', 'created_at'),
    updatedAt: col('text', 'updated_at'),
  },
})

export const projectEntities = [ProjectEntity, CompetitorEntity, FeedbackEntity]
