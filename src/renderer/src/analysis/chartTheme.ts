/** The charts' look, matching the antd theme (src/renderer/src/app/theme.ts): its blue first, the same fonts. */
export const chartThemeName = 'kq'

export const chartTheme = {
  color: ['#1f6fb2', '#52a35a', '#f0a020', '#1ba3a8', '#d4558c', '#7b5fc4', '#e0693a', '#4f74d9', '#9bb536', '#8c8c8c'],
  backgroundColor: 'transparent',
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
