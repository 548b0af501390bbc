import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale'
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community'

// Community modules only: Excel export, set filters and the columns panel are
// enterprise features, so the app builds those with exceljs and antd instead.
ModuleRegistry.registerModules([AllCommunityModule])

export const gridLocale = AG_GRID_LOCALE_CN

export const gridTheme = themeQuartz.withParams({
  accentColor: '#1f6fb2',
  fontFamily: "'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif",
  fontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#f4f6f9',
  rowHeight: 34,
  headerHeight: 36,
  spacing: 6,
  borderRadius: 4,
  wrapperBorderRadius: 6,
})
