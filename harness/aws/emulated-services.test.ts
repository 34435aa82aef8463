import { describe, expect, it } from 'vitest';
import { emulatedServices } from './emulated-services.ts';
import { ec2Messages } from './ec2/ec2-messages.ts';
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

  it('answer to distinct X-Amz-Target prefixes (JSON) or signing names (EC2 query) under distinct names', () => {
    const models = emulatedServices.map((service) => (typeof service.model === 'string' ? ServiceModel.forService(service.model) : service.model));
    expect(new Set(models.map((model) => (model.isEc2Query ? `query:${model.signingName}` : model.targetPrefix))).size).toBe(emulatedServices.length);
    expect(new Set(emulatedServices.map((service) => service.name)).size).toBe(emulatedServices.length);
  });

  it('bring the whole built-in catalogue between them, each entry once', () => {
    const ids = emulatedServices.flatMap((service) => service.messages.map((message) => message.id));
    // EC2's entries live beside its service (harness/aws/ec2/ec2-messages.ts) for now.
    expect([...ids].sort()).toEqual([...allMessages, ...ec2Messages].map((message) => message.id).sort());
  });
});
