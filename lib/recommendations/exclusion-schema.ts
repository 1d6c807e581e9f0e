import { z } from 'zod';

/** Exclude a program from a goal's recommendations, or let it back in (form and API). */
export const exclusionInputSchema = z.object({
  programId: z.uuid('Choose a program.'),
  isExcluded: z.preprocess((v) => (v === 'false' || v === false ? false : v === undefined || v === 'true' || v === true ? true : v), z.boolean({ error: 'isExcluded is true or false.' })),
});
