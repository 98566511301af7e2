/**
 * One CSV line as raw field spans, so one field can be rewritten while every other byte of the line
 * stays as written (its quoting included). Only lines that hold a whole record are rewritten: a
 * record with a line break inside quotes is left for a person.
 */

export interface FieldSpan {
  /** Offsets of the field's raw text in the line (quotes included). */
  start: number
  end: number
  quoted: boolean
}

/** The spans of the line's fields, or null when its quoting is not closed on this line. */
export function fieldSpans(line: string): FieldSpan[] | null {
  const spans: FieldSpan[] = []
  let at = 0
  for (;;) {
    const start = at
    let quoted = false
    if (line[at] === '"') {
      quoted = true
      at++
      for (;;) {
        const quote = line.indexOf('"', at)
        if (quote === -1) return null
        if (line[quote + 1] === '"') at = quote + 2
        else {
          at = quote + 1
          break
        }
      }
      const comma = line.indexOf(',', at)
      at = comma === -1 ? line.length : comma
    } else {
      const comma = line.indexOf(',', at)
      at = comma === -1 ? line.length : comma
    }
    spans.push({ start, end: at, quoted })
    if (at >= line.length) return spans
    at++
  }
}

/** The field's value as a CSV reader gives it. */
export function fieldValue(line: string, span: FieldSpan): string {
  const raw = line.slice(span.start, span.end)
  if (!span.quoted) return raw
  const close = raw.lastIndexOf('"')
  return raw.slice(1, close).replace(/""/g, '"')
}

/** The line with the given fields (by index) set to new values; quoted fields stay quoted. */
export function rewriteFields(line: string, values: Map<number, string>): string | null {
  const spans = fieldSpans(line)
  if (spans === null) return null
  let out = ''
  let at = 0
  spans.forEach((span, i) => {
    const value = values.get(i)
    if (value === undefined) return
    out += line.slice(at, span.start) + encodeField(value, span.quoted)
    at = span.end
  })
  return out + line.slice(at)
}

export function encodeField(value: string, quoted: boolean): string {
  if (quoted || /[",\r\n]/.test(value)) return `"${value.replace(/"/g, '""')}"`
  return value
}
