import { Faker, en } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { resolveTemplates, TemplateError, type TemplateContext } from './template.ts';

function context(values: Record<string, unknown> = {}, seed = 1): TemplateContext {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return { faker, values };
}

const values = {
  fakes: { partner: { port: 2222, host: '127.0.0.1', url: 'sftp://127.0.0.1:2222', hostKeys: ['k1', 'k2'] } },
  secrets: { 'partner-credentials': { arn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:p-AbCdEf' } },
  vars: { retries: 0, enabled: false },
};

describe('resolveTemplates', () => {
  it('keeps the type of a value referenced by the whole string', () => {
    const resolved = resolveTemplates(
      { port: '{{ fakes.partner.port }}', keys: '{{fakes.partner.hostKeys}}', retries: '{{ vars.retries }}', on: '{{ vars.enabled }}' },
      context(values),
      'given',
    );
    expect(resolved).toEqual({ port: 2222, keys: ['k1', 'k2'], retries: 0, on: false });
  });

  it('stringifies references embedded in a longer string', () => {
    const resolved = resolveTemplates(
      'sftp://{{ fakes.partner.host }}:{{ fakes.partner.port }} keys={{ fakes.partner.hostKeys }} n={{ vars.retries }}',
      context(values),
      'given',
    );
    expect(resolved).toBe('sftp://127.0.0.1:2222 keys=["k1","k2"] n=0');
  });

  it('resolves inside nested objects and arrays and accepts hyphenated keys', () => {
    const resolved = resolveTemplates(
      { SftpConfig: { UserSecretId: '{{ secrets.partner-credentials.arn }}', TrustedHostKeys: ['{{ fakes.partner.hostKeys }}'] } },
      context(values),
      'given.connectors.acme',
    );
    expect(resolved).toEqual({
      SftpConfig: { UserSecretId: values.secrets['partner-credentials'].arn, TrustedHostKeys: [['k1', 'k2']] },
    });
  });

  it('leaves strings without references and non-strings alone', () => {
    const input = { a: 'plain {text}', b: 3, c: null, d: true };
    expect(resolveTemplates(input, context(values), 'x')).toEqual(input);
  });

  it('gives the same faker value for the same seed and another for another seed', () => {
    const template = { user: '{{ faker.internet.username }}', password: '{{ faker.string.alphanumeric(24) }}' };
    const first = resolveTemplates(template, context({}, 101), 'vars');
    const again = resolveTemplates(template, context({}, 101), 'vars');
    const other = resolveTemplates(template, context({}, 202), 'vars');
    expect(again).toEqual(first);
    expect(other.password).not.toBe(first.password);
    expect(first.password).toHaveLength(24);
  });

  it('passes JSON arguments to faker', () => {
    const resolved = resolveTemplates(
      { code: '{{ faker.string.alpha(12) }}', pick: '{{ faker.helpers.arrayElement(["only-choice"]) }}', n: '{{ faker.number.int(0) }}' },
      context(),
      'vars',
    );
    expect(resolved.code).toMatch(/^[A-Za-z]{12}$/);
    expect(resolved.pick).toBe('only-choice');
    expect(resolved.n).toBe(0);
  });

  it('passes JSON object arguments, braces and all, and resolves several references in one string', () => {
    const resolved = resolveTemplates(
      {
        password: '{{ faker.internet.password({"length": 24}) }}',
        code: 'id-{{ faker.string.alpha({"length": {"min": 3, "max": 3}}) }}-{{ fakes.partner.port }}',
        quoted: '{{ faker.helpers.arrayElement(["a }} b"]) }}',
      },
      context(values),
      'vars',
    );
    expect(resolved.password).toHaveLength(24);
    expect(resolved.code).toMatch(/^id-[A-Za-z]{3}-2222$/);
    expect(resolved.quoted).toBe('a }} b');
  });

  it('rejects faker arguments that are not JSON', () => {
    expect(() => resolveTemplates('{{ faker.string.alpha(twelve) }}', context(), 'vars.code')).toThrow(
      /vars\.code: cannot resolve \{\{ faker\.string\.alpha\(twelve\) \}\}: arguments must be JSON values/,
    );
  });

  it('rejects a faker path that is not a function', () => {
    expect(() => resolveTemplates('{{ faker.internet.nope }}', context(), 'vars.x')).toThrow(/faker\.internet\.nope is not a faker function/);
    expect(() => resolveTemplates('{{ faker.internet }}', context(), 'vars.x')).toThrow(TemplateError);
  });

  it('names the missing path, the field and the keys known at that level', () => {
    let caught: unknown;
    try {
      resolveTemplates({ Url: '{{ fakes.partnr.url }}' }, context(values), 'given.connectors.acme');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    const error = caught as TemplateError;
    expect(error.code).toBe('TEMPLATE_REFERENCE');
    expect(error.expression).toBe('fakes.partnr.url');
    expect(error.where).toBe('given.connectors.acme.Url');
    expect(error.message).toBe(
      "given.connectors.acme.Url: cannot resolve {{ fakes.partnr.url }}: 'fakes.partnr' does not exist (known here: partner)",
    );
  });

  it('names the array index in the field path', () => {
    expect(() => resolveTemplates({ keys: ['ok', '{{ vars.missing }}'] }, context(values), 'given')).toThrow(
      /^given\.keys\[1\]: cannot resolve \{\{ vars\.missing \}\}: 'vars\.missing' does not exist \(known here: retries, enabled\)/,
    );
  });

  it('rejects a path that walks into a scalar', () => {
    expect(() => resolveTemplates('{{ fakes.partner.port.number }}', context(values), 'w')).toThrow(
      "w: cannot resolve {{ fakes.partner.port.number }}: 'fakes.partner.port.number' does not exist",
    );
  });
});

describe('the string pipe', () => {
  it('keeps a whole reference as text with | string', () => {
    const resolved = resolveTemplates({ port: '{{ fakes.partner.port | string }}', raw: '{{ fakes.partner.port }}' }, context(values), 'given');
    expect(resolved).toEqual({ port: '2222', raw: 2222 });
  });

  it('resolves nothing reachable through a prototype, whatever the path', () => {
    for (const expression of [
      'faker.constructor.constructor("return process")()',
      'faker.internet.constructor',
      'faker.internet.password.call',
      'faker.seed(1)',
      'vars.constructor',
      'fakes.partner.__proto__',
      'fakes.partner.hostKeys.constructor',
      'vars.retries()',
    ]) {
      expect(() => resolveTemplates(`{{ ${expression} }}`, context(values), 'vars.x'), expression).toThrow(TemplateError);
    }
  });

  it('still calls faker functions a module inherits from its base class', () => {
    const picked = resolveTemplates('{{ faker.helpers.arrayElement(["a", "b"]) }}', context(values), 'vars.x');
    expect(['a', 'b']).toContain(picked);
  });
});
