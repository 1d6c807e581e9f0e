'use client';

import { useId } from 'react';
import { Alert } from './alert';
import { Button } from './button';

/** A one-time secret link just created: shown once, selectable and copyable. */
export function CopyableLink({ title, label, link }: { title?: string; label: string; link: string }) {
  const id = useId();
  return (
    <Alert tone="success" title={title}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input id={id} readOnly value={link} className="mt-2 w-full rounded border border-green-300 bg-white px-2 py-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
      <Button type="button" variant="secondary" className="mt-2" onClick={() => navigator.clipboard?.writeText(link)}>
        Copy link
      </Button>
    </Alert>
  );
}
