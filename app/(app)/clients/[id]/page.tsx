import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { listClientSkills } from '@/lib/clients/client-skills';
import { getClient } from '@/lib/clients/clients';
import { listClientGoals } from '@/lib/clients/goals';
import { openGapsInRegion } from '@/lib/clients/region-gaps';
import { getDb } from '@/db';
import { formatMoney } from '@/lib/catalog/currency';
import { deliveryModeLabels, type DeliveryMode } from '@/lib/catalog/vocabulary';
import { gapSkillLevelLabels, gapUrgencyLabels, type GapSkillLevel, type GapUrgency } from '@/lib/employers/vocabulary';
import { regionLabel } from '@/lib/geo/regions';
import { ActionForm } from '../../../_components/action-form';
import { Alert } from '../../../_components/alert';
import { LinkButton } from '../../../_components/button';
import { Badge, Card, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { loadForPage } from '../../../_components/load-for-page';
import { SubmitButton } from '../../../_components/submit-button';
import { addClientNoteAction, createGoalAction, deleteGoalAction, removeClientSkillAction, setClientStatusAction } from '../actions';
import { AddClientSkill, CustomGoalForm, OccupationGoalForm, PastOccupationSkillsForm } from '../client-panels';
import { InviteClientForm } from './invite-card';
import { PlansCard } from './plans-card';
import { OutcomesCard } from './outcomes-card';

export const metadata: Metadata = { title: 'Client' };

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; saved?: string }> };

const evidenceLabels: Record<string, string> = { self_reported: 'self-reported', practitioner_assessed: 'assessed', badge_verified: 'verified badge', completed_program: 'completed program' };
const inputClass = 'rounded-md border border-slate-300 px-3 py-2 text-sm';

