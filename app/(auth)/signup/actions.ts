'use server';

import { signUp } from '@/lib/auth/sign-up';
import { type ActionState, runAction } from '@/lib/http/actions';

export async function signUpAction(formData: FormData): Promise<ActionState> {
  return runAction(formData, async () => {
    await signUp({
      name: formData.get('name'),
      email: formData.get('email'),
      password: formData.get('password'),
      inviteToken: formData.get('inviteToken') || undefined,
    });
    return { message: 'Account created.' };
  });
}
