import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

// GET /api/health — state and version of PostgreSQL and Meilisearch
export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.db.status === 'up' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
