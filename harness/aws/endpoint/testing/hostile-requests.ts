import { ServiceModel, type ServiceName } from '../../model/service-model.ts';
import type { Shape } from '../../model/shape.ts';

/**
 * Seeded generator of malformed requests for the endpoint fuzz test: each case says what it
 * sends and which answers are acceptable, so a failure names the seed, the case and the kind.
 */
export interface HostileRequest {
  kind: string;
  method: string;
  headers: Record<string, string>;
  body: string | Buffer;
  /** Statuses the endpoint may answer; the `__type` is checked where one is given. */
  expect: { statuses: readonly number[]; type?: string };
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PROTOTYPE_NAMES = [
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__',
] as const;

/** Operations that reach out to partners: fuzzed only with bodies that cannot pass validation. */
const NETWORK_OPERATIONS = new Set(['TestConnection', 'TestIdentityProvider']);
const CLIENT_ERRORS = [400, 404, 409];
const ANY_ANSWER = [200, ...CLIENT_ERRORS];

interface Operation {
  model: ServiceModel;
  name: string;
  target: string;
}

export class HostileRequests {
  readonly #operations: Operation[];
  readonly #safeOperations: Operation[];

  constructor(
    private readonly random: () => number,
    private readonly limits: { maxRequestBytes: number; maxNestingDepth: number },
  ) {
    const names: ServiceName[] = ['transfer', 'secretsmanager', 'glue'];
    this.#operations = names.flatMap((service) => {
      const model = ServiceModel.forService(service);
      return model.operationNames.map((name) => ({ model, name, target: `${model.targetPrefix}.${name}` }));
    });
    this.#safeOperations = this.#operations.filter((operation) => !NETWORK_OPERATIONS.has(operation.name));
  }

  /** One request of a randomly chosen kind. */
  next(): HostileRequest {
    const kinds = [
      () => this.deepNesting(), () => this.prototypeTarget(), () => this.prototypeMembers(), () => this.nulls(),
      () => this.wrongTypes(), () => this.hugePatternedString(), () => this.manySecrets(), () => this.oversized(),
      () => this.garbage(), () => this.wrongMethodOrHeaders(), () => this.plausible(),
    ];
    const weights = [8, 6, 12, 12, 12, 3, 2, 1, 10, 8, 14];
    let pick = this.random() * weights.reduce((a, b) => a + b, 0);
    for (const [i, weight] of weights.entries()) {
      pick -= weight;
      if (pick < 0) return kinds[i]!();
    }
    return this.plausible();
  }

  deepNesting(): HostileRequest {
    const depth = this.random() < 0.05 ? 100_000 : this.limits.maxNestingDepth + 1 + this.int(3_000);
    const open = this.random() < 0.5 ? '[' : '{"a":';
    const close = open === '[' ? ']' : '}';
    const body = `{"${this.pickOf(PROTOTYPE_NAMES)}":${open.repeat(depth)}null${close.repeat(depth)}}`;
    return this.json('deep nesting', this.pickOf(this.#operations).target, body, [400], 'SerializationException');
  }

  prototypeTarget(): HostileRequest {
    const prefix = this.pickOf(['TransferService', 'AWSGlue', 'secretsmanager', ...PROTOTYPE_NAMES]);
    return this.json('prototype target', `${prefix}.${this.pickOf(PROTOTYPE_NAMES)}`, '{}', [400], 'UnknownOperationException');
  }

  prototypeMembers(): HostileRequest {
    const operation = this.pickOf(this.#safeOperations);
    const body = this.mutate(this.valueFor(operation, operation.model.getInputShape(operation.name), 0), (value) =>
      this.withPrototypeNames(value),
    );
    return this.json('prototype members', operation.target, body, ANY_ANSWER);
  }

  nulls(): HostileRequest {
    const operation = this.pickOf(this.#safeOperations);
    const body = this.mutate(this.valueFor(operation, operation.model.getInputShape(operation.name), 0), (value) =>
      this.random() < 0.4 ? null : value,
    );
    return this.json('nulls', operation.target, body, ANY_ANSWER);
  }

  wrongTypes(): HostileRequest {
    const operation = this.pickOf(this.#safeOperations);
    const wrong = () => this.pickOf<unknown>([42, 1.5, -1, true, 'text', [], [1, 'a'], {}, { a: 1 }, '']);
    const body = this.mutate(this.valueFor(operation, operation.model.getInputShape(operation.name), 0), (value) =>
      this.random() < 0.3 ? wrong() : value,
    );
    return this.json('wrong types', operation.target, body, ANY_ANSWER);
  }

  /**
   * A long value for a member with a pattern, shaped to make a backtracking engine work hard:
   * under the member's max length (so the pattern runs) or far over it (so it must not).
   */
  hugePatternedString(): HostileRequest {
    const cases: Array<[string, string, number, (text: string) => object]> = [
      ['TransferService.CreateConnector', 'arn:' + 'role/ ', 2048, (text) => ({ AccessRole: text, Url: 'sftp://h' })],
      ['TransferService.CreateUser', 'ssh-rsa ' + 'AAAA', 2048, (text) => ({ ServerId: 's-0123456789abcdef0', UserName: 'user', Role: 'arn:aws:iam::1:role/r', SshPublicKeyBody: `${text}!` })],
      ['TransferService.TestIdentityProvider', 'a', 100, (text) => ({ ServerId: 's-0123456789abcdef0', UserName: `${text}-!`, SourceIp: `${text}:` })],
      ['TransferService.DescribeSecurityPolicy', 'Transfer', 100, (text) => ({ SecurityPolicyName: `${text}SecurityPolicy-` })],
      ['AWSGlue.CreateConnection', '\u00e9\t', 255, (text) => ({ ConnectionInput: { Name: `${text}\n`, ConnectionType: 'JDBC', ConnectionProperties: {} } })],
    ];
    const [target, unit, maxLength, shape] = this.pickOf(cases);
    const length = this.random() < 0.5 ? 1 + this.int(maxLength - 20) : 10_000 + this.int(this.limits.maxRequestBytes / 2);
    const body = JSON.stringify(shape(unit.repeat(Math.ceil(length / unit.length)).slice(0, length)));
    return this.json('huge patterned string', target, body, [400, 404, 413]);
  }

  manySecrets(): HostileRequest {
    const count = 1_000 + this.int(9_000);
    const passwords = Array.from({ length: count }, (_, i) => ({ Password: `pw-${i}-${this.int(1e9)}`, ClientSecret: `cs-${i}` }));
    const body = JSON.stringify({ Name: `many-${this.int(1e9)}`, SecretString: JSON.stringify({ Password: 'p4ssw0rd!' }), Unknown: passwords });
    return this.json('many secrets', 'secretsmanager.CreateSecret', body, [200, 400, 413]);
  }

  oversized(): HostileRequest {
    const size = this.limits.maxRequestBytes + 1 + this.int(2 * this.limits.maxRequestBytes);
    return { ...this.json('oversized body', this.pickOf(this.#operations).target, '', [413], 'RequestEntityTooLargeException'), body: Buffer.alloc(size, 0x7b) };
  }

  garbage(): HostileRequest {
    const samples = ['{', '{"a":', '[1,2', 'null', 'true', '"string"', '42', '{"a":1}}', '\u0000\u0001', '{"a":"\\ud800"', '{,}', '{"a" 1}'];
    const body = this.random() < 0.5 ? this.pickOf(samples) : Buffer.from(Array.from({ length: 1 + this.int(512) }, () => this.int(256))).toString('latin1');
    return this.json('garbage JSON', this.pickOf(this.#operations).target, body, [400]);
  }

  wrongMethodOrHeaders(): HostileRequest {
    const method = this.pickOf(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST']);
    const target = this.pickOf([undefined, '', 'NoDot', '.', 'TransferService.', '.CreateConnector', 'Unknown.Op', `${'x'.repeat(4_000)}.y`]);
    const headers: Record<string, string> = { 'content-type': this.pickOf(['application/x-amz-json-1.1', 'text/plain', 'application/json', '']) };
    if (target !== undefined) headers['x-amz-target'] = target;
    if (this.random() < 0.3) headers.authorization = `AWS4-HMAC-SHA256 Credential=${'A'.repeat(this.int(8_000))}/2026/x/`;
    return { kind: `method ${method}, target ${String(target).slice(0, 20)}`, method, headers, body: method === 'GET' ? '' : '{}', expect: { statuses: [400], type: 'UnknownOperationException' } };
  }

  plausible(): HostileRequest {
    const operation = this.pickOf(this.#safeOperations);
    return this.json('plausible input', operation.target, JSON.stringify(this.valueFor(operation, operation.model.getInputShape(operation.name), 0)), ANY_ANSWER);
  }

  /** A value of the shape, with random (mostly invalid) content; required members always present. */
  valueFor(operation: Operation, shape: Shape, depth: number): unknown {
    const { model } = operation;
    switch (shape.type) {
      case 'structure': {
        const out: Record<string, unknown> = {};
        for (const [name, ref] of Object.entries(shape.members ?? {})) {
          if (depth < 6 && (shape.required?.includes(name) || this.random() < 0.5)) out[name] = this.valueFor(operation, model.getShape(ref.shape), depth + 1);
        }
        return out;
      }
      case 'list':
        return Array.from({ length: this.int(4) }, () => this.valueFor(operation, model.getShape(shape.member!.shape), depth + 1));
      case 'map':
        return Object.fromEntries(Array.from({ length: this.int(4) }, () => [this.text(), this.valueFor(operation, model.getShape(shape.value!.shape), depth + 1)]));
      case 'string':
        return shape.enum && this.random() < 0.7 ? this.pickOf(shape.enum) : this.text();
      case 'boolean':
        return this.random() < 0.5;
      case 'blob':
        return Buffer.from(this.text()).toString('base64');
      default:
        return this.pickOf([0, 1, -1, 5, 1_000_000, 2 ** 53]);
    }
  }

  private text(): string {
    return this.pickOf(['', 'a', 'x'.repeat(this.int(300)), 's-0123456789abcdef0', 'c-0123456789abcdef0', 'arn:aws:iam::1:role/r', 'sftp://127.0.0.1:1', '😀\ud800', 'ssh-rsa AAAA']);
  }

  private withPrototypeNames(value: unknown): unknown {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    Object.defineProperty(copy, this.pickOf(PROTOTYPE_NAMES), { value: this.pickOf([null, 1, 'x', {}, [], { a: 1 }]), enumerable: true });
    return copy;
  }

  /** JSON text of `value` with `change` applied to every value, parents after their children. */
  private mutate(value: unknown, change: (value: unknown) => unknown): string {
    const walk = (current: unknown): unknown => {
      if (Array.isArray(current)) return change(current.map(walk));
      if (current !== null && typeof current === 'object') {
        const out: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(current)) Object.defineProperty(out, key, { value: walk(child), enumerable: true });
        return change(out);
      }
      return change(current);
    };
    const mutated = walk(value);
    return JSON.stringify(mutated !== null && typeof mutated === 'object' && !Array.isArray(mutated) ? mutated : {});
  }

  private json(kind: string, target: string, body: string, statuses: readonly number[], type?: string): HostileRequest {
    return { kind, method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target }, body, expect: { statuses, type } };
  }

  private int(below: number): number {
    return Math.floor(this.random() * below);
  }

  private pickOf<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}
