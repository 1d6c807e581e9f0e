import type { OrgKind } from '@/db/schema';
import type { Permission } from '@/lib/auth/roles';

/** Header links: each shows only to actors holding its permission (checked again on the page). */
export const navItems: ReadonlyArray<{ href: string; label: string; permission: Permission | null; orgKind?: OrgKind }> = [
  { href: '/programs', label: 'Programs', permission: null },
  { href: '/skills', label: 'Skills', permission: null },
  { href: '/skills/in-demand', label: 'In demand', permission: null },
  { href: '/reports/supply-demand', label: 'Supply & demand', permission: null },
  { href: '/shortlist', label: 'Shortlist', permission: 'shortlist:manage' },
  { href: '/provider/programs', label: 'Our programs', permission: 'programs:manage', orgKind: 'training_provider' },
  { href: '/provider/imports', label: 'Import', permission: 'programs:manage', orgKind: 'training_provider' },
  { href: '/my-plan', label: 'My plan', permission: 'plan:follow' },
  { href: '/clients', label: 'Clients', permission: 'clients:manage', orgKind: 'career_service' },
  { href: '/clients/dashboard', label: 'Dashboard', permission: 'clients:manage', orgKind: 'career_service' },
  { href: '/employer/gaps', label: 'Skill gaps', permission: 'gaps:manage', orgKind: 'employer' },
  { href: '/settings/members', label: 'Team', permission: 'members:manage' },
  { href: '/settings/api-keys', label: 'API keys', permission: 'apikeys:manage' },
  { href: '/admin/skills', label: 'Custom skills', permission: 'skills:manage' },
  { href: '/admin', label: 'Platform admin', permission: 'platform:manage' },
];
