// The `ma-gap` command line. Each command lives in commands/<name>.ts and is listed here.

import { type CliCommand, type CliIO, CliUsageError } from './command.js';

interface CommandEntry {
  name: string;
  /** One line for `ma-gap help` (kept here: listing commands must not load them). */
  summary: string;
  /** Loaded on demand: `analyze` must not pay for the HTTP server's or the database's modules. */
  load: () => Promise<CliCommand>;
}

const COMMANDS: CommandEntry[] = [
  {
    name: 'analyze',
    summary: 'find the duties, skills, credentials and requirements in a posting',
    load: async () => (await import('./commands/analyze.js')).analyzeCommand,
  },
  {
    name: 'gap',
    summary: 'score how a profile meets one posting: knockouts, met, missing with training',
    load: async () => (await import('./commands/gap.js')).gapCommand,
  },
  {
    name: 'plan',
    summary: 'rank the trainings that would unlock the most postings for a profile',
    load: async () => (await import('./commands/plan.js')).planCommand,
  },
  {
    name: 'profile',
    summary: 'build a profile from a resume, or check a profile JSON',
    load: async () => (await import('./commands/profile.js')).profileCommand,
  },
  {
    name: 'serve',
    summary: 'run the HTTP API',
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
  {
    name: 'reanalyze',
    summary: 're-analyse stored postings after a lexicon change',
    load: async () => (await import('./commands/reanalyze.js')).reanalyzeCommand,
  },
];

function printHelp(io: CliIO): void {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  io.stdout.write(
    `ma-gap — read Medical Assistant job postings\n\nUsage: ma-gap <command> [options]\n\n${COMMANDS.map(
      (c) => `  ${c.name.padEnd(width)}  ${c.summary}`,
    ).join('\n')}\n\nRun \`ma-gap <command> --help\` for a command's options.\n`,
  );
}

export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp(io);
    return name ? 0 : 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`ma-gap: unknown command "${name}" (try \`ma-gap help\`)\n`);
    return 2;
  }
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof CliUsageError) {
      io.stderr.write(`ma-gap ${name}: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`ma-gap ${name}: ${(err as Error).message ?? String(err)}\n`);
    return 1;
  }
}

function processIO(): CliIO {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  };
}
