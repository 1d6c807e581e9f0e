import { z } from 'zod';

export const shortlistNoteMaxLength = 500;

/**
 * Save a program to the shortlist (form and API). Without `note` an existing note stays;
 * an empty or null note clears it.
 */
export const saveProgramInputSchema = z.object({
  programId: z.uuid('Choose a program.'),
  note: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.string({ error: 'The note must be text.' }).trim().max(shortlistNoteMaxLength, `Keep the note to ${shortlistNoteMaxLength} characters or fewer.`).nullable().optional(),
  ),
});

export type SaveProgramInput = z.infer<typeof saveProgramInputSchema>;
