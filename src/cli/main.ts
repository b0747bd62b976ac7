// The `ma-gap` command line. Each command lives in commands/<name>.ts and is listed here.

import { type CliCommand, type CliIO, CliUsageError } from './command.js';
import { analyzeCommand } from './commands/analyze.js';
import { reanalyzeCommand } from './commands/reanalyze.js';
import { serveCommand } from './commands/serve.js';

const COMMANDS: CliCommand[] = [analyzeCommand, serveCommand, reanalyzeCommand];

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
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`ma-gap: unknown command "${name}" (try \`ma-gap help\`)\n`);
    return 2;
  }
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
