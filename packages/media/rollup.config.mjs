import { packageConfig } from '../../rollup.config.mjs'

export default packageConfig(import.meta.dirname, {
  index: 'src/index.ts',
  operations: 'src/operations.ts',
  bulk: 'src/bulk.ts',
})
