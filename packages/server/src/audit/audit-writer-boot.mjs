// Worker-thread entry for audit-writer-thread.ts: the server runs TypeScript through tsx
// (see bin/caredesk.mjs), and a worker thread has to register it for itself.
import { register } from 'tsx/esm/api';

register();
await import('./audit-writer-worker.ts');
