import { describe, expect, it } from 'vitest';
import * as healthRoute from '@/app/api/health/route';

describe('GET /api/health', () => {
  it('reports both real dependencies up, with versions', async () => {
    const res = await healthRoute.GET();
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.db).toMatchObject({ status: 'up' });
    expect(body.db.version).toMatch(/^\d+/);
    expect(body.search).toMatchObject({ status: 'up' });
    expect(body.search.version).toMatch(/^1\.\d+/);
  });
});
