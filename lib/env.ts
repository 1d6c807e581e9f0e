import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// connection string'),
  MEILI_HOST: z.string().url('MEILI_HOST must be the URL of a Meilisearch server, e.g. http://127.0.0.1:7700'),
  MEILI_MASTER_KEY: z.string().default(''),
  /** Prefix of every Meilisearch index name, so several environments can share one server. */
  MEILI_INDEX_PREFIX: z.string().regex(/^[a-z0-9_-]*$/i, 'MEILI_INDEX_PREFIX may hold letters, digits, - and _ only').default(''),
  NEXTAUTH_SECRET: z.string().min(16, 'NEXTAUTH_SECRET must be at least 16 characters'),
  CREDPATH_LOCAL_SERVICES: z.enum(['1']).optional(),
  REFERENCE_DATA_DIR: z.string().default('../shared/data'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Validated server environment; throws one readable message listing every bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}\n(npm start sets these for the embedded servers; see README "Production".)`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests that repoint the app at another server call this after changing process.env. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** Demo credentials are shown only when Credpath runs on its own embedded servers. */
export const isLocalDemo = () => process.env.CREDPATH_LOCAL_SERVICES === '1';
