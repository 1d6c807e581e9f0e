'use client';

import { useState } from 'react';
import { FieldShell } from './field';
import { SearchCombobox } from './search-combobox';

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
 * API) as an ARIA combobox.
 */
export function SkillSearchBox({ id, label, hint, errors, onChoose, onRemoveLast, isChosen }: SkillSearchBoxProps) {
  return (
    <SearchCombobox<Hit>
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      placeholder="Search skills, e.g. python, welding, bookkeeping"
      searchUrl={(q) => `/api/v1/skills?limit=8&q=${encodeURIComponent(q)}`}
      renderHit={(hit) => (
        <>
          <span className="font-medium">{hit.label}</span> <span className="text-slate-600">· {hit.kind}</span>
          {isChosen(hit.id) ? <span className="text-slate-600"> · chosen</span> : null}
        </>
      )}
      onChoose={(hit) => onChoose({ id: hit.id, label: hit.label })}
      onRemoveLast={onRemoveLast}
      noMatch={(q) => `No skill matches “${q}”.`}
      unavailable="Skill search is unavailable right now. Try again in a moment."
    />
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
