import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { getOwnRecord, type OwnRecord } from '@/lib/clients/own-record';
import { ActionForm } from '../../_components/action-form';
import { Alert } from '../../_components/alert';
import { LinkButton } from '../../_components/button';
import { Card, PageHeader } from '../../_components/layout-bits';
import { removeClientSkillAction } from '../clients/actions';
import { clientFormDefaults } from '../clients/client-form-defaults';
import { AddClientSkill, CustomGoalForm, OccupationGoalForm, PastOccupationSkillsForm } from '../clients/client-panels';
import { InviteAdviserForm, SelfServiceForm } from './self-service-forms';

export const metadata: Metadata = { title: 'My plan' };

function Goals({ record }: { record: OwnRecord }) {
  if (record.goals.length === 0) return <p className="text-sm text-slate-700">{record.isSelfManaged ? 'Set your goal below to see your gap.' : 'Your adviser has not set a goal with you yet.'}</p>;
  return (
    <ul className="flex flex-col gap-4">
      {record.goals.map(({ goal, skills, missing, coverage }) => (
        <li key={goal.id} className="rounded-md border border-slate-200 p-4">
          <h3 className="font-semibold text-slate-900">{goal.title}</h3>
          <p className="text-sm text-slate-700">
            You already have {skills.length - missing.length} of {skills.length} skills ({Math.round(coverage * 100)}%){goal.targetDate ? ` · target ${goal.targetDate}` : ''}.
          </p>
          {missing.length ? (
            <>
              <p className="mt-2 text-sm text-slate-800">
                <span className="font-medium">To gain:</span>{' '}
                {missing.slice(0, 20).map((s, i) => (
                  <span key={s.skillId}>
                    {i ? ', ' : ''}
                    <Link href={`/skills/${s.skillId}`} className="text-brand-700 underline">
                      {s.label}
                    </Link>
                    {s.isInDemand ? ' (in demand)' : ''}
                  </span>
                ))}
                {missing.length > 20 ? ` and ${missing.length - 20} more` : ''}
              </p>
              <p className="mt-2 text-sm">
                <Link href={`/my-plan/goals/${goal.id}`} className="font-medium text-brand-700 underline">
                  Recommended programs<span className="sr-only"> for {goal.title}</span>
                </Link>
              </p>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function SelfManagedPanels({ record }: { record: OwnRecord }) {
  const clientId = record.client.id;
  return (
    <>
      <Card title={record.goals.length ? 'Change your goal' : 'Set your goal'}>
        <p className="mb-3 text-sm text-slate-700">You work towards one goal at a time: a new goal replaces the current one.</p>
        <div className="mb-4">
          <OccupationGoalForm clientId={clientId} withPriority={false} />
        </div>
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Or choose the skills yourself</summary>
          <div className="mt-3">
            <CustomGoalForm clientId={clientId} withPriority={false} />
          </div>
        </details>
        <p className="mt-2 text-sm text-slate-600">
          Find occupations on the{' '}
          <Link href="/skills" className="text-brand-700 underline">
            skills and occupations search
          </Link>
          .
        </p>
      </Card>
      <Card title={`My skills (${record.skills.length})`}>
        {record.skills.length ? (
          <ul className="mb-4 flex flex-wrap gap-2">
            {record.skills.map((s) => (
              <li key={s.skillId} className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-3 pr-1 text-sm text-slate-800">
                {s.label}
                <ActionForm action={removeClientSkillAction}>
                  <input type="hidden" name="id" value={clientId} />
                  <input type="hidden" name="skillId" value={s.skillId} />
                  <button type="submit" className="rounded-full px-2 text-slate-600 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-700" aria-label={`Remove ${s.label}`}>
                    ×
                  </button>
                </ActionForm>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-sm text-slate-700">Add the skills you already have: your gap is what the goal needs beyond them.</p>
        )}
        <AddClientSkill clientId={clientId} canAssess={false} />
        <div className="mt-4">
          <PastOccupationSkillsForm clientId={clientId} label="Add the core skills of a job you have done (title or O*NET-SOC code)" />
        </div>
      </Card>
      <Card title="My details">
        <details>
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Where you are and what you can take on</summary>
          <div className="mt-4">
            <SelfServiceForm defaults={clientFormDefaults(record.client)} isNew={false} />
          </div>
        </details>
      </Card>
      <Card title="Work with a career adviser">
        <p className="mb-3 text-sm text-slate-700">Invite your adviser: once they accept, your record, skills and goal move to their career service and they can build a plan with you.</p>
        <InviteAdviserForm />
      </Card>
    </>
  );
}

export default async function MyPlanPage({ searchParams }: { searchParams: Promise<{ linked?: string }> }) {
  const actor = await requirePageActor('plan:follow', '/my-plan');
  const { linked } = await searchParams;
  const record = await getOwnRecord(actor);
  if (!record) {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title="My plan" description="Work out your skill gap for a career goal and get recommended programs: on your own now, with a career adviser later." />
        <Card title="Start on your own">
          <SelfServiceForm defaults={{}} isNew />
        </Card>
        <p className="text-sm text-slate-700">
          Already working with a career adviser? Ask them for a sign-in link: your plan then appears here. Meanwhile,{' '}
          <Link href="/programs" className="text-brand-700 underline">
            browse programs
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="My plan"
        description={record.isSelfManaged ? 'Your own plan: no career service yet.' : `Shared by ${record.orgName ?? 'your career service'}${record.adviserName ? ` · your adviser: ${record.adviserName}` : ''}`}
      />
      {linked ? <Alert tone="success">Your account is linked: your adviser will see the progress you mark here.</Alert> : null}
      <Card title={`My goal${record.goals.length === 1 ? '' : 's'} (${record.goals.length})`}>
        <Goals record={record} />
      </Card>
      {record.plans.length ? (
        <Card title={`My plans (${record.plans.length})`}>
          <ul className="flex flex-col gap-2 text-sm">
            {record.plans.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-3">
                <Link href={`/my-plan/plans/${p.id}`} className="font-medium text-brand-700 underline">
                  {p.title}
                </Link>
                <span className="text-slate-700">
                  {p.completedSteps} of {p.steps} steps completed{p.goalTitle ? ` · ${p.goalTitle}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {record.isSelfManaged ? <SelfManagedPanels record={record} /> : null}
      {!record.isSelfManaged && record.plans.length === 0 ? (
        <div>
          <LinkButton href="/programs" variant="secondary">
            Browse programs
          </LinkButton>
        </div>
      ) : null}
    </div>
  );
}
