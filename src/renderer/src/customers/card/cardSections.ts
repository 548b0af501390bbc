/** The card layout lives in shared code: the Excel export (core) prints the same sections. */
export * from '../../../../shared/customerCardSections'

/** antd Col props of a cell spanning `span` of the three columns. */
export function colProps(span: 1 | 2 | 3 = 1): { xs: number; md: number; xl: number } {
  if (span === 3) return { xs: 24, md: 24, xl: 24 }
  if (span === 2) return { xs: 24, md: 24, xl: 16 }
  return { xs: 24, md: 12, xl: 8 }
}
