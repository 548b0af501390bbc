import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import type { EChartsOption } from 'echarts'
import { useEffect, useRef, type Ref } from 'react'
import { chartTheme, chartThemeName } from './chartTheme'

// Only the charts and components the analysis pages draw, to keep the bundle small.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
])
echarts.registerTheme(chartThemeName, chartTheme)

export type ChartInstance = echarts.ECharts

interface EChartProps {
  option: EChartsOption
  height?: number
  /** The live chart, for exporting it as a picture. */
  chartRef?: Ref<ChartInstance | null>
}

/** One ECharts canvas: created on mount, resized with its box, disposed on unmount. */
export function EChart({ option, height = 360, chartRef }: EChartProps) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<ChartInstance | null>(null)
  // The option to draw once the chart exists (it is created a moment after mount).
  const latest = useRef(option)

  useEffect(() => {
    const element = box.current
    if (!element) return
    let instance: ChartInstance | undefined
    let size = ''
    let frame = 0
    // The pages lay charts out in flexible columns; follow the box, not only the window. A resize
    // redraws the whole chart, so only for a real change of size, at most once a frame.
    const observer = new ResizeObserver(([entry]) => {
      const next = entry ? sizeOf(entry.contentRect.width, entry.contentRect.height) : ''
      if (next === size) return
      size = next
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => instance?.resize())
    })
    // After this commit's other effects: the page's query goes out first, and the chart is set
    // up while the core computes it, instead of before the request.
    const creating = setTimeout(() => {
      instance = echarts.init(element, chartThemeName, { renderer: 'canvas' })
      chart.current = instance
      setRef(chartRef, instance)
      instance.setOption(latest.current, { notMerge: true })
      size = sizeOf(element.clientWidth, element.clientHeight)
      observer.observe(element)
    })
    return () => {
      clearTimeout(creating)
      cancelAnimationFrame(frame)
      observer.disconnect()
      setRef(chartRef, null)
      chart.current = null
      instance?.dispose()
    }
  }, [chartRef])

  useEffect(() => {
    latest.current = option
    // notMerge: switching 饼图 ↔ 柱状图 must drop the other kind's axes.
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return <div ref={box} className="kq-chart" style={{ width: '100%', height }} />
}

const sizeOf = (width: number, height: number): string => `${Math.round(width)}x${Math.round(height)}`

function setRef<T>(ref: Ref<T> | undefined, value: T): void {
  if (typeof ref === 'function') ref(value)
  else if (ref) ref.current = value
}
