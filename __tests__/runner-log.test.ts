/**
 * No workflow commands through the CLI's output in a GitHub Actions log. Dataset labels and file
 * names such as `::add-mask::…`, `##[set-output …]…` or `::stop-commands::…` reach the text, JSON
 * and Markdown reports verbatim; the runner (ported in helpers/runner-commands.ts) would run them.
 * Guarded output runs nothing but its own stop-commands pair, and JSON escaped for the log keeps
 * its value and runs nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GateReport } from '../src/model.js'
import { renderMarkdown } from '../src/report/markdown.js'
import {
  escapeJsonForRunnerLog,
  guardForRunnerLog,
  randomStopToken,
  stdoutReachesRunnerLog
} from '../src/report/runner-log.js'
import { renderJson } from '../src/report/schema.js'
import { renderText } from '../src/report/text.js'
import { cleanRepos, gate, makeRepo } from './helpers/datasets.js'
import {
  CommandNames,
  REGISTERED_COMMANDS,
  readLines,
  runnerCommands,
  tryParse,
  tryParseV2
} from './helpers/runner-commands.js'

afterAll(cleanRepos)

/** Labels that are workflow commands, in both syntaxes, some indented, one with a comma. */
const COMMAND_LABELS = [
  '::add-mask::secret_label',
  '::stop-commands::hijack',
  '::hijack::',
  '::set-output name=label::owned',
  '::error file=a.csv,line=1::fake error',
  '::warning::fake warning',
  '::notice::fake notice',
  '::group::folded',
  '::endgroup::',
  '::debug::x',
  '::set-env name=NODE_OPTIONS::--require=/tmp/evil.js',
  '::add-path::/tmp/evil',
  '::add-matcher::evil.json',
  '::save-state name=s::v',
  '   ::add-mask::indented',
  '##[add-mask]old_syntax',
  '##[set-output name=x;]old_output',
  'before ##[error]mid-line error',
  '##[stop-commands]old_stop'
]

/** A CSV field, quoted, quotes doubled. */
const q = (text: string) => `"${text.replace(/"/g, '""')}"`

function hostileRows(): string {
  const lines: string[] = []
  COMMAND_LABELS.forEach((label, i) => {
    for (let k = 0; k < 3; k++) lines.push(`training,gs://bucket/v/${i}_${k}.mp4,${q(label)},0,1`)
    lines.push(`test,gs://bucket/t/${i}.mp4,${q(label)},0,1`)
    // The same video in TRAIN and TEST, so the URI is quoted in a leakage finding too.
    const uri = `gs://bucket/${label}.mp4`
    lines.push(`training,${q(uri)},cat,0,1`, `test,${q(uri)},cat,0,1`)
  })
  return lines.join('\n') + '\n'
}

let report: GateReport
let outputs: Record<'text' | 'json' | 'markdown', string>

beforeAll(async () => {
  const root = await makeRepo({
    'data/hostile.csv': hostileRows(),
    'data/::add-mask::file_name.csv': `training,gs://bucket/f/1.mp4,${q('##[add-mask]from_file')},0,1\n`
  })
  report = await gate(root, { config: 'max-findings-per-rule: 5000\n' })
  outputs = {
    text: renderText(report, { color: false }),
    json: renderJson(report),
    markdown: renderMarkdown(report, { commentKey: 'dataset-gate' })
  }
})

/** A token generator that gives the listed tokens, then fails the test. */
function tokens(...list: string[]): () => string {
  return () => {
    const token = list.shift()
    if (token === undefined) throw new Error('asked for more tokens than expected')
    return token
  }
}

