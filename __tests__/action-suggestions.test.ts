/**
 * The action on a pull request offers mechanical row repairs as one review of GitHub `suggestion`
 * blocks, on the lines the pull request adds only, never twice, and degrades on a read-only token
 * (a fork) to a notice without changing the verdict; the sticky comment gets a collapsed
 * "Suggested fix" section with what `resplit` would move. The action runs as a process against
 * the fake GitHub API (fake-github.ts, whose review endpoints are checked against GitHub's OpenAPI
 * description): the bundled action, as the runner runs it (skipped, with a message, when it has
 * not been built).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { FakeGitHub } from './helpers/fake-github.js'
import { git, makeWorkspace, runAction, type Workspace } from './fixtures/hostile/action-run.js'
import { ACTION_BUNDLE, bundleBuilt } from './fixtures/hostile/bundle.js'
import { renderSuggestedFixes } from '../src/report/markdown-suggestions.js'
import { markerOf, patchAdditions, suggestionComment } from '../src/publish/review-suggestions.js'

const rows = (prefix: string, label: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `gs://demo-bucket/videos/${prefix}_${String(i + 1).padStart(2, '0')}.mp4,${label},0,4.5`
  )
const INDEX = 'TRAIN,gs://demo-bucket/data/train.csv\nTEST,gs://demo-bucket/data/test.csv\n'
// The base has a stray space (line 5): a repair, but not on a line the pull request changes.
const BASE_TRAIN = [...rows('cat', 'cat', 12), ...rows('dog', 'dog', 12)].map((row, i) =>
  i === 4 ? row.replace(',cat,', ', cat,') : row
)
const TEST = [...rows('cat_t', 'cat', 3), ...rows('dog_t', 'dog', 3)]
const ADDED = [
  'gs://demo-bucket/videos/cat_13.mp4,Cat,0,4.5', // label-variant -> cat
  'gs://demo-bucket/videos/cat_01.mp4,cat,0,4.5', // duplicate of line 1 -> delete
  'GS://demo-bucket/videos/dog_14.mp4,dog,0,4.5', // scheme -> gs://
  'gs://demo-bucket/videos/dog_t_01.mp4,dog,0,4.5' // also in TEST: video leakage
]
const HEAD_TRAIN = [...BASE_TRAIN, ...ADDED]
const FIRST_ADDED = BASE_TRAIN.length + 1

/** The file's patch as GitHub's pull-request files API gives it: the hunks, without headers. */
function patchOf(ws: Workspace, path: string): string {
  const diff = git(ws.workspace, 'diff', ws.baseSha, ws.headSha, '--', path)
  return diff.slice(diff.indexOf('@@'))
}

function reviewPosts(api: FakeGitHub) {
  return api.requestsTo('POST', /\/pulls\/7\/reviews$/)
}

const describeBundle = bundleBuilt(ACTION_BUNDLE, 'action-suggestions') ? describe : describe.skip

