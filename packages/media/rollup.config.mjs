import { readdirSync } from 'node:fs'
import { packageConfig } from '../../rollup.config.mjs'

// Entry points: the root, the registry, the codecs, and one per group of operations (src/groups/<group>.ts,
// served as `@imagekit-fp/media/<group>`).
const groups = readdirSync(new URL('src/groups', import.meta.url))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -'.ts'.length))

// The codecs and the groups only re-export what the root exports: their declarations re-export the root's.
const reexports = {
  codecs: 'src/codecs.ts',
  ...Object.fromEntries(groups.map((g) => [`groups/${g}`, `src/groups/${g}.ts`])),
}

// The internal helpers come from utils (`@imagekit-fp/utils/shared`), which the transport already brings:
// one copy of each in a user's bundle.
export default packageConfig(
  import.meta.dirname,
  { index: 'src/index.ts', operations: 'src/operations.ts', bulk: 'src/bulk.ts', ...reexports },
  { reexports, internalFrom: '@imagekit-fp/utils/shared' },
)
