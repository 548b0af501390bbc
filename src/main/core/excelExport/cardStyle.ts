import type { Alignment, Borders, Fill, Font, Style } from 'exceljs'

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

/**
 * Whole cell styles, one object per look, given to every cell that has it:
 * exceljs looks a style object up by identity before serialising it, so a
 * shared object costs one lookup per cell instead of building its XML again.
 * Frozen, because a cell holding one must never be changed in place.
 */
const cellStyle = (style: Partial<Style>): Partial<Style> => Object.freeze(style)

export const titleStyle = cellStyle({ font: titleFont, alignment: { horizontal: 'center', vertical: 'middle' } })
export const codeStyle = cellStyle({ font: subtitleFont, alignment: { vertical: 'bottom' } })
export const registeredStyle = cellStyle({ font: subtitleFont, alignment: { horizontal: 'right', vertical: 'bottom' } })
export const sectionStyle = cellStyle({
  font: sectionFont,
  fill: sectionFill,
  alignment: sectionAlignment,
  border: allBorders,
})
export const labelStyle = cellStyle({ font: labelFont, fill: labelFill, alignment: labelAlignment, border: allBorders })
export const valueStyle = cellStyle({ font: valueFont, alignment: valueAlignment, border: allBorders })
export const emptyTableStyle = cellStyle({ ...valueStyle, alignment: { ...valueAlignment, horizontal: 'center' } })
