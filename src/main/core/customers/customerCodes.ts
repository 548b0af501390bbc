import type { SqlWriter } from '../db/sqlHandles'

/**
 * 客户编号 for customers written in bulk (import, demo data: KH-年份-序号, by the year of registration),
 * handed out one by one as rows are written. Each year's last number is read
 * once — the larger of its counter and the largest code in use — and the
 * counters are saved at the end, in the caller's transaction.
 */
export class CustomerCodes {
  private readonly last = new Map<number, number>()

  constructor(private readonly db: SqlWriter) {}

  /** Reads the last number of each year among the dates not seen before. */
  async load(registeredAt: string[]): Promise<void> {
    for (const year of new Set(registeredAt.map((date) => Number(date.slice(0, 4))))) {
      if (this.last.has(year)) continue
      const counter = await this.db.first<{ last_value: number }>(
        `SELECT last_value FROM customer_code_counter WHERE year = ?`,
        [year],
      )
      const [used] = await this.db.all<{ n: number }>(
        `SELECT COALESCE(MAX(CAST(substr(code, 9) AS INTEGER)), 0) AS n FROM customer WHERE code LIKE ?`,
        [`KH-${year}-%`],
      )
      this.last.set(year, Math.max(counter?.last_value ?? 0, used.n))
    }
  }

  /** The next code of the date's year (loaded first). */
  next(registeredAt: string): string {
    const year = Number(registeredAt.slice(0, 4))
    const value = (this.last.get(year) ?? 0) + 1
    this.last.set(year, value)
    return `KH-${year}-${String(value).padStart(5, '0')}`
  }

  async save(): Promise<void> {
    for (const [year, last] of this.last) {
      await this.db.run(
        `INSERT INTO customer_code_counter (year, last_value) VALUES (?, ?)
         ON CONFLICT (year) DO UPDATE SET last_value = excluded.last_value`,
        [year, last],
      )
    }
  }
}
