import { areaList } from '@vant/area-data'
import { toHalfWidth } from './importCleaning'

/**
 * 省/市/区 as people write them (广东省 / 广东, 广州市 / 广州, 天河区 / 天河,
 * 内蒙古, 广西, 恩施 …) → the GB/T 2260 codes of regions.ts. A city is looked up
 * within its province and a district within its city; a level left empty is
 * looked up within what is given above it (or everywhere), and filled in when
 * the name is unique. Lookups are maps built once: an import resolves 50,000 rows.
 */

export type DivisionLevel = 'province' | 'city' | 'district'
const levelWords: Record<DivisionLevel, string> = { province: '省份', city: '城市', district: '区县' }

export interface DivisionCodes {
  provinceCode: string | null
  cityCode: string | null
  districtCode: string | null
}

export interface DivisionNames {
  province: string | null
  city: string | null
  district: string | null
}

/** `level`: the column the problem is in. */
export type DivisionResolution =
  { ok: true; codes: DivisionCodes } | { ok: false; level: DivisionLevel; message: string }

/** Administrative suffixes; anchored at the end, the longest one matches (自治区 before 区). */
const suffix = /(?:特别行政区|自治区|自治州|自治县|自治旗|新区|地区|街道|省|市|盟|州|区|县|旗|镇|乡)$/
/** The suffixes a name typed for a level may carry in place of the official one (增城市 → 增城区, 恩施州). */
const levelSuffixes: Record<DivisionLevel, Set<string>> = {
  province: new Set(['省', '市', '自治区', '特别行政区']),
  city: new Set(['市', '地区', '盟', '州', '自治州']),
  district: new Set(['区', '县', '市', '旗', '镇', '乡', '街道', '新区', '自治县', '自治旗']),
}
/** The peoples named in autonomous areas (广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施). */
const people =
  /(?:各族|土家族|朝鲜族|布依族|哈尼族|景颇族|傈僳族|达斡尔族|鄂温克族|仡佬族|毛南族|仫佬族|撒拉族|东乡族|裕固族|纳西族|普米族|独龙族|拉祜族|基诺族|布朗族|保安族|蒙古族|维吾尔|柯尔克孜|哈萨克|鄂伦春|塔吉克|锡伯|蒙古|[壮回藏羌彝苗侗傣白瑶黎畲满水土佤怒京]族)$/

/** The shorter names a division goes by: its name without suffix, then without the peoples. At least 2 characters. */
export function shortForms(name: string): string[] {
  const end = suffix.exec(name)
  if (!end) return []
  const forms: string[] = []
  let rest = name.slice(0, end.index)
  if (rest.length < 2) return forms
  forms.push(rest)
  for (let match = people.exec(rest); match && match.index >= 2; match = people.exec(rest)) {
    rest = rest.slice(0, match.index)
    forms.push(rest)
  }
  return forms
}

/** What a name is compared as: half-width, no spaces. */
function nameKey(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, '')
}

interface Lookup {
  /** `level|scope|name` → codes, scope '' (anywhere), a province or a city code. */
  full: Map<string, string[]>
  short: Map<string, string[]>
  names: Map<string, string>
  /** The longest name, for cutting a combined text into names. */
  longest: number
}

let built: Lookup | null = null

function lookup(): Lookup {
  if (built) return built
  const full = new Map<string, string[]>()
  const short = new Map<string, string[]>()
  const names = new Map<string, string>()
  let longest = 0
  const add = (map: Map<string, string[]>, key: string, code: string) => {
    const codes = map.get(key)
    if (!codes) map.set(key, [code])
    else if (!codes.includes(code)) codes.push(code)
  }
  const levels: [DivisionLevel, Record<string, string>][] = [
    ['province', areaList.province_list],
    ['city', areaList.city_list],
    ['district', areaList.county_list],
  ]
  for (const [level, list] of levels) {
    for (const [code, name] of Object.entries(list)) {
      names.set(code, name)
      longest = Math.max(longest, name.length)
      for (const scope of scopesOf(level, code)) {
        add(full, `${level}|${scope}|${name}`, code)
        for (const form of shortForms(name)) add(short, `${level}|${scope}|${form}`, code)
      }
    }
  }
  built = { full, short, names, longest }
  return built
}

function scopesOf(level: DivisionLevel, code: string): string[] {
  if (level === 'province') return ['']
  if (level === 'city') return ['', provinceOf(code)]
  return ['', provinceOf(code), cityOf(code)]
}

const provinceOf = (code: string) => `${code.slice(0, 2)}0000`
const cityOf = (code: string) => `${code.slice(0, 4)}00`

