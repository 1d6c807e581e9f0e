import type { PlanStepStatus } from '@/db/schema';

/** Labels of plan values for the UI (no server imports, so client components can use them). */
export const planStepStatusLabels: Record<PlanStepStatus, string> = {
  planned: 'Planned',
  enrolled: 'Enrolled',
  in_progress: 'In progress',
  completed: 'Completed',
  dropped: 'Dropped',
};
