'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireActionActor } from '@/lib/auth/session';
import { deleteClient } from '@/lib/clients/erasure';
import { deleteOutcome, recordOutcome } from '@/lib/clients/outcomes';
import { type ActionState, runAction } from '@/lib/http/actions';

const clientPath = (id: string) => `/clients/${id}`;

export async function recordOutcomeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    const outcome = await recordOutcome(await requireActionActor(), values.id ?? '', { kind: values.kind, title: values.title, occurredOn: values.occurredOn, note: values.note });
    revalidatePath(clientPath(values.id ?? ''));
    return { message: `Outcome recorded: ${outcome.title}.` };
  });
}

export async function deleteOutcomeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async (values) => {
    await deleteOutcome(await requireActionActor(), values.id ?? '', values.outcomeId ?? '');
    revalidatePath(clientPath(values.id ?? ''));
    return { message: 'Outcome removed.' };
  });
}

export async function deleteClientAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(formData, async (values) => {
    await deleteClient(await requireActionActor(), values.id ?? '', { confirmName: values.confirmName ?? '' });
    return {};
  });
  if (result.status === 'success') {
    revalidatePath('/clients', 'layout');
    redirect('/clients?deleted=1');
  }
  return result;
}
