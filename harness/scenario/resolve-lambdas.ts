import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LambdaHandler } from '../aws/lambda/lambda-registry.ts';
import type { ScenarioFake } from './fakes/scenario-fake.ts';
import type { ParsedScenario } from './scenario-schema.ts';
import { importUserModule } from './import-user-module.ts';
import { ScenarioSetupError } from './scenario-setup-error.ts';

export interface ResolvedLambda {
  alias: string;
  arn: string;
  handler: LambdaHandler;
  timeoutMs?: number;
}

/** Turns `given.lambdas` into handlers the endpoint can invoke by ARN. */
export async function resolveLambdas(
  lambdas: ParsedScenario['given']['lambdas'],
  fakes: ReadonlyMap<string, ScenarioFake>,
  baseDir: string,
): Promise<ResolvedLambda[]> {
  const resolved: ResolvedLambda[] = [];
  for (const [alias, spec] of Object.entries(lambdas)) {
    const where = `given.lambdas.${alias}`;
    const arn = spec.FunctionName ?? `arn:aws:lambda:us-east-1:000000000000:function:${alias}`;
    let handler: LambdaHandler;
    if (spec.handler) {
      handler = spec.handler as LambdaHandler;
    } else if (spec.fake) {
      const fake = fakes.get(spec.fake);
      if (!fake?.invokeAsLambda) throw new ScenarioSetupError(`${where}.fake: '${spec.fake}' is not a fake of kind idp declared in given.fakes`);
      const invoke = fake.invokeAsLambda;
      handler = (event) => invoke(event);
    } else {
      handler = await importHandler(spec.module!, spec.export, baseDir, where);
    }
    resolved.push({ alias, arn, handler, timeoutMs: spec.timeoutSeconds ? spec.timeoutSeconds * 1000 : undefined });
  }
  return resolved;
}

/** Loads a user's own Lambda handler file unchanged (ESM or CommonJS, JS or TS). */
async function importHandler(module: string, exportName: string, baseDir: string, where: string): Promise<LambdaHandler> {
  const path = isAbsolute(module) ? module : resolve(baseDir, module);
  let loaded: Record<string, unknown>;
  try {
    loaded = (await importUserModule(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ScenarioSetupError(`${where}.module: cannot load ${path} (${(error as Error).message})`, { cause: error });
  }
  // A CommonJS module's exports arrive as the default export.
  const candidate = loaded[exportName] ?? (loaded.default as Record<string, unknown> | undefined)?.[exportName];
  if (typeof candidate !== 'function') {
    throw new ScenarioSetupError(`${where}.export: ${path} has no function export '${exportName}' (exports: ${Object.keys(loaded).join(', ') || 'none'})`);
  }
  return candidate as LambdaHandler;
}
