// The one-copy lint (eslint.config.mjs, no-restricted-syntax): the packages import the shared helpers from
// @imagekit-fp/internal and write no copy of their own (http/internal/plan.ts once had three).
import { ESLint } from 'eslint'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const eslint = new ESLint({ cwd: root })
const MESSAGE = 'A shared helper: import it from @imagekit-fp/internal instead of writing another copy.'

/** The one-copy messages ESLint gives `code` as if it were the file `file`. */
const problems = async (file: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return result!.messages.filter((m) => m.message === MESSAGE).map((m) => `${m.line}:${m.column}`)
}

const copy =
  "const isObject = (u: unknown): u is object => typeof u === 'object' && u !== null\nexport const x = isObject\n"

describe('shared helpers lint', () => {
  it.each([
    ['packages/utils/src/http/internal/plan.ts', copy, '1:7'],
    ['packages/upload/src/x.ts', 'export const readNow = (): number => Date.now()\n', '1:14'],
    ['packages/url/src/x.ts', 'export const encodeBase64 = (b: Uint8Array): string => String(b)\n', '1:14'],
    [
      'packages/media/src/internal/x.ts',
      'export const isRecord = (u: unknown): boolean => u !== null\n',
      '1:14',
    ],
  ])('refuses a copy in %s', async (file, code, at) => {
    expect(await problems(file, code)).toStrictEqual([at])
  })

  it('allows the helpers in packages/internal, tests and an import', async () => {
    expect(await problems('packages/internal/src/x.ts', copy)).toStrictEqual([])
    expect(await problems('packages/utils/src/x.test.ts', copy)).toStrictEqual([])
    expect(
      await problems(
        'packages/utils/src/x.ts',
        "import { isObject } from '@imagekit-fp/internal'\nexport const x = isObject\n",
      ),
    ).toStrictEqual([])
  })
})
