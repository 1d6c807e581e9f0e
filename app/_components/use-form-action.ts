'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import type { ActionState } from '@/lib/http/actions';

/**
 * A full form's server action. React resets a form after its action and a <select> falls back
 * to its first option (facebook/react#30580), so the form remounts (`key={attempt}`) with the
 * submitted values after every attempt; on an error, focus moves to the summary.
 */
export function useFormAction(action: (prev: ActionState, formData: FormData) => Promise<ActionState>) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, { status: 'idle' });
  const [lastState, setLastState] = useState(state);
  const [attempt, setAttempt] = useState(0);
  if (state !== lastState) {
    setLastState(state);
    setAttempt((n) => n + 1);
  }
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') summaryRef.current?.focus();
  }, [state]);
  return { state, formAction, attempt, summaryRef };
}
