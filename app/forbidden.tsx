import { LinkButton } from './_components/button';

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-bold">You don’t have access to this page</h1>
      <p className="mt-3 text-slate-700">Your role in your organisation does not include it. Ask your organisation admin if you need access.</p>
      <div className="mt-6">
        <LinkButton href="/account">Back to your account</LinkButton>
      </div>
    </div>
  );
}
