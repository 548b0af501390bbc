/** The charts' look, matching the antd theme (src/renderer/src/app/theme.ts): its blue first, the same fonts. */
export const chartThemeName = 'kq'

/**
 * The colour of a 其他 slice or bar (the rest folded into one): a neutral grey no group has, so it
 * never reads as 第1名 (the palette's first colour, which an 11th item would get again).
 */
export const restColor = '#c4c8ce'

export const chartTheme = {
  color: ['#1f6fb2', '#52a35a', '#f0a020', '#1ba3a8', '#d4558c', '#7b5fc4', '#e0693a', '#4f74d9', '#9bb536', '#a0785a'],
  backgroundColor: 'transparent',
  // Drawn at once: the growing bars and sectors (about 1 s) repainted every chart on the page each
  // frame while its tables were still being laid out, and a page of figures reads as late, not lively.
  animation: false,
  textStyle: {
    fontFamily: "'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif",
    fontSize: 12,
    color: '#333',
  },
  legend: { textStyle: { color: '#555' } },
  categoryAxis: { axisLine: { lineStyle: { color: '#c9cfd8' } }, axisLabel: { color: '#555' } },
  valueAxis: {
    splitLine: { lineStyle: { color: '#eef0f4' } },
    axisLabel: { color: '#555' },
    nameTextStyle: { color: '#777' },
  },
}
