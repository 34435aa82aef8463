import { ec2Service } from './ec2/ec2-service.ts';
import type { EmulatedService } from './endpoint/emulated-service.ts';
import { glueService } from './glue/glue-service.ts';
import { secretsManagerService } from './secrets-manager/secrets-manager-service.ts';
import { transferService } from './transfer/transfer-service.ts';

/**
 * The services the harness emulates, one line each. The endpoint serves what it is given;
 * `AwsEndpoint` starts from this list, and scripts/extract-aws-models.ts extracts exactly the
 * operations registered here from the AWS service models.
 */
export const emulatedServices: readonly EmulatedService[] = [secretsManagerService, transferService, glueService, ec2Service];
