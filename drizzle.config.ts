import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` diffs db/schema.ts against db/migrations; no database needed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
