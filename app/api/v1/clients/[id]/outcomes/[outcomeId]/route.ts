import { deleteOutcome } from '@/lib/clients/outcomes';
import { apiRoute } from '@/lib/http/api';

// DELETE /api/v1/clients/{id}/outcomes/{outcomeId} — remove an outcome recorded by mistake (the stage stays)
export const DELETE = apiRoute<{ id: string; outcomeId: string }>('clients:manage', async ({ actor, params }) => {
  await deleteOutcome(actor, params.id, params.outcomeId);
  return new Response(null, { status: 204 });
});
