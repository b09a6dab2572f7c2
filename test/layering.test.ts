// The layering lint (scripts/eslint/layering.mjs) run on sample sources, as `npm test`'s lint step runs it.
import { ESLint } from 'eslint'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const eslint = new ESLint({ cwd: root })

/** The layering and declared-import messages ESLint gives `code` as if it were the file `file`. */
const problems = async (file: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return result!.messages
    .filter((m) => m.ruleId?.startsWith('imagekit-fp/'))
    .map((m) => `${m.ruleId}: ${m.message}`)
}

describe('layering lint', () => {
  it.each([
    ['packages/url/src/x.ts', "import { upload } from '@imagekit-fp/upload'\nexport const x = upload\n"],
    ['packages/upload/src/x.ts', "import { buildUrl } from '@imagekit-fp/url'\nexport const x = buildUrl\n"],
    ['packages/media/src/x.ts', "import { buildUrl } from '@imagekit-fp/url'\nexport const x = buildUrl\n"],
    ['packages/media/src/x.ts', "export { upload } from '@imagekit-fp/upload'\n"],
    ['packages/utils/src/x.ts', "import { buildUrl } from '@imagekit-fp/url'\nexport const x = buildUrl\n"],
    ['packages/utils/src/x.ts', "export const x = () => import('@imagekit-fp/upload')\n"],
    ['packages/internal/src/x.ts', "export { validationError } from '@imagekit-fp/utils'\n"],
  ])('refuses, in %s: %j', async (file, code) => {
    const found = await problems(file, code)
    expect(found.some((m) => m.startsWith('imagekit-fp/layering: packages/'))).toBe(true)
  })

  it('names the allowed packages in its message', async () => {
    expect(
      await problems(
        'packages/url/src/x.ts',
        "import { upload } from '@imagekit-fp/upload'\nexport const x = upload\n",
      ),
    ).toContain(
      'imagekit-fp/layering: packages/url may not import @imagekit-fp/upload (allowed: @imagekit-fp/internal, @imagekit-fp/utils).',
    )
  })

  it('refuses a relative import that leaves the package', async () => {
    expect(
      await problems('packages/url/src/x.ts', "export { validationError } from '../../utils/src/errors'\n"),
    ).toContain(
      "imagekit-fp/layering: '../../utils/src/errors' leaves packages/url: import the package by its name.",
    )
  })

  it.each([
    ['packages/url/src/x.ts', "export { validationError } from '@imagekit-fp/utils'\n"],
    ['packages/url/src/x.ts', "export { left } from '@imagekit-fp/internal'\n"],
    ['packages/upload/src/x.ts', "export { request } from '@imagekit-fp/utils/http'\n"],
    ['packages/media/src/x.ts', "export { request } from '@imagekit-fp/utils/http'\n"],
    ['packages/testing/src/x.ts', "export { upload } from '@imagekit-fp/upload'\n"],
    ['packages/upload/src/x.test.ts', "export { certificate } from '../../../test/support/certificate'\n"],
  ])('allows, in %s: %j', async (file, code) => {
    expect((await problems(file, code)).filter((m) => m.includes('layering'))).toStrictEqual([])
  })
})

describe('declared-imports lint', () => {
  it('refuses a dependency the package does not declare, which the aliases would still resolve', async () => {
    expect(await problems('packages/url/src/x.ts', "export { default } from 'ky'\n")).toContain(
      "imagekit-fp/declared-imports: 'ky' is not declared in packages/url/package.json: the aliases would resolve it in tests, the published package would not.",
    )
  })

  it('lets a test use the root devDependencies, but not an undeclared workspace package', async () => {
    expect(
      await problems('packages/url/src/x.test.ts', "import fc from 'fast-check'\nexport { fc }\n"),
    ).toStrictEqual([])
    expect(
      await problems('packages/url/src/x.test.ts', "export { upload } from '@imagekit-fp/upload'\n"),
    ).toContain(
      "imagekit-fp/declared-imports: '@imagekit-fp/upload' is not declared in packages/url/package.json (nor, for a test, in the root devDependencies): the aliases would resolve it in tests, the published package would not.",
    )
  })

  it('accepts the declared dependencies and Node builtins', async () => {
    const code = "export { default as ky } from 'ky'\nexport { readFile } from 'node:fs/promises'\n"
    expect(await problems('packages/utils/src/x.ts', code)).toStrictEqual([])
  })
})
