import { highlightEnd, highlightStart } from '@/lib/search/highlight-marks';

/** Renders search highlights as <mark> without injecting HTML (marks are control characters). */
export function Highlighted({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  const parts = text.split(new RegExp(`(${highlightStart}[^${highlightEnd}]*${highlightEnd})`));
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith(highlightStart) ? (
          <mark key={i} className="rounded bg-amber-100 px-0.5 text-inherit">
            {part.slice(1, -1)}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
