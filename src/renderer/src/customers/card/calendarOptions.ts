import { calendarKinds, calendarLabels } from '../../../../shared/calendarDate'

/** 公历 / 农历, the choice next to every birthday and important date. */
export const calendarOptions = calendarKinds.map((value) => ({ value, label: calendarLabels[value] }))
