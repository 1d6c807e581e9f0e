import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { programCompleteness } from '@/lib/catalog/completeness';
import { formatMoney } from '@/lib/catalog/currency';
import { getIscedField, iscedAncestors } from '@/lib/catalog/isced-f';
import { getProgramPage, unresolvedRefs, type LinkedProgram } from '@/lib/catalog/programs';
import { credentialTypeLabels, deliveryModeLabels, eqfLevelLabels, formOfParticipation, languageName, paceLabels } from '@/lib/catalog/vocabulary';
import { can } from '@/lib/auth/actor';
import { getCurrentActor } from '@/lib/auth/session';
import { findRegion, inDemandAmong } from '@/lib/demand/demand-scores';
import { getViewerRegion } from '@/lib/demand/viewer-region';
import { getCountry, regionLabel } from '@/lib/geo/regions';
import { isAppError } from '@/lib/errors';
import { programSearchSchema } from '@/lib/search/program-search-params';
import { searchPrograms } from '@/lib/search/program-search';
import { savedProgramIds } from '@/lib/seekers/shortlist';
import { Alert } from '../../../_components/alert';
import { Badge, Card } from '../../../_components/layout-bits';
import { CompareToggle, CompareTray } from '../../../_components/compare-tray';
import { ShortlistToggle } from './shortlist-toggle';

type PageProps = { params: Promise<{ slug: string }> };

async function loadPage(slug: string) {
  const actor = await getCurrentActor();
  try {
    return { actor, ...(await getProgramPage(slug, actor)) };
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug } = await params;
  const page = await loadPage(slug);
  return { title: page.program.title, description: page.program.summary ?? undefined };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[16rem_1fr]">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="text-sm text-slate-900">{children ?? <span className="text-slate-500">Not stated</span>}</dd>
    </div>
  );
}

function ProgramLinks({ items }: { items: LinkedProgram[] }) {
  return (
    <ul className="flex flex-col gap-1">
      {items.map((p) => (
        <li key={p.id}>
          <Link href={`/programs/${p.slug}`} className="text-brand-700 underline">
            {p.title}
          </Link>{' '}
          <span className="text-sm text-slate-600">({credentialTypeLabels[p.credentialType]})</span>
        </li>
      ))}
    </ul>
  );
}

const country = (code: string | null) => (code ? (getCountry(code)?.name ?? code) : null);

