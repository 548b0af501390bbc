import { areaList } from '@vant/area-data'
import { describe, expect, it } from 'vitest'
import {
  resolveDivisionNames,
  resolveDivisionText,
  shortForms,
  type DivisionCodes,
  type DivisionNames,
} from '../../../../src/main/core/regions/regionNames'

const names = (province: string | null, city: string | null = null, district: string | null = null): DivisionNames => ({
  province,
  city,
  district,
})
const codes = (provinceCode: string | null, cityCode: string | null = null, districtCode: string | null = null) => ({
  ok: true,
  codes: { provinceCode, cityCode, districtCode } satisfies DivisionCodes,
})
const problem = (level: string, message: string) => ({ ok: false, level, message })

describe('province, city and district names → codes', () => {
  it('reads full names and the short forms people write', () => {
    const tianhe = codes('440000', '440100', '440106')
    expect(resolveDivisionNames(names('广东省', '广州市', '天河区'))).toEqual(tianhe)
    expect(resolveDivisionNames(names('广东', '广州', '天河'))).toEqual(tianhe)
    expect(resolveDivisionNames(names(' 广东 省', '广州市 ', '天河区'))).toEqual(tianhe)
    expect(resolveDivisionNames(names('440000', '440100', '440106'))).toEqual(tianhe)
    // A renamed level's old suffix: 增城市 became 增城区.
    expect(resolveDivisionNames(names('广东', '广州', '增城市'))).toEqual(codes('440000', '440100', '440118'))
    expect(resolveDivisionNames(names('湖北', '恩施州'))).toEqual(codes('420000', '422800'))
    expect(resolveDivisionNames(names('四川', '凉山', '西昌'))).toEqual(codes('510000', '513400', '513401'))
  })

  it('knows the autonomous regions and special administrative regions by their short names', () => {
    const short: [string, string][] = [
      ['内蒙古', '150000'],
      ['广西', '450000'],
      ['广西壮族自治区', '450000'],
      ['宁夏', '640000'],
      ['新疆', '650000'],
      ['新疆维吾尔自治区', '650000'],
      ['西藏', '540000'],
      ['香港', '810000'],
      ['澳门特别行政区', '820000'],
      ['台湾', '710000'],
    ]
    for (const [name, code] of short) expect(resolveDivisionNames(names(name))).toEqual(codes(code))
    expect(shortForms('恩施土家族苗族自治州')).toEqual(['恩施土家族苗族', '恩施土家族', '恩施'])
    expect(shortForms('内蒙古自治区')).toEqual(['内蒙古'])
    // Too short to mean anything alone.
    expect(shortForms('城区')).toEqual([])
  })

  it('takes 北京/上海/天津/重庆 whose city has the same name, or none, or a district in the city column', () => {
    const chaoyang = codes('110000', '110100', '110105')
    expect(resolveDivisionNames(names('北京', '北京', '朝阳区'))).toEqual(chaoyang)
    expect(resolveDivisionNames(names('北京市', '北京市', '朝阳'))).toEqual(chaoyang)
    expect(resolveDivisionNames(names('北京', null, '朝阳区'))).toEqual(chaoyang)
    expect(resolveDivisionNames(names('北京', '朝阳区'))).toEqual(chaoyang)
    expect(resolveDivisionNames(names('上海', '上海市', '浦东新区'))).toEqual(codes('310000', '310100', '310115'))
    expect(resolveDivisionNames(names('上海', null, '浦东'))).toEqual(codes('310000', '310100', '310115'))
    expect(resolveDivisionNames(names('天津', '天津', '滨海新区'))).toEqual(codes('120000', '120100', '120116'))
    expect(resolveDivisionNames(names('重庆', '重庆', '渝中区'))).toEqual(codes('500000', '500100', '500103'))
    // 重庆's counties sit under its second "city" (县), not 重庆市.
    expect(resolveDivisionNames(names('重庆', '重庆', '城口县'))).toEqual(codes('500000', '500200', '500229'))
    expect(resolveDivisionNames(names('北京'))).toEqual(codes('110000'))
    // 省直辖县: 仙桃 is a county-level city straight under 湖北.
    expect(resolveDivisionNames(names('湖北', '仙桃市'))).toEqual(codes('420000', '429000', '429004'))
  })

  it('fills the levels above from a unique city or district', () => {
    expect(resolveDivisionNames(names(null, '广州', '天河'))).toEqual(codes('440000', '440100', '440106'))
    expect(resolveDivisionNames(names(null, '杭州'))).toEqual(codes('330000', '330100'))
    expect(resolveDivisionNames(names('广东', null, '天河区'))).toEqual(codes('440000', '440100', '440106'))
  })

  it('names an unknown or ambiguous name in Chinese', () => {
    expect(resolveDivisionNames(names('广栋', '广州'))).toEqual(problem('province', '找不到省份“广栋”'))
    expect(resolveDivisionNames(names('广东', '杭州'))).toEqual(
      problem('city', '广东省没有城市“杭州”（杭州市在浙江省）'),
    )
    expect(resolveDivisionNames(names('广东', '广州', '朝阳区'))).toEqual(problem('district', '广州市没有区县“朝阳区”'))
    expect(resolveDivisionNames(names(null, null, '朝阳区'))).toEqual(
      problem('district', '“朝阳区”在北京市和吉林省长春市都有，请同时填写城市'),
    )
    expect(resolveDivisionNames(names(null, null, '新华区'))).toEqual(
      problem('district', '“新华区”在河北省石家庄市、河北省沧州市、河南省平顶山市都有，请同时填写城市'),
    )
    expect(resolveDivisionNames(names('甘肃', '临夏', '临夏'))).toEqual(
      problem('district', '临夏回族自治州有多个区县可写作“临夏”（临夏市、临夏县），请填写完整名称'),
    )
    expect(resolveDivisionNames(names('台湾', '新竹'))).toEqual(
      problem('city', '台湾省有多个城市可写作“新竹”（新竹市、新竹县），请填写完整名称'),
    )
    // A code of the wrong level or place is not taken.
    expect(resolveDivisionNames(names('广东', '330100')).ok).toBe(false)
  })

  it('resolves every district by its full names, and never to a wrong place by its short names', () => {
    const { province_list: provinces, city_list: cities, county_list: districts } = areaList
    const short = (name: string) => shortForms(name).at(-1) ?? name
    let ambiguousShort = 0
    for (const [code, district] of Object.entries(districts)) {
      const province = provinces[`${code.slice(0, 2)}0000`] as string
      const city = cities[`${code.slice(0, 4)}00`] ?? null
      expect(resolveDivisionNames(names(province, city, district))).toEqual({
        ok: true,
        codes: { provinceCode: `${code.slice(0, 2)}0000`, cityCode: `${code.slice(0, 4)}00`, districtCode: code },
      })
      const byShort = resolveDivisionNames(names(short(province), city && short(city), short(district)))
      if (byShort.ok) expect(byShort.codes.districtCode).toBe(code)
      else ambiguousShort++
    }
    // Short names that are shared (临夏市/临夏县 …) are refused, not guessed; they are few.
    expect(ambiguousShort).toBeLessThan(100)
  })
})

