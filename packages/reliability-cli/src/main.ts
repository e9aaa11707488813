import { CliError, connectionFrom, UsageError } from './client';
import { gate } from './commands/gate';
import { who } from './commands/who';

export const USAGE = `Usage: reliability <command> [options]

Commands:
  gate <entityRef> [--json | --markdown]
      The change-risk report of an entity. Exits 1 when its release gate says freeze
      or the risk is high, 0 when it is low or medium.
  who <query> [--json]
      Who to page for the entities matching a name, title, tag, owner or service name.
      Exits 1 when nothing matches.

Environment:
  BACKSTAGE_URL    the portal's address, such as https://backstage.example.com
  BACKSTAGE_TOKEN  a token the portal accepts (a static external-access token in CI)

Usage errors, connection errors and error answers exit 2.`;

export type Io = {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
};

/** Runs the CLI on `argv` (without node and the script) and answers its exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const flags = argv.filter(arg => arg.startsWith('--'));
  const [command, ...args] = argv.filter(arg => !arg.startsWith('--'));
  if (flags.includes('--help') || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  try {
    const known = command === 'gate' ? ['--json', '--markdown'] : ['--json'];
    const unknown = flags.filter(flag => !known.includes(flag));
    if (!command || !['gate', 'who'].includes(command)) {
      throw new UsageError(
        command ? `Unknown command "${command}"` : 'Give a command',
      );
    }
    if (unknown.length > 0) {
      throw new UsageError(
        `Unknown option ${unknown.join(', ')} for ${command}`,
      );
    }
    if (args.length !== 1) {
      throw new UsageError(
        command === 'gate'
          ? 'gate takes one entity ref, such as component:default/orders-service'
          : 'who takes one query; quote it if it has spaces',
      );
    }
    if (flags.includes('--json') && flags.includes('--markdown')) {
      throw new UsageError('Choose one of --json and --markdown');
    }
    const connection = connectionFrom(io.env);
    if (command === 'gate') {
      let output: 'text' | 'json' | 'markdown' = 'text';
      if (flags.includes('--json')) output = 'json';
      if (flags.includes('--markdown')) output = 'markdown';
      return await gate(connection, args[0], output, io.out);
    }
    return await who(
      connection,
      args[0],
      flags.includes('--json') ? 'json' : 'text',
      io.out,
    );
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(`reliability: ${error.message}`);
    if (error instanceof UsageError) io.err(USAGE);
    return 2;
  }
}
