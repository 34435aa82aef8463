import createDebug from 'debug';
import { InvalidKeyError } from '../../core/errors/index.ts';
import { generateSshKey, parsePrivateKey } from '../../fakes/sftp/index.ts';
import { AwsEndpoint, type StartedAwsEndpoint } from '../aws/index.ts';
import { withObservedOverrides } from '../catalogue/observed-message.ts';
import { Redactor } from '../redaction/index.ts';
import { AwsClients, type CallOutcome } from './aws-clients.ts';
import { CreatedResources } from './created-resources.ts';
import { createNetwork } from './create-network.ts';
import { FAKE_KINDS } from './fakes/fake-kinds.ts';
import type { FakeKindRegistry } from './fakes/fake-kind-registry.ts';
import type { FakeRuntime } from './fakes/runtime-choice.ts';
import type { ScenarioFake } from './fakes/scenario-fake.ts';
import { startScenarioFake } from './fakes/start-scenario-fake.ts';
import { withNetworkFaults } from './fakes/with-network-faults.ts';
import { newFaker } from './new-faker.ts';
import { resolveLambdas, type ResolvedLambda } from './resolve-lambdas.ts';
import type { ParsedScenario } from './scenario-schema.ts';
import { ScenarioSetupError } from './scenario-setup-error.ts';
import { resolveTemplates, type TemplateContext } from './template.ts';

const debug = createDebug('partner-harness:scenario');

export interface EnvironmentOptions {
  /** `emulated` (default) starts the local endpoint; `aws` sends the same calls to real AWS. */
  mode?: 'emulated' | 'aws';
  region?: string;
  /** Mode `aws`: this endpoint instead of AWS's (a second emulator standing in for AWS); default credential chain still. */
  endpointUrl?: string;
  /** Mode `emulated`: texts seen from the real service (the config's messages file), provenance `observed`. */
  observedMessages?: ReadonlyArray<{ id: string; text: string; source: string }>;
  /** Port for the emulated endpoint; 0 (default) lets the OS choose. */
  endpointPort?: number;
  /** The scenario file's folder: Lambda `module` paths are relative to it. */
  baseDir?: string;
  /** The run's runtime for fakes (--runtime); default embedded. */
  runtime?: FakeRuntime;
  /** The kinds of fake the scenario may declare: the built-in ones, plus the config's. */
  kinds?: FakeKindRegistry;
  onStep?: (step: string) => void;
  /** Collects the scenario's secrets; the caller passes its own to redact what else it prints with them. */
  redactor?: Redactor;
}

function keyFromPrivate(privateKey: string, name: string) {
  try {
    const { type, publicKey, fingerprint } = parsePrivateKey(privateKey);
    return { type, privateKey, publicKey, fingerprint };
  } catch (error) {
    throw new InvalidKeyError(`keys.${name}.privateKey: ${(error as Error).message}`, { cause: error });
  }
}

const SECRET_NAME = /password|secret|token|private|credential/i;

/**
 * Everything a scenario's `given` sets up: fakes, the emulated endpoint, secrets and
 * connectors created through the real SDK. `stop()` tears all of it down and is safe to call
 * on any path, including after a failed setup.
 */
export class ScenarioEnvironment {
  readonly redactor: Redactor;
  readonly values: Record<string, Record<string, unknown>> = { vars: {}, keys: {}, fakes: {}, secrets: {}, lambdas: {}, directories: {}, servers: {}, users: {}, accesses: {}, connectors: {}, glueConnections: {}, network: {} };
  readonly fakes = new Map<string, ScenarioFake>();
  endpoint?: StartedAwsEndpoint;
  clients?: AwsClients;
  /** What `stop()` could not delete on a target that outlives the scenario (mode `aws`), with how to delete it by hand. */
  leftBehind: string[] = [];
  readonly #context: TemplateContext;
  readonly #created = new CreatedResources();

  private constructor(
    readonly scenario: ParsedScenario,
    private readonly options: EnvironmentOptions,
  ) {
    this.redactor = options.redactor ?? new Redactor();
    this.#context = { faker: newFaker(scenario.seed), values: this.values };
  }

  /** Sets everything up. On failure, whatever did start is stopped before the error is thrown. */
  static async start(scenario: ParsedScenario, options: EnvironmentOptions = {}): Promise<ScenarioEnvironment> {
    const environment = new ScenarioEnvironment(scenario, options);
    try {
      await environment.#setUp();
      return environment;
    } catch (error) {
      await environment.stop();
      throw new ScenarioSetupError(environment.redactor.redactString((error as Error).message), { cause: error });
    }
  }

