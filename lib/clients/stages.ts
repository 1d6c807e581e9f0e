import { clientStages } from '@/db/schema';

export type ClientStage = (typeof clientStages)[number];

export const clientStageLabels: Record<ClientStage, string> = {
  intake: 'Intake',
  goal_set: 'Goal set',
  plan_active: 'Plan active',
  in_training: 'In training',
  credential_earned: 'Credential earned',
  employed: 'Employed',
};

/** Stages only move forward: a later event never sends a client back down the funnel. */
export const laterStage = (current: ClientStage, proposed: ClientStage): ClientStage =>
  clientStages.indexOf(proposed) > clientStages.indexOf(current) ? proposed : current;
