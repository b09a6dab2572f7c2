import { packageConfig } from '../../rollup.config.mjs'

export default packageConfig(import.meta.dirname)
