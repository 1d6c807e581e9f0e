import Link from 'next/link';
import { formatMoney } from '@/lib/catalog/currency';
import { credentialTypeLabels, deliveryModeLabels } from '@/lib/catalog/vocabulary';
import type { ProgramCard } from '@/lib/recommendations/candidates';
import type { GoalSkill } from '@/lib/clients/goals';

const placeLabels = { in_region: 'in the client’s region', nearby: 'nearby', in_country: 'in the client’s country', online: 'online, open in the client’s country', anywhere: '' } as const;

/** One program in a recommendation: what it is, where, cost and time, and why it is there. */
export function ProgramSummary({ program, covers, headingLevel = 3 }: { program: ProgramCard; covers: GoalSkill[]; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const place = program.place === 'nearby' && program.distanceKm !== null ? `${program.distanceKm} km away` : placeLabels[program.place];
  return (
    <div className="flex flex-col gap-1 text-sm">
      <Heading className="font-semibold text-slate-900">
        <Link href={`/programs/${program.slug}`} className="text-brand-700 underline-offset-2 hover:underline">
          {program.title}
        </Link>
      </Heading>
      <p className="text-slate-700">
        {program.providerName} · {credentialTypeLabels[program.credentialType]} · {deliveryModeLabels[program.deliveryMode]}
        {place ? ` (${place})` : ''}
      </p>
      <p className="text-slate-800">
        {formatMoney(program.cost, program.currency)}
        {program.hours !== null ? ` · ${program.hours} h` : ''} · {program.weeks ? `${program.weeks} weeks at the client’s pace` : 'duration not stated'}
        {program.nextStart ? ` · starts ${program.nextStart}` : ' · starts any time'}
      </p>
      {covers.length ? (
        <p className="text-slate-800">
          <span className="font-medium">Covers:</span>{' '}
          {covers.map((s, i) => (
            <span key={s.skillId}>
              {i ? ', ' : ''}
              {s.label}
              {s.isInDemand ? <span className="font-medium text-green-900"> (in demand)</span> : null}
            </span>
          ))}
        </p>
      ) : null}
      {program.requires.length ? <p className="text-slate-700">Requires: {program.requires.map((r) => r.title).join(', ')}</p> : null}
      {program.stacksInto.length ? <p className="text-slate-700">Stacks into: {program.stacksInto.map((r) => r.title).join(', ')}</p> : null}
    </div>
  );
}
