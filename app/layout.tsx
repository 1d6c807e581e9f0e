import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteHeader } from './_components/site-header';
import { Toaster } from './_components/toaster';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Credpath', template: '%s · Credpath' },
  description: 'Find micro-credentials that close skill gaps, and plan the path to a career goal.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <Toaster>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
            {children}
          </main>
          <footer className="no-print border-t border-slate-200 bg-white">
            <div className="mx-auto flex max-w-6xl flex-wrap gap-4 px-4 py-4 text-sm text-slate-600">
              <span>© Credpath</span>
              <Link href="/about" className="underline hover:text-slate-900">
                About and data sources
              </Link>
            </div>
          </footer>
        </Toaster>
      </body>
    </html>
  );
}
