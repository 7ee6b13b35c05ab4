import type { Command } from 'commander';
import { LoopCoachError } from '../../errors.js';
import { composeAccountService } from '../../services/compose.js';
import { ROLES, type Role } from '../../store/team.repository.js';
import { printJson, type CliIo } from '../output.js';
import { withStore } from './session-runner.js';

interface UserFlags {
  db?: string;
  email?: string;
  name?: string;
  role?: string;
  json?: boolean;
}

/** The password: LOOPCOACH_PASSWORD, or the first line of standard input (never a flag, which `ps` would show). */
async function readPassword(io: CliIo): Promise<string> {
  const fromEnv = process.env.LOOPCOACH_PASSWORD;
  const password = fromEnv ?? (await io.readStdin()).split(/\r?\n/)[0] ?? '';
  if (!password) throw new LoopCoachError('invalid_input', 'give the password on standard input or in LOOPCOACH_PASSWORD');
  return password;
}

function required(value: string | undefined, flag: string): string {
  if (!value?.trim()) throw new LoopCoachError('invalid_input', `${flag} is required`);
  return value;
}

/** `loopcoach users add|list|set-password`: team-mode accounts, run on the server's database (the first admin starts here). */
export function registerUsers(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  const users = program.command('users').description('team mode: manage accounts in the database (the first admin is added here)');
  users
    .command('add')
    .description('add an account; the password is read from standard input or LOOPCOACH_PASSWORD')
    .requiredOption('--email <email>', 'the email address to sign in with')
    .requiredOption('--name <name>', 'the name shown to coaches')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'candidate')
    .option('--db <path>', 'SQLite file or postgres:// URL (default: LOOPCOACH_DB)')
    .option('--json', 'print the account as JSON')
    .action((flags: UserFlags) =>
      run(async () => {
        const role = flags.role ?? 'candidate';
        if (!ROLES.includes(role as Role)) throw new LoopCoachError('invalid_input', `unknown role "${role}"; roles: ${ROLES.join(', ')}`);
        const password = await readPassword(io);
        await withStore(flags, async (store) => {
          const user = await composeAccountService(store).addUser({
            email: required(flags.email, '--email'),
            name: required(flags.name, '--name'),
            role: role as Role,
            password,
          });
          if (flags.json) return printJson(io, user);
          io.out(`Added ${user.role} ${user.email} (${user.id}).`);
        });
      }),
    );
  users
    .command('list')
    .description('list the accounts')
    .option('--db <path>', 'SQLite file or postgres:// URL (default: LOOPCOACH_DB)')
    .option('--json', 'print an array of accounts')
    .action((flags: UserFlags) =>
      run(async () => {
        await withStore(flags, async (store) => {
          const list = await composeAccountService(store).listUsers();
          if (flags.json) return printJson(io, list);
          io.out(
            list.length === 0
              ? 'No accounts yet: add the first admin with `loopcoach users add --role admin`.'
              : list.map((u) => `${u.id}  ${u.role.padEnd(9)} ${u.email}  ${u.name}`).join('\n'),
          );
        });
      }),
    );
  users
    .command('set-password')
    .description("set an account's password (read from standard input or LOOPCOACH_PASSWORD); ends its sign-ins")
    .requiredOption('--email <email>', 'the account')
    .option('--db <path>', 'SQLite file or postgres:// URL (default: LOOPCOACH_DB)')
    .action((flags: UserFlags) =>
      run(async () => {
        const password = await readPassword(io);
        await withStore(flags, async (store) => {
          const user = await store.team.findUserByEmail(required(flags.email, '--email').trim().toLowerCase());
          if (!user) throw new LoopCoachError('user_not_found', `no account for ${flags.email}`);
          await composeAccountService(store).setPassword(user.id, password);
          io.out(`Set the password of ${user.email}; their sign-ins have ended.`);
        });
      }),
    );
}
