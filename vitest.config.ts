import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}`, import.meta.url))

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@imagekit-fp\/upload\/node$/, replacement: src('upload/src/node.ts') },
      { find: /^@imagekit-fp\/testing\/node$/, replacement: src('testing/src/node.ts') },
      { find: /^@imagekit-fp\/media\/(operations|codecs|bulk)$/, replacement: src('media/src/$1.ts') },
      {
        find: /^@imagekit-fp\/media\/(files|versions|metadata|folders|cache|customMetadata|savedExtensions|namedTransformations|account)$/,
        replacement: src('media/src/groups/$1.ts'),
      },
      { find: /^@imagekit-fp\/utils\/http$/, replacement: src('utils/src/http.ts') },
      { find: /^@imagekit-fp\/utils\/webhook$/, replacement: src('utils/src/webhook.ts') },
      { find: /^@imagekit-fp\/utils\/codec$/, replacement: src('utils/src/codec.ts') },
      {
        find: /^@imagekit-fp\/(internal|utils|url|upload|media|testing|cli)$/,
        replacement: src('$1/src/index.ts'),
      },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Outer bounds for a stuck test, not speed checks: generous, because CI runs on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
})
