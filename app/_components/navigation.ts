import type { Permission } from '@/lib/auth/roles';

/** Header links: each shows only to actors holding its permission (checked again on the page). */
export const navItems: ReadonlyArray<{ href: string; label: string; permission: Permission | null }> = [
  { href: '/settings/members', label: 'Team', permission: 'members:manage' },
  { href: '/settings/api-keys', label: 'API keys', permission: 'apikeys:manage' },
  { href: '/admin', label: 'Platform admin', permission: 'platform:manage' },
];
