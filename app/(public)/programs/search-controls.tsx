'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';

/**
 * Progressive enhancement of the GET search form: without JavaScript it submits normally;
 * with it, typing and ticking update the URL in place (shareable, back button works).
 */
export function SearchForm({ children, className }: { children: ReactNode; className?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // Typing replaces the current history entry (no entry per keystroke); ticking a filter
  // pushes one, so the back button undoes it.
  const navigate = (delayMs: number, mode: 'push' | 'replace' = 'replace') => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(form)) if (typeof value === 'string' && value !== '' && key !== 'page') params.append(key, value);
      startTransition(() => router[mode](`${pathname}${params.size ? `?${params}` : ''}`, { scroll: false }));
    }, delayMs);
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <form
      ref={formRef}
      method="get"
      action={pathname}
      className={className}
      aria-busy={isPending}
      onSubmit={(e) => {
        e.preventDefault();
        navigate(0, 'push');
      }}
      onChange={(e) => ((e.target as HTMLElement).getAttribute('type') === 'search' ? navigate(250) : navigate(0, 'push'))}
      onInput={(e) => {
        if ((e.target as HTMLElement).getAttribute('type') === 'search') navigate(250);
      }}
    >
      {children}
      <p aria-live="polite" className="sr-only">
        {isPending ? 'Updating results…' : ''}
      </p>
    </form>
  );
}

/** The query box; follows the URL when it changes from outside (back button) unless being typed in. */
export function QueryInput({ value }: { value: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current && document.activeElement !== ref.current) ref.current.value = value;
  }, [value]);
  return (
    <input
      ref={ref}
      id="program-q"
      type="search"
      name="q"
      defaultValue={value}
      placeholder="Try “cyber security”, “forklift” or “python”"
      className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      autoComplete="off"
    />
  );
}

/** Fills "near" with the browser's position (asks permission first). */
export function UseMyLocation() {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        className="text-sm font-medium text-brand-700 underline"
        onClick={(e) => {
          const form = (e.currentTarget as HTMLButtonElement).form;
          if (!navigator.geolocation || !form) return setMessage('Your browser cannot share its location.');
          navigator.geolocation.getCurrentPosition(
            (position) => {
              const near = form.elements.namedItem('near') as HTMLSelectElement | null;
              if (!near) return;
              const value = `${position.coords.latitude.toFixed(3)},${position.coords.longitude.toFixed(3)}`;
              const option = new Option('My location', value, true, true);
              near.add(option);
              near.dispatchEvent(new Event('change', { bubbles: true }));
            },
            () => setMessage('Location was not shared.'),
          );
        }}
      >
        Use my location
      </button>
      {message ? <p className="text-xs text-slate-600">{message}</p> : null}
    </div>
  );
}