describe('the runner port', () => {
  const registered = new CommandNames(REGISTERED_COMMANDS)

  it('::commands count only at the start of a line, after .NET white space', () => {
    expect(tryParseV2('::add-mask::x', registered)).toMatchObject({
      command: 'add-mask',
      data: 'x'
    })
    expect(tryParseV2('  \t::add-mask::x', registered)).toMatchObject({ command: 'add-mask' })
    // U+0085 (NEL) is white space to .NET's TrimStart, not to JavaScript's trimStart.
    expect(tryParseV2('\u0085::add-mask::x', registered)).toMatchObject({ command: 'add-mask' })
    expect(tryParseV2('  "::add-mask::x",', registered)).toBeNull()
    expect(tryParseV2('x ::add-mask::x', registered)).toBeNull()
    expect(tryParseV2('::not-a-command::x', registered)).toBeNull()
    expect(tryParseV2('::ADD-MASK::x', registered)).toMatchObject({ command: 'ADD-MASK' })
    expect(tryParseV2('::error file=a.csv,line=3::boom', registered)).toEqual({
      command: 'error',
      properties: { file: 'a.csv', line: '3' },
      data: 'boom'
    })
  })

  it('##[commands count anywhere in a line', () => {
    expect(tryParse('"label": "##[add-mask]x",', registered)).toMatchObject({
      command: 'add-mask',
      data: 'x",'
    })
    expect(tryParse('##[set-output name=a;]b', registered)).toEqual({
      command: 'set-output',
      properties: { name: 'a' },
      data: 'b'
    })
    expect(tryParse('##[nothing]x', registered)).toBeNull()
  })

  it('lines end at \\n, \\r\\n and a lone \\r', () => {
    expect(readLines('a\nb\r\nc\rd\n')).toEqual(['a', 'b', 'c', 'd'])
  })

  it('stop-commands stops both syntaxes until the token, in either syntax', () => {
    const outcome = runnerCommands(
      [
        '::warning::before',
        '::stop-commands::tok123456',
        '::add-mask::a',
        'x ##[add-mask]b',
        '::stop-commands::other',
        '::TOK123456::',
        '##[add-mask]after',
        '::stop-commands::tok7654321',
        'mid ##[tok7654321]',
        '::debug::end'
      ].join('\n')
    )
    expect(outcome.executed.map(c => [c.line, c.command])).toEqual([
      [1, 'warning'],
      [7, 'add-mask'],
      [10, 'debug']
    ])
    expect(outcome.stopTokens).toEqual(['tok123456', 'tok7654321'])
    expect(outcome.resumedAt).toEqual([6, 9])
    expect(outcome.stillStopped).toBe(false)
  })

  it('refuses a stop token that is a command name, as the runner does', () => {
    expect(() => runnerCommands('::stop-commands::add-mask\n')).toThrow(/refuses/)
    expect(() => runnerCommands('::stop-commands::\n')).toThrow(/refuses/)
  })
})

describe('hostile labels in the reports', () => {
  it('are in the report as data', () => {
    const classes = report.datasets.flatMap(d =>
      Object.values(d.splits).flatMap(s => Object.keys(s!.classes))
    )
    for (const label of COMMAND_LABELS) expect(classes).toContain(label)
    expect(report.datasets.map(d => d.name)).toContain('data/::add-mask::file_name.csv')
  })

  it.each(['text', 'json'] as const)(
    'unguarded, the %s report would run commands in a job log',
    format => {
      const outcome = runnerCommands(outputs[format])
      expect(outcome.executed.length).toBeGreaterThan(0)
      expect(outcome.executed.map(c => c.command)).toContain('add-mask')
    }
  )

  it('unguarded, the text report would even stop commands for the rest of the step', () => {
    // A stop-commands label starts a block no line of ours ends: the step's later commands (the
    // workflow's own `::error::` lines included) would be printed and ignored.
    const outcome = runnerCommands(outputs.text)
    expect(outcome.stopTokens.length).toBeGreaterThan(0)
    expect(outcome.stillStopped).toBe(true)
  })

  it('unguarded, the Markdown report already runs nothing: its escaping writes `:` as &#58;', () => {
    // Defence in depth: the guard below does not rely on this.
    expect(runnerCommands(outputs.markdown).executed).toEqual([])
  })

  it.each(['text', 'json', 'markdown'] as const)(
    'guarded, the %s report runs nothing but its own stop-commands pair',
    format => {
      const body = outputs[format]
      const token = randomStopToken()
      const guarded = guardForRunnerLog(body, () => token)
      const outcome = runnerCommands(guarded)
      expect(outcome.executed).toEqual([])
      expect(outcome.stopTokens).toEqual([token])
      expect(outcome.resumedAt).toEqual([readLines(guarded).length])
      expect(outcome.stillStopped).toBe(false)
      // The log shows the report unchanged between the two lines.
      expect(guarded).toBe(`::stop-commands::${token}\n${body}::${token}::\n`)
    }
  )

  it('JSON escaped for the log runs no command at all and parses to the same report', () => {
    // Unescaped, the JSON runs commands only through `##[`: no JSON line starts with `::`.
    const lines = readLines(outputs.json)
    const unescaped = runnerCommands(outputs.json).executed
    expect(unescaped.length).toBeGreaterThan(0)
    for (const command of unescaped) expect(lines[command.line - 1]).toContain('##[')
    const escaped = escapeJsonForRunnerLog(outputs.json)
    expect(escaped).not.toBe(outputs.json)
    expect(runnerCommands(escaped)).toEqual({
      executed: [],
      stopTokens: [],
      resumedAt: [],
      stillStopped: false
    })
    expect(JSON.parse(escaped)).toEqual(JSON.parse(outputs.json))
  })
})

