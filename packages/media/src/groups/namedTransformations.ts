// `@imagekit-fp/media/namedTransformations`: the named transformations (a namespace import, see ./files.ts).
export { listNamedTransformations } from '../listNamedTransformations'
export { getNamedTransformation } from '../getNamedTransformation'
export { createNamedTransformation } from '../createNamedTransformation'
export { updateNamedTransformation } from '../updateNamedTransformation'
export { deleteNamedTransformation } from '../deleteNamedTransformation'