describeBundle('suggestions on the pull request', () => {
  let ws: Workspace
  let api: FakeGitHub

  beforeEach(async () => {
    ws = makeWorkspace(
      {
        'data/index.csv': INDEX,
        'data/train.csv': BASE_TRAIN.join('\n') + '\n',
        'data/test.csv': TEST.join('\n') + '\n'
      },
      { 'data/train.csv': HEAD_TRAIN.join('\n') + '\n' }
    )
    api = await new FakeGitHub().start()
    api.prHead = ws.headSha
    api.prFiles = [
      { filename: 'data/train.csv', status: 'modified', patch: patchOf(ws, 'data/train.csv') }
    ]
  })
  afterEach(() => api.stop())

  it('posts one review with suggestion blocks on the added lines, and none on a second run', async () => {
    const first = await runAction(ws, api.url)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(1) // the leak fails the gate; suggestions change nothing
    expect(api.reviews.invalidRequests).toEqual([])
    expect(reviewPosts(api)).toHaveLength(1)
    expect(api.reviews.reviews).toHaveLength(1)
    const [review] = api.reviews.reviews
    expect(review!.commitId).toBe(ws.headSha)
    expect(review!.event).toBe('COMMENT')
    const byLine = new Map(review!.comments.map(c => [c.line, c]))
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual([
      FIRST_ADDED,
      FIRST_ADDED + 1,
      FIRST_ADDED + 2
    ])
    for (const comment of review!.comments) expect(comment.path).toBe('data/train.csv')
    expect(byLine.get(FIRST_ADDED)!.body).toContain(
      '```suggestion\ngs://demo-bucket/videos/cat_13.mp4,cat,0,4.5\n```'
    )
    expect(byLine.get(FIRST_ADDED)!.body).toContain('`label-variant`')
    expect(byLine.get(FIRST_ADDED + 1)!.body).toContain('```suggestion\n```') // delete the repeat
    expect(byLine.get(FIRST_ADDED + 2)!.body).toContain(
      '```suggestion\ngs://demo-bucket/videos/dog_14.mp4,dog,0,4.5\n```'
    )
    // The sticky comment has the collapsed section with the re-split and the command.
    expect(api.comments).toHaveLength(1)
    const body = api.comments[0]!.body
    expect(body).toContain('<details><summary><b>Suggested fix</b>')
    expect(body).toMatch(/```sh\ndataset-gate resplit data\/index\.csv --write\n```/)
    expect(body).toContain('dataset-gate fix data/index.csv --write')

    const second = await runAction(ws, api.url)
    expect(second.code).toBe(1)
    expect(reviewPosts(api)).toHaveLength(1)
    expect(api.reviews.comments).toHaveLength(3)
    expect(second.stdout).toContain(
      'No suggestion review: every repair is outside the diff or already suggested'
    )
  }, 120_000)

  it('on a read-only token (a fork) posts nothing, says so, and fails by the data alone', async () => {
    api.readOnly = true
    const run = await runAction(ws, api.url)
    expect(run.code).toBe(1)
    expect(api.reviews.reviews).toEqual([])
    expect(run.stdout).toMatch(
      /::notice::Could not post the suggested row repairs as a review \(HTTP 403/
    )
    expect(run.stdout).toContain('Suggested fix')
  }, 120_000)

  it('with `suggestions: false` makes no review call', async () => {
    const run = await runAction(ws, api.url, { inputs: { suggestions: 'false' } })
    expect(run.code).toBe(1)
    expect(api.requestsTo('GET', /\/pulls\/7\/comments$/)).toEqual([])
    expect(reviewPosts(api)).toEqual([])
  }, 120_000)
})

describe('the Suggested fix section', () => {
  it('escapes names from the data and keeps the command inside its fence', () => {
    const lines = renderSuggestedFixes([
      {
        dataset: 'evil <img src=x> @team',
        resplit: {
          moves: [
            {
              unit: 'g```<b>x</b>|@org/team',
              kind: 'group',
              from: 'TRAIN',
              to: 'TEST',
              segments: 3
            }
          ],
          segmentsMoved: 3,
          after: {
            leakedVideos: 0,
            leakedGroups: 0,
            splitShares: { TRAIN: 0.7, TEST: 0.3 },
            splitDistance: []
          },
          unmet: null,
          command: ['resplit', "data/``` $(rm -rf ~)'.csv", '--write']
        },
        rows: null
      }
    ]).join('\n')
    expect(lines).toContain('<details><summary><b>Suggested fix</b>')
    expect(lines).not.toContain('<img')
    expect(lines).not.toContain('<b>x</b>')
    expect(lines).not.toMatch(/(^|[^\w`])@team/)
    // The fence is longer than the backticks inside; the path is one quoted shell word.
    expect(lines).toContain(
      "````sh\ndataset-gate resplit 'data/``` $(rm -rf ~)'\\''.csv' --write\n````"
    )
  })
})

describe('suggestion comments', () => {
  const line = {
    path: 'data/x.csv',
    line: 3,
    before: 'gs://b/a.mp4,Surf```ing,0,1',
    replacement: 'gs://b/a.mp4,surf```ing <!-- --> @team #1,0,1',
    rules: ['label-variant'],
    what: ['label "Surf```ing" -> "surf```ing <!-- --> @team #1"']
  }

  it('uses a fence longer than any backtick run in the line, and escapes the description', () => {
    const body = suggestionComment('dataset-gate', line)
    expect(body).toContain('````suggestion\n' + line.replacement + '\n````')
    expect(body.startsWith(markerOf('dataset-gate', line))).toBe(true)
    const description = body.split('\n').find(l => l.startsWith('- '))!
    expect(description).not.toContain('<!--')
    expect(description).not.toContain('@team')
    expect(description).not.toMatch(/(^|[^`])```([^`]|$)/)
  })

  it('reads the added lines of a patch', () => {
    const patch =
      '@@ -1,3 +1,4 @@\n a\n-b\n+c\n+d\n e\n@@ -10,2 +11,3 @@\n x\n+y\n z\n\\ No newline at end of file'
    expect([...patchAdditions(patch)]).toEqual([2, 3, 12])
  })
})
