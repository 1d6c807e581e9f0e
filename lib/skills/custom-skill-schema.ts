import { z } from 'zod';
import { skillKinds } from '@/db/schema';

/*
 * One schema for a custom skill, shared by the admin form, the API and the OpenAPI
 * document. Alternative labels may be a JSON array or the newline-separated text of a
 * textarea; blanks and repeats (ignoring case) are dropped, and so is the preferred label.
 */

export const customSkillKindLabels: Record<(typeof skillKinds)[number], string> = {
  skill: 'Skill: something a person can do',
  knowledge: 'Knowledge: facts and concepts of a field',
  tool: 'Tool or technology',
};

export const customSkillKindOptions = skillKinds.map((k) => ({ value: k, label: customSkillKindLabels[k] }));

export const customSkillLimits = { label: 200, altLabel: 200, altLabels: 50, description: 2000 } as const;

/** Trimmed, with runs of whitespace (a pasted tab or line break) made one space. */
const tidy = (v: string) => v.replace(/\s+/g, ' ').trim();
const fold = (v: string) => v.toLowerCase();

const altLabelList = z.preprocess(
  (v) => {
    if (v === undefined || v === null) return [];
    const items = typeof v === 'string' ? v.split(/\r?\n/) : v;
    if (!Array.isArray(items)) return v;
    const seen = new Set<string>();
    const out: unknown[] = [];
    for (const item of items) {
      if (typeof item !== 'string') {
        out.push(item);
        continue;
      }
      const label = tidy(item);
      if (!label || seen.has(fold(label))) continue;
      seen.add(fold(label));
      out.push(label);
    }
    return out;
  },
  z.array(
    z.string({ error: 'Each alternative label must be text.' }).max(customSkillLimits.altLabel, `Use at most ${customSkillLimits.altLabel} characters for each alternative label.`),
    { error: 'Give alternative labels as a list of strings, or as text with one label per line.' },
  ),
);

export const customSkillInputSchema = z
  .object({
    label: z.preprocess(
      (v) => (typeof v === 'string' ? tidy(v) : v),
      z
        .string({ error: 'Give the skill a label.' })
        .min(2, 'Use at least 2 characters for the label.')
        .max(customSkillLimits.label, `Use at most ${customSkillLimits.label} characters for the label.`),
    ),
    altLabels: altLabelList.describe('Other names people use for it (synonyms, acronyms): searchable and matched in text like the label'),
    description: z.preprocess(
      (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : typeof v === 'string' ? v.trim() : v),
      z.string({ error: 'The description must be text.' }).max(customSkillLimits.description, `Use at most ${customSkillLimits.description} characters for the description.`).optional(),
    ),
    kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(skillKinds, { error: `Choose one of: ${skillKinds.join(', ')}.` })),
  })
  .superRefine((v, ctx) => {
    const count = v.altLabels.filter((a) => fold(a) !== fold(v.label)).length;
    if (count > customSkillLimits.altLabels) {
      ctx.addIssue({ code: 'custom', path: ['altLabels'], message: `Give at most ${customSkillLimits.altLabels} alternative labels (you gave ${count}).` });
    }
  })
  .transform((v) => ({ ...v, altLabels: v.altLabels.filter((a) => fold(a) !== fold(v.label)) }));

export type CustomSkillInput = z.infer<typeof customSkillInputSchema>;
/** What callers may send: `altLabels` may also be newline-separated text. */
export type CustomSkillInputRaw = Partial<z.input<typeof customSkillInputSchema>>;