function levelOfCode(code: string): DivisionLevel {
  return code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'district'
}

/**
 * The divisions of a level a name can mean within a scope: the exact name,
 * else a short form (广东 → 广东省), else the name with its own suffix dropped
 * (增城市 → 增城区, 广西自治区 → 广西). A 6-digit code is taken as is.
 */
function find(level: DivisionLevel, scope: string, name: string, loose = true): string[] {
  const { full, short, names } = lookup()
  if (/^\d{6}$/.test(name)) {
    const fits = names.has(name) && levelOfCode(name) === level && name.startsWith(prefixOf(scope))
    return fits ? [name] : []
  }
  const at = (map: Map<string, string[]>, n: string) => map.get(`${level}|${scope}|${n}`)
  const direct = at(full, name) ?? at(short, name)
  if (direct) return direct
  const end = loose ? suffix.exec(name) : null
  if (!end || !levelSuffixes[level].has(end[0])) return []
  for (const form of shortForms(name)) {
    const found = at(full, form) ?? at(short, form)
    if (found) return found
  }
  return []
}

/** The digits every code within a scope starts with. */
function prefixOf(scope: string): string {
  if (scope === '') return ''
  return levelOfCode(scope) === 'province' ? scope.slice(0, 2) : scope.slice(0, 4)
}

/** Where a district is looked up: its city, the whole province for a 直辖市 (重庆's 县 included), or everywhere. */
function districtScope(codes: DivisionCodes): string {
  if (codes.cityCode && !isMunicipalityCity(codes.cityCode)) return codes.cityCode
  return codes.provinceCode ?? ''
}

function nameOf(code: string): string {
  return lookup().names.get(code) ?? code
}

/** A 直辖市 (北京市 → 北京市): its districts are looked up in the whole province, 重庆's 县 included. */
function isMunicipalityCity(cityCode: string): boolean {
  return nameOf(cityCode) === nameOf(provinceOf(cityCode))
}

/** Where a division is, for telling same-named ones apart: 北京市, 吉林省长春市. */
function placeOf(code: string): string {
  const province = nameOf(provinceOf(code))
  if (levelOfCode(code) === 'city') return province
  const city = cityOf(code)
  return isMunicipalityCity(city) ? province : `${province}${nameOf(city)}`
}

function listPlaces(codes: string[]): string {
  const places = [...new Set(codes.map(placeOf))]
  if (places.length === 2) return `${places[0]}和${places[1]}`
  if (places.length <= 3) return places.join('、')
  return `${places.slice(0, 3).join('、')}等 ${places.length} 处`
}

const fail = (level: DivisionLevel, message: string): DivisionResolution => ({ ok: false, level, message })

function ambiguous(level: DivisionLevel, name: string, codes: string[], given: DivisionCodes): DivisionResolution {
  const parent = level === 'district' ? (given.cityCode ?? given.provinceCode) : given.provinceCode
  if (parent && new Set(codes.map(level === 'district' ? cityOf : provinceOf)).size === 1) {
    const which = codes.map(nameOf).join('、')
    return fail(level, `${nameOf(parent)}有多个${levelWords[level]}可写作“${name}”（${which}），请填写完整名称`)
  }
  // A city always tells same-named districts apart; a province does so for cities.
  return fail(level, `“${name}”在${listPlaces(codes)}都有，请同时填写${level === 'city' ? '省份' : '城市'}`)
}

/** Resolutions of the same names, remembered: a file repeats a few hundred places thousands of times. */
const remembered = new Map<string, DivisionResolution>()

/** Names of the 省份, 城市 and 区县 columns → codes; an empty level stays null unless a lower one settles it. */
export function resolveDivisionNames(names: DivisionNames): DivisionResolution {
  const key = `${names.province ?? ''}|${names.city ?? ''}|${names.district ?? ''}`
  const known = remembered.get(key)
  if (known) return known
  const tidy = (name: string | null) => (name === null ? '' : nameKey(name))
  const result = resolveKeys(tidy(names.province), tidy(names.city), tidy(names.district))
  if (remembered.size >= 20_000) remembered.clear()
  remembered.set(key, result)
  return result
}

