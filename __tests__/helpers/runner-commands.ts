/**
 * A port of how the GitHub Actions runner finds and runs workflow commands in a step's output, to
 * test what a job log would do with our output. Ported from actions/runner at commit
 * 258d6c857db3519913f7deb6004b60172f8043ae:
 *
 * - src/Runner.Sdk/ProcessInvoker.cs, StartReadStream: output is read with StreamReader.ReadLine,
 *   so a line ends at `\n`, `\r` or `\r\n`;
 * - src/Runner.Worker/Handlers/OutputManager.cs, OnDataReceived: a non-empty line containing `##[`
 *   or `::` goes to ActionCommandManager.TryProcessCommand; if that returns false it is logged;
 * - src/Runner.Common/ActionCommand.cs, TryParseV2 (`::name k=v,k=v::data`) and TryParse
 *   (`##[name k=v;k=v]data`), tried in that order, both only for registered command names;
 * - src/Runner.Worker/ActionCommandManager.cs, TryProcessCommand and ValidateStopToken: the
 *   stop-commands state machine;
 * - src/Runner.Common/ExtensionManager.cs, LoadExtensions, with ActionCommandManager.Initialize:
 *   the registered command names.
 *
 * The runner compares `::`/`##[` with culture-sensitive String.StartsWith/IndexOf, which under ICU
 * skip a few ignorable code points (a soft hyphen, for one); the port compares ordinally. The
 * command name itself is matched ordinally ignoring case (HashSet with OrdinalIgnoreCase) in both.
 */

/**
 * ActionCommandManager.Initialize registers `stop-commands` and every command extension that
 * ExtensionManager.LoadExtensions lists, except `internal-set-repo-path` (only while a runner
 * plugin runs, EnablePluginInternalCommand).
 */
export const REGISTERED_COMMANDS: readonly string[] = [
  'stop-commands',
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
  'echo'
]

export interface ActionCommand {
  command: string
  properties: Record<string, string>
  data: string
}

/** A HashSet<string> with StringComparer.OrdinalIgnoreCase (ASCII names: lower-casing suffices). */
export class CommandNames {
  private readonly names = new Set<string>()
  constructor(names: readonly string[]) {
    for (const name of names) this.add(name)
  }
  add(name: string): void {
    this.names.add(name.toLowerCase())
  }
  remove(name: string): void {
    this.names.delete(name.toLowerCase())
  }
  has(name: string): boolean {
    return this.names.has(name.toLowerCase())
  }
}

/** StreamReader.ReadLine: lines end at `\r\n`, `\r` or `\n`; no empty line after a final break. */
export function readLines(output: string): string[] {
  const lines = output.split(/\r\n|\r|\n/)
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

/**
 * String.TrimStart() trims what Char.IsWhiteSpace accepts: Unicode White_Space, which includes
 * U+0085 (NEL) but not U+FEFF, unlike JavaScript's trimStart.
 */
const DOTNET_LEADING_WHITE_SPACE =
  /^[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/

/** The escapes ActionCommand un-does, in its order (_escapeMappings and friends). */
const UNESCAPE_V1: [string, string][] = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%']
]
const UNESCAPE_DATA: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%']
]
const UNESCAPE_PROPERTY: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%']
]

function unescape(text: string, mappings: [string, string][]): string {
  return mappings.reduce((value, [from, to]) => value.split(from).join(to), text)
}

/**
 * String.Split(separator, StringSplitOptions.RemoveEmptyEntries) then Split('=', count: 2,
 * RemoveEmptyEntries): pairs with both halves non-empty become properties.
 */
function parseProperties(
  text: string,
  separator: string,
  mappings: [string, string][]
): Record<string, string> {
  const properties: Record<string, string> = {}
  for (const property of text.split(separator).filter(p => p !== '')) {
    const at = property.indexOf('=')
    // Split('=', 2, RemoveEmptyEntries) on "=x" gives ["x"] and on "k=" gives ["k"]: no pair.
    const pair = at < 0 ? [property] : [property.slice(0, at), property.slice(at + 1)]
    const kept = pair.filter(p => p !== '')
    if (kept.length === 2) properties[kept[0]!.toLowerCase()] = unescape(kept[1]!, mappings)
  }
  return properties
}

