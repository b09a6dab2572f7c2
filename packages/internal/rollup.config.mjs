import { internalConfig } from '../../rollup.config.mjs'

// ESM modules plus declarations only: this package is never published, only inlined into the others' builds.
export default internalConfig(import.meta.dirname)
