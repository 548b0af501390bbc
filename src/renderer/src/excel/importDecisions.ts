import type { ImportDecisions } from '../../../shared/excelImport'

/** What the preview step lets the user decide; the session and the column mapping are the panel's. */
export type Decisions = Omit<ImportDecisions, 'sessionId' | 'mapping'>
