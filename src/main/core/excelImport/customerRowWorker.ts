/**
 * The worker thread of a CustomerRowReader: given the reading first, then reads
 * the chunks of customer rows it is sent, in order, with the labels' tally kept
 * across them.
 */
import { parentPort } from 'node:worker_threads'
import type { FromRowWorker, ToRowWorker } from './customerRowReader'
import { readCustomerRow, rowContext, type RowContext } from './readCustomerRow'

const port = parentPort
if (!port) throw new Error('customerRowWorker runs as a worker thread')
const reply = (message: FromRowWorker) => port.postMessage(message)
let context: RowContext | null = null

port.on('message', (message: ToRowWorker) => {
  try {
    if ('reading' in message) {
      context = rowContext(message.reading)
      reply({ ready: true })
      return
    }
    if (!context) throw new Error('导入读取线程尚未收到读取设置')
    const read = context
    if ('rows' in message) reply({ rows: message.rows.map((row) => readCustomerRow(row, read)) })
    else reply({ unknownLabels: [...read.labels.unknown.values()] })
  } catch (error) {
    reply({ error: error instanceof Error ? error.message : String(error) })
  }
})
