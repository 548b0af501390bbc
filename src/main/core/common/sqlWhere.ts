/** A WHERE clause built from fixed SQL fragments; every value goes in as a parameter. */
export class Where {
  private readonly parts: string[] = []
  readonly params: unknown[] = []

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql)
    this.params.push(...params)
    return this
  }

  get sql(): string {
    return this.parts.length > 0 ? `WHERE ${this.parts.join(' AND ')}` : ''
  }
}

/** `%text%` for LIKE … ESCAPE '\', with the user's % and _ taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
