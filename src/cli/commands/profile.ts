import { buildProfileFromResume, formatProfileIssues, validateProfile } from '../../profile/index.js';
import { type CliCommand, CliUsageError } from '../command.js';
import { parseFlags } from '../parse-flags.js';
import { cliLexicon, parseJsonInput, splitArgs, todayFrom } from '../profile-input.js';
import { readTextInput } from '../read-input.js';

const USAGE = `Usage: ma-gap profile from-resume RESUME.txt|- [--today YYYY-MM-DD]
       ma-gap profile check PROFILE.json|-

  from-resume   read a resume (plain text) and print the profile JSON it describes: every skill found
                as "has", credentials with the dates written beside them, years from the job dates
  check         validate a profile JSON: schema, and every concept id known to the lexicon
  --today       what "Present" means in job date ranges (default: today)

Exit codes: 0 ok, 1 the profile is invalid (check), 2 bad input or usage.`;

export const profileCommand: CliCommand = {
  name: 'profile',
  usage: USAGE,
  async run(args, io) {
    const { flagArgs, positional } = splitArgs(args, ['today']);
    const flags = parseFlags(flagArgs, ['today']);
    const [sub, path, ...rest] = positional;
    if (!path || rest.length > 0) throw new CliUsageError('give a subcommand and one FILE (see --help)');
    const lexicon = cliLexicon();
    const text = await readTextInput(path, io.stdin, io.cwd);
    if (sub === 'from-resume') {
      const profile = buildProfileFromResume(text, lexicon, { today: todayFrom(flags.today) });
      io.stdout.write(`${JSON.stringify(profile, null, 2)}\n`);
      return 0;
    }
    if (sub === 'check') {
      const result = validateProfile(parseJsonInput(text, path), lexicon);
      if (!result.ok) {
        if (result.unknownIds.length > 0)
          io.stderr.write(`unknown concept ids: ${result.unknownIds.join(', ')}\n`);
        for (const line of formatProfileIssues(result.issues)) io.stderr.write(`  ${line}\n`);
        return 1;
      }
      const p = result.profile;
      const held = Object.values(p.concepts).filter((h) => h === 'has').length;
      io.stdout.write(
        `ok: ${held} concepts held, ${Object.keys(p.concepts).length - held} learning, ` +
          `${p.credentials.length} credentials, ${p.experienceYears} years${p.state ? `, ${p.state}` : ''}\n`,
      );
      return 0;
    }
    throw new CliUsageError(`unknown subcommand "${sub ?? ''}": from-resume or check`);
  },
};
