/**
 * CSV as Excel and WPS write it (RFC 4180: quoted fields may hold the separator,
 * line breaks and doubled quotes). The separator is the one among `,`, tab and `;`
 * that the first line uses most; Excel uses `;` where `,` is the decimal mark.
 */
export function parseCsv(text: string): string[][] {
  const separator = guessSeparator(text)
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
      continue
    }
    if (c === '"' && field === '') quoted = true
    else if (c === separator) {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

function guessSeparator(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n/) === -1 ? text.length : text.search(/\r|\n/))
  const counts = [',', '\t', ';'].map((s) => [s, firstLine.split(s).length] as const)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ','
}
