import type { Faker } from '@faker-js/faker';
import { fakerFunction } from '../faker-function.ts';
import { newFaker } from '../new-faker.ts';
import type { ParsedScenario } from '../scenario-schema.ts';
import { findReferences, parseExpression } from '../template-syntax.ts';
import { hint } from '../../../core/errors/index.ts';
import { NETWORK_KINDS } from '../schema/network-schema.ts';
import { checkNetworkAliases } from './check-network-aliases.ts';
import type { IssueAt } from './issue-at.ts';

/**
 * Checks every `{{ reference }}` before anything starts: it must name a value that exists by
 * the time its section is resolved (the order of ScenarioEnvironment's set-up), so a typo such
 * as `{{ fakes.ghost.url }}` is a bad scenario file, not a partner failure found half-way in.
 * Names that point at fakes without a template (`faults[].target`, `then.sftpLogin.fake`,
 * `given.lambdas.*.fake`) are checked the same way.
 */
export function checkReferences(scenario: ParsedScenario): IssueAt[] {
  const issues: IssueAt[] = [];
  const { given } = scenario;
  const declared = {
    vars: Object.keys(scenario.vars),
    keys: Object.keys(scenario.keys),
    fakes: Object.keys(given.fakes),
    lambdas: Object.keys(given.lambdas),
    directories: Object.keys(given.directories),
    secrets: Object.keys(given.secrets),
    /** `kind.alias`: `{{ network.subnets.private-a.id }}` names `subnets.private-a`. */
    network: NETWORK_KINDS.flatMap((kind) => Object.keys(given.network[kind]).map((alias) => `${kind}.${alias}`)),
    servers: Object.keys(given.servers),
    users: Object.keys(given.users),
    accesses: Object.keys(given.accesses),
    glueConnections: Object.keys(given.glueConnections),
    connectors: Object.keys(given.connectors),
  };
  type Root = keyof typeof declared;
  /** Set-up order: each section may refer to the sections before it. */
  const order: Root[] = ['vars', 'keys', 'fakes', 'lambdas', 'directories', 'secrets', 'network', 'servers', 'users', 'accesses', 'glueConnections', 'connectors'];
  const roots = [...order, 'endpoint', 'faker'];

  const checkString = (text: string, at: readonly PropertyKey[], available: (root: Root) => readonly string[] | undefined, endpoint: boolean) => {
    for (const { expression } of findReferences(text)) {
      const problem = checkExpression(expression, available, endpoint);
      if (problem) issues.push({ at, message: `{{ ${expression} }}: ${problem}` });
    }
  };
  const checkExpression = (expression: string, available: (root: Root) => readonly string[] | undefined, endpoint: boolean): string | undefined => {
    const { path, args } = parseExpression(expression);
    const root = path[0];
    const name = root === 'network' ? (path[2] !== undefined ? `${path[1]}.${path[2]}` : undefined) : path[1];
    if (root === 'faker') {
      const found = fakerFunction(fakerForChecks(), path.slice(1));
      return 'reason' in found ? found.reason : undefined;
    }
    if (args !== undefined) return 'only faker functions can be called, e.g. faker.internet.password()';
    if (root === 'endpoint') return endpoint ? undefined : 'the endpoint exists only from when: on';
    if (!root || !(order as string[]).includes(root)) {
      return `'${root ?? ''}' is not a scenario value.${hint(root ?? '', roots)} References start with ${roots.join(', ')}`;
    }
    const names = available(root as Root);
    if (names === undefined) return `${root} are not set up yet here (set-up order: ${order.join(' → ')})`;
    if (name === undefined) return root === 'network' ? `name a kind and an alias: {{ network.subnets.ALIAS.id }} (kinds: ${NETWORK_KINDS.join(', ')})` : `name one of ${root}: {{ ${root}.NAME… }}`;
    if (!names.includes(name)) {
      const all = declared[root as Root];
      const where = root === 'vars' || root === 'keys' ? root : `given.${root}`;
      if (all.includes(name)) return `${root}.${name} is declared after this point, so it does not exist yet`;
      return `no ${where} entry named '${name}'.${hint(name, all)} Declared: ${all.join(', ') || 'none'}`;
    }
    return undefined;
  };
  /** What a section may see: sections earlier in the order, whole, and earlier entries of its own. */
  const before = (section: Root, ownEarlier: readonly string[]) => (root: Root) => {
    const distance = order.indexOf(root) - order.indexOf(section);
    if (distance < 0) return declared[root];
    return distance === 0 ? ownEarlier : undefined;
  };

  // S3 objects are placed as the endpoint starts: after the fakes and lambdas, before the secrets.
  walkStrings(given.s3Objects, ['given', 's3Objects'], (text, at) => checkString(text, at, before('secrets', []), false), issues);
  for (const section of order) {
    if (section === 'network') {
      // Its parts name each other by alias (checkNetworkAliases); templates may use earlier sections.
      walkStrings(given.network, ['given', 'network'], (text, at) => checkString(text, at, before('network', []), false), issues);
      continue;
    }
    const entries = section === 'vars' || section === 'keys' ? scenario[section] : given[section];
    const base = section === 'vars' || section === 'keys' ? [section] : ['given', section];
    const names = Object.keys(entries);
    names.forEach((name, i) => {
      // Lambdas are not templated: only their `fake` name is looked up.
      if (section === 'lambdas') return;
      walkStrings(entries[name as keyof typeof entries], [...base, name], (text, at) => checkString(text, at, before(section, names.slice(0, i)), false), issues);
    });
  }
  for (const part of ['when', 'then'] as const) {
    walkStrings(scenario[part], [part], (text, at) => checkString(text, at, (root) => declared[root], true), issues);
  }
  for (const part of ['emulator', 'faults'] as const) {
    walkStrings(scenario[part], [part], (text, at) => {
      if (findReferences(text).length > 0) issues.push({ at, message: `{{ … }} references are not resolved in ${part}: write the value itself` });
    });
  }

  const fakeName = (name: string, at: readonly PropertyKey[], kind?: string) => {
    const fake = given.fakes[name];
    if (!fake) issues.push({ at, message: `no fake named '${name}' in given.fakes.${hint(name, declared.fakes)} Declared: ${declared.fakes.join(', ') || 'none'}` });
    else if (kind && fake.kind !== kind) issues.push({ at, message: `'${name}' is a fake of kind ${fake.kind}; this needs kind ${kind}` });
  };
  scenario.faults.forEach((fault, i) => fakeName(fault.target, ['faults', i, 'target']));
  for (const [alias, lambda] of Object.entries(given.lambdas)) if (lambda.fake) fakeName(lambda.fake, ['given', 'lambdas', alias, 'fake'], 'idp');
  if (scenario.then.sftpLogin) fakeName(scenario.then.sftpLogin.fake, ['then', 'sftpLogin', 'fake'], 'sftp');
  issues.push(...checkNetworkAliases(given.network));
  return issues;
}

let checkFaker: Faker | undefined;
function fakerForChecks(): Faker {
  checkFaker ??= newFaker();
  return checkFaker;
}

/**
 * Calls `visit` for every string value under `value`, with its path. Keys are never resolved,
 * so a reference in a key is reported rather than left as literal text.
 */
function walkStrings(value: unknown, at: readonly PropertyKey[], visit: (text: string, at: readonly PropertyKey[]) => void, issues?: IssueAt[]): void {
  if (typeof value === 'string') visit(value, at);
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, [...at, i], visit, issues));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (findReferences(key).length > 0) issues?.push({ at: [...at, key], message: '{{ … }} references are resolved in values, not in keys' });
      walkStrings(item, [...at, key], visit, issues);
    }
  }
}
