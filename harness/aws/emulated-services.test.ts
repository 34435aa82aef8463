import { describe, expect, it } from 'vitest';
import { emulatedServices } from './emulated-services.ts';
import { allMessages } from './messages/all-messages.ts';
import { ServiceModel } from './model/service-model.ts';

describe('emulatedServices', () => {
  it.each(emulatedServices.map((service) => [service.name, service] as const))(
    "%s: the committed model holds exactly the registered operations (what scripts/extract-aws-models.ts extracts)",
    (_name, service) => {
      expect(typeof service.model).toBe('string');
      const model = typeof service.model === 'string' ? ServiceModel.forService(service.model) : service.model;
      const registered = service.operations.map((operation) => operation.name);
      expect([...model.operationNames].sort()).toEqual([...registered].sort());
    },
  );

  it('answer to distinct X-Amz-Target prefixes under distinct names', () => {
    const models = emulatedServices.map((service) => (typeof service.model === 'string' ? ServiceModel.forService(service.model) : service.model));
    expect(new Set(models.map((model) => model.targetPrefix)).size).toBe(emulatedServices.length);
    expect(new Set(emulatedServices.map((service) => service.name)).size).toBe(emulatedServices.length);
  });

  it('bring the whole built-in catalogue between them, each entry once', () => {
    const ids = emulatedServices.flatMap((service) => service.messages.map((message) => message.id));
    expect([...ids].sort()).toEqual(allMessages.map((message) => message.id).sort());
  });
});
