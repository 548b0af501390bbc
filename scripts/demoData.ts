/**
 * Fills a data folder with demo customers, for trying the app and measuring it:
 *   npm run demo-data -- --data <folder> --customers 100000 [--transactions 1000000] [--interactions 300000] [--seed 1]
 * Without --transactions no 交易记录 are made (a bare --transactions: 10 per customer);
 * --interactions defaults to 3 per customer.
 */
import { parseArgs } from 'node:util'
import { generateDemoData } from '../src/main/core/demo/generateDemoData'
import { openCore } from '../src/main/core/openCore'

async function main(): Promise<void> {
  // --transactions [n]: its count is optional.
  const args = process.argv.slice(2)
  const flag = args.indexOf('--transactions')
  let transactionsArg: string | null = null
  if (flag >= 0) {
    const count = args[flag + 1] ?? ''
    transactionsArg = /^\d+$/.test(count) ? count : ''
    args.splice(flag, transactionsArg ? 2 : 1)
  }
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      customers: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      interactions: { type: 'string' },
    },
  })
  const customers = Number(values.customers)
  const seed = Number(values.seed)
  const transactions = transactionsArg === null ? 0 : transactionsArg ? Number(transactionsArg) : customers * 10
  const interactions = values.interactions === undefined ? customers * 3 : Number(values.interactions)
  const numbers = [customers, seed, transactions, interactions]
  if (
    !values.data ||
    !numbers.every((n) => Number.isInteger(n)) ||
    customers < 1 ||
    transactions < 0 ||
    interactions < 0
  ) {
    console.error(
      '用法：npm run demo-data -- --data <数据文件夹> --customers 100000 [--transactions 1000000] [--interactions 300000] [--seed 1]',
    )
    process.exitCode = 2
    return
  }

  const core = await openCore(values.data)
  try {
    const started = performance.now()
    const counts = await generateDemoData(core.store, {
      customers,
      seed,
      transactions,
      interactions,
      onProgress: (done, total) => process.stdout.write(`\r已生成 ${done} / ${total} 个客户`),
      onStep: (step, ms) => {
        process.stdout.write('\n')
        console.log(`${step === 'rows' ? '写入记录' : '重算客户统计'}用时 ${(ms / 1000).toFixed(1)} 秒`)
      },
    })
    const seconds = (performance.now() - started) / 1000
    console.log(
      `客户 ${counts.customers}，联系人 ${counts.contacts}，纪念日 ${counts.importantDates}，分组成员 ${counts.groupMembers}，` +
        `交易记录 ${counts.sales}，交往记录 ${counts.interactions}，` +
        `项目 ${counts.projects}，竞争对手 ${counts.competitors}，客户意见 ${counts.feedback}，` +
        `合同 ${counts.contracts}，回款计划 ${counts.instalments} 期，回款记录 ${counts.payments}`,
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
