import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isInputError } from '../model/errors';
import type { DayOrder } from '../parsers';
import { runClean } from './clean';
import { runConversations, runParse } from './parse';
import { runScan } from './scan';
import { runVerify } from './verify';

const USAGE = `usage: chatreview parse <export> [--format auto|<name>] [--day-first|--month-first] [--conversation <id>] [--tz <zone>]
       chatreview conversations <export> [--format …] [--tz <zone>]
       chatreview scan <export> [--policy <file>] [--format …] [--day-first|--month-first] [--conversation <id>] [--tz <zone>]
       chatreview clean <export> --tags <sidecar.json> [--policy <file>] [--out <dir>] [--reviewer <name>] [--rsmf] [--tz <zone>]
       chatreview verify <export> --report <x.removal.json>

--conversation picks one conversation of a file that holds several (an SMS backup, a Telegram
full export); \`chatreview conversations\` lists them. --tz is the IANA time zone for exports
that store epoch times (default: this machine's), and of RSMF's timestamps. --rsmf also writes
the cleaned conversation as RSMF 2.0 (<name>.cleaned.rsmf). An export may be a folder (or zip) of
screenshots: they are read by offline OCR (cached in ~/.cache/chatreview/ocr) and put in order;
cleaning writes the transcript (<name>.cleaned.txt) and copies of the screenshots with removed
bubbles and redacted words blacked out (<name>.cleaned/, or <name>.cleaned.zip for a zip).
--policy is the policy file (default: .chatreview/policy.json in the current folder, if there is
one; else the built-in policy).
Exit codes: 0 ok, 1 check failed, 2 bad input.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'auto' },
      'day-first': { type: 'boolean', default: false },
      'month-first': { type: 'boolean', default: false },
      policy: { type: 'string' },
      tags: { type: 'string' },
      out: { type: 'string' },
      reviewer: { type: 'string' },
      report: { type: 'string' },
      conversation: { type: 'string' },
      tz: { type: 'string' },
      rsmf: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const [command, file, ...extra] = positionals;
  if (!command) throw new UsageError('no command given');
  if (values['day-first'] && values['month-first']) throw new UsageError('--day-first and --month-first exclude each other');
  const dayOrder: DayOrder | undefined = values['day-first'] ? 'day-first' : values['month-first'] ? 'month-first' : undefined;
  // OCR of screenshots is cached by image sha256 (CHATREVIEW_CACHE moves the cache).
  const ocr = { cacheDir: path.join(process.env.CHATREVIEW_CACHE || path.join(os.homedir(), '.cache', 'chatreview'), 'ocr') };
  const parseOptions = { format: values.format, dayOrder, conversation: values.conversation, timeZone: values.tz, ocr };
  switch (command) {
    case 'parse':
    case 'scan':
    case 'conversations':
      if (!file) throw new UsageError(`${command} needs an export file`);
      if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
      if (command === 'conversations') return runConversations(file, parseOptions);
      return command === 'parse' ? runParse(file, parseOptions) : runScan(file, { ...parseOptions, policy: values.policy });
    case 'clean':
      if (!file) throw new UsageError('clean needs an export file');
      if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
      return runClean(file, { tags: values.tags, out: values.out, reviewer: values.reviewer, rsmf: values.rsmf, timeZone: values.tz, policy: values.policy, ocr });
    case 'verify':
      if (!file) throw new UsageError('verify needs an export file');
      if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
      return runVerify(file, values.report, ocr);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 2));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Every failure is one line on stderr (file names may hold line breaks, so flatten).
    const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');
    if (e instanceof UsageError || (e as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`chatreview: ${oneLine((e as Error).message)} (chatreview --help shows the usage)\n`);
    } else if (isInputError(e)) {
      process.stderr.write(`chatreview: ${oneLine(e.message)}\n`);
    } else {
      // A bug, not bad input; still one line for the user. CHATREVIEW_DEBUG shows the stack.
      const detail = process.env.CHATREVIEW_DEBUG ? `\n${(e as Error)?.stack}` : ' (set CHATREVIEW_DEBUG=1 for details)';
      process.stderr.write(`chatreview: internal error: ${oneLine(String((e as Error)?.message ?? e))}${detail}\n`);
    }
    // Exit now: an OCR worker thread that failed to start would keep the process alive (tesseract.js
    // hands out no worker to stop until it has started). The one line above is written already.
    process.exit(2);
  },
);
