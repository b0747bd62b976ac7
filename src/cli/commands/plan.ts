import type { Readable } from 'node:stream';
import { analyzePosting } from '../../extract/index.js';
import { buildTrainingPlan, type PlanPosting, type PlanRanking } from '../../gap/index.js';
import type { Lexicon } from '../../lexicon/index.js';
import { type CliCommand, CliUsageError } from '../command.js';
import { parseFlags } from '../parse-flags.js';
import { decodePostingLine } from '../posting-line.js';
import { cliLexicon, formatTraining, readProfile, splitArgs, todayFrom } from '../profile-input.js';
import { isHtml, readTextInput } from '../read-input.js';

const USAGE = `Usage: ma-gap plan --profile PROFILE.json POSTINGS.jsonl|FILE... [--json] [--rank unlocks|score]
                    [--limit N] [--today YYYY-MM-DD]

  --profile   the job seeker's profile JSON (the README, "Job seekers")
  POSTINGS    .jsonl files, one posting a line: {"id","text"} or {"id","html"} (or {"format":"html","text"});
              any other file is one posting, text or HTML ("-" reads stdin)
  --json      print the plan JSON (the API's /plan response) instead of the summary
  --rank      unlocks (default): postings unlocked first, then score added; score: score added first
  --limit     show only the first N steps (default 15 in the summary; all with --json)
  --today     the date credentials' expiry is judged on (default: today)

Exit codes: 0 ok, 2 bad input or usage.`;

export const planCommand: CliCommand = {
  name: 'plan',
  usage: USAGE,
  async run(args, io) {
    const valued = ['profile', 'rank', 'limit', 'today'];
    const { flagArgs, positional } = splitArgs(args, valued);
    const flags = parseFlags(flagArgs, valued, ['json']);
    if (!flags.profile) throw new CliUsageError('--profile PROFILE.json is required (see --help)');
    if (positional.length === 0)
      throw new CliUsageError('give postings: a .jsonl file or posting files (see --help)');
    if ([flags.profile, ...positional].filter((p) => p === '-').length > 1) {
      throw new CliUsageError('only one input can be stdin');
    }
    const rankBy = (flags.rank ?? 'unlocks') as PlanRanking;
    if (rankBy !== 'unlocks' && rankBy !== 'score') throw new CliUsageError('--rank is unlocks or score');
    let limit: number | undefined;
    if (flags.limit !== undefined) {
      limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliUsageError('--limit must be a positive whole number');
    }
    const today = todayFrom(flags.today);
    const lexicon = cliLexicon();
    const profile = await readProfile(flags.profile, io.stdin, io.cwd, lexicon);
    const postings: PlanPosting[] = [];
    for (const path of positional) postings.push(...(await readPostings(path, io.stdin, io.cwd, lexicon)));

    const plan = buildTrainingPlan(postings, profile, lexicon, {
      today,
      rankBy,
      ...(limit !== undefined ? { limit } : {}),
    });
    if (flags.json) {
      io.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `${plan.postings} posting${plan.postings === 1 ? '' : 's'}: average score ${plan.current.averageScore}, ` +
        `${plan.current.knockedOut} with a knockout (${plan.current.experienceShort} for experience)`,
      '',
    ];
    if (plan.steps.length === 0)
      lines.push('Nothing to add: the profile meets everything these postings ask.');
    plan.steps.slice(0, limit ?? 15).forEach((step, i) => {
      lines.push(`${String(i + 1).padStart(2)}. ${step.summary}`);
      for (const t of step.training.slice(0, 2)) lines.push(`      → ${formatTraining(t)}`);
    });
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

async function readPostings(
  path: string,
  stdin: Readable,
  cwd: string,
  lexicon: Lexicon,
): Promise<PlanPosting[]> {
  const text = await readTextInput(path, stdin, cwd);
  if (!/\.jsonl$/i.test(path)) {
    const analysis = analyzePosting(isHtml(path, text) ? { html: text } : { text }, lexicon);
    return [{ ...analysis, postingId: path }];
  }
  const out: PlanPosting[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const decoded = decodePostingLine(line);
    if (!decoded.ok) throw new CliUsageError(`${path}: line ${i + 1}: ${decoded.error}`);
    const analysis = analyzePosting(decoded.input, lexicon);
    out.push({ ...analysis, postingId: decoded.id === null ? `${path}:${i + 1}` : String(decoded.id) });
  });
  return out;
}
