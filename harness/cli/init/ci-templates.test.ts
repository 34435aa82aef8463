import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GITHUB_WORKFLOW, GITLAB_CI } from './init-templates.ts';

/** GitHub's own parser (actions/languageservices): the workflow schema, expressions and contexts. */
async function githubWorkflowErrors(content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: 'partner-harness.yml', content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (parsed.value === undefined) return errors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return [...errors, ...(template.errors ?? []).map((error) => error.Message)];
}

// GitLab publishes no npm package with its CI schema: the job keywords and the shapes the
// template uses are checked against GitLab's CI/CD YAML reference by hand.
const GITLAB_JOB_KEYWORDS = new Set(['image', 'stage', 'parallel', 'needs', 'when', 'cache', 'script', 'artifacts', 'variables', 'rules', 'before_script', 'after_script', 'tags', 'timeout', 'services']);
const GITLAB_WHEN = new Set(['on_success', 'on_failure', 'always', 'manual', 'delayed', 'never']);

interface GitlabJob {
  image?: string;
  stage?: string;
  parallel?: number;
  needs?: string[];
  when?: string;
  script: string[];
  cache?: { key: { files: string[] }; paths: string[]; policy?: string };
  artifacts?: { when?: string; paths: string[]; reports?: { junit?: string } };
}

describe('the GitHub Actions workflow init writes', () => {
  it("passes GitHub's workflow parser without an error", async () => {
    expect(await githubWorkflowErrors(GITHUB_WORKFLOW)).toEqual([]);
  });

  it('the parser does catch a broken workflow (so the check above can fail)', async () => {
    expect(await githubWorkflowErrors(GITHUB_WORKFLOW.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    stepz: []'))).not.toEqual([]);
    expect(await githubWorkflowErrors(GITHUB_WORKFLOW.replace('needs: scenarios', 'needs: no-such-job'))).not.toEqual([]);
  });

  it('shards on a matrix, caches npm, uploads every shard, and merges them into the step summary', () => {
    const workflow = parseYaml(GITHUB_WORKFLOW) as { jobs: Record<string, { 'runs-on': string; needs?: string; if?: string; strategy?: { matrix: { shard: number[] } }; steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }> };
    const { scenarios, report } = workflow.jobs;
    expect(scenarios!['runs-on']).toBe('ubuntu-latest');
    expect(scenarios!.strategy!.matrix.shard).toEqual([1, 2]);
    expect(scenarios!.steps.find((step) => step.uses === 'actions/setup-node@v4')!.with).toMatchObject({ cache: 'npm' });
    expect(scenarios!.steps.some((step) => step.run?.includes('--shard ${{ matrix.shard }}/${{ strategy.job-total }}'))).toBe(true);
    expect(report!.needs).toBe('scenarios');
    expect(report!.if).toBe('always()');
    expect(report!.steps.find((step) => step.uses === 'actions/download-artifact@v4')!.with).toEqual({ pattern: 'partner-harness-shard-*', path: 'reports/shards' });
    expect(report!.steps.some((step) => step.run?.includes('>> "$GITHUB_STEP_SUMMARY"'))).toBe(true);
  });
});

describe('the GitLab CI file init --ci gitlab writes', () => {
  const jobs = parseYaml(GITLAB_CI) as Record<string, GitlabJob>;

  it('uses only GitLab job keywords, in the shapes GitLab takes', () => {
    for (const [name, job] of Object.entries(jobs)) {
      expect(Object.keys(job).filter((key) => !GITLAB_JOB_KEYWORDS.has(key)), name).toEqual([]);
      expect(job.script.every((line) => typeof line === 'string'), name).toBe(true);
      if (job.when) expect(GITLAB_WHEN.has(job.when), name).toBe(true);
      if (job.artifacts?.when) expect(['on_success', 'on_failure', 'always']).toContain(job.artifacts.when);
      for (const need of job.needs ?? []) expect(Object.keys(jobs)).toContain(need);
      if (job.parallel !== undefined) expect(Number.isInteger(job.parallel) && job.parallel >= 2 && job.parallel <= 200).toBe(true);
    }
  });

  it('shards with parallel, keeps JUnit reports for the merge request, and merges at the end', () => {
    const shards = jobs['partner-harness']!;
    expect(shards.script.some((line) => line.includes('--shard ${CI_NODE_INDEX}/${CI_NODE_TOTAL}'))).toBe(true);
    expect(shards.artifacts).toMatchObject({ when: 'always', reports: { junit: 'reports/partner-harness/shard-*/junit.xml' } });
    const merge = jobs['partner-harness-report']!;
    expect(merge).toMatchObject({ stage: '.post', needs: ['partner-harness'], when: 'always' });
    expect(merge.script.some((line) => line.startsWith('npx partner-harness merge-reports '))).toBe(true);
  });
});
