import { CliUsageError } from './command.js';

/** `--name value` / `--name=value` flags, and bare `--switch`es; anything else is a usage error. */
export function parseFlags(
  args: string[],
  valued: string[],
  switches: string[] = [],
): Record<string, string | undefined> {
  const flags: Record<string, string | undefined> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1];
    if (name && switches.includes(name) && match[2] === undefined) {
      flags[name] = 'true';
      continue;
    }
    if (!name || !valued.includes(name)) throw new CliUsageError(`unknown argument "${arg}"`);
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new CliUsageError(`--${name} needs a value`);
    flags[name] = value;
  }
  return flags;
}
