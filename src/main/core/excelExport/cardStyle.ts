import type { Alignment, Borders, Fill, Font } from 'exceljs'

/** The look of the printed 登记卡: a CJK font, thin black borders, grey label cells. */

/** 宋体 is on every Chinese Windows; WPS and LibreOffice substitute their own CJK font. */
export const bodyFontName = '宋体'
export const titleFontName = '黑体'
export const bodyFontSize = 10
export const minRowHeight = 20

export const titleFont: Partial<Font> = { name: titleFontName, size: 20, bold: true }
export const subtitleFont: Partial<Font> = { name: bodyFontName, size: 10.5 }
export const sectionFont: Partial<Font> = { name: titleFontName, size: 11, bold: true }
export const labelFont: Partial<Font> = { name: bodyFontName, size: bodyFontSize, bold: true }
export const valueFont: Partial<Font> = { name: bodyFontName, size: bodyFontSize }
export const starFont: Partial<Font> = { name: bodyFontName, size: bodyFontSize, color: { argb: 'FFC98A00' } }

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } }
export const allBorders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin }

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } })
export const sectionFill = solid('FFD9E1F2')
export const labelFill = solid('FFF2F2F2')

export const labelAlignment: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true }
export const valueAlignment: Partial<Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true }
export const sectionAlignment: Partial<Alignment> = { horizontal: 'left', vertical: 'middle', indent: 1 }

/** Excel widths of the six columns: label, value, label, value, label, value. */
export const cardColumnWidths = [12, 16, 12, 16, 12, 16]
