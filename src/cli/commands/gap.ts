import { analyzePosting } from '../../extract/index.js';
import { buildGapReport } from '../../gap/index.js';
import { type CliCommand, CliUsageError } from '../command.js';
import { parseFlags } from '../parse-flags.js';
import { cliLexicon, formatGapReport, readProfile, splitArgs, todayFrom } from '../profile-input.js';
import { isHtml, readTextInput } from '../read-input.js';

const USAGE = `Usage: ma-gap gap --profile PROFILE.json FILE|- [--json] [--html|--text] [--today YYYY-MM-DD]

  --profile   the job seeker's profile JSON (the README, "Job seekers")
  FILE        a posting as plain text or HTML ("-" reads stdin)
  --json      print the report JSON (the API's /gap response) instead of the summary
  --html      treat the posting as HTML (default: by file name or content); --text as plain text
  --today     the date credentials' expiry is judged on (default: today)

Exit codes: 0 ok, 2 bad input or usage.`;

export const gapCommand: CliCommand = {
  name: 'gap',
  usage: USAGE,
  async run(args, io) {
    const { flagArgs, positional } = splitArgs(args, ['profile', 'today']);
    const flags = parseFlags(flagArgs, ['profile', 'today'], ['json', 'html', 'text']);
    if (!flags.profile) throw new CliUsageError('--profile PROFILE.json is required (see --help)');
    if (positional.length !== 1)
      throw new CliUsageError('give one posting FILE, or - for stdin (see --help)');
    const path = positional[0]!;
    if (flags.profile === '-' && path === '-')
      throw new CliUsageError('only one of --profile and FILE can be stdin');
    const today = todayFrom(flags.today);
    const lexicon = cliLexicon();
    const profile = await readProfile(flags.profile, io.stdin, io.cwd, lexicon);
    const text = await readTextInput(path, io.stdin, io.cwd);
    const html = flags.html ? true : flags.text ? false : isHtml(path, text);
    const analysis = analyzePosting(html ? { html: text } : { text }, lexicon);
    const report = buildGapReport(analysis, profile, lexicon, { today });
    io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatGapReport(report, lexicon));
    return 0;
  },
};
