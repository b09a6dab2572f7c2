import { describe, expectTypeOf, it } from 'vitest'
import type { Overlay, Transformation } from './Transformation'

describe('Transformation', () => {
  it('types known keys and keeps unknown keys open', () => {
    const t: Transformation = {
      width: 300,
      crop: 'at_max',
      format: 'custom',
      rndm_trnsf: 'abcd',
      aspect_ratio: '4-3',
    }
    expectTypeOf(t.width).toEqualTypeOf<number | string | null | undefined>()
    expectTypeOf(t['rndm_trnsf']).toEqualTypeOf<unknown>()
  })

  it('rejects wrong value types on known keys', () => {
    // @ts-expect-error width takes a number or a string
    const t: Transformation = { width: { a: 1 } }
    expectTypeOf(t).toMatchTypeOf<Transformation>()
  })

  it('discriminates overlays by type', () => {
    const o: Overlay = { type: 'text', text: 'Hi', position: { x: 0 }, transformation: [{ fontSize: 20 }] }
    expectTypeOf(o).toMatchTypeOf<Overlay>()
    // @ts-expect-error a text overlay needs its text
    const missing: Overlay = { type: 'text' }
    expectTypeOf(missing).toMatchTypeOf<Overlay>()
    // @ts-expect-error an image overlay takes input, not text
    const wrong: Overlay = { type: 'image', text: 'a' }
    expectTypeOf(wrong).toMatchTypeOf<Overlay>()
  })
})
