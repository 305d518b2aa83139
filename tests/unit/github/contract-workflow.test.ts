// .github/workflows/contract.yml: offline suite on push/PR, sandbox run on schedule/dispatch with the key only from secrets.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { scanText } from '../../../src/secrets/scan-text.ts';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  env?: Record<string, string>;
  steps: Step[];
}

const FILE = resolve(import.meta.dirname, '../../../.github/workflows/contract.yml');
const text = readFileSync(FILE, 'utf8');
const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const SECRET_REF = /^\$\{\{\s*secrets\.[A-Z0-9_]+\s*\}\}$/;

/** The job whose steps run `command`. */
function jobRunning(command: string): Job {
  const job = Object.values(workflow.jobs).find((j) => j.steps.some((s) => s.run?.trim() === command));
  expect(job, `no job runs "${command}"`).toBeDefined();
  return job!;
}

/** Every [name, value] pair under any `env:` block (workflow, job or step). */
function allEnv(node: unknown, out: Array<[string, string]> = []): Array<[string, string]> {
  if (Array.isArray(node)) node.forEach((n) => allEnv(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'env' && v && typeof v === 'object') out.push(...Object.entries(v).map(([n, val]) => [n, String(val)] as [string, string]));
      else allEnv(v, out);
    }
  }
  return out;
}

describe('contract workflow', () => {
  test('triggers on push, pull_request, a cron schedule and workflow_dispatch', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    const schedule = workflow.on.schedule as Array<{ cron: string }>;
    expect(schedule[0].cron.split(/\s+/)).toHaveLength(5);
  });

  test('the offline suite runs npm ci && npm test on Node 20 for push and pull_request', () => {
    const job = jobRunning('npm test');
    const runs = job.steps.map((s) => s.run).filter(Boolean);
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm test'));
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);
    expect(job.if).toContain("github.event_name == 'push'");
    expect(job.if).toContain("github.event_name == 'pull_request'");
    expect(JSON.stringify(job)).not.toContain('secrets.');
  });

  test('the offline job runs npm run test:pack after npm test (the packed kit, installed offline into an empty project)', () => {
    const job = jobRunning('npm run test:pack');
    expect(job).toBe(jobRunning('npm test'));
    const runs = job.steps.map((s) => s.run?.trim());
    expect(runs.indexOf('npm test')).toBeLessThan(runs.indexOf('npm run test:pack'));
  });

  test('the offline job replays every committed recording after npm test and uploads the JUnit report', () => {
    const command = 'npm run replay -- tests/recordings --report junit=reports/replay.xml';
    const job = jobRunning(command);
    expect(job).toBe(jobRunning('npm test'));
    const runs = job.steps.map((s) => s.run?.trim());
    expect(runs.indexOf('npm test')).toBeLessThan(runs.indexOf(command));
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === 'reports/replay.xml');
    expect(upload?.if).toBe('always()');
  });

  test('on pull requests the offline job runs spec:diff against the base commit and uploads its reports', () => {
    const job = jobRunning('npm test');
    const step = job.steps.find((s) => s.run?.includes('npm run spec:diff'));
    expect(step?.if).toBe("github.event_name == 'pull_request'");
    expect(step?.env?.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
    expect(step?.run).toContain('git fetch --no-tags --depth=1 origin "$BASE_SHA"');
    expect(step?.run).toContain('npm run spec:diff -- --base "$BASE_SHA"');
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === 'reports/spec-diff.*');
    expect(upload?.if).toBe("always() && github.event_name == 'pull_request'");
  });

  test('the sandbox run verifies with a JUnit report, on schedule and workflow_dispatch, and uploads it', () => {
    const command = 'npm run verify -- --target sandbox --report junit=reports/contract.xml';
    const job = jobRunning(command);
    expect(job.if).toContain("github.event_name == 'schedule'");
    expect(job.if).toContain("github.event_name == 'workflow_dispatch'");
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('reports/contract.xml');
    expect(upload?.if).toBe('always()');
  });

  test('the sandbox run also runs the Postman suite with Newman, the key from secrets', () => {
    const command = 'npm run postman -- --run --target sandbox';
    const job = jobRunning(command);
    expect(job).toBe(jobRunning('npm run verify -- --target sandbox --report junit=reports/contract.xml'));
    expect(job.steps.find((s) => s.run?.trim() === command)?.env?.WUPEX_API_KEY).toBe('${{ secrets.WUPEX_API_KEY }}');
  });

  test('the key and merchant code come from repository secrets', () => {
    const verify = jobRunning('npm run verify -- --target sandbox --report junit=reports/contract.xml').steps.find((s) => s.run?.includes('verify'));
    expect(verify?.env?.WUPEX_API_KEY).toBe('${{ secrets.WUPEX_API_KEY }}');
    expect(verify?.env?.WUPEX_MERCHANT_CODE).toBe('${{ secrets.WUPEX_MERCHANT_CODE }}');
  });

  test('never holds a literal key', () => {
    const keyLike = allEnv(workflow).filter(([name]) => /KEY|TOKEN|SECRET/i.test(name));
    expect(keyLike.length).toBeGreaterThan(0);
    for (const [name, value] of keyLike) expect(value, name).toMatch(SECRET_REF);
    expect(text).not.toMatch(/x-api-key/i);
    for (const { key } of DEMO_ACCOUNTS) expect(text).not.toContain(key);
    expect(scanText(FILE, text, { allowedValues: new Set() })).toEqual([]);
  });
});
