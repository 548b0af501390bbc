import { describe, expect, it } from 'vitest'
import { abcClassOf, topFifthCount } from '../../../src/shared/analysis/abcClass'
import {
  quintileScore,
  rfmSegmentOf,
  rfmSegmentRules,
  rfmSegments,
  suggestedValueClass,
} from '../../../src/shared/analysis/rfmSegments'

describe('RFM quintiles and segments', () => {
  it('scores ten distinct values two per quintile, and ties share the lower score', () => {
    expect(Array.from({ length: 10 }, (_, i) => quintileScore(i + 1, 10))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    // Values 1, 1, 1, 2, 3 → RANK 1, 1, 1, 4, 5.
    expect([1, 1, 1, 4, 5].map((rank) => quintileScore(rank, 5))).toEqual([1, 1, 1, 4, 5])
    expect(quintileScore(1, 1)).toBe(1)
  })

  it('names the eight segments from R, F and M high or low', () => {
    expect(rfmSegmentOf({ r: true, f: true, m: true })).toBe('重要价值客户')
    expect(rfmSegmentOf({ r: true, f: false, m: true })).toBe('重要发展客户')
    expect(rfmSegmentOf({ r: false, f: true, m: true })).toBe('重要保持客户')
    expect(rfmSegmentOf({ r: false, f: false, m: true })).toBe('重要挽留客户')
    expect(rfmSegmentOf({ r: true, f: true, m: false })).toBe('一般价值客户')
    expect(rfmSegmentOf({ r: true, f: false, m: false })).toBe('一般发展客户')
    expect(rfmSegmentOf({ r: false, f: true, m: false })).toBe('一般保持客户')
    expect(rfmSegmentOf({ r: false, f: false, m: false })).toBe('一般挽留客户')
    expect(new Set(rfmSegmentRules.map((r) => r.segment))).toEqual(new Set(rfmSegments))
  })

  it('suggests a 价值分类 from the segment', () => {
    expect(suggestedValueClass('重要价值客户')).toBe('核心客户')
    expect(suggestedValueClass('重要挽留客户')).toBe('重要客户')
    expect(suggestedValueClass('一般发展客户')).toBe('潜力客户')
    expect(suggestedValueClass('一般挽留客户')).toBe('一般客户')
  })
})

describe('ABC classes', () => {
  it('keeps the 80 % and 95 % boundaries in the higher class', () => {
    expect(abcClassOf(0)).toBe('A')
    expect(abcClassOf(80)).toBe('A')
    // Floating sums that should be 80 stay A.
    expect(abcClassOf(((0.1 + 0.2) / 0.3) * 80)).toBe('A')
    expect(abcClassOf(80.001)).toBe('B')
    expect(abcClassOf(95)).toBe('B')
    expect(abcClassOf(95.01)).toBe('C')
    expect(abcClassOf(100)).toBe('C')
  })

  it('counts the top 20 % of customers as ⌈n / 5⌉', () => {
    expect([0, 1, 4, 5, 6, 10, 11].map(topFifthCount)).toEqual([0, 1, 1, 1, 2, 2, 3])
  })
})
