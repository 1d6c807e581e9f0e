import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { roleLabels, rolesByOrgKind } from '@/lib/auth/roles';
import { listInvites } from '@/lib/orgs/invites';
import { getOrganisation, listMembers } from '@/lib/orgs/organisations';
import { Alert } from '../../../_components/alert';
import { Badge, Card, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { DataTable } from '../../../_components/table';
import { ChangeRoleForm, InviteForm, RemoveMemberButton, RevokeInviteButton } from './member-forms';

export const metadata: Metadata = { title: 'Team' };

const statusTone = { pending: 'blue', accepted: 'green', expired: 'amber', revoked: 'slate' } as const;

export default async function MembersPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  const actor = await requirePageActor('members:manage', '/settings/members');
  const { created } = await searchParams;
  const org = await getOrganisation(actor);
  const [members, invites] = await Promise.all([listMembers(actor), listInvites(actor)]);
  const roles = rolesByOrgKind[org.kind];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={`${org.name}: team`} description="Invite colleagues with a one-time link, and set what each person can do." />
      {created ? <Alert tone="success">{org.name} is ready. Invite your colleagues below.</Alert> : null}
      <Card title="Invite someone">
        <InviteForm roles={roles} />
      </Card>
      <Card title="Members">
        <DataTable
          caption="Members of the organisation"
          rows={members}
          rowKey={(m) => m.id}
          columns={[
            { header: 'Name', cell: (m) => m.name },
            { header: 'Email', cell: (m) => m.email },
            { header: 'Role', cell: (m) => <ChangeRoleForm membershipId={m.id} role={m.role} roles={roles} name={m.name} /> },
            { header: 'Joined', cell: (m) => m.joinedAt.toISOString().slice(0, 10) },
            { header: 'Actions', cell: (m) => (m.userId === actor.userId ? <span className="text-sm text-slate-600">You</span> : <RemoveMemberButton membershipId={m.id} name={m.name} />) },
          ]}
        />
      </Card>
      <Card title="Invites">
        {invites.length === 0 ? (
          <EmptyState title="No invites yet">Links you create appear here until they are used, withdrawn or expire.</EmptyState>
        ) : (
          <DataTable
            caption="Invites"
            rows={invites}
            rowKey={(i) => i.id}
            columns={[
              { header: 'Role', cell: (i) => roleLabels[i.role] },
              { header: 'For', cell: (i) => i.email ?? 'Anyone with the link' },
              { header: 'Status', cell: (i) => <Badge tone={statusTone[i.status]}>{i.status}</Badge> },
              { header: 'Expires', cell: (i) => i.expiresAt.toISOString().slice(0, 10) },
              { header: 'Actions', cell: (i) => (i.status === 'pending' ? <RevokeInviteButton inviteId={i.id} /> : null) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
