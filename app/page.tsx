import { LinkButton } from './_components/button';
import { getCurrentActor } from '@/lib/auth/session';

export default async function HomePage() {
  const actor = await getCurrentActor();
  return (
    <div className="flex flex-col gap-10">
      <section className="rounded-2xl bg-gradient-to-br from-brand-700 to-brand-800 px-8 py-12 text-white">
        <h1 className="max-w-3xl text-3xl font-bold tracking-tight sm:text-4xl">Short, stackable credentials that close real skill gaps.</h1>
        <p className="mt-4 max-w-2xl text-lg text-brand-50">
          Credpath helps career coaches and job seekers find micro-credentials — short courses, boot camps, badges, certifications — that teach the
          skills employers in their region are asking for, and turn them into a plan.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          {actor ? (
            <LinkButton href="/account" variant="secondary">
              Go to your account
            </LinkButton>
          ) : (
            <>
              <LinkButton href="/signup" variant="secondary">
                Create a free account
              </LinkButton>
              <LinkButton href="/signin" variant="ghost" className="text-white hover:bg-brand-600">
                Sign in
              </LinkButton>
            </>
          )}
        </div>
      </section>
      <section className="grid gap-6 md:grid-cols-3">
        {[
          ['For career coaches', 'Keep your caseload, map each client’s goal to the skills it needs, and build an ordered plan of programs that fits their budget, time and place.'],
          ['For employers', 'Post the skills you cannot find locally, see which programs teach them, and sponsor training that closes the gap.'],
          ['For training providers', 'Publish your programs with the EU standard elements, see unserved demand in your region, and decide what to build next.'],
        ].map(([title, text]) => (
          <div key={title} className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="font-semibold text-slate-900">{title}</h2>
            <p className="mt-2 text-sm text-slate-700">{text}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
