import { areaList } from '@vant/area-data'
import { toHalfWidth } from '../../../shared/importCleaning'

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
  /** Every name and short form at any level: most cuts of an address are none, and one set says so fastest. */
  known: Set<string>
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
  const known = new Set([...full.keys(), ...short.keys()].map((key) => key.slice(key.lastIndexOf('|') + 1)))
  built = { full, short, names, longest, known }
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

/** A 所在地区 cell read: its codes, and what follows the names (a street, a building) when there is more. */
export type DivisionTextResolution =
  { ok: true; codes: DivisionCodes; street?: string } | { ok: false; level: DivisionLevel; message: string }

const rememberedTexts = new Map<string, DivisionTextResolution>()

/**
 * One cell holding the whole place, often a whole address: 广东省广州市天河区,
 * 广东 广州 天河, 北京市朝阳区建国路88号, 广州市天河区体育西路191号. The names at
 * its beginning are read in turn (a separated word as a whole, run-together
 * names cut where a name of the next level ends, the longest that fits) and
 * what follows them is the street. A cell that begins with no name is refused.
 */
export function resolveDivisionText(text: string): DivisionTextResolution {
  const tidy = toHalfWidth(text).trim()
  const known = rememberedTexts.get(tidy)
  if (known) return known
  const result = resolveText(tidy)
  // Addresses are nearly all different: remembering them would only push out the places.
  if (result.ok && result.street !== undefined) return result
  if (rememberedTexts.size >= 20_000) rememberedTexts.clear()
  rememberedTexts.set(tidy, result)
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

/** As toHalfWidth leaves them: 、 and — have no half-width form. */
const separators = new Set([' ', '\t', '\n', '\r', '\u00a0', '\u3000', ',', '，', '、', '/', '|', '\\', '-', '—'])
/** How a street name goes on: 中山路 is a road, not the district 中山区 (of 大连) followed by 路. */
const streetWord = /[东南西北中]?(?:大道|大街|路|街|巷|胡同|弄|道|里)/y
/** A suffix written after a short name instead of the official one: 恩施州, 增城市 (now 增城区). */
const suffixAfter = /(?:特别行政区|自治区|自治州|自治县|自治旗|新区|地区|省|市|盟|州|区|县|旗)/y
/** A leftover shaped like a name is a mistyped one (广州市天和区), not a street; 高新区 and the like are no divisions. */
const nameShaped = /^[\u4e00-\u9fff]{1,6}(?:省|市|州|盟|区|县|旗)$/
const notDivision = /(?:园区|开发区|高新区|小区|社区)$/

function separatorAt(text: string, from: number): number {
  let at = from
  while (at < text.length && !separators.has(text.charAt(at))) at++
  return at
}

function skipSeparators(text: string, from: number): number {
  let at = from
  while (at < text.length && separators.has(text.charAt(at))) at++
  return at
}

const deepestOf = (codes: DivisionCodes) => codes.districtCode ?? codes.cityCode ?? codes.provinceCode

function resolveText(text: string): DivisionTextResolution {
  let codes: DivisionCodes = { provinceCode: null, cityCode: null, districtCode: null }
  // 中国广东省…: the country is not a division.
  let at = skipSeparators(text, text.startsWith('中国') ? 2 : 0)
  for (let next = nameAt(codes, text, at); next !== null; next = nameAt(codes, text, at)) {
    if ('error' in next) return next.error
    codes = next.codes
    at = skipSeparators(text, next.end)
  }
  const deepest = deepestOf(codes)
  if (deepest === null) return fail('province', `“${text}”的开头应是省、市或区县名称`)
  const rest = text.slice(at)
  if (rest === '') return { ok: true, codes }
  // Before the district, a leftover naming a place elsewhere is a wrong place; after it, anything is the street.
  const elsewhere = codes.districtCode ? null : placeElsewhere(rest)
  if (elsewhere) {
    return fail(
      'province',
      `${nameOf(deepest)}没有“${elsewhere.name}”（${elsewhere.name}在${listPlaces(elsewhere.codes)}）`,
    )
  }
  if (nameShaped.test(rest) && !notDivision.test(rest)) {
    return fail('province', `无法识别所在地区“${text}”中的“${rest}”`)
  }
  return { ok: true, codes, street: rest }
}

/**
 * The name at `at` and where it ends: a separated word when it is a name as a
 * whole (read loosely, as in the three columns), else the longest run-together
 * name that is not the start of a street.
 */
function nameAt(
  codes: DivisionCodes,
  text: string,
  at: number,
): { codes: DivisionCodes; end: number } | { error: DivisionResolution } | null {
  if (at >= text.length) return null
  const { longest, known } = lookup()
  const wordEnd = separatorAt(text, at)
  const word = text.slice(at, wordEnd)
  // Written loosely (增城市 for 增城区), a name still ends with a suffix; one of 门牌号 and 大厦 is no name.
  const whole = known.has(word) || suffix.test(word) || /^\d{6}$/.test(word) ? step(codes, word, true) : null
  if (whole !== null) return 'error' in whole ? whole : { codes: whole.codes, end: wordEnd }
  for (let length = Math.min(longest, wordEnd - at); length >= 2; length--) {
    const end = at + length
    const name = text.slice(at, end)
    if (!known.has(name) && !(length === 6 && /^\d{6}$/.test(name))) continue
    if (streetAt(text, end) && !isFullName(name)) continue
    // Exact names only: 济南市市中区 must not be cut as 济南市市 (济南市 with a suffix too many) + 中区.
    const next = step(codes, name, false)
    if (next === null) continue
    if ('error' in next) return next
    return { codes: next.codes, end: end + suffixWritten(codes, name, next.codes, text, end) }
  }
  return null
}

const allLevels: DivisionLevel[] = ['province', 'city', 'district']

/** A street goes on at `at` (路, 东路, 大街 …), unless a name does (哈尔滨 + 道里区, 唐山 + 路北区). */
function streetAt(text: string, at: number): boolean {
  streetWord.lastIndex = at
  if (!streetWord.test(text)) return false
  const { longest, known } = lookup()
  for (let end = at + 2; end <= Math.min(text.length, at + longest); end++) {
    if (known.has(text.slice(at, end))) return false
  }
  return true
}

/** An official name somewhere (离岛 of 澳门 is one, and its 路氹填海区 no road). */
function isFullName(name: string): boolean {
  return allLevels.some((level) => lookup().full.has(`${level}||${name}`))
}

/** The length of a suffix written after a short name (恩施 + 州), when the two still name the same division. */
function suffixWritten(before: DivisionCodes, name: string, found: DivisionCodes, text: string, end: number): number {
  const code = deepestOf(found)
  if (code === null || nameOf(code) === name) return 0
  suffixAfter.lastIndex = end
  const written = suffixAfter.exec(text)?.[0]
  if (written === undefined) return 0
  const again = step(before, name + written, true)
  return again !== null && 'codes' in again && deepestOf(again.codes) === code ? written.length : 0
}

/**
 * The name a leftover begins with when it is a division somewhere else: a full
 * name (杭州市…), or a whole short one. Names many places share (高新区, 城区,
 * 新华区) say nothing about where the place is: they are taken as the street's.
 */
function placeElsewhere(rest: string): { name: string; codes: string[] } | null {
  const { full, short, longest, known } = lookup()
  const wordEnd = separatorAt(rest, 0)
  for (let length = Math.min(longest, wordEnd); length >= 2; length--) {
    const name = rest.slice(0, length)
    if (!known.has(name) || notDivision.test(name)) continue
    const maps = length === wordEnd ? [full, short] : [full]
    const places = allLevels.flatMap((level) => maps.flatMap((map) => map.get(`${level}||${name}`) ?? []))
    if (places.length > 0 && places.length < 3) return { name, codes: places }
  }
  return null
}