function resolveKeys(province: string, city: string, district: string): DivisionResolution {
  const codes: DivisionCodes = { provinceCode: null, cityCode: null, districtCode: null }
  if (province) {
    const found = find('province', '', province)
    if (found.length === 0) return fail('province', `找不到省份“${province}”`)
    codes.provinceCode = found[0] as string
  }
  if (city) {
    const scope = codes.provinceCode ?? ''
    const found = find('city', scope, city)
    if (found.length > 1) return ambiguous('city', city, found, codes)
    if (found.length === 1) {
      codes.cityCode = found[0] as string
      codes.provinceCode = provinceOf(codes.cityCode)
    } else {
      // 直辖市 and 省直辖县 files often put the district in the city column (北京 / 朝阳区, 湖北 / 仙桃市).
      const asDistrict = district ? [] : find('district', scope, city)
      if (asDistrict.length === 1) return settled(asDistrict[0] as string)
      if (asDistrict.length > 1) return ambiguous('city', city, asDistrict, codes)
      return fail('city', cityMissing(city, codes.provinceCode))
    }
  }
  if (district) {
    const found = find('district', districtScope(codes), district)
    if (found.length > 1) return ambiguous('district', district, found, codes)
    if (found.length === 0) {
      const where = codes.cityCode ? nameOf(codes.cityCode) : codes.provinceCode ? nameOf(codes.provinceCode) : null
      return fail('district', where ? `${where}没有区县“${district}”` : `找不到区县“${district}”`)
    }
    return settled(found[0] as string)
  }
  return { ok: true, codes }
}

/** A district fixes its city and province. */
function settled(districtCode: string): DivisionResolution {
  return {
    ok: true,
    codes: { provinceCode: provinceOf(districtCode), cityCode: cityOf(districtCode), districtCode },
  }
}

function cityMissing(city: string, provinceCode: string | null): string {
  if (!provinceCode) return `找不到城市“${city}”`
  const elsewhere = find('city', '', city)
  const hint = elsewhere.length > 0 ? `（${nameOf(elsewhere[0] as string)}在${listPlaces(elsewhere)}）` : ''
  return `${nameOf(provinceCode)}没有城市“${city}”${hint}`
}

/**
 * One cell holding the whole place: 广东省广州市天河区, 广东 广州 天河, 北京市朝阳区.
 * Separated names are read in turn; run-together names are cut where a name of
 * the next level ends (the longest that fits).
 */
export function resolveDivisionText(text: string): DivisionResolution {
  const tidy = toHalfWidth(text).trim()
  const known = remembered.get(`\u0000${tidy}`)
  if (known) return known
  const result = resolveText(tidy)
  if (remembered.size >= 20_000) remembered.clear()
  remembered.set(`\u0000${tidy}`, result)
  return result
}

type Step = { codes: DivisionCodes } | { error: DivisionResolution } | null

/** The next name of a combined text, at the level below what is known so far. */
function step(codes: DivisionCodes, name: string, loose: boolean): Step {
  if (codes.districtCode) return null
  const levels: DivisionLevel[] = codes.cityCode
    ? ['district']
    : codes.provinceCode
      ? ['city', 'district']
      : ['province', 'city', 'district']
  for (const level of levels) {
    const scope = level === 'province' ? '' : level === 'city' ? (codes.provinceCode ?? '') : districtScope(codes)
    const found = find(level, scope, name, loose)
    if (found.length > 1) return { error: ambiguous(level, name, found, codes) }
    const code = found[0]
    if (code === undefined) continue
    if (level === 'province') return { codes: { provinceCode: code, cityCode: null, districtCode: null } }
    if (level === 'city') return { codes: { provinceCode: provinceOf(code), cityCode: code, districtCode: null } }
    return { codes: { provinceCode: provinceOf(code), cityCode: cityOf(code), districtCode: code } }
  }
  return null
}

function resolveText(text: string): DivisionResolution {
  let codes: DivisionCodes = { provinceCode: null, cityCode: null, districtCode: null }
  const parts = text.split(/[\s,，、/|\\\-—]+/).filter(Boolean)
  const unknown = (name: string) => fail('province', `无法识别所在地区“${text}”中的“${name}”`)
  if (parts.length > 1) {
    for (const part of parts) {
      const next = step(codes, part, true)
      if (next === null) return unknown(part)
      if ('error' in next) return next.error
      codes = next.codes
    }
    return { ok: true, codes }
  }
  const { longest } = lookup()
  let at = 0
  while (at < text.length) {
    let next: Step = null
    for (let length = Math.min(longest, text.length - at); length >= 2 && next === null; length--) {
      // Exact names only: 济南市市中区 must not be cut as 济南市市 (济南市 with a suffix too many) + 中区.
      next = step(codes, text.slice(at, at + length), false)
      if (next !== null && 'error' in next) return next.error
      if (next !== null) at += length
    }
    if (next === null || 'error' in next) return unknown(text.slice(at))
    codes = next.codes
  }
  return { ok: true, codes }
}
