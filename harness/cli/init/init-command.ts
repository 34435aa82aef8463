import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { ExitCode, UsageError } from '../exit-codes.ts';
import { CI_CHOICES, initFiles, type CiChoice } from './init-templates.ts';
import { initUsage } from './init-usage.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { schemaPathFrom } from './schema-path.ts';



export async function initCommand(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { force: { type: 'boolean' }, ci: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, initUsage);
  if (values.help) {
    out(`${initUsage}\n`);
    return ExitCode.Ok;
  }
  if (positionals.length > 1) throw new UsageError(`init takes one folder, got ${positionals.length}.\n\n${initUsage}`);
  const ci = (values.ci ?? 'github') as CiChoice;
  if (!CI_CHOICES.includes(ci)) throw new UsageError(`--ci ${values.ci}: use ${CI_CHOICES.join(', ')}.`);
  const projectDir = resolve(positionals[0] ?? '.');
  const created: string[] = [];
  const skipped: string[] = [];
  for (const file of initFiles(schemaPathFrom(join(projectDir, 'scenarios'), projectDir), ci)) {
    const target = join(projectDir, file.path);
    if (existsSync(target) && !values.force) {
      skipped.push(file.path);
      continue;
    }
    await write(target, file.content);
    created.push(file.path);
  }
  out(summary(projectDir, created, skipped));
  return ExitCode.Ok;
}

async function write(target: string, content: string): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UsageError(`init: cannot write ${target} (${code ?? message}). Give a folder you can write to.`);
  }
}

function summary(projectDir: string, created: string[], skipped: string[]): string {
  const where = relative(process.cwd(), projectDir) || '.';
  const lines = [`partner-harness init in ${where}:`];
  for (const path of created) lines.push(`  created  ${path}`);
  for (const path of skipped) lines.push(`  skipped  ${path} (it exists; --force overwrites it)`);
  const cd = where === '.' ? '' : `cd ${where} && `;
  const steps: Array<[string, string]> = [
    [`${cd}npm install --save-dev partner-harness vitest`, 'if it is not installed yet'],
    [`${cd}npx partner-harness run`, 'runs scenarios/, reports in reports/partner-harness/'],
    [`${cd}npx partner-harness run --watch`, 'reruns a scenario when you save it'],
  ];
  const width = Math.max(...steps.map(([command]) => command.length)) + 3;
  lines.push('', 'Next:', ...steps.map(([command, why]) => `  ${command.padEnd(width)}${why}`));
  return lines.join('\n') + '\n';
}
