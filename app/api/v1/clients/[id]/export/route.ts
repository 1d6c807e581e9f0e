import { clientExportFileName, exportClientData } from '@/lib/clients/export';
import { apiRoute } from '@/lib/http/api';

// GET /api/v1/clients/{id}/export — everything held about the client as one JSON file (data-protection requests)
export const GET = apiRoute<{ id: string }>('clients:manage', async ({ actor, params }) => {
  const data = await exportClientData(actor, params.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${clientExportFileName(data)}"`,
      'cache-control': 'no-store',
    },
  });
});
