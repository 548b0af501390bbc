/**
 * Every (table, column) that references customer(id), and what a merge does with
 * its rows. The one list the merge walks: a table added by a later migration
 * must be added here (customerReferences.test.ts compares this list with the
 * database's foreign keys, so a forgotten one fails the test).
 *
 * - move: the rows go to the surviving customer.
 * - moveUnlessTaken: the same, but a row that would collide with a unique key
 *   the survivor already holds (a group membership, a reminder of the same
 *   occasion, the one 应对措施 note) stays with the merged customer in the 回收站.
 * - keep: the rows describe the merged customer itself (its change history).
 */
export type MergePolicy = 'move' | 'moveUnlessTaken' | 'keep'

export interface CustomerReference {
  table: string
  column: string
  onMerge: MergePolicy
  /**
   * Another customer column of the same row that must differ from this one (a
   * project's 乙方 cannot be its own 甲方): when the merge would make them equal,
   * this one is emptied first.
   */
  differsFrom?: string
  /**
   * The row carries an edit version (m0014): being moved is a change of it, so a form
   * holding it as it was is refused. A 'record' also takes the merge's time and user.
   */
  edited?: 'version' | 'record'
}

export const customerReferences: readonly CustomerReference[] = [
  { table: 'contact', column: 'customer_id', onMerge: 'move', edited: 'version' },
  { table: 'customer_group_member', column: 'customer_id', onMerge: 'moveUnlessTaken' },
  { table: 'customer_change', column: 'customer_id', onMerge: 'keep' },
  { table: 'interaction', column: 'customer_id', onMerge: 'move', edited: 'record' },
  { table: 'sale', column: 'customer_id', onMerge: 'move', edited: 'record' },
  { table: 'relationship_assessment', column: 'customer_id', onMerge: 'move' },
  { table: 'project', column: 'owner_customer_id', onMerge: 'move', edited: 'record' },
  {
    table: 'project',
    column: 'contractor_customer_id',
    onMerge: 'move',
    differsFrom: 'owner_customer_id',
    edited: 'record',
  },
  { table: 'competitor', column: 'customer_id', onMerge: 'move', edited: 'record' },
  { table: 'feedback', column: 'customer_id', onMerge: 'move', edited: 'record' },
  { table: 'reminder', column: 'customer_id', onMerge: 'moveUnlessTaken' },
  { table: 'customer_response_note', column: 'customer_id', onMerge: 'moveUnlessTaken' },
  // A contract moves with its lines, plan and payments (they hang on the contract, not the customer).
  { table: 'contract', column: 'customer_id', onMerge: 'move', edited: 'record' },
]
