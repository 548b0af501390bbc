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

  useEffect(() => {
    const element = box.current
    if (!element) return
    const instance = echarts.init(element, chartThemeName, { renderer: 'canvas' })
    chart.current = instance
    setRef(chartRef, instance)
    // The pages lay charts out in flexible columns; follow the box, not only the window.
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      setRef(chartRef, null)
      chart.current = null
      instance.dispose()
    }
  }, [chartRef])

  useEffect(() => {
    // notMerge: switching 饼图 ↔ 柱状图 must drop the other kind's axes.
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return <div ref={box} className="kq-chart" style={{ width: '100%', height }} />
}

function setRef<T>(ref: Ref<T> | undefined, value: T): void {
  if (typeof ref === 'function') ref(value)
  else if (ref) ref.current = value
}