describe('guardForRunnerLog', () => {
  it('picks another token when the body contains the first, in any case', () => {
    const body = 'class "ABCDEF0123456789" has 3 segments\n'
    const guarded = guardForRunnerLog(body, tokens('abcdef0123456789', 'fedcba9876543210'))
    expect(guarded).toBe(`::stop-commands::fedcba9876543210\n${body}::fedcba9876543210::\n`)
  })

  it('a body that tries to resume with a guessed token cannot end the block', () => {
    const body = '::abcdef0123456789::\n##[abcdef0123456789]\n::add-mask::x\n'
    const guarded = guardForRunnerLog(body, tokens('abcdef0123456789', '0123456789abcdef'))
    const outcome = runnerCommands(guarded)
    expect(outcome.executed).toEqual([])
    expect(outcome.resumedAt).toEqual([5])
  })

  it('never uses a token the runner would refuse', () => {
    const guarded = guardForRunnerLog('x\n', tokens('add-mask', 'pause-logging', '', 'goodtoken1'))
    expect(guarded.split('\n')[0]).toBe('::stop-commands::goodtoken1')
  })

  it('puts the resume command on its own line when the body does not end with one', () => {
    const guarded = guardForRunnerLog('no final line break ::add-mask::x', tokens('tok1234567'))
    expect(guarded).toBe(
      '::stop-commands::tok1234567\nno final line break ::add-mask::x\n::tok1234567::\n'
    )
    expect(runnerCommands(guarded).stillStopped).toBe(false)
  })

  it('a lone carriage return in the body does not matter: every line is inside the block', () => {
    const guarded = guardForRunnerLog('a\r::add-mask::x\r\n##[error]y\n', tokens('tok1234567'))
    expect(runnerCommands(guarded).executed).toEqual([])
  })

  it('random tokens are 32 hex digits and differ', () => {
    const a = randomStopToken()
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(randomStopToken()).not.toBe(a)
  })
})

describe('stdoutReachesRunnerLog', () => {
  it('only inside GitHub Actions, and not when stdout is a file', () => {
    expect(stdoutReachesRunnerLog({}, () => false)).toBe(false)
    expect(stdoutReachesRunnerLog({ GITHUB_ACTIONS: 'false' }, () => false)).toBe(false)
    expect(stdoutReachesRunnerLog({ GITHUB_ACTIONS: 'true' }, () => false)).toBe(true)
    expect(stdoutReachesRunnerLog({ GITHUB_ACTIONS: 'true' }, () => true)).toBe(false)
    const unknown = () => {
      throw new Error('EBADF')
    }
    expect(stdoutReachesRunnerLog({ GITHUB_ACTIONS: 'true' }, unknown)).toBe(true)
  })
})
