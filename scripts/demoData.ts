/**
 * Fills a data folder with demo customers, for trying the app and measuring it:
 *   npm run demo-data -- --data <folder> --customers 100000 [--seed 1]
 */
import { parseArgs } from 'node:util'
import { generateDemoData } from '../src/main/core/demo/generateDemoData'
import { openCore } from '../src/main/core/openCore'

async function main(): Promise<void> {
  // --transactions [n] is accepted for when the transaction tables exist; its count is optional.
  const args = process.argv.slice(2)
  const transactions = args.indexOf('--transactions')
  if (transactions >= 0) {
    args.splice(transactions, /^\d+$/.test(args[transactions + 1] ?? '') ? 2 : 1)
    console.log('交易记录将在交往/交易功能上线后生成')
  }
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      customers: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
    },
  })
  const customers = Number(values.customers)
  const seed = Number(values.seed)
  if (!values.data || !Number.isInteger(customers) || customers < 1 || !Number.isInteger(seed)) {
    console.error('用法：npm run demo-data -- --data <数据文件夹> --customers 100000 [--seed 1]')
    process.exitCode = 2
    return
  }

  const core = await openCore(values.data)
  try {
    const started = performance.now()
    const counts = await generateDemoData(core.store, {
      customers,
      seed,
      onProgress: (done, total) => process.stdout.write(`\r已生成 ${done} / ${total} 个客户`),
    })
    const seconds = (performance.now() - started) / 1000
    process.stdout.write('\n')
    console.log(
      `客户 ${counts.customers}，联系人 ${counts.contacts}，纪念日 ${counts.importantDates}，分组成员 ${counts.groupMembers}`,
    )
    console.log(
      `用时 ${seconds.toFixed(1)} 秒（${Math.round(counts.customers / seconds)} 个客户/秒）：${core.store.databasePath}`,
    )
  } finally {
    await core.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
