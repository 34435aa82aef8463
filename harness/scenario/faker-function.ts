import type { Faker } from '@faker-js/faker';
import { hint } from '../../core/errors/index.ts';

/**
 * Templates may call faker's API and nothing else: `faker.<module>.<method>`, where the module
 * is one of faker's own modules and the method is defined by that module's class. That keeps
 * `faker.constructor.constructor(...)` (the Function constructor) and anything else reachable
 * through prototypes out of a scenario file's reach.
 */
export function fakerFunction(faker: Faker, path: readonly string[]): { call: (...args: unknown[]) => unknown } | { reason: string } {
  const [moduleName, methodName, ...rest] = path;
  if (moduleName === undefined || methodName === undefined || rest.length > 0) {
    return { reason: `faker.${path.join('.')} is not a faker function: write faker.<module>.<function>, e.g. faker.internet.password (see fakerjs.dev/api)` };
  }
  const modules = fakerModules(faker);
  if (!modules.includes(moduleName)) {
    return { reason: `faker.${moduleName} is not a faker module.${hint(moduleName, modules)} Modules: ${modules.join(', ')}` };
  }
  const module = (faker as unknown as Record<string, object>)[moduleName]!;
  const methods = moduleMethods(module);
  if (!methods.includes(methodName)) {
    return { reason: `faker.${moduleName}.${methodName} is not a faker function.${hint(methodName, methods)} faker.${moduleName} has: ${methods.join(', ')}` };
  }
  const method = (module as Record<string, (...args: unknown[]) => unknown>)[methodName]!;
  return { call: (...args) => method.apply(module, args) };
}

/** Faker's modules: its own properties that are instances of a module class (not plain objects). */
function fakerModules(faker: Faker): string[] {
  return Object.keys(faker).filter((name) => {
    const value = (faker as unknown as Record<string, unknown>)[name];
    return !name.startsWith('_') && value !== null && typeof value === 'object' && moduleMethods(value).length > 0;
  });
}

/** The functions a module's classes define (its prototype chain below Object), never Object's own. */
function moduleMethods(module: object): string[] {
  const names = new Set<string>();
  for (let prototype = Object.getPrototypeOf(module) as object | null; prototype && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype) as object | null) {
    for (const name of Object.getOwnPropertyNames(prototype)) {
      if (name !== 'constructor' && !name.startsWith('_') && typeof Object.getOwnPropertyDescriptor(prototype, name)?.value === 'function') names.add(name);
    }
  }
  return [...names];
}
