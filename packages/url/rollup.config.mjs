import { packageConfig } from '../../rollup.config.mjs'

// Besides the per-module build for bundlers, a single-file build for Node (`dist/node/`, export condition
// `node`): Node does not tree-shake, and each extra module file or package resolution costs it start-up time,
// so that build also carries the two utils functions url calls (`validationError`, `hmacSha1Hex`).
export default packageConfig(import.meta.dirname, undefined, {
  nodeBuild: { index: 'src/index.ts' },
  nodeInline: { '@imagekit-fp/utils': '../utils/dist/node/index.js' },
})
