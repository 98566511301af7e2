/**
 * Checks SARIF logs against the SARIF 2.1.0 JSON schema (OASIS, errata 01; vendored in
 * fixtures/sarif-schema/ with its notice), formats included (`uri-reference` for artifact URIs),
 * and parses plain-text SARIF messages as a viewer does, to prove dataset text stays text.
 */
import ajvDraft04 from 'ajv-draft-04'
import addFormatsPlugin from 'ajv-formats'
import { readFileSync } from 'node:fs'

const schema = JSON.parse(
  readFileSync(new URL('../fixtures/sarif-schema/sarif-schema-2.1.0.json', import.meta.url), 'utf8')
) as object

// A CommonJS class seen from ESM: the module is the class (and also has it as `default`).
const AjvDraft04 = ajvDraft04.default
const ajv = new AjvDraft04({ allErrors: true, strict: false })
;(addFormatsPlugin as unknown as (ajv: object) => void)(ajv)
const validate = ajv.compile(schema)

/** Null when `log` is valid SARIF 2.1.0, else the schema's complaints (the first 10). */
export function sarifSchemaErrors(log: unknown): string | null {
  if (validate(log)) return null
  return ajv.errorsText((validate.errors ?? []).slice(0, 10), { separator: '\n' })
}

/**
 * A plain-text SARIF message as a viewer reads it (SARIF 2.1.0 §3.11.5-3.11.6): `\\`, `\[` and
 * `\]` are literal characters, `{{` and `}}` literal braces. Returns the text shown, or throws at
 * an unescaped bracket or backslash (where an embedded link `[text](target)` could start) or a
 * placeholder brace (`{n}`).
 */
export function readSarifText(message: string): string {
  let shown = ''
  for (let i = 0; i < message.length; i++) {
    const char = message[i]!
    const next = message[i + 1]
    if (char === '\\' && (next === '\\' || next === '[' || next === ']')) {
      shown += next
      i++
    } else if ((char === '{' || char === '}') && next === char) {
      shown += char
      i++
    } else if (char === '{' || char === '}') {
      throw new Error(`a placeholder brace at ${i} in ${JSON.stringify(message)}`)
    } else if (char === '[' || char === ']' || char === '\\') {
      // Our writer escapes every bracket and backslash, so an unescaped one could start a link.
      throw new Error(`an unescaped ${char} at ${i} in ${JSON.stringify(message)}`)
    } else {
      shown += char
    }
  }
  return shown
}
