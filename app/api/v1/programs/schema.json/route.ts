import { NextResponse } from 'next/server';
import { programJsonSchema } from '@/lib/api/openapi';

// GET /api/v1/programs/schema.json — JSON Schema of a program (JSON import and POST body)
export function GET() {
  return NextResponse.json(programJsonSchema());
}
