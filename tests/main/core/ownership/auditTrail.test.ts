import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { asCaller } from '../../../helpers/callers'
import { call, testCore } from '../../../helpers/testCore'
import { openFile, waitForJob, xlsxBase64 } from '../excelImport/importTestKit'
import { addUser, rows } from './ownershipTestKit'

let core: Awaited<ReturnType<typeof testCore>>
beforeEach(async () => {
  core = await testCore('audit-trail')
})
afterEach(async () => {
  await core.close()
})

const audit = () =>
  rows<{ user_id: number | null; user_name: string | null; action: string; detail: string }>(
    core,
    `SELECT user_id, user_name, action, detail FROM audit_event ORDER BY id`,
  )

describe('who did what: imports and restores', () => {
  it('an import records its user, file and counts', async () => {
    const boss = await addUser(core, '赵主管', 'manager')
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '电话'])
      sheet.addRow(['甲公司', '020-11112222'])
      sheet.addRow(['乙公司', '020-33334444'])
    })
    const opened = await openFile(core, '新客户.xlsx', base64)
    const { jobId } = await asCaller(core, boss.caller, 'import.commit', {
      sessionId: opened.sessionId,
      mapping: opened.mapping,
    })
    expect(await waitForJob(core, jobId)).toMatchObject({ state: 'done', result: { created: 2 } })
    expect(await audit()).toEqual([
      {
        user_id: boss.userId,
        user_name: '赵主管',
        action: 'import',
        detail: '导入客户及联系人（新客户.xlsx）：新增 2，更新 0，联系人 0，跳过 0，有问题未导入 0',
      },
    ])
  })

  it('a restore records its user in the database that is live afterwards; a copy without that user keeps the name in the text', async () => {
    const before = await call(core, 'backups.create', {})
    const admin = await addUser(core, '管理员甲', 'admin')
    const withUser = await call(core, 'backups.create', {})

    await asCaller(core, admin.caller, 'backups.restore', { name: withUser.name })
    expect(await audit()).toEqual([
      { user_id: admin.userId, user_name: '管理员甲', action: 'restore', detail: `从备份 ${withUser.name} 恢复` },
    ])

    await asCaller(core, admin.caller, 'backups.restore', { name: before.name })
    expect(await audit()).toEqual([
      {
        user_id: null,
        user_name: null,
        action: 'restore',
        detail: `从备份 ${before.name} 恢复（操作人：管理员甲）`,
      },
    ])
  })
})
