/**
 * Output that reaches a GitHub Actions job log without running workflow commands.
 *
 * The runner reads every line a step prints and runs the ones that parse as workflow commands
 * (actions/runner: OutputManager.OnDataReceived, ActionCommandManager.TryProcessCommand):
 *
 * - `::name key=value::data` when the line, after leading white space, starts with `::`
 *   (ActionCommand.TryParseV2);
 * - `##[name key=value;]data` anywhere in the line (ActionCommand.TryParse).
 *
 * Our reports quote dataset labels, URIs and file names, so a label such as `::add-mask::…` or
 * `##[set-output name=x;]…` would be run (hide log text, fake annotations, set outputs).
 *
 * `::stop-commands::<token>` makes the runner ignore every command, of both syntaxes, until a
 * command named `<token>` (`::<token>::` or `##[<token>]`) appears. With a fresh random token that
 * the text itself does not contain, nothing in the text can end the block early, whatever it holds.
 */
import { randomUUID } from 'node:crypto'
import { fstatSync } from 'node:fs'

/**
 * Names the runner refuses as a stop token (ActionCommandManager.ValidateStopToken: a registered
 * command, `pause-logging`, or empty), because such a token would end the block too early.
 */
const REFUSED_TOKENS = new Set([
  'stop-commands',
  'internal-set-repo-path',
  'set-env',
  'set-output',
  'save-state',
  'add-path',
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
  'pause-logging'
])

/** 128 random bits as 32 hex digits: no one can guess it to end the block. */
export function randomStopToken(): string {
  return randomUUID().replace(/-/g, '')
}

/**
 * `body` between `::stop-commands::<token>` and `::<token>::`, each on its own line, so the runner
 * prints every line of it and runs none. `nextToken` is asked again while its token is unusable:
 * one the runner would refuse, or one the body contains (the runner compares command names
 * ignoring case, so the check does too).
 */
export function guardForRunnerLog(body: string, nextToken: () => string = randomStopToken): string {
  const token = tokenAbsentFrom(body, nextToken)
  // The resume command must start its own line: TryParseV2 only sees `::` at the start of one.
  const lines = body === '' || body.endsWith('\n') ? body : `${body}\n`
  return `::stop-commands::${token}\n${lines}::${token}::\n`
}

function tokenAbsentFrom(body: string, nextToken: () => string): string {
  const folded = body.toLowerCase()
  for (let attempt = 0; attempt < 100; attempt++) {
    const token = nextToken()
    if (isUsableToken(token) && !folded.includes(token.toLowerCase())) return token
  }
  throw new Error('could not find a stop-commands token that the output does not contain')
}

/** Letters, digits and hyphens only, so the token means the same to both command syntaxes. */
function isUsableToken(token: string): boolean {
  return /^[A-Za-z0-9-]{8,}$/.test(token) && !REFUSED_TOKENS.has(token.toLowerCase())
}

/**
 * Whether what the CLI writes to stdout ends up in a job log: inside GitHub Actions, unless stdout
 * is redirected to a file (`> report.json`, `>> $GITHUB_STEP_SUMMARY`), whose content must stay
 * exactly the report. A pipe is treated as the log: the runner reads a step's output from one.
 */
export function stdoutReachesRunnerLog(
  env: NodeJS.ProcessEnv = process.env,
  stdoutIsFile: () => boolean = () => fstatSync(1).isFile()
): boolean {
  if (env.GITHUB_ACTIONS !== 'true') return false
  try {
    return !stdoutIsFile()
  } catch {
    return true
  }
}

/**
 * JSON text from which the runner runs no command, with the same value, so it can still be piped
 * to another program. JSON.stringify escapes line breaks inside strings and starts every line with
 * indentation and a JSON token, so no line starts with `::`; the only way left is `##[`, which
 * can only occur inside a string (`#` is not JSON syntax) and is written `##\u005b` there.
 */
export function escapeJsonForRunnerLog(json: string): string {
  return json.replace(/##\[/g, '##\\u005b')
}