export default async function ClientPage({ params, searchParams }: PageProps) {
  const { id } = await params;
  const query = await searchParams;
  const actor = await requirePageActor('clients:manage', `/clients/${encodeURIComponent(id)}`);
  const { client: c, assignedName, events } = await loadForPage(() => getClient(actor, id));
  const [skills, goals, regionGaps] = await Promise.all([listClientSkills(getDb(), c.id), listClientGoals(actor, c.id), openGapsInRegion(actor, c.region, c.country)]);
  const place = [c.city, c.region ? regionLabel(c.region) : c.country].filter(Boolean).join(', ');

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={c.fullName}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={c.status === 'active' ? 'green' : 'slate'}>{c.status === 'active' ? 'Active' : 'Archived'}</Badge>
            {place || 'No location yet'} · {assignedName ? `with ${assignedName}` : 'not assigned'}
          </span>
        }
        actions={
          <div className="flex gap-2">
            <LinkButton href={`/clients/${c.id}/edit`} variant="secondary">
              Edit
            </LinkButton>
            <ActionForm action={setClientStatusAction}>
              <input type="hidden" name="id" value={c.id} />
              <input type="hidden" name="status" value={c.status === 'active' ? 'archived' : 'active'} />
              <SubmitButton variant="secondary" pendingLabel="Saving…">
                {c.status === 'active' ? 'Archive' : 'Restore'}
              </SubmitButton>
            </ActionForm>
          </div>
        }
      />
      {query.created ? <Alert tone="success" title="Client created">Add their skills, then set a goal to see their gap.</Alert> : null}
      {query.saved ? <Alert tone="success">Changes saved.</Alert> : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          <Card title={`Goals (${goals.length})`}>
            {goals.length === 0 ? (
              <p className="mb-4 text-sm text-slate-700">No goal yet. Choose a target occupation, an open employer gap in the region, or a set of skills.</p>
            ) : (
              <ul className="mb-6 flex flex-col gap-4">
                {goals.map(({ goal, skills: required, missing, coverage }) => (
                  <li key={goal.id} className="rounded-md border border-slate-200 p-4">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div>
                        <h3 className="font-semibold text-slate-900">{goal.title}</h3>
                        <p className="text-sm text-slate-700">
                          {goal.kind === 'occupation' ? 'Target occupation' : goal.kind === 'gap' ? 'Employer gap' : 'Custom skills'} · priority {goal.priority}
                          {goal.targetDate ? ` · by ${goal.targetDate}` : ''}
                        </p>
                      </div>
                      <ActionForm action={deleteGoalAction} confirm={`Remove the goal “${goal.title}”?`}>
                        <input type="hidden" name="id" value={c.id} />
                        <input type="hidden" name="goalId" value={goal.id} />
                        <SubmitButton variant="secondary" pendingLabel="Removing…" className="px-3 py-1">
                          Remove<span className="sr-only"> goal {goal.title}</span>
                        </SubmitButton>
                      </ActionForm>
                    </div>
                    <div className="mt-3 flex items-center gap-3 text-sm">
                      <div className="h-2 w-40 rounded-full bg-slate-200" aria-hidden>
                        <div className="h-2 rounded-full bg-green-700" style={{ width: `${Math.round(coverage * 100)}%` }} />
                      </div>
                      <span>
                        <strong>{Math.round(coverage * 100)}%</strong> of the goal covered ({required.length - missing.length} of {required.length} skills)
                      </span>
                      {missing.length ? (
                        <Link href={`/clients/${c.id}/goals/${goal.id}`} className="font-medium text-brand-700 underline">
                          Recommended programs<span className="sr-only"> for {goal.title}</span>
                        </Link>
                      ) : null}
                    </div>
                    {missing.length ? (
                      <div className="mt-3 text-sm">
                        <p className="font-medium text-slate-800">Gap: {missing.length} skills to gain, most important first</p>
                        <ul className="mt-1 flex flex-wrap gap-2">
                          {missing.slice(0, 24).map((s) => (
                            <li key={s.skillId}>
                              <Link
                                href={`/skills/${s.skillId}${c.region ? `?region=${c.region}` : ''}`}
                                className={`inline-block rounded-full px-3 py-0.5 ring-1 hover:underline ${s.isInDemand ? 'bg-green-50 text-green-900 ring-green-700' : 'bg-slate-50 text-slate-800 ring-slate-300'}`}
                              >
                                {s.label}
                                {s.isInDemand ? ' · in demand' : ''}
                              </Link>
                            </li>
                          ))}
                        </ul>
                        {missing.length > 24 ? <p className="mt-1 text-slate-600">and {missing.length - 24} more</p> : null}
                      </div>
                    ) : (
                      <p className="mt-3 text-sm font-medium text-green-900">The client already holds every skill of this goal.</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700">Set a goal: target occupation</summary>
              <div className="mt-3">
                <OccupationGoalForm clientId={c.id} />
              </div>
              <p className="mt-2 text-sm text-slate-600">
                Find codes on the{' '}
                <Link href="/skills" className="text-brand-700 underline">
                  skills and occupations search
                </Link>
                .
              </p>
            </details>
            <details className="mt-3 rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700">Set a goal: a set of skills</summary>
              <div className="mt-3">
                <CustomGoalForm clientId={c.id} />
              </div>
            </details>
          </Card>

          <PlansCard actor={actor} clientId={c.id} goals={goals.map((g) => g.goal)} />

          <Card title={`Open employer gaps in ${c.region ? regionLabel(c.region) : (c.country ?? 'the client’s region')}`}>
            {regionGaps.length === 0 ? (
              <p className="text-sm text-slate-700">{c.region || c.country ? 'No employer has an open skill gap here right now.' : 'Add the client’s region to see employers’ open skill gaps there.'}</p>
            ) : (
              <ul className="flex flex-col gap-3 text-sm">
                {regionGaps.map((g) => (
                  <li key={g.id} className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 pb-3">
                    <div>
                      <p className="font-medium text-slate-900">
                        {g.roleTitle} <span className="font-normal text-slate-600">· {g.headcount} {g.headcount === 1 ? 'person' : 'people'} · urgency {gapUrgencyLabels[g.urgency as GapUrgency].toLowerCase()}{g.targetDate ? ` · by ${g.targetDate}` : ''}{g.city ? ` · ${g.city}` : ''}</span>
                      </p>
                      <p className="text-slate-700">Must-have: {g.mustHave.join(', ') || '—'}{g.niceToHave.length ? ` · nice-to-have: ${g.niceToHave.join(', ')}` : ''}</p>
                    </div>
                    <ActionForm action={createGoalAction}>
                      <input type="hidden" name="id" value={c.id} />
                      <input type="hidden" name="kind" value="gap" />
                      <input type="hidden" name="gapId" value={g.id} />
                      <SubmitButton variant="secondary" pendingLabel="Saving…" className="px-3 py-1">
                        Set as goal<span className="sr-only"> {g.roleTitle}</span>
                      </SubmitButton>
                    </ActionForm>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-2 text-xs text-slate-600">Employers are not named: their gaps are shared anonymously.</p>
          </Card>

          <Card title={`Skills profile (${skills.length})`}>
            {skills.length === 0 ? (
              <EmptyState title="No skills recorded yet" />
            ) : (
              <ul className="mb-4 flex flex-col divide-y divide-slate-100 text-sm">
                {skills.map((s) => (
                  <li key={s.skillId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <Link href={`/skills/${s.skillId}`} className="font-medium text-brand-700 underline">
                        {s.label}
                      </Link>{' '}
                      <span className="text-slate-600">
                        · {gapSkillLevelLabels[s.level as GapSkillLevel]} · {evidenceLabels[s.evidence] ?? s.evidence}
                      </span>
                    </span>
                    <ActionForm action={removeClientSkillAction}>
                      <input type="hidden" name="id" value={c.id} />
                      <input type="hidden" name="skillId" value={s.skillId} />
                      <SubmitButton variant="secondary" pendingLabel="…" className="px-2 py-0.5 text-xs">
                        Remove<span className="sr-only"> {s.label}</span>
                      </SubmitButton>
                    </ActionForm>
                  </li>
                ))}
              </ul>
            )}
            <div className="flex flex-col gap-4">
              <AddClientSkill clientId={c.id} />
              <PastOccupationSkillsForm clientId={c.id} label="Quick add from a past occupation (O*NET-SOC code or title)" />
            </div>
          </Card>
        </div>

        <div className="flex flex-col gap-6">
          <Card title="Client access">
            {c.seekerUserId ? (
              <p className="text-sm text-slate-700">The client has linked their account: they see their goals and plans, mark progress and comment.</p>
            ) : (
              <InviteClientForm clientId={c.id} email={c.email} />
            )}
          </Card>
          <OutcomesCard actor={actor} clientId={c.id} />
          <Card title="Details">
            <dl className="flex flex-col gap-2 text-sm">
              <div><dt className="text-slate-600">Contact</dt><dd>{[c.email, c.phone].filter(Boolean).join(' · ') || '—'}</dd></div>
              <div><dt className="text-slate-600">Delivery modes</dt><dd>{c.deliveryModes.length ? c.deliveryModes.map((m) => deliveryModeLabels[m as DeliveryMode]).join(', ') : 'Any'}</dd></div>
              <div><dt className="text-slate-600">Languages</dt><dd>{c.languages.join(', ') || 'Any'}</dd></div>
              <div><dt className="text-slate-600">Budget</dt><dd>{c.maxBudget !== null ? formatMoney(c.maxBudget, c.budgetCurrency) : 'Not set'}</dd></div>
              <div><dt className="text-slate-600">Time</dt><dd>{c.hoursPerWeek ? `${c.hoursPerWeek} h a week` : 'Not set'}{c.earliestStart ? ` · from ${c.earliestStart}` : ''}{c.travelRadiusKm ? ` · travels up to ${c.travelRadiusKm} km` : ''}</dd></div>
              <div>
                <dt className="text-slate-600">Consent</dt>
                <dd>
                  {c.consentDataProcessing ? 'Data processing: yes' : 'Data processing: not given'} · {c.consentEmployerVisible ? 'visible to employers' : 'not visible to employers'}
                  {c.consentRecordedAt ? <span className="text-slate-600"> (recorded {c.consentRecordedAt.toISOString().slice(0, 10)})</span> : null}
                </dd>
              </div>
            </dl>
          </Card>
          <Card title="Timeline">
            <ActionForm action={addClientNoteAction} className="mb-4 flex flex-col gap-2" fieldLabels={{ note: 'Note' }}>
              <input type="hidden" name="id" value={c.id} />
              <label htmlFor="client-note" className="text-sm font-medium text-slate-800">
                Add a note
              </label>
              <textarea id="client-note" name="note" rows={3} className={inputClass} />
              <div>
                <SubmitButton variant="secondary" pendingLabel="Saving…">
                  Add note
                </SubmitButton>
              </div>
            </ActionForm>
            <ol className="flex flex-col gap-3 text-sm">
              {events.map((e) => (
                <li key={e.id}>
                  <p className="text-slate-900">{e.message}</p>
                  <p className="text-xs text-slate-600">
                    {e.actorName ?? 'Someone'} · {e.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
                  </p>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </div>
  );
}
