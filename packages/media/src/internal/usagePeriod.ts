// The `startDate`/`endDate` query of getUsage and getUsageAnalytics: two calendar dates less than 90 days
// apart, as both endpoints document ("The difference between startDate and endDate should be less than 90
// days"; the spec's 400 says "startDate and endDate should be within 90 days").
import { date, need, type Field } from './validate'

const DAY = 86_400_000

/** The period read by `field`; `sameDay` allows `endDate === startDate` (an inclusive range). */
export const usagePeriod = <I>(read: Field<I>, sameDay: boolean): { startDate: string; endDate: string } => {
  const field = read as unknown as Field
  const startDate = field('startDate', date)
  const endDate = field('endDate', date)
  const days = (Date.parse(endDate) - Date.parse(startDate)) / DAY
  need(
    sameDay ? days >= 0 : days > 0,
    'input.endDate',
    sameDay ? 'must not be before startDate' : 'must be after startDate',
  )
  need(days < 90, 'input.endDate', 'must be less than 90 days after startDate')
  return { startDate, endDate }
}
