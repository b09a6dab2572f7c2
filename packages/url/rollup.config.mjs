import { packageConfig } from '../../rollup.config.mjs'

// Besides the per-module build for bundlers, a single-file build for Node (`dist/node/`, export condition
// `node`): Node does not tree-shake, and each extra module file costs it start-up time.
export default packageConfig(import.meta.dirname, undefined, { nodeBuild: { index: 'src/index.ts' } })
