'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { FieldShell, controlClass, describedBy } from './field';

export type PickedSkill = { id: string; label: string };
type Hit = PickedSkill & { kind: string; altLabels?: string[] };

type SkillPickerProps = {
  /** Form field name: the chosen ids travel one per line in a hidden input of this name. */
  name: string;
  label: string;
  initial: PickedSkill[];
  hint?: string;
  errors?: string[];
  max?: number;
};

type SkillSearchBoxProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  /** Called with the skill chosen from the list (click or Enter). */
  onChoose: (skill: PickedSkill) => void;
  /** Backspace in the empty box removes the last choice. */
  onRemoveLast?: () => void;
  isChosen: (skillId: string) => boolean;
};

/**
 * Search-as-you-type over the taxonomy (typos and alternate labels, from the public skills
 * API) as an ARIA combobox: arrows move, Enter picks, Escape clears.
 */
export function SkillSearchBox({ id, label, hint, errors, onChoose, onRemoveLast, isChosen }: SkillSearchBoxProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      setStatus('idle');
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus('loading');
      try {
        const res = await fetch(`/api/v1/skills?limit=8&q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { hits: Hit[] };
        setHits(body.hits);
        setActive(body.hits.length ? 0 : -1);
        setStatus('idle');
      } catch {
        if (!controller.signal.aborted) setStatus('error');
      }
    }, 150);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [query]);

  const isOpen = query.trim().length > 0;
  const choose = (hit: PickedSkill) => {
    onChoose({ id: hit.id, label: hit.label });
    setQuery('');
    setHits([]);
    inputRef.current?.focus();
  };

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && hits.length) {
      event.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length) {
      event.preventDefault();
      setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
    } else if (event.key === 'Enter' && isOpen) {
      // Enter picks the highlighted skill instead of submitting the form.
      event.preventDefault();
      const hit = hits[active];
      if (hit) choose(hit);
    } else if (event.key === 'Escape') {
      setQuery('');
    } else if (event.key === 'Backspace' && !query) {
      onRemoveLast?.();
    }
  }

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="relative">
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-expanded={isOpen && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={isOpen && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        aria-invalid={errors?.length ? true : undefined}
        autoComplete="off"
        placeholder="Search skills, e.g. python, welding, bookkeeping"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        className={controlClass(!!errors?.length)}
      />
      <ul id={listId} role="listbox" aria-label={`${label} matching “${query}”`} hidden={!isOpen} className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-300 bg-white shadow-lg">
        {hits.map((hit, index) => (
          <li
            key={hit.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(hit)}
            onMouseEnter={() => setActive(index)}
            className={`cursor-pointer px-3 py-2 text-sm ${index === active ? 'bg-brand-50 text-brand-800' : 'text-slate-900'}`}
          >
            <span className="font-medium">{hit.label}</span> <span className="text-slate-600">· {hit.kind}</span>
            {isChosen(hit.id) ? <span className="text-slate-600"> · chosen</span> : null}
          </li>
        ))}
        {isOpen && status === 'idle' && hits.length === 0 ? <li className="px-3 py-2 text-sm text-slate-600">No skill matches “{query}”.</li> : null}
        {status === 'loading' && hits.length === 0 ? <li className="px-3 py-2 text-sm text-slate-600">Searching…</li> : null}
        {status === 'error' ? <li className="px-3 py-2 text-sm text-red-700">Skill search is unavailable right now. Try again in a moment.</li> : null}
      </ul>
    </div>
  );
}

/**
 * Taxonomy skill picker: the search box plus chosen skills as removable chips. Labels travel
 * in a second hidden input so a form re-rendered after an error keeps the chips.
 */
export function SkillPicker({ name, label, initial, hint, errors, max = 100 }: SkillPickerProps) {
  const id = `field-${name}`;
  const [picked, setPicked] = useState<PickedSkill[]>(initial);
  const remove = (skillId: string) => setPicked((current) => current.filter((p) => p.id !== skillId));
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <input type="hidden" name={name} value={picked.map((p) => p.id).join('\n')} />
      <input type="hidden" name={`${name}Labels`} value={JSON.stringify(picked)} />
      {picked.length ? (
        <ul aria-label={`Chosen ${label.toLowerCase()}`} className="flex flex-wrap gap-2">
          {picked.map((p) => (
            <li key={p.id} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pr-1 pl-3 text-sm text-brand-800 ring-1 ring-brand-100">
              {p.label}
              <button
                type="button"
                onClick={() => remove(p.id)}
                aria-label={`Remove ${p.label}`}
                className="rounded-full px-2 text-brand-800 hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-700"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No skills chosen yet.</p>
      )}
      <SkillSearchBox
        id={id}
        label={label}
        hint={hint}
        errors={errors}
        isChosen={(skillId) => picked.some((p) => p.id === skillId)}
        onChoose={(skill) => setPicked((current) => (current.some((p) => p.id === skill.id) || current.length >= max ? current : [...current, skill]))}
        onRemoveLast={() => setPicked((current) => current.slice(0, -1))}
      />
      <p className="sr-only" aria-live="polite">
        {picked.length} {picked.length === 1 ? 'skill' : 'skills'} chosen.
      </p>
    </FieldShell>
  );
}

/** Chips from a form re-rendered after an error, else the stored skills. */
export function pickedSkillsFrom(labelsJson: string | undefined, fallback: PickedSkill[]): PickedSkill[] {
  if (!labelsJson) return fallback;
  try {
    const parsed: unknown = JSON.parse(labelsJson);
    return Array.isArray(parsed) ? parsed.filter((p): p is PickedSkill => typeof p?.id === 'string' && typeof p?.label === 'string') : fallback;
  } catch {
    return fallback;
  }
}
