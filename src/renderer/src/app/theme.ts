import type { ThemeConfig } from 'antd'

/** One place for the look: a calm blue, CJK-friendly fonts, compact office density. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f6fb2',
    borderRadius: 4,
    fontFamily: "'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Segoe UI', sans-serif",
    fontSize: 14,
  },
  components: {
    Layout: { siderBg: '#16324f', headerBg: '#ffffff', bodyBg: '#f3f5f8' },
    Menu: { darkItemBg: '#16324f', darkSubMenuItemBg: '#102740', darkItemSelectedBg: '#1f6fb2' },
  },
}
