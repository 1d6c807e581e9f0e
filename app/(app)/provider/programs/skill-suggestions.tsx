'use client';

import { useActionState, useEffect } from 'react';
import type { ActionState } from '@/lib/http/actions';
import type { ProgramSkillRow } from '@/lib/skills/program-skills';
import { Alert } from '../../../_components/alert';
import { SubmitButton } from '../../../_components/submit-button';
import { useActionToast, useToast } from '../../../_components/toaster';
import { refreshSkillSuggestionsAction, reviewSkillSuggestionsAction } from './actions';

const percent = (c: number | null) => `${Math.round((c ?? 0) * 100)}%`;

/** Suggested skills with their reason (the phrase matched) and confidence; ticked ones are accepted or rejected together. */
export function SkillSuggestions({ programId, suggestions }: { programId: string; suggestions: ProgramSkillRow[] }) {
  const [state, action] = useActionState<ActionState, FormData>(reviewSkillSuggestionsAction, { status: 'idle' });
  const [refreshState, refresh] = useActionState<ActionState, FormData>(refreshSkillSuggestionsAction, { status: 'idle' });
  useActionToast(state);
  useActionToast(refreshState);
  const toast = useToast();
  useEffect(() => {
    if (refreshState.status === 'error' && refreshState.message) toast(refreshState.message, 'error');
  }, [refreshState, toast]);

  return (
    <div className="flex flex-col gap-3">
      {state.status === 'error' ? <Alert tone="error">{state.fieldErrors?.skillIds?.[0] ?? state.message}</Alert> : null}
      {suggestions.length === 0 ? (
        <p className="text-sm text-slate-700">No suggestions waiting. Credpath reads the title, summary, description and learning outcomes each time they change.</p>
      ) : (
        <form action={action} className="flex flex-col gap-3">
          <input type="hidden" name="id" value={programId} />
          <fieldset>
            <legend className="mb-2 text-sm text-slate-700">Tick the skills this program really teaches. The reason is the phrase the suggestion comes from.</legend>
            <ul className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200">
              {suggestions.map((s) => (
                <li key={s.id} className="flex items-start gap-3 px-3 py-2">
                  <input id={`suggestion-${s.id}`} type="checkbox" name="skillId" value={s.id} defaultChecked={(s.confidence ?? 0) >= 0.85} className="mt-1 size-4" />
                  <label htmlFor={`suggestion-${s.id}`} className="flex flex-1 flex-wrap items-baseline gap-x-2 text-sm">
                    <span className="font-medium text-slate-900">{s.label}</span>
                    <span className="text-slate-600">{percent(s.confidence)} confidence</span>
                    {s.matched ? <span className="w-full text-slate-700">matched “{s.matched}”</span> : null}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="flex flex-wrap gap-3">
            <SubmitButton name="decision" value="accept" pendingLabel="Saving…">
              Accept ticked skills
            </SubmitButton>
            <SubmitButton name="decision" value="reject" variant="secondary" pendingLabel="Saving…">
              Reject ticked skills
            </SubmitButton>
          </div>
        </form>
      )}
      <form action={refresh}>
        <input type="hidden" name="id" value={programId} />
        <SubmitButton variant="secondary" pendingLabel="Reading the text…">
          Suggest again
        </SubmitButton>
      </form>
    </div>
  );
}
