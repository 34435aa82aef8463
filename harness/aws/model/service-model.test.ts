import { describe, expect, it } from 'vitest';
import { ServiceModel, type ServiceName } from './service-model.ts';
import type { Shape } from './shape.ts';

const SERVICES: Array<[ServiceName, string]> = [
  ['transfer', 'TransferService'],
  ['secretsmanager', 'secretsmanager'],
  ['glue', 'AWSGlue'],
];

describe('ServiceModel', () => {
  it.each(SERVICES)('loads %s with its X-Amz-Target prefix', (service, prefix) => {
    const model = ServiceModel.forService(service);
    expect(model.targetPrefix).toBe(prefix);
    expect(model.metadata.jsonVersion).toBe('1.1');
    expect(model.source).toMatch(/^botocore \S+ service-2\.json/);
    expect(ServiceModel.forService(service)).toBe(model);
  });

  it.each(SERVICES)('%s: every shape reference resolves', (service) => {
    const model = ServiceModel.forService(service);
    for (const name of model.operationNames) {
      const operation = model.getOperation(name);
      const refs = [operation.input, operation.output, ...(operation.errors ?? [])].filter((r) => r !== undefined);
      const seen = new Set<string>();
      const pending = refs.map((r) => r.shape);
      while (pending.length > 0) {
        const shapeName = pending.pop() as string;
        if (seen.has(shapeName)) continue;
        seen.add(shapeName);
        const shape: Shape = model.getShape(shapeName);
        pending.push(...[shape.member, shape.key, shape.value, ...Object.values(shape.members ?? {})].flatMap((r) => (r ? [r.shape] : [])));
      }
    }
  });

  it('names the known operations when one is missing', () => {
    expect(() => ServiceModel.forService('transfer').getOperation('CreateBucket')).toThrow(/no operation CreateBucket.*CreateConnector/);
  });

  it('gives an empty input structure to operations without input', () => {
    expect(ServiceModel.forService('transfer').getInputShape('TestConnection').type).toBe('structure');
  });
});
