// `@imagekit-fp/media/savedExtensions`: the saved extensions (a namespace import, as ./files.ts says).
export { listSavedExtensions } from '../listSavedExtensions'
export { getSavedExtension } from '../getSavedExtension'
export { createSavedExtension } from '../createSavedExtension'
export { updateSavedExtension } from '../updateSavedExtension'
export { deleteSavedExtension } from '../deleteSavedExtension'
