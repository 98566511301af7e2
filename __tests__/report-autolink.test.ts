/**
 * `GH-123` in a file name, a label or a video key must not become an issue link in the comment.
 * GitHub links it after rendering, on the text, so the rendered HTML (micromark + GFM, which does
 * not do GitHub's reference links itself) is checked for text GitHub would match.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { renderMarkdown } from '../src/report/markdown.js'
import { cleanRepos, gate, makeRepo } from './helpers/datasets.js'
import { toHtml, visibleText } from './fixtures/hostile/html.js'

afterAll(cleanRepos)

describe('GH- issue references in the comment', () => {
  it('are broken in file names, labels and video keys, and still read as written', async () => {
    const rows = [
      ...Array.from({ length: 3 }, (_, i) => `training,gs://b/GH-${i}.mp4,fix GH-42,0,1`),
      'test,gs://b/GH-0.mp4,fix GH-42,0,1',
      'training,gs://b/x.mp4,gh-7,0,1'
    ]
    const root = await makeRepo({ 'data/GH-123 notes.csv': rows.join('\n') + '\n' })
    const report = await gate(root)
    for (const full of [false, true]) {
      const markdown = renderMarkdown(report, { commentKey: 'dataset-gate', full })
      expect(markdown).toContain('GH-&#8203;123 notes.csv')
      // GitHub does not link inside code blocks: the Mermaid chart keeps `GH-42` as written
      const text = visibleText(toHtml(markdown).replace(/<pre>[^]*?<\/pre>/g, ''))
      expect(text.match(/.{0,40}(?<![A-Za-z0-9])gh-\d.{0,20}/gi)).toBeNull()
      const read = text.replace(/\u200b/g, '')
      for (const shown of ['GH-123 notes.csv', 'fix GH-42', 'gh-7']) expect(read).toContain(shown)
    }
  })
})
