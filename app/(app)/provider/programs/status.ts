import type { ProgramStatus } from '@/lib/catalog/vocabulary';

export const programStatusLabels: Record<ProgramStatus, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' };

export const programStatusTone = { draft: 'amber', published: 'green', archived: 'slate' } as const satisfies Record<ProgramStatus, string>;
