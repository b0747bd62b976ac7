import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { analyzePosting } from '../../extract/index.js';
import { type Lexicon, loadLexicon } from '../../lexicon/index.js';
import { type CliCommand, type CliIO, CliUsageError } from '../command.js';
import { formatAnalysis } from '../format-analysis.js';
import { decodePostingLine } from '../posting-line.js';
import { isHtml, readTextInput } from '../read-input.js';

const USAGE = `Usage: ma-gap analyze FILE|- [--json] [--html|--text] [--lexicon DIR]
       ma-gap analyze --jsonl FILE|-

  FILE        a posting as plain text or HTML ("-" reads stdin)
  --json      print the analysis JSON instead of the summary
  --html      treat the input as HTML (default: by file name or content)
  --text      treat the input as plain text
  --jsonl     read JSON lines {"id","text"} or {"id","html"} (or {"id","format":"html","text"});
              write one {"id",…analysis} line each
  --lexicon   a lexicon source directory (default: the built-in lexicon)

Exit codes: 0 ok, 1 some JSON lines failed (each reported on stderr), 2 bad input or usage.`;

interface AnalyzeArgs {
  path: string;
  json: boolean;
  jsonl: boolean;
  format?: 'html' | 'text';
  lexiconDir?: string;
}

function parseArgs(args: string[]): AnalyzeArgs {
  const parsed: Partial<AnalyzeArgs> = { json: false, jsonl: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') parsed.json = true;
    else if (arg === '--jsonl') parsed.jsonl = true;
    else if (arg === '--html') parsed.format = 'html';
    else if (arg === '--text') parsed.format = 'text';
    else if (arg === '--lexicon') {
      const dir = args[++i];
      if (!dir) throw new CliUsageError('--lexicon needs a directory');
      parsed.lexiconDir = dir;
    } else if (arg.startsWith('-') && arg !== '-') throw new CliUsageError(`unknown option ${arg}`);
    else if (parsed.path === undefined) parsed.path = arg;
    else throw new CliUsageError(`unexpected argument ${arg}`);
  }
  if (parsed.path === undefined) throw new CliUsageError('give a FILE, or - for stdin (see --help)');
  return parsed as AnalyzeArgs;
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Streams JSON lines through the engine: constant memory, a bad line never stops the batch. */
async function analyzeJsonLines(args: AnalyzeArgs, lexicon: Lexicon, io: CliIO): Promise<number> {
  const input = args.path === '-' ? io.stdin : createReadStream(resolve(io.cwd, args.path));
  const opened = new Promise<void>((ok, fail) => {
    if (args.path === '-') return ok();
    input.once('open', () => ok());
    input.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        new CliUsageError(
          `cannot read ${args.path}: ${err.code === 'ENOENT' ? 'no such file' : (err.code ?? err.message)}`,
        ),
      ),
    );
  });
  await opened;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let failed = 0;
  let done = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const fail = (why: string) => {
      failed++;
      io.stderr.write(`ma-gap analyze: line ${lineNo}: ${why}\n`);
    };
    const decoded = decodePostingLine(line);
    if (!decoded.ok) {
      fail(decoded.error);
      continue;
    }
    const analysis = analyzePosting(decoded.input, lexicon);
    await write(io.stdout, `${JSON.stringify({ id: decoded.id, ...analysis })}\n`);
    done++;
  }
  if (done === 0 && failed === 0)
    throw new CliUsageError(`${args.path === '-' ? 'stdin' : args.path} is empty`);
  return failed > 0 ? 1 : 0;
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv);
    const lexicon = loadLexicon(args.lexiconDir ? { dir: resolve(io.cwd, args.lexiconDir) } : {});
    if (args.jsonl) return analyzeJsonLines(args, lexicon, io);
    const text = await readTextInput(args.path, io.stdin, io.cwd);
    const html = args.format ? args.format === 'html' : isHtml(args.path, text);
    const analysis = analyzePosting(html ? { html: text } : { text }, lexicon);
    await write(io.stdout, args.json ? `${JSON.stringify(analysis, null, 2)}\n` : formatAnalysis(analysis));
    return 0;
  },
};
