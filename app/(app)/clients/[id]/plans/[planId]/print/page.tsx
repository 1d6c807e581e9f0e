import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/lib/auth/session';
import { getPlan } from '@/lib/plans/plan-details';
import { buttonClass } from '../../../../../../_components/button';
import { loadForPage } from '../../../../../../_components/load-for-page';
import { PlanDocument } from '../../../../../../_components/plan-document';
import { PrintButton } from '../../../../../../_components/print-button';

export const metadata: Metadata = { title: 'Printable plan' };

type PageProps = { params: Promise<{ id: string; planId: string }> };

export default async function PrintablePlanPage({ params }: PageProps) {
  const { id, planId } = await params;
  const planPath = `/clients/${encodeURIComponent(id)}/plans/${encodeURIComponent(planId)}`;
  const actor = await requirePageActor('clients:manage', `${planPath}/print`);
  const details = await loadForPage(() => getPlan(actor, planId));
  if (details.client.id !== id) notFound();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <nav className="flex flex-wrap items-center gap-3 print:hidden" aria-label="Plan actions">
        <Link href={planPath} className="text-brand-700 underline">
          ← Back to the plan
        </Link>
        <span className="flex-1" />
        {/* A plain link, not next/link: the PDF is a download, not a page. */}
        <a href={`/api/v1/plans/${details.plan.id}/pdf`} className={buttonClass('secondary')} download>
          Download PDF
        </a>
        <PrintButton />
      </nav>
      <PlanDocument details={details} byline={`Generated ${new Date().toISOString().slice(0, 10)}`} />
    </div>
  );
}
