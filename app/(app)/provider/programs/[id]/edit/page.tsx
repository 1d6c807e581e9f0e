import type { Metadata } from 'next';
import Link from 'next/link';
import type { Program } from '@/db/schema';
import { requirePageActor } from '@/lib/auth/session';
import { mandatoryElements, optionalElements, programCompleteness } from '@/lib/catalog/completeness';
import { getProgramForEditing } from '@/lib/catalog/programs';
import { programInputFromRow } from '@/lib/catalog/program-values';
import { getProgramSkillsForManager } from '@/lib/skills/program-skills';
import { Alert } from '../../../../../_components/alert';
import { Badge, Card, PageHeader } from '../../../../../_components/layout-bits';
import { loadForPage } from '../../../../../_components/load-for-page';
import { DeleteProgramButton } from '../../program-actions';
import { ProgramForm } from '../../program-form';
import { programFieldLabels, programFormDefaults, type ProgramFormField } from '../../program-form-fields';
import { SkillSuggestions } from '../../skill-suggestions';
import { programStatusLabels, programStatusTone } from '../../status';

export const metadata: Metadata = { title: 'Edit program' };

/** The form field that fills each EU standard element, so a missing one links to its control. */
const elementFields: Record<string, ProgramFormField> = {
  title: 'title',
  issuerPlace: 'providerCountry',
  awardingBody: 'providerName',
  learningOutcomes: 'learningOutcomes',
  workload: 'hours',
  level: 'eqfLevel',
  assessment: 'assessmentType',
  participation: 'deliveryMode',
  qualityAssurance: 'qaType',
  prerequisites: 'prerequisites',
  stackability: 'stacksInto',
  furtherInformation: 'url',
};

function MissingElements({ program, elements }: { program: Program; elements: typeof mandatoryElements }) {
  const missing = elements.filter((e) => !e.isPresent(program));
  if (missing.length === 0) return null;
  return (
    <ul className="mt-1 list-disc pl-5">
      {missing.map((e) => {
        const field = elementFields[e.key];
        return (
          <li key={e.key}>
            {field ? (
              <a href={`#field-${field}`} className="text-brand-700 underline">
                {e.label}
              </a>
            ) : (
              e.label
            )}
            {field && programFieldLabels[field] !== e.label ? <span className="text-slate-600"> ({programFieldLabels[field]})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function EditProgramPage({ params, searchParams }: PageProps) {
  const { id } = await params;
  const { created } = await searchParams;
  const actor = await requirePageActor('programs:manage', `/provider/programs/${encodeURIComponent(id)}/edit`);
  const program = await loadForPage(() => getProgramForEditing(actor, id));
  const { mandatory, optional } = programCompleteness(program);
  const programSkillList = await getProgramSkillsForManager(actor, program.id);
  const skills = programSkillList.accepted.map((s) => ({ id: s.id, label: s.label }));

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader
        title={`Edit: ${program.title}`}
        description={
          <>
            <Badge tone={programStatusTone[program.status]}>{programStatusLabels[program.status]}</Badge>{' '}
            <Link href={`/programs/${program.slug}`} className="text-brand-700 underline">
              {program.status === 'published' ? 'View the public page' : 'Preview the program page'}
            </Link>
          </>
        }
      />
      {created ? (
        <Alert tone="success" title="Draft saved">
          Only your organisation sees it. Fill in what is missing below, then set the status to Published, or publish it from the program list.
        </Alert>
      ) : null}

      <Card title="EU standard elements">
        <p className="text-sm text-slate-800">
          {mandatory.present} of {mandatory.total} mandatory and {optional.present} of {optional.total} optional elements are given (Council Recommendation 2022/C 243/02).
        </p>
        {mandatory.missing.length ? (
          <div className="mt-3 text-sm text-slate-800">
            <p className="font-medium">Missing mandatory elements:</p>
            <MissingElements program={program} elements={mandatoryElements} />
          </div>
        ) : (
          <p className="mt-3 text-sm font-medium text-green-800">Every mandatory element is given.</p>
        )}
        {optional.missing.length ? (
          <div className="mt-3 text-sm text-slate-800">
            <p className="font-medium">Missing optional elements:</p>
            <MissingElements program={program} elements={optionalElements} />
          </div>
        ) : null}
      </Card>

      <Card title={`Suggested skills (${programSkillList.suggested.length})`}>
        <SkillSuggestions programId={program.id} suggestions={programSkillList.suggested} />
      </Card>

      {/* Remounts when a review changes the accepted skills, so the picker starts from them. */}
      <ProgramForm
        key={skills.map((s) => s.id).join(',')}
        programId={program.id}
        defaults={programFormDefaults(programInputFromRow(program))}
        skills={skills}
        unmatchedSkills={programSkillList.unmatched}
      />

      <Card title="Delete this program">
        <p className="mb-4 text-sm text-slate-700">
          It is removed from search and its public page goes away. To only hide it, set its status to Archived instead.
        </p>
        <DeleteProgramButton programId={program.id} title={program.title} />
      </Card>
    </div>
  );
}