/** ActionCommand.TryParseV2: `::name k=v,k=v::data` once leading white space is trimmed. */
export function tryParseV2(message: string, registered: CommandNames): ActionCommand | null {
  if (message === '') return null
  const trimmed = message.replace(DOTNET_LEADING_WHITE_SPACE, '')
  if (!trimmed.startsWith('::')) return null
  const endIndex = trimmed.indexOf('::', 2)
  if (endIndex < 0) return null
  const info = trimmed.slice(2, endIndex)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (!registered.has(command)) return null
  const properties =
    space > 0 ? parseProperties(info.slice(space + 1).trim(), ',', UNESCAPE_PROPERTY) : {}
  return { command, properties, data: unescape(trimmed.slice(endIndex + 2), UNESCAPE_DATA) }
}

/** ActionCommand.TryParse: `##[name k=v;k=v]data` anywhere in the line. */
export function tryParse(message: string, registered: CommandNames): ActionCommand | null {
  if (message === '') return null
  const prefixIndex = message.indexOf('##[')
  if (prefixIndex < 0) return null
  const bracket = message.indexOf(']', prefixIndex)
  if (bracket < 0) return null
  const info = message.slice(prefixIndex + 3, bracket)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (!registered.has(command)) return null
  const properties = space > 0 ? parseProperties(info.slice(space + 1), ';', UNESCAPE_V1) : {}
  return { command, properties, data: unescape(message.slice(bracket + 1), UNESCAPE_V1) }
}

export interface RunnerOutcome {
  /** Commands the runner would run (stop-commands and its resume are not in this list). */
  executed: (ActionCommand & { line: number })[]
  /** The tokens of stop-commands blocks, in order. */
  stopTokens: string[]
  /** Lines (1-based) that resumed command processing. */
  resumedAt: number[]
  /** Whether processing is still stopped at the end of the output. */
  stillStopped: boolean
}

export interface RunnerOptions {
  /** `DistributedTask.EnhancedAnnotations`; when false, `notice` is ignored. On at github.com. */
  enhancedAnnotations?: boolean
}

/**
 * What the runner does with `output`, line by line (OutputManager.OnDataReceived, then
 * ActionCommandManager.TryProcessCommand).
 */
export function runnerCommands(output: string, options: RunnerOptions = {}): RunnerOutcome {
  const registered = new CommandNames(REGISTERED_COMMANDS)
  const outcome: RunnerOutcome = {
    executed: [],
    stopTokens: [],
    resumedAt: [],
    stillStopped: false
  }
  let stopToken: string | null = null
  readLines(output).forEach((line, index) => {
    if (line === '' || !(line.includes('##[') || line.includes('::'))) return
    const command = tryParseV2(line, registered) ?? tryParse(line, registered)
    if (!command) return
    if (command.command === 'notice' && options.enhancedAnnotations === false) return
    if (stopToken !== null) {
      // While stopped, only a command named like the token counts: it resumes processing.
      if (command.command.toLowerCase() === stopToken.toLowerCase()) {
        registered.remove(stopToken)
        stopToken = null
        outcome.resumedAt.push(index + 1)
      }
      return
    }
    if (command.command.toLowerCase() === 'stop-commands') {
      validateStopToken(command.data, registered)
      stopToken = command.data
      registered.add(stopToken)
      outcome.stopTokens.push(stopToken)
      return
    }
    outcome.executed.push({ ...command, line: index + 1 })
  })
  outcome.stillStopped = stopToken !== null
  return outcome
}

/**
 * ActionCommandManager.ValidateStopToken: an empty token, `pause-logging` or a registered command
 * name fails the step (unless ACTIONS_ALLOW_UNSECURE_STOP_COMMAND_TOKENS, not modelled).
 */
function validateStopToken(token: string, registered: CommandNames): void {
  if (token === '' || registered.has(token) || token.toLowerCase() === 'pause-logging') {
    throw new Error(`the runner refuses the stop-commands token "${token}"`)
  }
}
