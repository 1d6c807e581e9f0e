import type { PlanComment } from '@/lib/plans/plan-details';
import { addPlanCommentAction } from '../(app)/clients/[id]/plans/actions';
import { ActionForm } from './action-form';
import { Card } from './layout-bits';
import { SubmitButton } from './submit-button';

const when = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

/** The plan's conversation between the practitioner and the client, and a box to add to it. */
export function PlanComments({ comments, planId, clientId, steps }: { comments: PlanComment[]; planId: string; clientId: string; steps: Array<{ id: string; programTitle: string }> }) {
  const stepTitle = new Map(steps.map((s) => [s.id, s.programTitle]));
  return (
    <Card title={`Comments (${comments.length})`}>
      {comments.length === 0 ? <p className="mb-4 text-sm text-slate-700">No comments yet.</p> : null}
      <ol className="mb-4 flex flex-col gap-3">
        {comments.map((c) => (
          <li key={c.id} className={`rounded-md p-3 text-sm ${c.isByClient ? 'bg-blue-50' : 'bg-slate-50'}`}>
            <p className="text-slate-700">
              <span className="font-semibold text-slate-900">{c.authorName}</span>
              {c.isByClient ? ' (client)' : ''} · <time dateTime={c.createdAt.toISOString()}>{when(c.createdAt)} UTC</time>
              {c.stepId && stepTitle.has(c.stepId) ? ` · on “${stepTitle.get(c.stepId)}”` : ''}
            </p>
            <p className="mt-1 whitespace-pre-line text-slate-900">{c.body}</p>
          </li>
        ))}
      </ol>
      <ActionForm action={addPlanCommentAction} className="flex flex-col gap-2" fieldLabels={{ body: 'Comment', stepId: 'Step' }}>
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="clientId" value={clientId} />
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          About
          <select name="stepId" defaultValue="" className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
            <option value="">The whole plan</option>
            {steps.map((s) => (
              <option key={s.id} value={s.id}>
                {s.programTitle}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Comment
          <textarea name="body" rows={3} maxLength={2000} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
        <div>
          <SubmitButton pendingLabel="Sending…">Add comment</SubmitButton>
        </div>
      </ActionForm>
    </Card>
  );
}
