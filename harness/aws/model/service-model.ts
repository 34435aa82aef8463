import { readFileSync } from 'node:fs';
import type { Operation, ServiceMetadata, ServiceModelFile, Shape } from './shape.ts';

/** The services whose trimmed models are committed under ./models (botocore's names). */
export type ServiceName = 'transfer' | 'secretsmanager' | 'glue' | 'ec2';

const cache = new Map<ServiceName, ServiceModel>();

/** One AWS service's trimmed model: operations, shapes and the wire metadata. */
export class ServiceModel {
  readonly metadata: ServiceMetadata;
  readonly source: string;
  readonly #operations: ServiceModelFile['operations'];
  readonly #shapes: ServiceModelFile['shapes'];

  constructor(file: ServiceModelFile) {
    this.metadata = file.metadata;
    this.source = file.source;
    this.#operations = file.operations;
    this.#shapes = file.shapes;
  }

  /** Loads (once per process) the model written by scripts/extract-aws-models.ts. */
  static forService(service: ServiceName): ServiceModel {
    let model = cache.get(service);
    if (!model) {
      const url = new URL(`./models/${service}.json`, import.meta.url);
      model = new ServiceModel(JSON.parse(readFileSync(url, 'utf8')) as ServiceModelFile);
      cache.set(service, model);
    }
    return model;
  }

  /** The `X-Amz-Target` prefix, e.g. `TransferService` in `TransferService.CreateConnector`; '' for a query-protocol service. */
  get targetPrefix(): string {
    return this.metadata.targetPrefix ?? '';
  }

  /** The name SigV4 scopes name the service by (`ec2`, `transfer`). */
  get signingName(): string {
    return this.metadata.signingName ?? this.metadata.endpointPrefix;
  }

  /** EC2's query protocol (form-encoded requests, XML answers) rather than JSON. */
  get isEc2Query(): boolean {
    return this.metadata.protocol === 'ec2';
  }

  get serviceId(): string {
    return this.metadata.serviceId;
  }

  get operationNames(): string[] {
    return Object.keys(this.#operations);
  }

  get shapeNames(): string[] {
    return Object.keys(this.#shapes);
  }

  hasOperation(name: string): boolean {
    return Object.hasOwn(this.#operations, name);
  }

  getOperation(name: string): Operation {
    if (!this.hasOperation(name)) {
      throw new Error(`${this.serviceId} model has no operation ${name} (have: ${this.operationNames.join(', ')})`);
    }
    return this.#operations[name] as Operation;
  }

  hasShape(name: string): boolean {
    return Object.hasOwn(this.#shapes, name);
  }

  getShape(name: string): Shape {
    if (!this.hasShape(name)) throw new Error(`${this.serviceId} model has no shape ${name}`);
    return this.#shapes[name] as Shape;
  }

  /** The input structure of an operation; operations without input take an empty structure. */
  getInputShape(operationName: string): Shape {
    const input = this.getOperation(operationName).input;
    return input ? this.getShape(input.shape) : { type: 'structure', members: {} };
  }
}
