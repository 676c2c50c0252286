#!/usr/bin/env node
// The `caredesk` command. CareDesk runs its TypeScript through tsx, so that a fresh
// clone needs no build step between `npm ci` and `npm start`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
