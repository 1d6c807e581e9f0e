import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { customSkillKindOptions } from '@/lib/skills/custom-skill-schema';
import { listCustomSkills, type CustomSkillRow } from '@/lib/skills/custom-skills';
import { Alert } from '../../../_components/alert';
import { Badge, Card, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { DataTable } from '../../../_components/table';
import { CustomSkillForm, DeleteCustomSkillButton } from './custom-skill-forms';

export const metadata: Metadata = { title: 'Custom skills' };

function AltLabels({ labels }: { labels: string[] }) {
  if (labels.length === 0) return <span className="text-slate-600">—</span>;
  const shown = labels.slice(0, 4).join('; ');
  return (
    <span>
      {shown}
      {labels.length > 4 ? <span className="text-slate-600"> and {labels.length - 4} more</span> : null}
    </span>
  );
}

function RowActions({ skill }: { skill: CustomSkillRow }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      <Link href={`/admin/skills/${skill.id}/edit`} className="rounded-md px-2 py-1 text-sm font-semibold text-brand-700 underline hover:bg-brand-50">
        Edit<span className="sr-only"> {skill.preferredLabel}</span>
      </Link>
      <DeleteCustomSkillButton skillId={skill.id} label={skill.preferredLabel} />
    </div>
  );
}

type PageProps = { searchParams: Promise<{ deleted?: string }> };

export default async function CustomSkillsPage({ searchParams }: PageProps) {
  const actor = await requirePageActor('skills:manage', '/admin/skills');
  const [rows, { deleted }] = await Promise.all([listCustomSkills(actor), searchParams]);
  const isPlatformView = actor.isPlatformAdmin;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Custom skills"
        description={
          <>
            Add skills that ESCO and O*NET lack. Everyone finds and picks them like the others, and skill suggestions for program texts include them. Only
            {isPlatformView ? ' the admins of the organisation that added one, and platform admins,' : ' your organisation’s admins'} can change or delete them.{' '}
            <Link href="/skills" className="text-brand-700 underline">
              Search the taxonomy
            </Link>{' '}
            first: a skill may already be there under another name.
          </>
        }
      />
      {deleted ? <Alert tone="success">Skill deleted.</Alert> : null}
      <Card title="Add a skill">
        <CustomSkillForm kindOptions={customSkillKindOptions} />
      </Card>
      <Card title={isPlatformView ? `Custom skills of every organisation (${rows.length})` : `Your organisation’s custom skills (${rows.length})`}>
        {rows.length === 0 ? (
          <EmptyState title="No custom skills yet">
            <p>Skills added with the form above are listed here.</p>
          </EmptyState>
        ) : (
          <DataTable
            caption="Custom skills"
            rows={rows}
            rowKey={(s) => s.id}
            columns={[
              {
                header: 'Label',
                cell: (s) => (
                  <Link href={`/skills/${s.id}`} className="font-medium text-brand-700 underline">
                    {s.preferredLabel}
                  </Link>
                ),
              },
              { header: 'Kind', cell: (s) => <Badge>{s.kind}</Badge> },
              { header: 'Alternative labels', cell: (s) => <AltLabels labels={s.altLabels} /> },
              {
                header: 'Added by',
                cell: (s) => (
                  <span>
                    {s.orgName ?? 'Platform'}
                    {s.createdByName ? <span className="block text-xs text-slate-600">{s.createdByName}</span> : null}
                  </span>
                ),
              },
              { header: 'Updated', cell: (s) => <time dateTime={s.updatedAt.toISOString()}>{s.updatedAt.toISOString().slice(0, 10)}</time> },
              { header: 'Actions', cell: (s) => <RowActions skill={s} /> },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
