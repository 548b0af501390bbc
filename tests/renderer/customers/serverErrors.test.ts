import { describe, expect, it } from 'vitest'
import { changedPaths } from '../../../src/renderer/src/customers/card/serverErrors'

describe('changedPaths', () => {
  it('names a plain field, a list row’s field and a multi-select as the Form.Item names they are', () => {
    expect(changedPaths({ endOn: '2027-12-05' })).toEqual([['endOn']])
    // antd hands a change inside a Form.List as a sparse array holding only the changed row.
    const row = [] as unknown[]
    row[2] = { mobile: '138' }
    expect(changedPaths({ contacts: row })).toEqual([['contacts', 2, 'mobile']])
    expect(changedPaths({ groups: [3, 5] })).toEqual([['groups']])
    expect(changedPaths({ groups: [] })).toEqual([['groups']])
    expect(changedPaths({ regionId: null, name: '甲' })).toEqual([['regionId'], ['name']])
  })
})
