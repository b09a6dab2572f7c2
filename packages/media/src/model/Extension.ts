// The extensions `updateFileDetails` can run (the spec's `Extensions`), as input types.

/**
 * An action of a `yes_no` AI task.
 *
 * @since 0.1.0
 * @category model
 */
export interface AITaskAction {
  readonly add_tags?: readonly string[]
  readonly remove_tags?: readonly string[]
  readonly set_metadata?: readonly {
    readonly field: string
    readonly value: string | number | boolean | readonly (string | number | boolean)[]
  }[]
  readonly unset_metadata?: readonly { readonly field: string }[]
}

/**
 * One task of the `ai-tasks` extension.
 *
 * @since 0.1.0
 * @category model
 */
export type AITask =
  | {
      readonly type: 'select_tags'
      readonly instruction: string
      readonly vocabulary?: readonly string[]
      readonly min_selections?: number
      readonly max_selections?: number
    }
  | {
      readonly type: 'select_metadata'
      readonly instruction: string
      readonly field: string
      readonly vocabulary?: readonly (string | number | boolean)[]
      readonly min_selections?: number
      readonly max_selections?: number
    }
  | {
      readonly type: 'yes_no'
      readonly instruction: string
      readonly on_yes?: AITaskAction
      readonly on_no?: AITaskAction
      readonly on_unknown?: AITaskAction
    }

/**
 * An extension to run on a file: background removal, auto-tagging, AI description, AI tasks, or a saved
 * extension by id.
 *
 * @since 0.1.0
 * @category model
 */
export type Extension =
  | {
      readonly name: 'remove-bg'
      readonly options?: {
        readonly add_shadow?: boolean
        readonly semitransparency?: boolean
        readonly bg_color?: string
        readonly bg_image_url?: string
      }
    }
  | {
      readonly name: 'google-auto-tagging' | 'aws-auto-tagging'
      readonly minConfidence: number
      readonly maxTags: number
    }
  | { readonly name: 'ai-auto-description' }
  | { readonly name: 'ai-tasks'; readonly tasks: readonly AITask[] }
  | { readonly name: 'saved-extension'; readonly id: string }
