import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { loadConfig } from '../config/config';
import { normalizeEmail } from '../identity';
import { systemClock } from '../main/create-caredesk';
import { openStandalone } from './standalone';
import { UsageError } from './usage-error';

/** A long random password from an alphabet without look-alikes, shown once. */
function initialPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...randomBytes(20)]
    .map((b) => alphabet[b % alphabet.length])
    .join('')
    .replace(/(.{5})(?!$)/g, '$1-');
}

/**
 * `caredesk admin create`: the first administrator of a new installation (after that,
 * administrators invite everyone else from the console). The password is printed once;
 * two-step sign-in is set up at the first sign-in.
 */
export function adminCommand(program: Command): void {
  const admin = program.command('admin').description('Administrator accounts.');
  admin
    .command('create')
    .description('Create an administrator account and print its initial password (shown once).')
    .argument('<email>', 'the administrator e-mail address')
    .requiredOption('--name <name>', 'the name shown in the console and the audit trail')
    .action(async (email: string, opts: { name: string }) => {
      const address = normalizeEmail(email);
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address))
        throw new UsageError(`${email} is not an e-mail address`);
      const cd = await openStandalone(loadConfig(), systemClock);
      try {
        const password = initialPassword();
        const account = await cd.identity.accounts.provision(
          {
            organizationId: cd.organizationId,
            kind: 'staff',
            email: address,
            displayName: opts.name,
            roles: ['admin'],
          },
          password,
        );
        process.stdout.write(
          `administrator ${address} created (${account.id}).\n` +
            `initial password (shown once): ${password}\n` +
            'Sign in, set up the authenticator app when asked, then change the password.\n',
        );
      } finally {
        await cd.close();
      }
    });
}
