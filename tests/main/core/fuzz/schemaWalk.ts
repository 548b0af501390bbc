import type { z } from 'zod'

/** Zod 4's internal definition, the part this walk reads. */
interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  in?: z.ZodType
  out?: z.ZodType
  element?: z.ZodType
  options?: z.ZodType[]
  catchall?: z.ZodType
  keyType?: z.ZodType
  valueType?: z.ZodType
  left?: z.ZodType
  right?: z.ZodType
  getter?: () => z.ZodType
  entries?: Record<string, string | number>
  values?: unknown[]
  checks?: { _zod: { def: { check: string; format?: string } } }[]
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

/** Looks through wrappers (optional, default, pipe …) to the schema that decides the value's type. */
export function core(schema: z.ZodType): z.ZodType {
  const def = defOf(schema)
  if (def.innerType) return core(def.innerType)
  if (def.type === 'pipe' && def.in) return core(def.in)
  return schema
}

export function kind(schema: z.ZodType): string {
  return defOf(core(schema)).type
}

export interface FieldPath {
  /** Keys and `0` for an array element, e.g. ['sort', 0, 'colId']. */
  path: (string | number)[]
  schema: z.ZodType
}

/** Every field of an input schema, objects and arrays included, down to `depth`. */
export function fieldsOf(schema: z.ZodType, depth = 3, prefix: (string | number)[] = []): FieldPath[] {
  const inner = core(schema)
  const def = defOf(inner)
  if (prefix.length >= depth * 2) return []
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, field]) => [
      { path: [...prefix, key], schema: field },
      ...fieldsOf(field, depth, [...prefix, key]),
    ])
  }
  if (def.type === 'array' && def.element) return fieldsOf(def.element, depth, [...prefix, 0])
  if (def.type === 'union' && def.options) return def.options.flatMap((option) => fieldsOf(option, depth, prefix))
  return []
}

/** The options of a union input (looking through wrappers), or none. */
export function unionOptions(schema: z.ZodType): z.ZodType[] {
  const def = defOf(core(schema))
  return def.type === 'union' ? (def.options ?? []) : []
}

export interface ObjectSchemaAt {
  /** Keys and `0` for an array element or a record's value. */
  path: (string | number)[]
  strict: boolean
}

/** Kinds of schema `objectSchemasOf` knows to hold no object inside. */
const leafKinds = new Set([
  'string',
  'number',
  'int',
  'boolean',
  'bigint',
  'enum',
  'literal',
  'null',
  'undefined',
  'never',
  'unknown',
  'any',
  'date',
  'transform',
])

/**
 * Every object schema inside a schema, through every kind of wrapper (optional,
 * default, pipe in and out, arrays, unions, records, intersections, lazy), with
 * whether it refuses unknown keys. A kind it does not know is reported as not
 * strict, so a new wrapper cannot hide an object from the walk.
 */
export function objectSchemasOf(schema: z.ZodType, path: (string | number)[] = []): ObjectSchemaAt[] {
  const def = defOf(schema)
  const inner = (next: z.ZodType | undefined, at = path) => (next ? objectSchemasOf(next, at) : [])
  switch (def.type) {
    case 'object':
      return [
        { path, strict: def.catchall !== undefined && defOf(def.catchall).type === 'never' },
        ...Object.entries(def.shape ?? {}).flatMap(([key, field]) => objectSchemasOf(field, [...path, key])),
      ]
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType)
    case 'pipe':
      return [...inner(def.in), ...inner(def.out)]
    case 'array':
      return inner(def.element, [...path, 0])
    case 'record':
      return [...inner(def.keyType), ...inner(def.valueType, [...path, 0])]
    case 'union':
      return (def.options ?? []).flatMap((option) => objectSchemasOf(option, path))
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)]
    case 'lazy':
      return inner(def.getter?.())
    default:
      return leafKinds.has(def.type) ? [] : [{ path: [...path, `(${def.type})`], strict: false }]
  }
}

/** Whether a string field only takes listed values, a pattern or a format: a whitelist, not free text. */
export function isWhitelistedString(schema: z.ZodType): boolean {
  const def = defOf(core(schema))
  if (def.type === 'enum' || def.type === 'literal') return true
  if (def.type === 'union') return (def.options ?? []).every(isWhitelistedString)
  if (def.type !== 'string') return false
  return (def.checks ?? []).some((check) => ['regex', 'string_format'].includes(check._zod.def.check))
}

/** Whether the field takes a string at all (free text or otherwise). */
export function takesString(schema: z.ZodType): boolean {
  const def = defOf(core(schema))
  if (def.type === 'union') return (def.options ?? []).some(takesString)
  return def.type === 'string' || def.type === 'enum' || def.type === 'literal'
}

const stringCandidates = [
  '甲',
  '2026-01-01',
  '440000',
  'a.b',
  '13800138000',
  'customer',
  'name',
  '2026-01-01T10:00:00',
  'x',
]

/** A plain sample of the schema's type; fixed up afterwards by `validSample`. */
function rough(schema: z.ZodType, depth = 0): unknown {
  const def = defOf(schema)
  if (depth > 8) return undefined
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
      return undefined
    case 'nullable':
      return rough(def.innerType as z.ZodType, depth + 1)
    case 'pipe':
      return rough(def.in as z.ZodType, depth + 1)
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {})
          .map(([key, field]) => [key, rough(field, depth + 1)])
          .filter(([, value]) => value !== undefined),
      )
    case 'array':
      return []
    case 'union':
      return rough((def.options ?? [])[0] as z.ZodType, depth + 1)
    case 'enum':
      return Object.values(def.entries ?? {})[0]
    case 'literal':
      return def.values?.[0]
    case 'string':
      return '甲'
    case 'number':
    case 'int':
      return 1
    case 'boolean':
      return false
    case 'record':
      return {}
    default:
      return undefined
  }
}

function setAt(target: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path
  const base = (Array.isArray(target) ? [...target] : { ...(target as Record<string, unknown>) }) as Record<
    string | number,
    unknown
  >
  base[head as string] = setAt(base[head as string] ?? (typeof rest[0] === 'number' ? [] : {}), rest, value)
  return base
}

/**
 * A valid input for the schema where one can be found by trying a few typical
 * values field by field (ids 1, dates, codes …); otherwise the closest attempt.
 */
export function validSample(schema: z.ZodType): unknown {
  let sample = rough(schema)
  for (let round = 0; round < 12; round++) {
    const result = schema.safeParse(sample)
    if (result.success) return sample
    const issue = result.error.issues[0]
    if (!issue) return sample
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    let fixed = false
    for (const candidate of [...stringCandidates, 1, 2, true, false, null, [], {}]) {
      const attempt = setAt(sample, path, candidate)
      const next = schema.safeParse(attempt)
      const same = !next.success && next.error.issues.some((i) => i.path.join('.') === path.join('.'))
      if (next.success || !same) {
        sample = attempt
        fixed = true
        break
      }
    }
    if (!fixed) return sample
  }
  return sample
}

export { setAt }
