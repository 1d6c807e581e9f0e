import { describe, expect, it } from 'vitest';
import { authorize, can, orgScope, systemActor, type Actor } from '@/lib/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { permissions, rolesByOrgKind } from '@/lib/auth/roles';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  kind: 'user', userId: 'u', apiKeyId: null, name: 'n', email: 'e', isPlatformAdmin: false, org: { id: 'o1', name: 'O', slug: 'o', kind: 'career_service' }, role, ...extra,
});

describe('permissions', () => {
  it('gives platform admins every permission and seekers no organisation permission', () => {
    for (const permission of Object.keys(permissions) as Array<keyof typeof permissions>) expect(can(systemActor, permission)).toBe(true);
    expect(can(actor('seeker', { org: null }), 'org:read')).toBe(false);
    expect(can(actor('practitioner'), 'members:manage')).toBe(false);
    expect(can(actor('admin'), 'members:manage')).toBe(true);
  });

  it('throws unauthenticated for nobody and forbidden for a wrong role', () => {
    expect(() => authorize(null, 'org:read')).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
    expect(() => authorize(actor('practitioner'), 'apikeys:manage')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('scopes to the actor’s own organisation unless a platform admin names another', () => {
    expect(orgScope(actor('admin'), 'other')).toBe('o1');
    expect(orgScope(systemActor, 'other')).toBe('other');
    expect(() => orgScope(actor('seeker', { org: null }))).toThrow(/needs an organisation/);
  });

  it('maps every organisation kind to admin plus its own role', () => {
    expect(rolesByOrgKind.career_service).toEqual(['admin', 'practitioner']);
  });
});

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('a long enough password');
    const b = await hashPassword('a long enough password');
    expect(a).not.toBe(b);
    expect(await verifyPassword('a long enough password', a)).toBe(true);
    expect(await verifyPassword('a long enough passworD', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});
