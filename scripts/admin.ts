/**
 * Operator CLI: `npm run admin -- <command> [options]`. Calls the same lib functions as
 * the UI, as the platform-level system actor. Works with or without `npm start` running.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { systemActor } from '@/lib/auth/actor';
import { isAppError } from '@/lib/errors';
import { exitWithMessage, withAppEnv } from './lib/with-app-env';

const usage = `Usage: npm run admin -- <command> [options]

Commands:
  org:create   --name <name> --kind <career_service|employer|training_provider>
  org:list
  user:create  --org <slug> --email <email> --role <admin|practitioner|employer|provider> [--name <name>]
               (password read from stdin when piped, else generated and printed once)
  user:create  --email <email> --platform-admin [--name <name>]
  apikey:create --org <slug> [--role <role>] [--name <name>]   (key printed once)
  apikey:revoke --id <key id>
`;

async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  return text || undefined;
}

function formatError(error: unknown): string {
  if (!isAppError(error)) return error instanceof Error ? error.message : String(error);
  const fields = Object.entries(error.fieldErrors ?? {}).map(([field, messages]) => `\n  --${field}: ${messages.join(' ')}`);
  return `${error.message}${fields.join('')}`;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      kind: { type: 'string' },
      org: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      id: { type: 'string' },
      'platform-admin': { type: 'boolean' },
    },
    strict: true,
  });

  const { createOrganisation, findOrganisationForOperator, listOrganisations, addMember } = await import('@/lib/orgs/organisations');
  const { createApiKey, revokeApiKey } = await import('@/lib/orgs/api-keys');
  const { createUserAccount } = await import('@/lib/auth/accounts');
  const { getDb } = await import('@/db');

  switch (command) {
    case 'org:create': {
      const org = await createOrganisation(systemActor, { name: values.name, kind: values.kind });
      console.log(`Created organisation “${org.name}” (${org.kind}), slug: ${org.slug}, id: ${org.id}`);
      return;
    }
    case 'org:list': {
      for (const org of await listOrganisations(systemActor)) console.log(`${org.slug}\t${org.kind}\t${org.name}\t${org.id}`);
      return;
    }
    case 'user:create': {
      const piped = await readStdin();
      const password = piped ?? randomBytes(12).toString('base64url');
      const email = values.email ?? '';
      const name = values.name ?? email.split('@')[0] ?? email;
      const isPlatformAdmin = values['platform-admin'] ?? false;
      if (!isPlatformAdmin && (!values.org || !values.role)) throw new Error('user:create needs --org and --role (or --platform-admin).');
      const org = values.org ? await findOrganisationForOperator(systemActor, values.org) : undefined;
      const user = await getDb().transaction(async (tx) => {
        const created = await createUserAccount(tx, { name, email, password, isPlatformAdmin });
        if (org) await addMember(tx, org.id, created.id, values.role as never);
        return created;
      });
      console.log(`Created user ${user.email}${org ? ` as ${values.role} of ${org.slug}` : ''}${isPlatformAdmin ? ' (platform admin)' : ''}.`);
      if (!piped) console.log(`Password (shown once): ${password}`);
      return;
    }
    case 'apikey:create': {
      if (!values.org) throw new Error('apikey:create needs --org <slug>.');
      const org = await findOrganisationForOperator(systemActor, values.org);
      const { apiKey, key } = await createApiKey(systemActor, { name: values.name ?? 'CLI key', role: values.role ?? 'admin' }, org.id);
      console.log(`Created API key ${apiKey.id} for ${org.slug} acting as ${apiKey.role}.`);
      console.log(`Key (shown once): ${key}`);
      return;
    }
    case 'apikey:revoke': {
      if (!values.id) throw new Error('apikey:revoke needs --id <key id>.');
      await revokeApiKey(systemActor, values.id);
      console.log(`Revoked API key ${values.id}.`);
      return;
    }
    default:
      console.log(usage);
      if (command && command !== 'help') process.exitCode = 1;
  }
}

withAppEnv(main).catch((error: unknown) => exitWithMessage(formatError(error)));
