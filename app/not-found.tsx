import { LinkButton } from './_components/button';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-bold">We couldn’t find that page</h1>
      <p className="mt-3 text-slate-700">The link may be out of date, or the page may belong to another organisation.</p>
      <div className="mt-6">
        <LinkButton href="/">Go to the home page</LinkButton>
      </div>
    </div>
  );
}
