import { z } from 'zod';
import { orgKinds, orgRoles } from '@/db/schema';

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .email('Enter a valid email address, like name@example.org.')
  .transform((v) => v.toLowerCase());

// A few of the most common leaked passwords; length does the rest (NIST SP 800-63B).
const commonPasswords = new Set([
  'password123', 'password1234', '1234567890', '12345678910', 'qwertyuiop', 'iloveyou123', 'password12',
  'letmein123', 'welcome123', 'administrator', 'qwerty12345', 'abc1234567', '1q2w3e4r5t', 'passw0rd123',
]);

export const passwordSchema = z
  .string({ error: 'Choose a password.' })
  .min(10, 'Use at least 10 characters for your password.')
  .max(200, 'Use at most 200 characters for your password.')
  .refine((v) => !commonPasswords.has(v.toLowerCase()), 'That password is too common; choose another.')
  .refine((v) => new Set(v).size >= 4, 'That password repeats too few characters; choose another.');

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter your name.').max(120, 'Use at most 120 characters.'),
    email: emailSchema,
    password: passwordSchema,
    inviteToken: z.string().trim().min(1).optional(),
  })
  .superRefine((v, ctx) => {
    const local = v.email.split('@')[0] ?? '';
    if (local.length >= 4 && v.password.toLowerCase().includes(local)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'Your password must not contain your email address.' });
    }
  });
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(200),
});

export const orgKindSchema = z.enum(orgKinds, { error: `Choose one of: ${orgKinds.join(', ')}.` });
export const orgRoleSchema = z.enum(orgRoles, { error: `Choose one of: ${orgRoles.join(', ')}.` });

export const createOrganisationSchema = z.object({
  name: z.string().trim().min(2, 'Use at least 2 characters for the name.').max(120, 'Use at most 120 characters.'),
  kind: orgKindSchema,
});

export const createInviteSchema = z.object({
  role: orgRoleSchema,
  email: z.union([z.literal('').transform(() => undefined), emailSchema]).optional(),
});

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, 'Name the key after the system that will use it.').max(80, 'Use at most 80 characters.'),
  role: orgRoleSchema.default('admin'),
});
