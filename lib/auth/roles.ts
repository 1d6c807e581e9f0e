import type { OrgKind, OrgRole } from '@/db/schema';

/** `seeker` is the role of a signed-in person with no organisation (a job seeker). */
export type Role = OrgRole | 'seeker';

/** Which member roles each kind of organisation can hold (admin everywhere). */
export const rolesByOrgKind: Record<OrgKind, readonly OrgRole[]> = {
  career_service: ['admin', 'practitioner'],
  employer: ['admin', 'employer'],
  training_provider: ['admin', 'provider'],
};

export const orgKindLabels: Record<OrgKind, string> = {
  career_service: 'Career service',
  employer: 'Employer',
  training_provider: 'Training provider',
};

export const roleLabels: Record<Role, string> = {
  admin: 'Organisation admin',
  practitioner: 'Practitioner',
  employer: 'Employer',
  provider: 'Provider',
  seeker: 'Job seeker',
};

/** Every permission an actor can hold, and the roles that grant it. Platform admins hold all. */
export const permissions = {
  'account:read': ['admin', 'practitioner', 'employer', 'provider', 'seeker'],
  'org:create': ['seeker', 'admin', 'practitioner', 'employer', 'provider'],
  'org:read': ['admin', 'practitioner', 'employer', 'provider'],
  'org:manage': ['admin'],
  'members:read': ['admin', 'practitioner', 'employer', 'provider'],
  'members:manage': ['admin'],
  'invites:manage': ['admin'],
  'apikeys:manage': ['admin'],
  'programs:manage': ['admin', 'provider'],
  /** Add custom skills to the shared taxonomy (org admins; platform admins hold every permission). */
  'skills:manage': ['admin'],
  /** Post and manage the organisation's skill gaps (employer organisations). */
  'gaps:manage': ['admin', 'employer'],
  /** The career service's caseload: clients, their skills and goals. */
  'clients:manage': ['admin', 'practitioner'],
  /** A job seeker's own record: their goals and plan, shared by their career service. */
  'plan:follow': ['seeker'],
  /** A person's own shortlist of programs: anyone signed in, whatever their organisation. */
  'shortlist:manage': ['admin', 'practitioner', 'employer', 'provider', 'seeker'],
  'platform:manage': [],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
