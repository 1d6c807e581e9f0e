'use client';

import { useState } from 'react';
import { formatMoney } from '@/lib/catalog/currency';
import { FieldErrors } from '../../../../../_components/field';
import { SearchCombobox } from '../../../../../_components/search-combobox';
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
  return (
    <SearchCombobox<ProgramHit>
      id={id}
      label="Programs"
      errors={errors}
      placeholder="Program title, provider or skill"
      searchUrl={(q) => `/api/v1/programs?per_page=8&q=${encodeURIComponent(q)}`}
      renderHit={(hit) => (
        <>
          <span className="font-medium">{hit.title}</span>{' '}
          <span className="text-slate-600">
            · {hit.providerName} · {formatMoney(hit.cost, hit.currency)}
            {hit.weeks !== null ? ` · ${hit.weeks} weeks` : ''}
          </span>
        </>
      )}
      onChoose={onChoose}
      noMatch={(q) => `No published program matches “${q}”.`}
      unavailable="Search is unavailable right now. Try again in a moment."
    />
  );
}
