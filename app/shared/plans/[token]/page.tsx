import type { Metadata } from 'next';
import { isAppError } from '@/lib/errors';
import { getSharedPlan } from '@/lib/plans/plan-share';
import { Alert } from '../../../_components/alert';
import { PlanDocument } from '../../../_components/plan-document';
import { PrintButton } from '../../../_components/print-button';

// The token in the address is the only key to the plan: keep it out of search engines and other sites' logs.
export const metadata: Metadata = { title: 'Shared plan', robots: { index: false, follow: false }, referrer: 'no-referrer' };

export default async function SharedPlanPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let shared;
  try {
    shared = await getSharedPlan(token);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-4 text-2xl font-bold">This plan can’t be shown</h1>
        <Alert tone="error">{error.message}</Alert>
      </div>
    );
  }
  const byline = `Shared by ${shared.orgName ?? 'a career service'} · expires ${shared.expiresAt.toISOString().slice(0, 10)}`;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <p className="text-sm text-slate-700">A read-only copy of a training plan, shared with you by link.</p>
        <PrintButton />
      </div>
      <PlanDocument details={shared.details} byline={byline} />
    </div>
  );
}
