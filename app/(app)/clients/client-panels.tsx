'use client';

import { useState } from 'react';
import { gapSkillLevelLabels } from '@/lib/employers/vocabulary';
import { ActionForm } from '../../_components/action-form';
import { SkillPicker, SkillSearchBox, type PickedSkill } from '../../_components/skill-picker';
import { SubmitButton } from '../../_components/submit-button';
import { addClientSkillAction, addOccupationSkillsAction, createGoalAction } from './actions';

const selectClass = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
const inputClass = 'rounded-md border border-slate-300 px-3 py-2 text-sm';

/** Add one skill to the profile: search the taxonomy, then level and evidence. */
export function AddClientSkill({ clientId, canAssess = true }: { clientId: string; canAssess?: boolean }) {
  const [skill, setSkill] = useState<PickedSkill | null>(null);
  return (
    <ActionForm action={addClientSkillAction} className="flex flex-wrap items-end gap-3" fieldLabels={{ skill: 'Skill', level: 'Level', evidence: 'Evidence' }}>
      <input type="hidden" name="id" value={clientId} />
      <input type="hidden" name="skill" value={skill?.id ?? ''} />
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label htmlFor="client-skill-search" className="text-sm font-medium text-slate-800">
          Skill {skill ? <span className="font-normal text-slate-700">: {skill.label}</span> : null}
        </label>
        <SkillSearchBox id="client-skill-search" label="Skills" onChoose={setSkill} isChosen={(id) => skill?.id === id} />
      </div>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Level
        <select name="level" defaultValue="intermediate" className={selectClass}>
          {Object.entries(gapSkillLevelLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {canAssess ? (
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Evidence
          <select name="evidence" defaultValue="self_reported" className={selectClass}>
            <option value="self_reported">Self-reported</option>
            <option value="practitioner_assessed">Assessed by a practitioner</option>
          </select>
        </label>
      ) : (
        <input type="hidden" name="evidence" value="self_reported" />
      )}
      <SubmitButton pendingLabel="Adding…">Add skill</SubmitButton>
    </ActionForm>
  );
}

/** A goal made of hand-picked skills. */
export function CustomGoalForm({ clientId, withPriority = true }: { clientId: string; withPriority?: boolean }) {
  return (
    <ActionForm action={createGoalAction} className="flex flex-col gap-3" fieldLabels={{ title: 'Goal name', skills: 'Skills', targetDate: 'Target date', priority: 'Priority' }}>
      <input type="hidden" name="id" value={clientId} />
      <input type="hidden" name="kind" value="custom" />
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Goal name
        <input name="title" className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </label>
      <SkillPicker name="skills" label="Skills to gain" initial={[]} />
      <GoalTiming withPriority={withPriority} />
      <div>
        <SubmitButton pendingLabel="Saving…">Set goal</SubmitButton>
      </div>
    </ActionForm>
  );
}

/**
 * A goal of a target occupation. A self-service seeker has one goal at a time, so no priority;
 * a practitioner's client may have several.
 */
export function OccupationGoalForm({ clientId, withPriority = true }: { clientId: string; withPriority?: boolean }) {
  return (
    <ActionForm action={createGoalAction} className="flex flex-col gap-3" fieldLabels={{ occupation: 'Occupation', targetDate: 'Target date', priority: 'Priority' }}>
      <input type="hidden" name="id" value={clientId} />
      <input type="hidden" name="kind" value="occupation" />
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Occupation: O*NET-SOC code (such as 15-2051.00) or exact title
        <input name="occupation" className={inputClass} />
      </label>
      <GoalTiming withPriority={withPriority} />
      <div>
        <SubmitButton pendingLabel="Saving…">Set goal</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Adds the core skills of an occupation the person has held, to prune afterwards. */
export function PastOccupationSkillsForm({ clientId, label }: { clientId: string; label: string }) {
  return (
    <ActionForm action={addOccupationSkillsAction} className="flex flex-wrap items-end gap-3" fieldLabels={{ occupation: 'Past occupation' }}>
      <input type="hidden" name="id" value={clientId} />
      <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm font-medium text-slate-800">
        {label}
        <input name="occupation" className={inputClass} placeholder="43-3031.00" />
      </label>
      <SubmitButton variant="secondary" pendingLabel="Adding…">
        Add its core skills
      </SubmitButton>
    </ActionForm>
  );
}

export function GoalTiming({ withPriority = true }: { withPriority?: boolean }) {
  return (
    <div className="flex flex-wrap gap-3">
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Target date (optional)
        <input type="date" name="targetDate" className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
      </label>
      {withPriority ? (
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Priority
          <select name="priority" defaultValue="3" className={selectClass}>
            {[1, 2, 3, 4, 5].map((p) => (
              <option key={p} value={p}>
                {p === 1 ? '1 (highest)' : p === 5 ? '5 (lowest)' : p}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
