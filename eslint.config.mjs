import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import jsdoc from 'eslint-plugin-jsdoc'
import globals from 'globals'
import { plugin as imagekitFp } from './scripts/eslint/layering.mjs'

const restrictedImports = {
  patterns: [
    {
      group: ['fp-ts/*'],
      message:
        "Import fp-ts from the package root: import { either as E } from 'fp-ts' (subpaths break Node ESM or bloat bundles).",
    },
    {
      group: ['io-ts/*'],
      message:
        "Import io-ts from the package root: import * as t from 'io-ts' (io-ts/PathReporter breaks Node ESM).",
    },
  ],
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '.tmp/**', 'docs/api/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': ['error', restrictedImports],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'No default exports in packages.' },
      ],
    },
  },
  {
    // One copy of each shared helper (see CONTRIBUTING.md, Layout): the packages import these from @imagekit-fp/internal
    // and never write their own.
    files: ['packages/{url,upload,media,utils}/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-d.ts', '**/test-support/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'No default exports in packages.' },
        {
          selector:
            'VariableDeclarator[id.name=/^(isObject|isRecord|isArray|isFunction|isInstance|readProp|boundedLength|encodeBase64|base64Utf8|isBase64|readNow|checkExpire)$/]',
          message: 'A shared helper: import it from @imagekit-fp/internal instead of writing another copy.',
        },
      ],
    },
  },
  {
    // Layering (docs/DESIGN.md, Packages) and declared imports, for every file of every package, tests included: the vitest and
    // tsconfig aliases resolve any @imagekit-fp name, so only this catches a wrong or undeclared import.
    files: ['packages/*/src/**/*.ts'],
    plugins: { 'imagekit-fp': imagekitFp },
    rules: { 'imagekit-fp/layering': 'error', 'imagekit-fp/declared-imports': 'error' },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    plugins: { jsdoc },
    rules: {
      'no-console': 'error',
      'jsdoc/check-tag-names': ['error', { definedTags: ['category', 'since'] }],
      // Every export gets a doc comment (CONTRIBUTING.md): functions however they are written (declarations, arrow
      // functions, function expressions) and exported consts (codecs, tables), types and interfaces.
      'jsdoc/require-jsdoc': [
        'error',
        {
          publicOnly: true,
          require: {
            FunctionDeclaration: true,
            ArrowFunctionExpression: true,
            FunctionExpression: true,
          },
          // Top-level consts only (`export const x`, or `const x` exported later), not those inside a function.
          contexts: [
            'Program > VariableDeclaration',
            'Program > ExportNamedDeclaration > VariableDeclaration',
            'TSInterfaceDeclaration',
            'TSTypeAliasDeclaration',
            'TSEnumDeclaration',
          ],
        },
      ],
    },
  },
  {
    // Small functions and files in the packages' sources (tests aside): see CONTRIBUTING.md, Layout.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-d.ts', '**/test-support/**'],
    rules: {
      complexity: ['error', 20],
      'max-lines-per-function': ['error', { max: 80 }],
      'max-lines': ['error', { max: 400 }],
    },
  },
  {
    files: [
      '**/*.mjs',
      '*.config.ts',
      'scripts/**',
      'sample/**',
      '**/rollup.config.mjs',
      'eslint.config.mjs',
    ],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-imports': 'off' },
  },
)
