import type { App } from 'antd'
import type { ExportFile } from '../../../shared/excelExport'
import { errorMessage } from '../api/client'
import { saveBytes } from '../files/saveFile'

type MessageApi = ReturnType<typeof App.useApp>['message']

let running = 0

/**
 * Runs one export: a loading message while the core builds the workbook, then
 * the download (Electron shows its save dialog), then what was saved, or the
 * core's Chinese error. Resolves to the file, or null when it failed.
 */
export async function exportExcel(
  message: MessageApi,
  what: string,
  build: () => Promise<ExportFile>,
): Promise<ExportFile | null> {
  const key = `kq-export-${++running}`
  void message.open({ key, type: 'loading', content: `正在导出${what}…`, duration: 0 })
  try {
    const file = await build()
    saveBytes(file.fileName, file.base64)
    void message.open({ key, type: 'success', content: `已导出${what}：${file.fileName}`, duration: 3 })
    return file
  } catch (error) {
    void message.open({ key, type: 'error', content: `导出失败：${errorMessage(error)}`, duration: 5 })
    return null
  }
}
