export const importStatusTone = { validating: 'slate', validated: 'blue', importing: 'amber', completed: 'green', failed: 'red' } as const;
