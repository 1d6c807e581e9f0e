'use client';

import { Button } from './_components/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-3 text-slate-700">Nothing you saved was lost. Try again; if it keeps happening, quote this reference to support:</p>
      <p className="mt-2 font-mono text-sm text-slate-600">{error.digest ?? 'no reference'}</p>
      <div className="mt-6">
        <Button onClick={reset}>Try again</Button>
      </div>
    </div>
  );
}
