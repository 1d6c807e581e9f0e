import type { Metadata } from 'next';
import { orgKindLabels, roleLabels } from '@/lib/auth/roles';
import { can } from '@/lib/auth/actor';
import { requirePageActor } from '@/lib/auth/session';
import { listMyMemberships } from '@/lib/orgs/memberships';
import { Alert } from '../../_components/alert';
import { Button, LinkButton } from '../../_components/button';
import { Badge, Card, EmptyState, PageHeader } from '../../_components/layout-bits';
import { switchOrganisationAction } from './actions';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ welcome?: string; joined?: string }> }) {
  const actor = await requirePageActor('account:read', '/account');
  const { welcome, joined } = await searchParams;
  const memberships = await listMyMemberships(actor);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={`Hello, ${actor.name}`} description={actor.email ?? undefined} />
      {welcome ? <Alert tone="success" title="Your account is ready.">If you work for a career service, employer or training provider, create your organisation below or ask your admin for an invite link.</Alert> : null}
      {joined && actor.org ? <Alert tone="success">You joined {actor.org.name}.</Alert> : null}
      <Card title="Your organisations" actions={can(actor, 'org:create') ? <LinkButton href="/orgs/new" variant="secondary">Create an organisation</LinkButton> : null}>
        {memberships.length === 0 ? (
          <EmptyState title="You are not in an organisation">You use Credpath as a job seeker. Create an organisation, or open an invite link from your admin.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {memberships.map((m) => (
              <li key={m.orgId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">{m.orgName}</p>
                  <p className="text-sm text-slate-600">
                    {orgKindLabels[m.kind]} · {roleLabels[m.role]}
                  </p>
                </div>
                {actor.org?.id === m.orgId ? (
                  <Badge tone="green">Active</Badge>
                ) : (
                  <form action={switchOrganisationAction}>
                    <input type="hidden" name="orgId" value={m.orgId} />
                    <Button type="submit" variant="secondary">
                      Switch to this organisation
                    </Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
