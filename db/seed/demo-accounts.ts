import type { OrgKind, OrgRole } from '../schema';

/** Shared password of every demo account; shown on the sign-in page only on a local install. */
export const demoPassword = 'credpath-demo-2026';

export type DemoOrg = { key: string; name: string; kind: OrgKind; isPlatformCatalogue?: boolean };
export type DemoAccount = { email: string; name: string; password: string; description: string; org?: { key: string; role: OrgRole }; isPlatformAdmin?: boolean };

export const demoOrgs: DemoOrg[] = [
  { key: 'career', name: 'Riverside Career Centre', kind: 'career_service' },
  { key: 'employer', name: 'Harbourview Logistics', kind: 'employer' },
  { key: 'provider', name: 'Lakeshore Polytechnic', kind: 'training_provider' },
  { key: 'catalogue', name: 'Credpath Catalogue', kind: 'training_provider', isPlatformCatalogue: true },
];

export const demoAccounts: DemoAccount[] = [
  { email: 'admin@demo.credpath.test', name: 'Amara Okafor', password: demoPassword, description: 'organisation admin, Riverside Career Centre', org: { key: 'career', role: 'admin' } },
  { email: 'coach@demo.credpath.test', name: 'Daniel Reyes', password: demoPassword, description: 'practitioner (career coach), Riverside Career Centre', org: { key: 'career', role: 'practitioner' } },
  { email: 'employer@demo.credpath.test', name: 'Priya Natarajan', password: demoPassword, description: 'employer, Harbourview Logistics', org: { key: 'employer', role: 'employer' } },
  { email: 'provider@demo.credpath.test', name: 'Tom Lindqvist', password: demoPassword, description: 'provider, Lakeshore Polytechnic', org: { key: 'provider', role: 'provider' } },
  { email: 'seeker@demo.credpath.test', name: 'Jordan Lee', password: demoPassword, description: 'job seeker (no organisation)' },
  { email: 'platform@demo.credpath.test', name: 'Sam Quinn', password: demoPassword, description: 'platform admin (manages everything)', isPlatformAdmin: true },
];
