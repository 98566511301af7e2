/**
 * Field parsing (src/read/fields.ts) on its own: END's `inf`, read character by character, and
 * seconds, read from their digits.
 */
import { describe, expect, it } from '@jest/globals'
import { isInf, parseSeconds } from '../src/read/fields.js'

describe('isInf', () => {
  it('is true for inf in any case and false for everything else', () => {
    for (const text of ['inf', 'INF', 'Inf', 'iNf', 'inF']) expect(isInf(text)).toBe(true)
    for (const text of ['', 'in', 'infinity', 'Infinity', ' inf', 'inf ', '1.5', '120', 'imf'])
      expect(isInf(text)).toBe(false)
  })

  it('agrees with lowering the case for every character in every position', () => {
    // Every UTF-16 code unit in place of each of the three letters: only I/i, N/n and F/f lower
    // to i, n and f (U+0130, dotted capital I, lowers to two characters; U+0131, dotless i, stays).
    const disagreements: string[] = []
    for (let position = 0; position < 3; position++) {
      for (let code = 0; code <= 0xffff; code++) {
        const letters = ['i', 'n', 'f']
        letters[position] = String.fromCharCode(code)
        const text = letters.join('')
        if (isInf(text) !== (text.toLowerCase() === 'inf')) disagreements.push(text)
      }
    }
    expect(disagreements).toEqual([])
  })
})

describe('parseSeconds', () => {
  it('reads seconds exactly as Number does, with their decimals', () => {
    for (const text of ['0', '2.0', '11.3', '938', '940.5', '1.000', '6.179', '123456789.123456']) {
      const result = parseSeconds(text)
      expect(result).toEqual({
        ok: true,
        value: Number(text),
        decimals: text.includes('.') ? text.length - text.indexOf('.') - 1 : 0
      })
    }
    for (const text of ['', '-1', '1.', '.5', '1e3', '01:30', '2s', ' 1'])
      expect(parseSeconds(text).ok).toBe(false)
  })
})
