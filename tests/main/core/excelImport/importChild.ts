import { readFileSync } from 'node:fs'
import { openCore } from '../../../../src/main/core/openCore'

/**
 * Run by importKill.test.ts with tsx: imports a file into the database of a data
 * folder and reports progress on stdout, until the parent kills it (SIGKILL).
 * Usage: tsx importChild.ts <dataDir> <file.csv>
 */
async function main(): Promise<void> {
  const [dataDir, file] = process.argv.slice(2) as [string, string]
  const core = await openCore(dataDir, {})
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await core.dispatch(channel, input)
    if (!result.ok) throw new Error(result.error.message)
    return result.value as T
  }
  const opened = await call<{ sessionId: string; mapping: (string | null)[] }>('import.open', {
    kind: 'customers',
    fileName: 'big.csv',
    base64: readFileSync(file).toString('base64'),
  })
  const { jobId } = await call<{ jobId: string }>('import.commit', {
    sessionId: opened.sessionId,
    mapping: opened.mapping,
  })
  process.stdout.write('started\n')
  for (;;) {
    const progress = await call<{ state: string; done: number }>('import.progress', { jobId })
    process.stdout.write(`progress ${progress.state} ${progress.done}\n`)
    if (progress.state !== 'running') break
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  await core.close()
  process.stdout.write('closed\n')
}

void main()
