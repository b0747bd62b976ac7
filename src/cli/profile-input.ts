// Shared by `ma-gap gap`, `plan` and `profile`: reading a profile JSON file and printing reports.
import type { Readable } from 'node:stream';
import type { GapReport, MissingItem, TrainingInfo } from '../gap/index.js';
import { type Lexicon, loadLexicon } from '../lexicon/index.js';
import { formatProfileIssues, type Profile, todayIso, validateProfile } from '../profile/index.js';
import { CliUsageError } from './command.js';
import { readTextInput } from './read-input.js';

let lexicon: Lexicon | undefined;
/** The built-in lexicon, loaded once per process (building it from source is slow). */
export function cliLexicon(): Lexicon {
  lexicon ??= loadLexicon();
  return lexicon;
}

/** Reads and validates a profile JSON file ("-" for stdin); a bad one is a usage error naming the problems. */
/** JSON text a user gave the CLI; a syntax error is a usage error naming the file. */
export function parseJsonInput(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliUsageError(`${path} is not JSON: ${(err as Error).message}`);
  }
}

export async function readProfile(
  path: string,
  stdin: Readable,
  cwd: string,
  lexicon: Lexicon,
): Promise<Profile> {
  const json = parseJsonInput(await readTextInput(path, stdin, cwd), path);
  const result = validateProfile(json, lexicon);
  if (!result.ok) {
    const head =
      result.unknownIds.length > 0
        ? `unknown concept ids ${result.unknownIds.join(', ')}`
        : 'invalid profile';
    throw new CliUsageError(`${path}: ${head}\n  ${formatProfileIssues(result.issues).join('\n  ')}`);
  }
  return result.profile;
}

/** `YYYY-MM-DD` from --today, or the current date. */
export function todayFrom(flag: string | undefined): string {
  if (flag === undefined) return todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(flag)) throw new CliUsageError('--today must be a date YYYY-MM-DD');
  return flag;
}

export function formatTraining(t: TrainingInfo): string {
  const length = t.length.min === t.length.max ? `${t.length.min}` : `${t.length.min}–${t.length.max}`;
  return `${t.title} (${t.kind}, ${t.provider}, ${length} ${t.length.unit})`;
}

/** The gap report for people: score and breakdown, knockouts, missing by impact with training, met. */
export function formatGapReport(report: GapReport, lexicon: Lexicon): string {
  const label = (id: string) =>
    lexicon.conceptById.get(id)?.label ?? (id === 'experience' ? 'Years of experience' : id);
  const lines: string[] = [];
  lines.push(
    `Score ${report.score}/100   (scoring v${report.scoringVersion}, lexicon ${report.lexiconVersion})`,
  );
  const parts = Object.entries(report.breakdown).map(([cat, b]) => `${cat} ${b.score} (${b.met}/${b.total})`);
  if (parts.length > 0) lines.push(`  ${parts.join('   ')}`);
  lines.push('');
  if (report.knockouts.length > 0) {
    lines.push('Knockouts:');
    for (const k of report.knockouts) lines.push(`  ✗ ${k.id}: ${k.reason}`);
    lines.push('');
  }
  if (report.missing.length > 0) {
    lines.push('Missing, by impact:');
    for (const m of report.missing) lines.push(...formatMissing(m, label(m.id)));
    lines.push('');
  }
  if (report.met.length > 0) {
    lines.push('Met:');
    for (const m of report.met) {
      const by = m.satisfiedBy ? ` (by ${m.satisfiedBy})` : '';
      const where = m.evidence[0] ? `  "${oneLine(m.evidence[0].sentence)}"` : '';
      lines.push(`  ✓ ${m.id} ${m.level}${by}${where}`);
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function formatMissing(m: MissingItem, label: string): string[] {
  const flags = [m.level, m.learning ? 'learning' : null, m.anyOf ? `any of ${m.anyOf.join(', ')}` : null]
    .filter(Boolean)
    .join(', ');
  const out = [
    `  +${m.impact.toFixed(1).padStart(4)}  ${m.id} (${label}; ${flags})${m.note ? ` — ${m.note}` : ''}`,
  ];
  for (const t of m.training.slice(0, 2)) out.push(`         → ${formatTraining(t)}`);
  return out;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}…` : flat;
}

/** Separates positional arguments from `--flags` (and the values of `valued` flags given as `--flag value`). */
export function splitArgs(args: string[], valued: string[]): { flagArgs: string[]; positional: string[] } {
  const flagArgs: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      flagArgs.push(arg);
      if (valued.includes(arg.slice(2)) && args[i + 1] !== undefined) flagArgs.push(args[++i]!);
    } else {
      positional.push(arg);
    }
  }
  return { flagArgs, positional };
}
