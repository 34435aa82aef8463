import { GlueClient, TestConnectionCommand } from '@aws-sdk/client-glue';
import { AwsEndpoint } from '../../harness/aws/index.ts';

/**
 * What a fresh emulated endpoint answers, through the SDK, to Glue TestConnection for a JDBC
 * connection with these properties each (CUSTOM_JDBC_CERT pointing at `objects`): what probe's
 * predicted answers must equal.
 */
export async function emulatedGlueAnswers(
  base: Record<string, string>,
  variants: Array<Record<string, string>>,
  objects: Record<string, string> = {},
): Promise<Array<{ status: 'OK' | 'ERROR'; exception?: string; message?: string }>> {
  const builder = new AwsEndpoint();
  for (const [location, body] of Object.entries(objects)) builder.withS3Object(location, body);
  await using aws = await builder.start();
  const glue = new GlueClient(aws.getClientConfig());
  try {
    const answers = [];
    for (const variant of variants) {
      try {
        await glue.send(new TestConnectionCommand({ TestConnectionInput: { ConnectionType: 'JDBC', ConnectionProperties: { ...base, ...variant } } }));
        answers.push({ status: 'OK' as const });
      } catch (error) {
        answers.push({ status: 'ERROR' as const, exception: (error as Error).name, message: (error as Error).message });
      }
    }
    return answers;
  } finally {
    glue.destroy();
  }
}
