/** Values of employer skill gaps: shared by the database schema, validation and the UI (no server imports). */
export const gapUrgencies = ['low', 'medium', 'high'] as const;
export const gapSkillLevels = ['basic', 'intermediate', 'advanced'] as const;
export type GapUrgency = (typeof gapUrgencies)[number];
export type GapSkillLevel = (typeof gapSkillLevels)[number];

export const gapUrgencyLabels: Record<GapUrgency, string> = { low: 'Low', medium: 'Medium', high: 'High' };
export const gapSkillLevelLabels: Record<GapSkillLevel, string> = { basic: 'Basic', intermediate: 'Intermediate', advanced: 'Advanced' };
