import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test } from 'vitest'
import { startApp } from './harness'

const version = (JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string })
  .version

test('关于客情管家 shows the version and the data folder the app is really using', async () => {
  const app = await startApp()
  const { page } = app
  try {
    await page.getByRole('button', { name: '关于客情管家' }).click()
    const dialog = page.getByRole('dialog', { name: '关于客情管家' })
    await dialog.getByText(app.dataDir, { exact: true }).waitFor()
    const text = await dialog.innerText()
    // Each label beside its value.
    expect(text.replace(/\s+/g, ' ')).toContain(`版本 ${version} 数据文件夹 ${app.dataDir} 数据库文件 `)
    expect(text).toContain(join(app.dataDir, 'kqgj.sqlite'))
    expect(text).toContain('卸载或升级程序都不会删除它')
    // The picture after antd's opening animation, not halfway through it.
    await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)))
    await app.screenshot('about-dialog')

    await dialog.getByRole('button', { name: '关闭' }).click()
    await dialog.waitFor({ state: 'hidden' })
  } finally {
    await app.close()
  }
})
