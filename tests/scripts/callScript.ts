import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(__dirname, '../..')

/**
 * Calls an export of one of the plain-Node scripts (scripts/*.mjs) in its own Node process, with
 * JSON arguments, and returns its JSON result: the scripts are run as `node` runs them, untranspiled.
 */
export function callScript<T>(script: string, name: string, ...args: unknown[]): T {
  const url = pathToFileURL(resolve(root, script)).href
  const code = `import * as m from '${url}'; console.log(JSON.stringify((await m.${name}(...JSON.parse(process.argv[1]))) ?? null))`
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', code, JSON.stringify(args)], {
    cwd: root,
    encoding: 'utf8',
  })
  return JSON.parse(output) as T
}
