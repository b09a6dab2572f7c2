// The name of a named transformation, shared by createNamedTransformation and updateNamedTransformation.
import { text } from './validate'

/** Letters, digits and `_` (`@imagekit/nodejs` 7.11 documents the alphabet; it gives no length limit). */
export const transformationName = /*#__PURE__*/ text(1, Infinity, [
  /^\w+$/,
  'may only contain letters, digits and _',
])