  get mode(): 'emulated' | 'aws' {
    return this.options.mode ?? 'emulated';
  }

  resolve<T>(value: T, where: string): T {
    return resolveTemplates(value, this.#context, where);
  }

  step(text: string): void {
    debug('%s: %s', this.scenario.name, text);
    this.options.onStep?.(text);
  }

  async stop(): Promise<void> {
    try {
      // The emulated endpoint is simply stopped; a target that outlives the scenario is cleaned up.
      if (this.clients && this.mode === 'aws') this.leftBehind.push(...(await this.#created.deleteAll(this.clients)));
    } finally {
      this.clients?.destroy();
      await Promise.allSettled([...this.fakes.values()].map((fake) => fake.stop()));
      await this.endpoint?.stop();
    }
  }

  async #setUp(): Promise<void> {
    const { scenario, values } = this;
    for (const [name, raw] of Object.entries(scenario.vars)) {
      const value = this.resolve(raw, `vars.${name}`);
      values.vars![name] = value;
      if (SECRET_NAME.test(name) && typeof value === 'string') this.redactor.add(value);
    }
    // Slots by position, not name: a scenario's keys differ from each other and from its fakes'
    // host keys, and the next scenario reuses them instead of generating its own.
    let generated = 0;
    for (const [name, raw] of Object.entries(scenario.keys)) {
      const spec = this.resolve(raw, `keys.${name}`);
      if ('privateKey' in spec) this.redactor.add(spec.privateKey);
      values.keys![name] = 'type' in spec ? generateSshKey(spec.type, `scenario-key#${generated++}`) : keyFromPrivate(spec.privateKey, name);
      this.redactor.add((values.keys![name] as { privateKey: string }).privateKey);
    }
    for (const [name, raw] of Object.entries(scenario.given.fakes)) {
      this.step(`starting fake ${name} (${raw.kind})`);
      const started = await startScenarioFake(name, this.resolve(raw, `given.fakes.${name}`), {
        kinds: this.options.kinds ?? FAKE_KINDS,
        runtime: this.options.runtime ?? 'embedded',
        faker: this.#context.faker,
        fakes: this.fakes,
        redact: (...secrets) => this.redactor.add(...secrets),
        getSecret: (secretId) => this.#readSecret(secretId),
      });
      const faults = scenario.faults.filter((fault) => fault.target === name);
      const fake = faults.length > 0 ? await withNetworkFaults(started, faults).catch(async (error) => {
        await started.stop();
        throw error;
      }) : started;
      this.fakes.set(name, fake);
      values.fakes![name] = fake.values;
    }
    const lambdas = await resolveLambdas(scenario.given.lambdas, this.fakes, this.options.baseDir ?? process.cwd());
    for (const lambda of lambdas) values.lambdas![lambda.alias] = { arn: lambda.arn };
    await this.#startClients(lambdas);
    for (const [alias, raw] of Object.entries(scenario.given.secrets)) {
      const secret = this.resolve(raw, `given.secrets.${alias}`);
      const secretString =
        typeof secret.SecretString === 'string' || secret.SecretString === undefined ? secret.SecretString : JSON.stringify(secret.SecretString);
      this.redactor.addFrom({ SecretString: secretString });
      this.step(`creating secret ${alias}`);
      const input = { ...secret, Name: secret.Name ?? alias, SecretString: secretString };
      const created = await this.#mustSucceed('secretsmanager', 'CreateSecret', input, `given.secrets.${alias}`);
      values.secrets![alias] = { arn: created.ARN, name: created.Name };
    }
    const network = this.resolve(scenario.given.network, 'given.network');
    const ec2 = (operation: string, input: Record<string, unknown>, where: string) => this.#mustSucceed('ec2', operation, input, where);
    values.network = { ...(await createNetwork(network, this.endpoint?.getClientConfig().region ?? this.options.region ?? 'us-east-1', ec2, (text) => this.step(text))) };
    for (const [alias, raw] of Object.entries(scenario.given.servers)) {
      this.step(`creating server ${alias}`);
      const created = await this.#mustSucceed('transfer', 'CreateServer', this.resolve(raw, `given.servers.${alias}`), `given.servers.${alias}`);
      values.servers![alias] = { id: created.ServerId };
    }
    for (const [alias, raw] of Object.entries(scenario.given.users)) {
      this.step(`creating user ${alias}`);
      const input = this.resolve(raw, `given.users.${alias}`);
      await this.#mustSucceed('transfer', 'CreateUser', input, `given.users.${alias}`);
      values.users![alias] = { name: input.UserName, serverId: input.ServerId };
    }
    for (const [alias, raw] of Object.entries(scenario.given.accesses)) {
      this.step(`creating access ${alias}`);
      const input = this.resolve(raw, `given.accesses.${alias}`);
      await this.#mustSucceed('transfer', 'CreateAccess', input, `given.accesses.${alias}`);
      values.accesses![alias] = { externalId: input.ExternalId, serverId: input.ServerId };
    }
    for (const [alias, raw] of Object.entries(scenario.given.glueConnections)) {
      this.step(`creating Glue connection ${alias}`);
      const input = { Name: alias, ...this.resolve(raw, `given.glueConnections.${alias}`) };
      this.redactor.addFrom(input);
      await this.#mustSucceed('glue', 'CreateConnection', { ConnectionInput: input }, `given.glueConnections.${alias}`);
      values.glueConnections![alias] = { name: input.Name };
    }
    for (const [alias, raw] of Object.entries(scenario.given.connectors)) {
      this.step(`creating connector ${alias}`);
      const input = this.resolve(raw, `given.connectors.${alias}`);
      const created = await this.#mustSucceed('transfer', 'CreateConnector', input, `given.connectors.${alias}`);
      values.connectors![alias] = { id: created.ConnectorId };
    }
  }

  /** For fakes that read the emulated Secrets Manager (the toolkit identity provider). */
  async #readSecret(secretId: string): Promise<string | undefined> {
    const outcome = await this.clients?.call('secretsmanager', 'GetSecretValue', { SecretId: secretId });
    const value = outcome?.response?.SecretString;
    return typeof value === 'string' ? value : undefined;
  }

  async #startClients(lambdas: ResolvedLambda[]): Promise<void> {
    if (this.mode === 'aws') {
      if (Object.keys(this.scenario.given.directories).length > 0) {
        throw new ScenarioSetupError('given.directories declares a directory in the emulator only: in --mode aws, point the server at a real directory (its DirectoryId) instead');
      }
      if (Object.values(this.scenario.given.network).some((section) => Object.keys(section).length > 0)) {
        // Deleting a real network reliably (NAT gateways take minutes to go, Elastic IPs are not
        // emulated) is beyond a scenario's clean-up, so none is created on AWS.
        throw new ScenarioSetupError('given.network builds the EC2 network in the emulator only: in --mode aws, create the VPC, subnet, security groups and S3 endpoint (or NAT gateway) yourself and put their ids in vars');
      }
      if (Object.keys(this.scenario.given.s3Objects).length > 0) this.step('given.s3Objects are not uploaded in aws mode: they must already be in S3');
      this.clients = new AwsClients({ mode: 'aws', region: this.options.region, endpoint: this.options.endpointUrl });
      return;
    }
    const { messages, ...options } = this.scenario.emulator;
    const builder = withObservedOverrides(
      new AwsEndpoint()
        .withPort(this.options.endpointPort ?? 0)
        .withOptions(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)))
        .withMessageOverrides(messages ?? {}),
      this.options.observedMessages ?? [],
    );
    for (const { arn, handler, timeoutMs } of lambdas) builder.withLambda(arn, handler, { timeoutMs });
    for (const [location, raw] of Object.entries(this.scenario.given.s3Objects)) builder.withS3Object(location, this.resolve(raw, `given.s3Objects.${location}`));
    for (const [alias, raw] of Object.entries(this.scenario.given.directories)) {
      const spec = this.resolve(raw, `given.directories.${alias}`);
      this.redactor.add(...spec.users.map((user) => user.password));
      const directory = builder.withDirectory(spec);
      this.values.directories![alias] = { id: directory.directoryId, groups: Object.fromEntries(directory.groups.map((group) => [group.name, { sid: group.sid }])) };
    }
    this.endpoint = await builder.start();
    this.values.endpoint = { url: this.endpoint.getUrl() };
    const { endpoint, region, credentials } = this.endpoint.getClientConfig();
    this.clients = new AwsClients({ mode: 'emulated', endpoint, region, credentials });
  }

  async #mustSucceed(service: string, operation: string, input: Record<string, unknown>, where: string): Promise<Record<string, unknown>> {
    const outcome: CallOutcome = await this.clients!.call(service, operation, input);
    if (outcome.error) throw new ScenarioSetupError(`${where}: ${service}:${operation} failed with ${outcome.error.name}: ${outcome.error.message}`);
    this.#created.add(where, service, operation, input, outcome.response ?? {});
    return outcome.response ?? {};
  }
}
