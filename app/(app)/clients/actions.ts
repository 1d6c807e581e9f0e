'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireActionActor } from '@/lib/auth/session';
import { addClientSkill, addOccupationSkills, removeClientSkill } from '@/lib/clients/client-skills';
import { addClientNote, createClient, setClientStatus, updateClient } from '@/lib/clients/clients';
import { createGoal, deleteGoal } from '@/lib/clients/goals';
import { type ActionState, runAction } from '@/lib/http/actions';

const clientFields = [
  'fullName', 'email', 'phone', 'country', 'region', 'city', 'deliveryModes', 'languages', 'maxBudget', 'budgetCurrency',
  'hoursPerWeek', 'earliestStart', 'travelRadiusKm', 'consentDataProcessing', 'consentEmployerVisible', 'assignedTo',
] as const;

/** Form strings → client input; unticked boxes send nothing, so they are read as false. */
function clientInputFromForm(formData: FormData, values: Record<string, string>) {
  const out: Record<string, unknown> = {};
  for (const field of clientFields) out[field] = values[field] ?? '';
  out.deliveryModes = formData.getAll('deliveryModes').filter((v) => typeof v === 'string');
  out.consentDataProcessing = values.consentDataProcessing === 'on';
  out.consentEmployerVisible = values.consentEmployerVisible === 'on';
  return out;
}

const clientPath = (id: string) => `/clients/${id}`;
/** A client's record shows on their practitioner's page and, for the job seeker, on My plan. */
function revalidateClient(id: string) {
  revalidatePath(clientPath(id));
  revalidatePath('/my-plan');
}

export async function createClientAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let target: string | undefined;
  const result = await runAction(formData, async (values) => {
    const client = await createClient(await requireActionActor(), clientInputFromForm(formData, values));
    target = `${clientPath(client.id)}?created=1`;
    return {};
  });
  if (target) {
    revalidatePath('/clients');
    redirect(target);
  }
  return result;
}

export async function updateClientAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const id = String(formData.get('id') ?? '');
  const result = await runAction(formData, async (values) => {
    await updateClient(await requireActionActor(), id, clientInputFromForm(formData, values));
    return {};
  });
  if (result.status === 'success') {
    revalidatePath('/clients');
    redirect(`${clientPath(id)}?saved=1`);
  }
  return result;
}

export async function setClientStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    const client = await setClientStatus(await requireActionActor(), values.id ?? '', values.status === 'active' ? 'active' : 'archived');
    revalidatePath(clientPath(client.id));
    revalidatePath('/clients');
    return { message: client.status === 'archived' ? `${client.fullName} is archived.` : `${client.fullName} is back in the caseload.` };
  });
}

export async function addClientNoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await addClientNote(await requireActionActor(), values.id ?? '', values.note);
    revalidateClient(values.id ?? '');
    return { message: 'Note added to the timeline.' };
  });
}

export async function addClientSkillAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await addClientSkill(await requireActionActor(), values.id ?? '', { skill: values.skill, level: values.level, evidence: values.evidence });
    revalidateClient(values.id ?? '');
    return { message: 'Skill recorded.' };
  });
}

export async function removeClientSkillAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await removeClientSkill(await requireActionActor(), values.id ?? '', values.skillId ?? '');
    revalidateClient(values.id ?? '');
    return { message: 'Skill removed.' };
  });
}

export async function addOccupationSkillsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    const { added } = await addOccupationSkills(await requireActionActor(), values.id ?? '', values.occupation ?? '');
    revalidateClient(values.id ?? '');
    return { message: added ? `${added} skills added: remove the ones that do not apply.` : 'No new skills: the profile already holds them.' };
  });
}

export async function createGoalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    const goal = await createGoal(await requireActionActor(), values.id ?? '', {
      kind: values.kind,
      occupation: values.occupation,
      gapId: values.gapId,
      title: values.title,
      skills: values.skills,
      targetDate: values.targetDate,
      priority: values.priority,
    });
    revalidateClient(values.id ?? '');
    return { message: `Goal set: ${goal.title}.` };
  });
}

export async function deleteGoalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await deleteGoal(await requireActionActor(), values.goalId ?? '');
    revalidateClient(values.id ?? '');
    return { message: 'Goal removed.' };
  });
}
