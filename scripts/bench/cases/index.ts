import type { BenchCase } from '../benchCase'
import { analysisCases } from './analysis'
import { backupCases } from './backup'
import { customerCases } from './customers'
import { excelExportCases } from './excelExport'
import { excelImportCases } from './excelImport'
import { projectCases } from './projects'
import { reminderCases } from './reminders'

/** Every benchmark case, in the order the table prints them. Each issue adds its file here. */
export const benchCases: BenchCase[] = [
  ...customerCases,
  ...excelExportCases,
  ...excelImportCases,
  ...analysisCases,
  ...reminderCases,
  ...projectCases,
  ...backupCases,
]
