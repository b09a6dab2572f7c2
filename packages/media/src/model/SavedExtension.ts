import * as t from 'io-ts'
import { Scalar } from './CustomMetadataField'

const AITaskAction = /*#__PURE__*/ t.partial({
  add_tags: /*#__PURE__*/ t.array(t.string),
  remove_tags: /*#__PURE__*/ t.array(t.string),
  set_metadata: /*#__PURE__*/ t.array(
    /*#__PURE__*/ t.type({
      field: t.string,
      value: /*#__PURE__*/ t.union([Scalar, /*#__PURE__*/ t.array(Scalar)]),
    }),
  ),
  unset_metadata: /*#__PURE__*/ t.array(/*#__PURE__*/ t.type({ field: t.string })),
})

const Selections = { min_selections: t.number, max_selections: t.number }

const AITask = /*#__PURE__*/ t.union([
  /*#__PURE__*/ t.intersection([
    /*#__PURE__*/ t.type({ type: /*#__PURE__*/ t.literal('select_tags'), instruction: t.string }),
    /*#__PURE__*/ t.partial({ vocabulary: /*#__PURE__*/ t.array(t.string), ...Selections }),
  ]),
  /*#__PURE__*/ t.intersection([
    /*#__PURE__*/ t.type({
      type: /*#__PURE__*/ t.literal('select_metadata'),
      instruction: t.string,
      field: t.string,
    }),
    /*#__PURE__*/ t.partial({ vocabulary: /*#__PURE__*/ t.array(Scalar), ...Selections }),
  ]),
  /*#__PURE__*/ t.intersection([
    /*#__PURE__*/ t.type({ type: /*#__PURE__*/ t.literal('yes_no'), instruction: t.string }),
    /*#__PURE__*/ t.partial({ on_yes: AITaskAction, on_no: AITaskAction, on_unknown: AITaskAction }),
  ]),
])

/**
 * One extension's configuration, as a saved extension holds it (the spec's `ExtensionConfig`): background
 * removal (`remove-bg`), auto tagging (`google-auto-tagging`, `aws-auto-tagging`), auto description
 * (`ai-auto-description`) or AI tasks (`ai-tasks`: `select_tags`, `select_metadata`, `yes_no`).
 *
 * @example
 * import { ExtensionConfig } from '@imagekit-fp/media'
 *
 * ExtensionConfig.is({ name: 'google-auto-tagging', minConfidence: 80, maxTags: 10 }) // true
 * @since 0.1.0
 * @category codecs
 */
export const ExtensionConfig = /*#__PURE__*/ t.union(
  [
    /*#__PURE__*/ t.intersection([
      /*#__PURE__*/ t.type({ name: /*#__PURE__*/ t.literal('remove-bg') }),
      /*#__PURE__*/ t.partial({
        options: /*#__PURE__*/ t.partial({
          add_shadow: t.boolean,
          semitransparency: t.boolean,
          bg_color: t.string,
          bg_image_url: t.string,
        }),
      }),
    ]),
    /*#__PURE__*/ t.type({
      name: /*#__PURE__*/ t.keyof({ 'google-auto-tagging': null, 'aws-auto-tagging': null }),
      minConfidence: t.number,
      maxTags: t.number,
    }),
    /*#__PURE__*/ t.type({ name: /*#__PURE__*/ t.literal('ai-auto-description') }),
    /*#__PURE__*/ t.type({ name: /*#__PURE__*/ t.literal('ai-tasks'), tasks: /*#__PURE__*/ t.array(AITask) }),
  ],
  'ExtensionConfig',
)
/**
 * @since 0.1.0
 * @category model
 */
export type ExtensionConfig = t.TypeOf<typeof ExtensionConfig>

/**
 * A saved extension: an {@link ExtensionConfig} stored under an `id`, which upload and `updateFileDetails`
 * can name as `{ name: 'saved-extension', id }`. Every field is optional, as in the spec.
 *
 * @example
 * import { SavedExtension } from '@imagekit-fp/media'
 *
 * SavedExtension.is({ id: 'ext_abc123', name: 'Describe', config: { name: 'ai-auto-description' } }) // true
 * @since 0.1.0
 * @category codecs
 */
export const SavedExtension = /*#__PURE__*/ t.partial(
  {
    id: t.string,
    name: t.string,
    description: t.string,
    config: ExtensionConfig,
    createdAt: t.string,
    updatedAt: t.string,
  },
  'SavedExtension',
)
/**
 * @since 0.1.0
 * @category model
 */
export type SavedExtension = t.TypeOf<typeof SavedExtension>
