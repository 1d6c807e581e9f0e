import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { customSkillKindOptions } from '@/lib/skills/custom-skill-schema';
import { getCustomSkillForEditing } from '@/lib/skills/custom-skills';
import { Card, PageHeader } from '../../../../../_components/layout-bits';
import { loadForPage } from '../../../../../_components/load-for-page';
import { CustomSkillForm, DeleteCustomSkillButton } from '../../custom-skill-forms';

export const metadata: Metadata = { title: 'Edit custom skill' };

type PageProps = { params: Promise<{ id: string }> };

export default async function EditCustomSkillPage({ params }: PageProps) {
  const { id } = await params;
  const actor = await requirePageActor('skills:manage', `/admin/skills/${encodeURIComponent(id)}/edit`);
  const skill = await loadForPage(() => getCustomSkillForEditing(actor, id));
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader
        title={`Edit: ${skill.preferredLabel}`}
        description={
          <>
            <Link href={`/skills/${skill.id}`} className="text-brand-700 underline">
              View the public skill page
            </Link>{' '}
            · <Link href="/admin/skills" className="text-brand-700 underline">All custom skills</Link>
          </>
        }
      />
      <Card>
        <CustomSkillForm
          skillId={skill.id}
          kindOptions={customSkillKindOptions}
          defaults={{ label: skill.preferredLabel, kind: skill.kind, altLabels: skill.altLabels.join('\n'), description: skill.description ?? '' }}
        />
      </Card>
      <Card title="Delete this skill">
        <p className="mb-4 text-sm text-slate-700">It leaves skill search and suggestions, and programs and skill gaps that list it lose it.</p>
        <DeleteCustomSkillButton skillId={skill.id} label={skill.preferredLabel} isOnEditPage />
      </Card>
    </div>
  );
}
