import createDebug from 'debug';
import { PartnerHarnessError } from '../../core/errors/index.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { initUsage } from './init/init-usage.ts';
import { packageVersion } from './paths.ts';
import { runCommand, runUsage } from './run-command.ts';
import { calibrateUsage } from './calibrate-usage.ts';
import { cloneUsage } from './clone-usage.ts';
import { driftUsage } from './drift-usage.ts';
import { mergeReportsUsage } from './merge-reports-usage.ts';
import { messagesUsage } from './messages-usage.ts';
import { probeUsage } from './probe-usage.ts';
import { reportUsage } from './report-usage.ts';
import { serveUsage } from './serve-command-usage.ts';

const debug = createDebug('partner-harness:cli');

const usage = `Usage: partner-harness <command> [options]

Commands:
  run [paths…]       run your scenarios (the config's, else ./scenarios; --catalogue for the
                     shipped catalogue) and write reports
  merge-reports <dir>… --out <dir>
                     merge the reports of run --shard 1/n … n/n into one
  report <report.json> --format markdown
                     print a report as Markdown for a CI step summary or a PR comment
  serve [scenario]   start a scenario's fakes and the emulated AWS endpoint until Ctrl-C
  init [dir]         scaffold a config, starter scenarios and a CI workflow in your repository
  probe <target>     read what a partner's server offers (sftp://…, jdbc:…) or how its identity
                     provider answers (idp …), and what AWS's test operation would say
  drift <profile>    probe a partner saved with probe --save again and name what changed
  clone <profile>    write scenario files whose fake plays that partner offline
  messages           list the message catalogue: each text, its provenance and source
  calibrate [paths…] run each scenario's call emulated and against real AWS (--against aws) or
                     another endpoint, compare the answers and record the texts that differ

Options:
  -v, --version      print the version
  -h, --help         show this help

${runUsage}

${mergeReportsUsage}

${reportUsage}

${serveUsage}

${initUsage}

${probeUsage}

${driftUsage}

${cloneUsage}

${messagesUsage}

${calibrateUsage}`;

/** Errors in what the user gave (flags, files, config, their kinds of fake): exit 2 with the message. */
function isUserMistake(error: unknown): error is PartnerHarnessError {
  return error instanceof PartnerHarnessError && USER_MISTAKES.test(error.code);
}

/**
 * The codes of what the user gave: flags, scenario and config files, options, keys, their kinds
 * of fake, a scenario's set-up. A runtime this machine lacks or a fake that cannot start is not
 * their mistake (exit 3, the message says what the machine needs).
 */
const USER_MISTAKES = /^(USAGE|SCENARIO_INVALID|TEMPLATE_REFERENCE|CONFIG_INVALID|FAKE_KIND_\w+|INVALID_OPTION|INVALID_KEY|SCENARIO_SETUP_FAILED|PROFILE_INVALID|SHARD_SET_INVALID)$/;

/** Runs the CLI and returns the exit code; errors become messages, never stack traces. */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest);
      case 'merge-reports':
        return await (await import('./merge-reports-command.ts')).mergeReportsCommand(rest);
      case 'report':
        return await (await import('./report-command.ts')).reportCommand(rest);
      case 'serve':
        // Imported on demand: it pulls in the endpoint and the fakes.
        return await (await import('./serve-command.ts')).serveCommand(rest);
      case 'init':
        return await (await import('./init/init-command.ts')).initCommand(rest);
      case 'probe':
        return await (await import('./probe-command.ts')).probeCommand(rest);
      case 'drift':
        return await (await import('./drift-command.ts')).driftCommand(rest);
      case 'clone':
        return await (await import('./clone-command.ts')).cloneCommand(rest);
      case 'messages':
        return await (await import('./messages-command.ts')).messagesCommand(rest);
      case 'calibrate':
        return await (await import('./calibrate-command.ts')).calibrateCommand(rest);
      case '--version':
      case '-v':
        process.stdout.write(`${packageVersion()}\n`);
        return ExitCode.Ok;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${usage}\n`);
        return command === undefined ? ExitCode.InvalidInput : ExitCode.Ok;
      default:
        throw new UsageError(`Unknown command '${command}'. Use 'run', 'merge-reports', 'report', 'serve', 'init', 'probe', 'drift', 'clone', 'messages' or 'calibrate' (partner-harness --help).`);
    }
  } catch (error) {
    if (isUserMistake(error)) {
      process.stderr.write(`partner-harness: ${error.message}\n`);
      return ExitCode.InvalidInput;
    }
    // Not the user's mistake: say what failed without a stack trace, which DEBUG shows.
    debug('%O', error);
    process.stderr.write(
      `partner-harness: internal error: ${(error as Error)?.message ?? String(error)}\n` +
        `  (DEBUG=partner-harness:cli shows the stack; please report it if it is not about this machine)\n`,
    );
    return ExitCode.InternalError;
  }
}
