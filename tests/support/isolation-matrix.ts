import * as inviteRoute from '@/app/api/v1/invites/[id]/route';
import * as memberRoute from '@/app/api/v1/members/[id]/route';
import { systemActor } from '@/lib/auth/actor';
import { createInvite } from '@/lib/orgs/invites';
import type { createTestOrg } from './factories';

type TestOrg = Awaited<ReturnType<typeof createTestOrg>>;
type Handler = Parameters<typeof import('./routes').callRoute>[0];

/**
 * Every tenant resource, with a way to create one in an organisation and the API
 * requests that touch it. Later features add their resources here; the isolation
 * test then proves another organisation cannot read or change them.
 */
export type IsolationCase = {
  resource: string;
  create(owner: TestOrg): Promise<string>;
  requests: Array<{ method: string; handler: Handler; body?: unknown }>;
};

export const isolationMatrix: IsolationCase[] = [
  {
    resource: 'invite',
    create: async (owner) => (await createInvite(systemActor, { role: 'practitioner' }, owner.org.id)).invite.id,
    requests: [
      { method: 'GET', handler: inviteRoute.GET as Handler },
      { method: 'DELETE', handler: inviteRoute.DELETE as Handler },
    ],
  },
  {
    resource: 'member',
    create: async (owner) => {
      const { user } = await owner.addMember('practitioner');
      const { listMembers } = await import('@/lib/orgs/organisations');
      return (await listMembers(systemActor, owner.org.id)).find((m) => m.userId === user.id)!.id;
    },
    requests: [
      { method: 'GET', handler: memberRoute.GET as Handler },
      { method: 'PATCH', handler: memberRoute.PATCH as Handler, body: { role: 'admin' } },
      { method: 'DELETE', handler: memberRoute.DELETE as Handler },
    ],
  },
];
