import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The repository explains itself: code and tests point at docs/, never at a
 * document a clone does not have, and every docs/…#anchor they cite is a heading
 * of that document. The docs in turn name files that exist.
 */

const root = resolve(__dirname, '..')
const textExtensions = new Set(['.ts', '.tsx', '.mjs', '.cjs', '.js', '.json', '.md', '.html', '.css', '.yml', '.txt'])
const thisFile = relative(root, __filename)

function filesUnder(folder: string): string[] {
  const found: string[] = []
  for (const name of readdirSync(join(root, folder))) {
    const path = join(folder, name)
    if (statSync(join(root, path)).isDirectory()) found.push(...filesUnder(path))
    else if (textExtensions.has(extname(name))) found.push(path)
  }
  return found
}

/** src/, tests/ and scripts/, plus the configuration files at the top. */
const scanned = [
  ...['src', 'tests', 'scripts'].flatMap(filesUnder),
  ...readdirSync(root).filter((name) => /\.(ts|mjs|cjs|json|yml)$/.test(name) && name !== 'package-lock.json'),
  'README.md',
].filter((path) => path !== thisFile)

const docFiles = filesUnder('docs').filter((path) => path.endsWith('.md'))

const read = (path: string): string => readFileSync(join(root, path), 'utf8')

/** Anchors of a Markdown file's headings, as GitHub makes them (github-slugger). */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  let inFence = false
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence
    const heading = inFence ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line)
    if (!heading?.[1]) continue
    const text = heading[1].replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  return anchors
}

/** Where a forbidden reference sits: `file:line: text`. */
function hits(pattern: RegExp): string[] {
  const found: string[] = []
  for (const path of scanned) {
    read(path)
      .split('\n')
      .forEach((line, index) => {
        if (pattern.test(line)) found.push(`${path}:${index + 1}: ${line.trim()}`)
      })
  }
  return found
}

describe('references to documents outside the repository', () => {
  it('no file cites the old specification (SPEC §…) or style guide', () => {
    expect(hits(/\bSPEC\b|STYLE\.md|§/)).toEqual([])
  })

  it('no file reaches outside the repository by a relative path or the workspace by an absolute one', () => {
    const outside: string[] = []
    for (const path of scanned) {
      const text = read(path)
      for (const match of text.matchAll(/['"`]((?:\.\.?\/)+[^'"`\s$]*)['"`]/g)) {
        const target = relative(root, resolve(root, dirname(path), match[1] ?? ''))
        if (target === '..' || target.startsWith(`..${sep}`)) outside.push(`${path}: ${match[1]}`)
      }
      for (const match of text.matchAll(/\/work\/(?:shared|main)\b\S*/g)) outside.push(`${path}: ${match[0]}`)
    }
    expect(outside).toEqual([])
  })
})

describe('citations of docs/', () => {
  const anchorsOf = new Map(docFiles.map((path) => [path, headingAnchors(read(path))]))

  it('every docs/<file>.md#<anchor> in code, tests and scripts is a heading of that file', () => {
    const broken: string[] = []
    let cited = 0
    for (const path of scanned) {
      for (const match of read(path).matchAll(/docs\/([\w./-]+\.md)(?:#([\p{L}\p{M}\p{N}_-]+))?/gu)) {
        const doc = `docs/${match[1]}`
        const anchor = match[2]
        cited += 1
        if (!anchorsOf.has(doc)) broken.push(`${path}: ${doc} does not exist`)
        else if (anchor && !anchorsOf.get(doc)?.has(anchor)) broken.push(`${path}: ${doc}#${anchor} is no heading`)
      }
    }
    expect(broken).toEqual([])
    // The comments do cite the docs; an empty scan would prove nothing.
    expect(cited).toBeGreaterThan(20)
  })

  it('links between the docs reach a file and a heading', () => {
    const broken: string[] = []
    for (const path of docFiles) {
      for (const match of read(path).matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = match[1] ?? ''
        if (/^[a-z]+:/.test(link)) continue
        const [file, anchor] = link.split('#') as [string, string | undefined]
        const target = file === '' ? path : relative(root, resolve(root, dirname(path), file))
        if (!existsSync(join(root, target))) broken.push(`${path}: ${link} (no file)`)
        else if (anchor && !anchorsOf.get(target)?.has(anchor)) broken.push(`${path}: ${link} (no heading)`)
      }
    }
    expect(broken).toEqual([])
  })

  it('every file the docs name by its path exists', () => {
    const missing: string[] = []
    for (const path of docFiles) {
      for (const match of read(path).matchAll(/`((?:src|tests|scripts|docs)\/[^`\s<>*…]+)`/g)) {
        const named = (match[1] ?? '').replace(/[/:]+$/, '')
        if (!existsSync(join(root, named))) missing.push(`${path}: ${named}`)
      }
    }
    expect(missing).toEqual([])
  })
})

describe('headingAnchors', () => {
  it('makes the anchors GitHub makes', () => {
    const anchors = headingAnchors(
      [
        '# Product rules',
        '## Deal heat',
        '### Where the code differs from the plan',
        '## Deal heat',
        '## 提醒 Reminders',
      ].join('\n'),
    )
    expect([...anchors]).toEqual([
      'product-rules',
      'deal-heat',
      'where-the-code-differs-from-the-plan',
      'deal-heat-1',
      '提醒-reminders',
    ])
  })

  it('ignores lines in code fences', () => {
    expect([...headingAnchors('```\n# not a heading\n```\n## Layers')]).toEqual(['layers'])
  })
})
