import type { App } from 'antd'
import { createElement } from 'react'
import type { ExportFile, ExportJobRequest, ExportProgress } from '../../../shared/excelExport'
import { call, errorMessage } from '../api/client'
import { saveBytes } from '../files/saveFile'
import { ExportProgressNotice } from './ExportProgressNotice'

type MessageApi = ReturnType<typeof App.useApp>['message']

let running = 0
const firstPollMs = 50
const pollMs = 250

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs one export as a core job: a message with its progress and 取消 while the
 * core builds the workbook, then the download (Electron shows its save dialog),
 * then what was saved, 已取消, or the core's Chinese error. `request` may be a
 * function for callers that must look something up first (a selection's ids).
 * Resolves to the file, or null when it failed or was cancelled.
 */
export async function exportExcel(
  message: MessageApi,
  what: string,
  request: ExportJobRequest | (() => Promise<ExportJobRequest>),
): Promise<ExportFile | null> {
  const key = `kq-export-${++running}`
  let jobId: string | null = null
  let cancelling = false
  let progress: Pick<ExportProgress, 'done' | 'total'> = { done: 0, total: null }
  let unit = '行'

  const show = () =>
    void message.open({
      key,
      type: 'loading',
      duration: 0,
      content: createElement(ExportProgressNotice, { what, ...progress, unit, cancelling, onCancel: cancel }),
    })
  const cancel = () => {
    cancelling = true
    show()
    // Before the job exists there is nothing to stop yet; the loop below asks as soon as it does.
    if (jobId) void call('export.cancel', { jobId }).catch(() => undefined)
  }

  show()
  try {
    const input = typeof request === 'function' ? await request() : request
    if (input.kind === 'customerCards') unit = '张'
    jobId = (await call('export.start', input)).jobId
    if (cancelling) await call('export.cancel', { jobId })
    for (let delay = firstPollMs; ; delay = pollMs) {
      await wait(delay)
      const current = await call('export.progress', { jobId })
      if (current.state === 'running') {
        progress = current
        show()
        continue
      }
      if (current.state === 'cancelled') {
        void message.open({ key, type: 'info', content: `已取消导出${what}`, duration: 3 })
        return null
      }
      if (current.state === 'failed' || !current.file) {
        void message.open({ key, type: 'error', content: `导出失败：${current.message ?? '请重试'}`, duration: 5 })
        return null
      }
      saveBytes(current.file.fileName, current.file.base64)
      void message.open({ key, type: 'success', content: `已导出${what}：${current.file.fileName}`, duration: 3 })
      return current.file
    }
  } catch (error) {
    void message.open({ key, type: 'error', content: `导出失败：${errorMessage(error)}`, duration: 5 })
    return null
  }
}
