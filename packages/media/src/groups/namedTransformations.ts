// `@imagekit-fp/media/namedTransformations`: the named transformations (a namespace import, as ./files.ts says).
export { listNamedTransformations } from '../listNamedTransformations'
export { getNamedTransformation } from '../getNamedTransformation'
export { createNamedTransformation } from '../createNamedTransformation'
export { updateNamedTransformation } from '../updateNamedTransformation'
export { deleteNamedTransformation } from '../deleteNamedTransformation'
