import { packageConfig } from '../../rollup.config.mjs'

// The internal helpers come from utils (`@imagekit-fp/utils/shared`), which the transport already brings:
// one copy of each in a user's bundle.
export default packageConfig(
  import.meta.dirname,
  { index: 'src/index.ts', node: 'src/node.ts' },
  { internalFrom: '@imagekit-fp/utils/shared' },
)
