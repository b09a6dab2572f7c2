/** Operations that ImageKit's spec file does not describe (Prism cannot serve them; differential tests cover them). */
export const NOT_IN_SPEC: readonly string[] = [
  'createNamedTransformation',
  'deleteNamedTransformation',
  'getNamedTransformation',
  'getUsageAnalytics',
  'listNamedTransformations',
  'updateNamedTransformation',
]
