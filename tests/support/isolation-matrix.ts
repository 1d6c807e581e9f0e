import * as inviteRoute from '@/app/api/v1/invites/[id]/route';
import * as memberRoute from '@/app/api/v1/members/[id]/route';
import * as programRoute from '@/app/api/v1/programs/[id]/route';
import type { OrgKind } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { createProgram } from '@/lib/catalog/programs';
import { createInvite } from '@/lib/orgs/invites';
import { programFixture } from './programs';
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
  /** The kind of organisation that owns such resources (both organisations in the test are of it). */
  orgKind: OrgKind;
  create(owner: TestOrg): Promise<string>;
  requests: Array<{ method: string; handler: Handler; body?: unknown }>;
};

export const isolationMatrix: IsolationCase[] = [
  {
    resource: 'invite',
    orgKind: 'career_service',
    create: async (owner) => (await createInvite(systemActor, { role: 'practitioner' }, owner.org.id)).invite.id,
    requests: [
      { method: 'GET', handler: inviteRoute.GET as Handler },
      { method: 'DELETE', handler: inviteRoute.DELETE as Handler },
    ],
  },
  {
    resource: 'member',
    orgKind: 'career_service',
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
  {
    resource: 'program (draft)',
    orgKind: 'training_provider',
    create: async (owner) => (await createProgram(systemActor, programFixture({ status: 'draft' }), { orgId: owner.org.id })).id,
    requests: [
      { method: 'GET', handler: programRoute.GET as Handler },
      { method: 'PATCH', handler: programRoute.PATCH as Handler, body: { title: 'Taken over' } },
      { method: 'DELETE', handler: programRoute.DELETE as Handler },
    ],
  },
];

/** The member role of each kind of organisation (besides admin). */
export const memberRoleOf = { career_service: 'practitioner', employer: 'employer', training_provider: 'provider' } as const;
