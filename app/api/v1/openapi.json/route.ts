import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi';

// GET /api/v1/openapi.json — the OpenAPI 3.1 document
export function GET(request: Request) {
  return NextResponse.json(openApiDocument(new URL(request.url).origin));
}
