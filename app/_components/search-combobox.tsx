'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { controlClass, describedBy } from './field';

type SearchComboboxProps<Hit extends { id: string }> = {
  id: string;
  /** Names the list of hits for screen readers: “{label} matching …”. */
  label: string;
  hint?: string;
  errors?: string[];
  placeholder: string;
  /** The API answering `{ hits }` for a query. */
  searchUrl: (query: string) => string;
  renderHit: (hit: Hit) => ReactNode;
  /** Called with the hit chosen from the list (click or Enter). */
  onChoose: (hit: Hit) => void;
  /** Backspace in the empty box. */
  onRemoveLast?: () => void;
  noMatch: (query: string) => string;
  unavailable: string;
};

/**
 * Search as you type against one of our search APIs, as an ARIA combobox: arrows move, Enter
 * picks (instead of submitting the form), Escape clears. Hits arrive after a short pause in
 * typing; a newer query cancels the request of an older one.
 */
export function SearchCombobox<Hit extends { id: string }>({ id, label, hint, errors, placeholder, searchUrl, renderHit, onChoose, onRemoveLast, noMatch, unavailable }: SearchComboboxProps<Hit>) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const inputRef = useRef<HTMLInputElement>(null);
  // The URL builder is usually an inline function: only the query should re-run the search.
  const searchUrlRef = useRef(searchUrl);
  useEffect(() => {
    searchUrlRef.current = searchUrl;
  });

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      setStatus('idle');
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus('loading');
      try {
        const res = await fetch(searchUrlRef.current(q), { signal: controller.signal });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { hits: Hit[] };
        setHits(body.hits);
        setActive(body.hits.length ? 0 : -1);
        setStatus('idle');
      } catch {
        if (!controller.signal.aborted) setStatus('error');
      }
    }, 150);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [query]);

  const isOpen = query.trim().length > 0;
  const choose = (hit: Hit) => {
    onChoose(hit);
    setQuery('');
    setHits([]);
    inputRef.current?.focus();
  };

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && hits.length) {
      event.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length) {
      event.preventDefault();
      setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
    } else if (event.key === 'Enter' && isOpen) {
      event.preventDefault();
      const hit = hits[active];
      if (hit) choose(hit);
    } else if (event.key === 'Escape') {
      setQuery('');
    } else if (event.key === 'Backspace' && !query) {
      onRemoveLast?.();
    }
  }

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="relative">
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-expanded={isOpen && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={isOpen && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        aria-invalid={errors?.length ? true : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        className={controlClass(!!errors?.length)}
      />
      <ul id={listId} role="listbox" aria-label={`${label} matching “${query}”`} hidden={!isOpen} className="absolute z-20 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-300 bg-white shadow-lg">
        {hits.map((hit, index) => (
          <li
            key={hit.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(hit)}
            onMouseEnter={() => setActive(index)}
            className={`cursor-pointer px-3 py-2 text-sm ${index === active ? 'bg-brand-50 text-brand-800' : 'text-slate-900'}`}
          >
            {renderHit(hit)}
          </li>
        ))}
        {isOpen && status === 'idle' && hits.length === 0 ? <li className="px-3 py-2 text-sm text-slate-600">{noMatch(query)}</li> : null}
        {status === 'loading' && hits.length === 0 ? <li className="px-3 py-2 text-sm text-slate-600">Searching…</li> : null}
        {status === 'error' ? <li className="px-3 py-2 text-sm text-red-700">{unavailable}</li> : null}
      </ul>
    </div>
  );
}
