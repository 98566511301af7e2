import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

/**
 * The pipeline's import direction (ARCHITECTURE.md): each folder names the folders it must not
 * import from, so a change cannot quietly make a stage depend on a later one.
 *   model <- rules <- config;  read -> model, config;  analyze -> read;  judge -> analyze, rules;
 *   report -> model, rules;  publish -> report, config, read;  gate/ (orchestration) -> all stages;
 *   repair/ -> model, rules, config, read, analyze, judge (nothing but the shells imports it);
 *   the shells (cli.ts, cli-repair.ts, main.ts) -> everything.
 */
const STAGES = [
  'rules',
  'config',
  'read',
  'analyze',
  'judge',
  'report',
  'publish',
  'storage',
  'repair',
  'gate'
]
const SHELLS = ['cli', 'cli-paths', 'cli-repair', 'main', 'index']

function forbid(folder, allowed) {
  const stages = STAGES.filter(stage => stage !== folder && !allowed.includes(stage))
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...stages.map(stage => `**/${stage}/*`),
                ...(folder === 'gate' ? [] : ['**/gate.js']),
                ...SHELLS.map(shell => `**/${shell}.js`)
              ],
              message: `src/${folder}/ may import only from ${['model', ...allowed].join(', ')} (see ARCHITECTURE.md).`
            }
          ]
        }
      ]
    }
  }
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      'no-control-regex': 'off'
    }
  },
  {
    // Files a person can read in one sitting (issue "One stage per module").
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 450 }],
      'max-lines-per-function': ['error', { max: 80 }],
      'no-restricted-properties': [
        'error',
        {
          property: 'toLocaleString',
          message: 'Use formatCount (display.ts): toLocaleString loads ICU locale data, ~7 MB.'
        }
      ]
    }
  },
  {
    files: ['src/model.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['./*', '../*'], message: 'model.ts imports nothing.' }] }
      ]
    }
  },
  forbid('rules', []),
  forbid('config', ['rules']),
  forbid('read', ['rules', 'config']),
  forbid('analyze', ['rules', 'config', 'read']),
  forbid('judge', ['rules', 'config', 'read', 'analyze']),
  forbid('report', ['rules']),
  forbid('publish', ['rules', 'config', 'read', 'report']),
  forbid('storage', ['rules', 'config', 'read']),
  // repair/ plans edits from the data and the findings; only the shells call it.
  forbid('repair', ['rules', 'config', 'read', 'analyze', 'judge']),
  forbid('gate', ['rules', 'config', 'read', 'analyze', 'judge', 'storage'])
)