export default async function ProgramPage({ params }: PageProps) {
  const { slug } = await params;
  const { actor, program: p, ownerName, isOwnerView, stacksInto, stackedFrom, requires, skills } = await loadPage(slug);
  const canShortlist = can(actor, 'shortlist:manage');
  const isSaved = p.status === 'published' && canShortlist && (await savedProgramIds(actor, [p.id])).has(p.id);
  // Demand where the viewer is, else where the program runs.
  const demandRegion = findRegion((await getViewerRegion()) ?? p.region ?? p.country);
  const inDemand = demandRegion ? await inDemandAmong(demandRegion.code, skills.map((s) => s.id)) : new Map();
  const completeness = programCompleteness(p);
  const similar = p.status === 'published' && p.fieldOfStudy
    ? await searchPrograms(programSearchSchema.parse({ field: [p.fieldOfStudy], per_page: 6 }), { facets: false }).then((r) => r.hits.filter((h) => h.id !== p.id).slice(0, 5)).catch(() => [])
    : [];
  const place = [p.city, p.region ? regionLabel(p.region) : null, country(p.country)].filter(Boolean).join(', ');
  const unresolvedStacks = unresolvedRefs(p.stacksInto, stacksInto);
  const prerequisiteText = [...requires.map((r) => r.title), ...unresolvedRefs(p.prerequisites, requires)];
  const fieldPath = p.fieldOfStudy ? iscedAncestors(p.fieldOfStudy).map((f) => f.label).join(' › ') : null;

  return (
    <div className="flex flex-col gap-6 pb-20">
      {p.status !== 'published' ? (
        <Alert tone="warning" title={`Preview: this program is ${p.status}`}>
          Only your organisation sees it. {isOwnerView ? <Link href={`/provider/programs/${p.id}/edit`} className="underline">Edit it</Link> : null}
        </Alert>
      ) : null}
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-brand-700">{credentialTypeLabels[p.credentialType]}</p>
          <h1 className="text-3xl font-bold tracking-tight">{p.title}</h1>
          <p className="mt-1 text-slate-700">
            {p.providerName}
            {p.providerCountry ? ` · ${country(p.providerCountry)}` : ''}
          </p>
          {p.summary ? <p className="mt-3 max-w-3xl text-lg text-slate-800">{p.summary}</p> : null}
        </div>
        <div className="flex flex-col items-end gap-2">
          {p.url ? (
            <a href={p.url} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800" rel="noopener noreferrer">
              Visit the provider’s page
            </a>
          ) : null}
          {p.status === 'published' ? <CompareToggle id={p.id} title={p.title} /> : null}
          {p.status === 'published' && (!actor || canShortlist) ? <ShortlistToggle programId={p.id} slug={p.slug} isSignedIn={!!actor} isSaved={isSaved} /> : null}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="flex flex-col gap-6">
          <Card title="EU standard elements">
            <p className="mb-2 text-sm text-slate-700">
              {completeness.mandatory.present} of {completeness.mandatory.total} mandatory elements and {completeness.optional.present} of {completeness.optional.total} optional
              ones are given (Council Recommendation 2022/C 243/02).
            </p>
            <dl className="divide-y divide-slate-100">
              <Row label="Title">{p.title}</Row>
              <Row label="Country/region of the issuer">{country(p.providerCountry) ?? country(p.country)}</Row>
              <Row label="Awarding body">{p.providerName}</Row>
              <Row label="Learning outcomes">
                {p.learningOutcomes.length ? (
                  <ul className="list-disc pl-5">
                    {p.learningOutcomes.map((o) => (
                      <li key={o}>{o}</li>
                    ))}
                  </ul>
                ) : null}
              </Row>
              <Row label="Notional workload">{p.hours || p.ects ? [p.hours ? `${p.hours} hours` : null, p.ects ? `${p.ects} ECTS credits` : null].filter(Boolean).join(' · ') : null}</Row>
              <Row label="Level">{p.eqfLevel ? eqfLevelLabels[p.eqfLevel] : null}</Row>
              <Row label="Type of assessment">{p.assessmentType}</Row>
              <Row label="Form of participation">{`${formOfParticipation[p.deliveryMode]} (${deliveryModeLabels[p.deliveryMode]})`}</Row>
              <Row label="Quality assurance">{p.qaType || p.qaBody ? [p.qaType, p.qaBody].filter(Boolean).join(' — ') : null}</Row>
              <Row label="Prerequisites">{prerequisiteText.length ? prerequisiteText.join('; ') : 'None stated'}</Row>
              <Row label="Stackability">{p.stacksInto.length ? `Stacks into: ${[...stacksInto.map((s) => s.title), ...unresolvedStacks].join('; ')}` : p.isCreditBearing ? 'Credit-bearing' : 'Stand-alone'}</Row>
            </dl>
          </Card>

          {p.description ? (
            <Card title="About this program">
              <p className="whitespace-pre-line text-sm text-slate-800">{p.description}</p>
            </Card>
          ) : null}

          <Card title="Skills it teaches">
            {skills.length === 0 ? (
              <p className="text-sm text-slate-700">The provider has not mapped this program to skills yet.</p>
            ) : (
              <>
                <ul className="flex flex-wrap gap-2">
                  {skills.map((skill) => (
                    <li key={skill.id}>
                      <Link
                        href={`/skills/${skill.id}`}
                        className={`inline-flex items-center gap-1 rounded-full px-3 py-1 text-sm ring-1 hover:underline ${inDemand.has(skill.id) ? 'bg-green-50 text-green-900 ring-green-700' : 'bg-slate-50 text-slate-800 ring-slate-300'}`}
                      >
                        {skill.label}
                        {inDemand.has(skill.id) ? <span className="font-semibold"> · in demand</span> : null}
                      </Link>
                    </li>
                  ))}
                </ul>
                {demandRegion ? (
                  <p className="mt-3 text-sm text-slate-700">
                    {inDemand.size ? `${inDemand.size} of ${skills.length} skills are in demand in ${demandRegion.name}. ` : `None of these skills is in demand in ${demandRegion.name} right now. `}
                    <Link href={`/skills/in-demand?region=${demandRegion.code}`} className="text-brand-700 underline">
                      See why, or change region
                    </Link>
                  </p>
                ) : null}
              </>
            )}
          </Card>

          <Card title="Stackability pathway">
            {stacksInto.length === 0 && stackedFrom.length === 0 && unresolvedStacks.length === 0 ? (
              <p className="text-sm text-slate-700">This is a stand-alone credential: no larger credential is listed for it.</p>
            ) : (
              <ol className="flex flex-col gap-4 sm:flex-row sm:items-start" aria-label="Pathway from smaller to larger credentials">
                {stackedFrom.length ? (
                  <li className="flex-1 rounded-md border border-slate-200 p-3">
                    <p className="mb-1 text-xs font-semibold uppercase text-slate-600">Stacks into this</p>
                    <ProgramLinks items={stackedFrom} />
                  </li>
                ) : null}
                <li className="flex-1 rounded-md border-2 border-brand-600 bg-brand-50 p-3">
                  <p className="mb-1 text-xs font-semibold uppercase text-brand-800">This program</p>
                  <p className="font-medium">{p.title}</p>
                </li>
                {stacksInto.length || unresolvedStacks.length ? (
                  <li className="flex-1 rounded-md border border-slate-200 p-3">
                    <p className="mb-1 text-xs font-semibold uppercase text-slate-600">It stacks into</p>
                    <ProgramLinks items={stacksInto} />
                    {unresolvedStacks.map((t) => (
                      <p key={t} className="text-sm">{t}</p>
                    ))}
                  </li>
                ) : null}
              </ol>
            )}
            {requires.length ? (
              <div className="mt-4">
                <p className="text-sm font-medium">Complete first:</p>
                <ProgramLinks items={requires} />
              </div>
            ) : null}
          </Card>
        </div>

        <aside className="flex flex-col gap-4">
          <Card title="At a glance">
            <dl className="flex flex-col gap-2 text-sm">
              <div>
                <dt className="text-slate-600">Cost</dt>
                <dd className="font-medium">{formatMoney(p.cost, p.currency)}</dd>
              </div>
              {p.fundingOptions.length ? (
                <div>
                  <dt className="text-slate-600">Funding options</dt>
                  <dd>{p.fundingOptions.join('; ')}</dd>
                </div>
              ) : null}
              <div>
                <dt className="text-slate-600">Delivery</dt>
                <dd>{deliveryModeLabels[p.deliveryMode]}{p.pace ? ` · ${paceLabels[p.pace]}` : ''}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Where</dt>
                <dd>
                  {place || '—'}
                  {p.openWorldwide ? ' · open online worldwide' : p.openCountries.length ? ` · online in ${p.openCountries.map(country).join(', ')}` : ''}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Duration</dt>
                <dd>{p.weeks ? `${p.weeks} week${p.weeks === 1 ? '' : 's'}` : '—'}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Languages</dt>
                <dd>{p.languages.map((l) => languageName(l) ?? l).join(', ')}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Field of study</dt>
                <dd>{fieldPath ?? '—'}{p.fieldOfStudy ? ` (ISCED-F ${p.fieldOfStudy})` : ''}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Credit</dt>
                <dd>{p.isCreditBearing ? `${p.creditValue ?? ''} credits${p.creditQualification ? ` towards ${p.creditQualification}` : ''}`.trim() : 'Non-credit'}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Start dates</dt>
                <dd>{p.startDates.length ? p.startDates.join(', ') : 'Any time / not stated'}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Listed by</dt>
                <dd>{ownerName}</dd>
              </div>
            </dl>
            <div className="mt-3 flex flex-wrap gap-2">
              {p.source !== 'manual' ? <Badge>Imported{p.source === 'ctdl' ? ' from Credential Engine' : ''}</Badge> : null}
              {p.ctid ? <Badge>{p.ctid}</Badge> : null}
            </div>
          </Card>
          {similar.length ? (
            <Card title="Similar programs">
              <ul className="flex flex-col gap-2 text-sm">
                {similar.map((s) => (
                  <li key={s.id}>
                    <Link href={`/programs/${s.slug}`} className="text-brand-700 underline">
                      {s.title}
                    </Link>
                    <span className="block text-slate-600">
                      {s.providerName} · {formatMoney(s.cost, s.currency)}
                    </span>
                  </li>
                ))}
              </ul>
              {p.fieldOfStudy ? (
                <Link href={`/programs?field=${p.fieldOfStudy}`} className="mt-3 inline-block text-sm text-brand-700 underline">
                  More in {getIscedField(p.fieldOfStudy)?.label}
                </Link>
              ) : null}
            </Card>
          ) : null}
        </aside>
      </div>
      <CompareTray />
    </div>
  );
}
