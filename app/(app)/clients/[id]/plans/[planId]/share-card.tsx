import type { Actor } from '@/lib/auth/actor';
import { listPlanShareLinks, type PlanShareLinkStatus } from '@/lib/plans/plan-share';
import { ActionForm } from '../../../../../_components/action-form';
import { buttonClass, LinkButton } from '../../../../../_components/button';
import { Badge, Card } from '../../../../../_components/layout-bits';
import { SubmitButton } from '../../../../../_components/submit-button';
import { revokeShareLinkAction } from './share-actions';
import { ShareLinkForm } from './share-link-form';

const statusBadges: Record<PlanShareLinkStatus, { label: string; tone: 'green' | 'slate' | 'red' }> = {
  active: { label: 'Active', tone: 'green' },
  expired: { label: 'Expired', tone: 'slate' },
  revoked: { label: 'Revoked', tone: 'red' },
};
const day = (date: Date) => date.toISOString().slice(0, 10);

/** Printing, the PDF and read-only links to the plan, with the links made so far and a way to revoke them. */
export async function ShareCard({ actor, clientId, planId }: { actor: Actor; clientId: string; planId: string }) {
  const links = await listPlanShareLinks(actor, planId);
  return (
    <Card title="Share">
      <div className="mb-4 flex flex-wrap gap-2">
        <LinkButton href={`/clients/${clientId}/plans/${planId}/print`} variant="secondary">
          Printable view
        </LinkButton>
        {/* A plain link, not next/link: the PDF is a download, not a page. */}
        <a href={`/api/v1/plans/${planId}/pdf`} className={buttonClass('secondary')} download>
          Download PDF
        </a>
      </div>
      <ShareLinkForm clientId={clientId} planId={planId} />
      {links.length ? (
        <>
          <h3 className="mt-5 mb-2 text-sm font-semibold text-slate-800">Read-only links</h3>
          <ul className="flex flex-col divide-y divide-slate-100 text-sm">
            {links.map((link) => (
              <li key={link.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <Badge tone={statusBadges[link.status].tone}>{statusBadges[link.status].label}</Badge>{' '}
                  {link.status === 'revoked' && link.revokedAt ? `revoked ${day(link.revokedAt)}` : `${link.status === 'expired' ? 'expired' : 'expires'} ${day(link.expiresAt)}`}
                  <span className="block text-slate-600">
                    Created {day(link.createdAt)}
                    {link.createdByName ? ` by ${link.createdByName}` : ''}
                  </span>
                </span>
                {link.status === 'active' ? (
                  <ActionForm action={revokeShareLinkAction} confirm="Revoke this link? Whoever has it will no longer see the plan.">
                    <input type="hidden" name="clientId" value={clientId} />
                    <input type="hidden" name="planId" value={planId} />
                    <input type="hidden" name="linkId" value={link.id} />
                    <SubmitButton variant="secondary" pendingLabel="Revoking…" aria-label={`Revoke the link created ${day(link.createdAt)}, expiring ${day(link.expiresAt)}`}>
                      Revoke
                    </SubmitButton>
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
