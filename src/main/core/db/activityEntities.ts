import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm'

/** 交往记录 and 交易记录 rows as stored (migration 3). */

export interface InteractionRow {
  id: number
  customerId: number
  contactId: number | null
  occurredAt: string
  typeId: number
  subject: string | null
  content: string | null
  result: string | null
  nextFollowUp: string | null
  staffId: number | null
  createdAt: string
  updatedAt: string
}

export interface SaleRow {
  id: number
  customerId: number
  date: string
  productId: number | null
  quantity: number | null
  unitPrice: number | null
  amount: number
  remarks: string | null
  /** The 合同 it belongs to (m0015), a contract of the same customer. */
  contractId: number | null
  createdAt: string
  updatedAt: string
}

const id: EntitySchemaColumnOptions = { type: 'integer', primary: true, generated: 'increment' }
const col = (type: 'text' | 'integer' | 'real', name: string, nullable = false): EntitySchemaColumnOptions => ({
  type,
  name,
  nullable,
})

export const InteractionEntity = new EntitySchema<InteractionRow>({
  name: 'Interaction',
  tableName: 'interaction',
  columns: {
    id,
    customerId: col('integer', 'customer_id'),
    contactId: col('integer', 'contact_id', true),
    occurredAt: col('text', 'occurred_at'),
    typeId: col('integer', 'type_id'),
    subject: col('text', 'subject', true),
    content: col('text', 'content', true),
    result: col('text', 'result', true),
    nextFollowUp: col('text', 'next_follow_up', true),
    staffId: col('integer', 'staff_id', true),
    createdAt: col('text', 'created_at'),
    updatedAt: col('text', 'updated_at'),
  },
})

export const SaleEntity = new EntitySchema<SaleRow>({
  name: 'Sale',
  tableName: 'sale',
  columns: {
    id,
    customerId: col('integer', 'customer_id'),
    date: col('text', 'date'),
    productId: col('integer', 'product_id', true),
    quantity: col('real', 'quantity', true),
    unitPrice: col('real', 'unit_price', true),
    amount: col('real', 'amount'),
    remarks: col('text', 'remarks', true),
    contractId: col('integer', 'contract_id', true),
    createdAt: col('text', 'created_at'),
    updatedAt: col('text', 'updated_at'),
  },
})

export const activityEntities = [InteractionEntity, SaleEntity]
