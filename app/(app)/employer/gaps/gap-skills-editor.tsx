'use client';

import { useState } from 'react';
import type { FieldErrors } from '@/lib/errors';
import { gapSkillLevelLabels } from '@/lib/employers/vocabulary';
import { FieldErrors as Errors } from '../../../_components/field';
import { SkillSearchBox } from '../../../_components/skill-picker';

export type GapSkillRow = { id: string; label: string; level: keyof typeof gapSkillLevelLabels; isMustHave: boolean };

/** The gap's skills: picked from the taxonomy, each with a required level and must-have or nice-to-have. */
export function GapSkillsEditor({ initial, fieldErrors }: { initial: GapSkillRow[]; fieldErrors?: FieldErrors }) {
  const [rows, setRows] = useState<GapSkillRow[]>(initial);
  const update = (id: string, change: Partial<GapSkillRow>) => setRows((all) => all.map((r) => (r.id === id ? { ...r, ...change } : r)));
  const errorsOf = (index: number) => fieldErrors?.[`skills.${index}.skill`] ?? fieldErrors?.[`skills.${index}.level`];
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-sm font-medium text-slate-800">Skills needed</legend>
      <input type="hidden" name="skills" value={JSON.stringify(rows.map((r) => ({ skill: r.id, level: r.level, isMustHave: r.isMustHave })))} />
      <input type="hidden" name="skillsLabels" value={JSON.stringify(rows)} />
      {rows.length ? (
        <table className="w-full text-sm">
          <caption className="sr-only">Skills of this gap</caption>
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="py-1 font-medium">Skill</th>
              <th scope="col" className="py-1 font-medium">Level</th>
              <th scope="col" className="py-1 font-medium">Must-have</th>
              <th scope="col" className="py-1 font-medium">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.id} className="border-t border-slate-200 align-top">
                <td className="py-2 pr-2 font-medium text-slate-900">
                  {row.label}
                  <Errors id={`gap-skill-${index}`} errors={errorsOf(index)} />
                </td>
                <td className="py-2 pr-2">
                  <select
                    aria-label={`Level for ${row.label}`}
                    value={row.level}
                    onChange={(e) => update(row.id, { level: e.target.value as GapSkillRow['level'] })}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                  >
                    {Object.entries(gapSkillLevelLabels).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="py-2 pr-2">
                  <input type="checkbox" aria-label={`${row.label} is a must-have`} checked={row.isMustHave} onChange={(e) => update(row.id, { isMustHave: e.target.checked })} className="size-4" />
                </td>
                <td className="py-2 text-right">
                  <button type="button" onClick={() => setRows((all) => all.filter((r) => r.id !== row.id))} className="rounded px-2 text-brand-700 underline">
                    Remove<span className="sr-only"> {row.label}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-600">No skills yet: search and add at least one.</p>
      )}
      <label htmlFor="field-skills" className="text-sm text-slate-800">
        Add a skill
      </label>
      <SkillSearchBox
        id="field-skills"
        label="Skills"
        errors={fieldErrors?.skills}
        isChosen={(id) => rows.some((r) => r.id === id)}
        onChoose={(skill) => setRows((all) => (all.some((r) => r.id === skill.id) || all.length >= 50 ? all : [...all, { ...skill, level: 'intermediate', isMustHave: true }]))}
      />
      <Errors id="field-skills" errors={fieldErrors?.skills} />
    </fieldset>
  );
}

export function gapSkillRowsFrom(labelsJson: string | undefined, fallback: GapSkillRow[]): GapSkillRow[] {
  if (!labelsJson) return fallback;
  try {
    const parsed: unknown = JSON.parse(labelsJson);
    return Array.isArray(parsed) ? (parsed as GapSkillRow[]).filter((r) => typeof r?.id === 'string' && typeof r?.label === 'string') : fallback;
  } catch {
    return fallback;
  }
}
