import type { ReactNode } from 'react'

/** The row of choices on top of an analysis page, with a short note on what is counted. */
export function AnalysisToolbar({ children, note }: { children: ReactNode; note?: string }) {
  return (
    <div className="kq-analysis-toolbar">
      {children}
      {note && <span className="kq-analysis-toolbar-note">{note}</span>}
    </div>
  )
}
