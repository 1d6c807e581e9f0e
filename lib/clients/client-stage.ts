import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, clientStages } from '@/db/schema';

/** Moves a client's stage forward to `stage`; a client already there or further on keeps theirs. */
export async function advanceClientStage(db: Db, clientId: string, stage: (typeof clientStages)[number]): Promise<boolean> {
  const earlier = clientStages.slice(0, clientStages.indexOf(stage));
  if (earlier.length === 0) return false;
  const moved = await db
    .update(clients)
    .set({ stage, updatedAt: new Date() })
    .where(and(eq(clients.id, clientId), inArray(clients.stage, earlier)))
    .returning({ id: clients.id });
  return moved.length > 0;
}
