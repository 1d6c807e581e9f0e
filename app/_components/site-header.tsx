import Link from 'next/link';
import { can } from '@/lib/auth/actor';
import { roleLabels } from '@/lib/auth/roles';
import { getCurrentActor } from '@/lib/auth/session';
import { navItems } from './navigation';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader() {
  const actor = await getCurrentActor();
  const links = navItems.filter(
    (item) => (item.permission === null || can(actor, item.permission)) && (!item.orgKind || actor?.isPlatformAdmin || actor?.org?.kind === item.orgKind),
  );
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
          Credpath
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
          {links.map((item) => (
            <Link key={item.href} href={item.href} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-2">
          {actor ? (
            <>
              <Link href="/account" className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
                <span className="font-medium">{actor.name}</span>
                <span className="ml-2 text-slate-600">
                  {actor.isPlatformAdmin ? 'Platform admin' : roleLabels[actor.role]}
                  {actor.org ? ` · ${actor.org.name}` : ''}
                </span>
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
                Sign in
              </Link>
              <Link href="/signup" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800">
                Create account
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
