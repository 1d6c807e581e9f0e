import { inject } from 'vitest';

// Each test file runs in its own process: copy the servers' env from the global setup.
Object.assign(process.env, inject('env' as never));
