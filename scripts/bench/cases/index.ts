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
  ...analysisCases,
  ...reminderCases,
  ...projectCases,
  ...backupCases,
  // Last: each run adds 50,000 customers to the working copy, which would skew the cases after it.
  ...excelImportCases,
]