describe('one 所在地区 cell', () => {
  it('reads run-together and separated names', () => {
    const tianhe = codes('440000', '440100', '440106')
    expect(resolveDivisionText('广东省广州市天河区')).toEqual(tianhe)
    expect(resolveDivisionText('广东 广州 天河')).toEqual(tianhe)
    expect(resolveDivisionText('广东/广州/天河')).toEqual(tianhe)
    expect(resolveDivisionText('广州天河')).toEqual(tianhe)
    expect(resolveDivisionText('北京市朝阳区')).toEqual(codes('110000', '110100', '110105'))
    expect(resolveDivisionText('上海浦东')).toEqual(codes('310000', '310100', '310115'))
    expect(resolveDivisionText('山东省济南市市中区')).toEqual(codes('370000', '370100', '370103'))
    expect(resolveDivisionText('新疆维吾尔自治区乌鲁木齐市天山区')).toEqual(codes('650000', '650100', '650102'))
    expect(resolveDivisionText('广东省')).toEqual(codes('440000'))
  })

  it('takes the names a whole address begins with, and the rest as its street', () => {
    const street = (at: ReturnType<typeof codes>, rest: string) => ({ ...at, street: rest })
    const tianhe = codes('440000', '440100', '440106')
    expect(resolveDivisionText('北京市朝阳区建国路88号')).toEqual(
      street(codes('110000', '110100', '110105'), '建国路88号'),
    )
    expect(resolveDivisionText('广东省广州市天河区体育西路191号中石化大厦')).toEqual(
      street(tianhe, '体育西路191号中石化大厦'),
    )
    // Beginning at the city, or with the country; separated, or half separated.
    expect(resolveDivisionText('广州市天河区体育西路191号')).toEqual(street(tianhe, '体育西路191号'))
    expect(resolveDivisionText('中国广东省广州市天河区体育西路1号')).toEqual(street(tianhe, '体育西路1号'))
    expect(resolveDivisionText('广东 广州 天河 体育西路191号')).toEqual(street(tianhe, '体育西路191号'))
    expect(resolveDivisionText('广东省，广州市天河区 体育西路')).toEqual(street(tianhe, '体育西路'))
    // 自治区 and 自治州, by full and short names; a short name with a suffix of its own (恩施州, 增城市).
    expect(resolveDivisionText('新疆维吾尔自治区乌鲁木齐市天山区解放南路')).toEqual(
      street(codes('650000', '650100', '650102'), '解放南路'),
    )
    const enshi = street(codes('420000', '422800', '422801'), '舞阳大街1号')
    expect(resolveDivisionText('湖北省恩施土家族苗族自治州恩施市舞阳大街1号')).toEqual(enshi)
    expect(resolveDivisionText('湖北恩施州恩施市舞阳大街1号')).toEqual(enshi)
    expect(resolveDivisionText('广东省广州市增城市荔城街')).toEqual(
      street(codes('440000', '440100', '440118'), '荔城街'),
    )
    expect(resolveDivisionText('山东省济南市市中区经十路')).toEqual(
      street(codes('370000', '370100', '370103'), '经十路'),
    )
    expect(resolveDivisionText('江苏省苏州市工业园区星湖街328号')).toEqual(
      street(codes('320000', '320500', '320590'), '星湖街328号'),
    )
  })

  it('does not take a street for a district because it begins with a place’s name', () => {
    // 大连 has a 中山区, 杭州 a 西湖区, 上海 a 浦东新区; these are roads.
    expect(resolveDivisionText('大连市中山路100号')).toEqual({ ...codes('210000', '210200'), street: '中山路100号' })
    expect(resolveDivisionText('杭州市西湖大道1号')).toEqual({ ...codes('330000', '330100'), street: '西湖大道1号' })
    expect(resolveDivisionText('上海市浦东南路1号')).toEqual({ ...codes('310000'), street: '浦东南路1号' })
    // After the district everything is the street, place names included.
    expect(resolveDivisionText('广州市天河区中山大道西1号')).toEqual({
      ...codes('440000', '440100', '440106'),
      street: '中山大道西1号',
    })
    // A district whose name begins like a street: 道里区 of 哈尔滨, 路北区 of 唐山.
    expect(resolveDivisionText('哈尔滨道里区中央大街1号')).toEqual({
      ...codes('230000', '230100', '230102'),
      street: '中央大街1号',
    })
    expect(resolveDivisionText('唐山路北区')).toEqual(codes('130000', '130200', '130203'))
    // Names shared by many places (高新区) are no other place.
    expect(resolveDivisionText('西安市高新区科技路1号')).toEqual({
      ...codes('610000', '610100'),
      street: '高新区科技路1号',
    })
  })

  it('reads every district’s full names followed by a street', () => {
    const { province_list: provinces, city_list: cities, county_list: districts } = areaList
    for (const [code, district] of Object.entries(districts)) {
      const province = provinces[`${code.slice(0, 2)}0000`] as string
      const city = cities[`${code.slice(0, 4)}00`] ?? ''
      // 直辖市 are written without their city; 重庆's counties sit under a "city" called 县.
      const written = `${province}${city === province || city === '县' ? '' : city}${district}`
      const read = resolveDivisionText(`${written}人民路1号`)
      // 秦皇岛市经济技术开发区 and 经济技术开发区 are both in 秦皇岛市: the longer name wins.
      expect(read.ok && districts[read.codes.districtCode ?? '']?.endsWith(district), written).toBe(true)
      expect(read.ok && read.street).toBe('人民路1号')
    }
  })

  it('never reads an address by short names as a wrong district', () => {
    const { province_list: provinces, city_list: cities, county_list: districts } = areaList
    const short = (name: string) => shortForms(name).at(-1) ?? name
    for (const [code, district] of Object.entries(districts)) {
      const province = provinces[`${code.slice(0, 2)}0000`] as string
      const city = cities[`${code.slice(0, 4)}00`] ?? ''
      const written = `${short(province)}${city === province || city === '县' ? '' : short(city)}${short(district)}`
      const read = resolveDivisionText(`${written}人民路1号`)
      // Refused or left without its district is fine; another district is not (长春经济技术开发区 is also
      // written 长春 + 经济技术开发区: the same name).
      if (read.ok && read.codes.districtCode !== null && read.codes.districtCode !== code) {
        expect(districts[read.codes.districtCode]?.endsWith(district), written).toBe(true)
      }
    }
  })

  it('refuses a cell that begins with no place, a wrong or mistyped place, or an ambiguous one', () => {
    expect(resolveDivisionText('建国路88号')).toEqual(problem('province', '“建国路88号”的开头应是省、市或区县名称'))
    // 朝阳 is a district of 北京 and of 长春, but here the start of a road.
    expect(resolveDivisionText('朝阳路88号')).toEqual(problem('province', '“朝阳路88号”的开头应是省、市或区县名称'))
    expect(resolveDivisionText('广东省杭州市西湖区文三路1号')).toEqual(
      problem('province', '广东省没有“杭州市”（杭州市在浙江省）'),
    )
    expect(resolveDivisionText('广东 杭州')).toEqual(problem('province', '广东省没有“杭州”（杭州在浙江省）'))
    expect(resolveDivisionText('广州市天和区')).toEqual(
      problem('province', '无法识别所在地区“广州市天和区”中的“天和区”'),
    )
    expect(resolveDivisionText('朝阳区')).toEqual(
      problem('district', '“朝阳区”在北京市和吉林省长春市都有，请同时填写城市'),
    )
    expect(resolveDivisionText('朝阳区建国路88号')).toEqual(
      problem('district', '“朝阳区”在北京市和吉林省长春市都有，请同时填写城市'),
    )
  })
})
