import type { PlanStepStatus } from '@/db/schema';

/** Labels of plan values for the UI (no server imports, so client components can use them). */
export const planStepStatusLabels: Record<PlanStepStatus, string> = {
  planned: 'Planned',
  enrolled: 'Enrolled',
  in_progress: 'In progress',
  completed: 'Completed',
  dropped: 'Dropped',
};

/** Lifetimes offered for a read-only share link (the API takes any 1–90 days). */
export const planShareLinkExpiryDays = [7, 14, 30, 90] as const;
export const defaultPlanShareLinkExpiryDays = 14;
