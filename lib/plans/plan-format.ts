import { formatMoney } from '@/lib/catalog/currency';
import type { PlanCost, TimelineEntry } from './plan-calculations';
import type { StepProgramState } from './plan-details';

/* Wording shared by the printable plan and its PDF, so both say the same thing. */

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The plan's cost in one line: the single currency's sum, or the EUR estimate with the sum per currency. */
export function planCostSummary(cost: PlanCost): string {
  const total = cost.isMixedCurrency
    ? `≈ ${formatMoney(cost.eur, 'EUR')} (${cost.byCurrency.map((c) => formatMoney(c.amount, c.currency)).join(' + ')}, in EUR at reference rates)`
    : cost.byCurrency[0]
      ? formatMoney(cost.byCurrency[0].amount, cost.byCurrency[0].currency)
      : formatMoney(cost.eur, 'EUR');
  return cost.unpricedSteps ? `${total}; ${cost.unpricedSteps} without a stated price` : total;
}

/** Why a step's program can no longer be opened, if it cannot. */
export const programStateNote: Record<StepProgramState, string | null> = {
  published: null,
  archived: 'Archived by its provider',
  unavailable: 'No longer available',
};

/** A step's dates as laid out on the timeline; estimated dates are marked. */
export function stepDates(entry: TimelineEntry | undefined): string {
  if (!entry) return 'Dropped: not scheduled';
  const start = `${entry.start}${entry.isStartEstimated ? ' (est.)' : ''}`;
  const end = entry.end ? `${entry.end}${entry.isEndEstimated ? ' (est.)' : ''}` : 'length unknown';
  return `${start} – ${end}`;
}

export const quantity = (value: number | null, unit: string) => (value === null ? 'Not stated' : `${value} ${unit}`);
