import type { ActionState } from '@/lib/http/actions';
import { Alert } from '../../../../../_components/alert';

/**
 * The error of a plan change. A conflict means someone else changed the plan first: nothing
 * was saved, so the way out is to reload the latest version (a full load, not a soft refresh).
 */
export function PlanActionAlert({ state, reloadHref }: { state: Pick<ActionState<unknown>, 'status' | 'code' | 'message' | 'fieldErrors'>; reloadHref: string }) {
  if (state.status !== 'error') return null;
  if (state.code === 'conflict') {
    return (
      <Alert tone="error" title="Not saved: the plan changed">
        {state.message}{' '}
        <a href={reloadHref} className="font-semibold underline">
          Reload
        </a>
      </Alert>
    );
  }
  // Field errors show beside their controls; the summary says so.
  return <Alert tone="error">{state.fieldErrors && Object.keys(state.fieldErrors).length ? 'Some fields need attention: see below each field.' : state.message}</Alert>;
}
