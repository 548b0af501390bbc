import type { BenchCase } from '../benchCase'
import { accountCases } from './accounts'
import { analysisCases } from './analysis'
import { backupCases } from './backup'
import { contractCases } from './contracts'
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
  ...contractCases,
  ...backupCases,
  // As a 业务员: turns accounts on and off around each case, and shares the customers out among 20 users.
  ...accountCases,
  // Last: each run adds 50,000 customers to the working copy, which would skew the cases after it.
  ...excelImportCases,
]
