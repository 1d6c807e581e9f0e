'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatMoney } from '@/lib/catalog/currency';
import { FieldErrors, controlClass, describedBy } from '../../../../../_components/field';
import { SubmitButton } from '../../../../../_components/submit-button';
import { useActionToast } from '../../../../../_components/toaster';
import { useFormAction } from '../../../../../_components/use-form-action';
import { addPlanStepAction } from '../actions';
import { PlanActionAlert } from './plan-action-alert';

type ProgramHit = { id: string; title: string; providerName: string; cost: number | null; currency: string | null; hours: number | null; weeks: number | null };

/**
 * Adds a program found with the public catalogue search (the same Meilisearch ranking, typo
 * tolerance and published-only index people use on /programs), as an ARIA combobox.
 */
export function AddProgram({ clientId, planId, version }: { clientId: string; planId: string; version: number }) {
  const { state, formAction, attempt, summaryRef } = useFormAction(addPlanStepAction);
  useActionToast(state);
  const [chosen, setChosen] = useState<ProgramHit | null>(null);
  const [lastAttempt, setLastAttempt] = useState(attempt);
  // Once added, the box is ready for the next program.
  if (attempt !== lastAttempt) {
    setLastAttempt(attempt);
    if (state.status === 'success') setChosen(null);
  }
  const inputId = 'add-program-search';
  const errors = state.fieldErrors?.programId;
  return (
    <form key={attempt} action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="programId" value={chosen?.id ?? ''} />
      <input type="hidden" name="programTitle" value={chosen?.title ?? ''} />
      <div ref={summaryRef} tabIndex={-1}>
        <PlanActionAlert state={state} reloadHref={`/clients/${clientId}/plans/${planId}`} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
          Search the catalogue
        </label>
        <ProgramSearchBox id={inputId} errors={errors} onChoose={setChosen} />
        <FieldErrors id={inputId} errors={errors} />
      </div>
      {chosen ? (
        <p className="text-sm text-slate-800" aria-live="polite">
          Chosen: <strong>{chosen.title}</strong> · {chosen.providerName} · {formatMoney(chosen.cost, chosen.currency)}
        </p>
      ) : null}
      <div>
        <SubmitButton pendingLabel="Adding…" disabled={!chosen}>
          Add to plan
        </SubmitButton>
      </div>
    </form>
  );
}

function ProgramSearchBox({ id, errors, onChoose }: { id: string; errors?: string[]; onChoose: (hit: ProgramHit) => void }) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ProgramHit[]>([]);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus('loading');
      try {
        const res = await fetch(`/api/v1/programs?per_page=8&q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { hits: ProgramHit[] };
        setHits(body.hits);
        setActive(body.hits.length ? 0 : -1);
        setStatus('idle');
      } catch {
        if (!controller.signal.aborted) setStatus('error');
      }
    }, 200);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [query]);

  const isOpen = query.trim().length > 0;
  const choose = (hit: ProgramHit) => {
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
      // Enter picks the highlighted program instead of submitting the form.
      event.preventDefault();
      const hit = hits[active];
      if (hit) choose(hit);
    } else if (event.key === 'Escape') {
      setQuery('');
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
        aria-describedby={describedBy(id, null, errors)}
        aria-invalid={errors?.length ? true : undefined}
        autoComplete="off"
        placeholder="Program title, provider or skill"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          if (!e.target.value.trim()) setHits([]);
        }}
        onKeyDown={onKeyDown}
        className={controlClass(!!errors?.length)}
      />
      <ul id={listId} role="listbox" aria-label={`Programs matching “${query}”`} hidden={!isOpen} className="absolute z-20 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-300 bg-white shadow-lg">
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
            <span className="font-medium">{hit.title}</span>{' '}
            <span className="text-slate-600">
              · {hit.providerName} · {formatMoney(hit.cost, hit.currency)}
              {hit.weeks !== null ? ` · ${hit.weeks} weeks` : ''}
            </span>
          </li>
        ))}
        {isOpen && status === 'idle' && hits.length === 0 ? <li className="px-3 py-2 text-sm text-slate-600">No published program matches “{query}”.</li> : null}
        {status === 'loading' && hits.length === 0 ? <li className="px-3 py-2 text-sm text-slate-600">Searching…</li> : null}
        {status === 'error' ? <li className="px-3 py-2 text-sm text-red-700">Search is unavailable right now. Try again in a moment.</li> : null}
      </ul>
    </div>
  );
}
