'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireActionActor } from '@/lib/auth/session';
import { type ActionState, runAction } from '@/lib/http/actions';
import { createCustomSkill, deleteCustomSkill, updateCustomSkill } from '@/lib/skills/custom-skills';

const listPath = '/admin/skills';

/** The form's fields as the schema takes them (alternative labels stay one-per-line text). */
const inputFromForm = (values: Record<string, string>) => ({
  label: values.label,
  kind: values.kind,
  altLabels: values.altLabels ?? '',
  description: values.description ?? '',
});

export async function createCustomSkillAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    const skill = await createCustomSkill(await requireActionActor(), inputFromForm(values));
    revalidatePath(listPath);
    return { message: `“${skill.preferredLabel}” added. It appears in skill search within a few seconds.` };
  });
}

/** The skill id travels in a hidden `id` field. */
export async function updateCustomSkillAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    const skill = await updateCustomSkill(await requireActionActor(), values.id ?? '', inputFromForm(values));
    revalidatePath(listPath);
    revalidatePath(`/skills/${skill.id}`);
    return { message: `“${skill.preferredLabel}” saved.` };
  });
}

export async function deleteCustomSkillAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(formData, async (values) => {
    const skill = await deleteCustomSkill(await requireActionActor(), values.id ?? '');
    revalidatePath(listPath);
    return { message: `“${skill.preferredLabel}” deleted.` };
  });
  // From its edit page, which no longer exists: back to the list, which says so.
  if (result.status === 'success' && formData.get('from') === 'edit') redirect(`${listPath}?deleted=1`);
  return result;
}
