/**
 * An error answered the way an AWS JSON 1.1 service answers it: HTTP status, `__type`, message
 * and any extra members the service model declares for that exception.
 *
 * Deliberately not a PartnerHarnessError. It is not a harness failure but the emulated service's
 * answer: an operation's handler throws it, the endpoint turns it into the response, and the
 * caller meets it as the SDK's own exception (`ResourceNotFoundException`), never as this object.
 * Its stable code is the AWS exception name (`type`, also `name`), which is what goes over the
 * wire; a second, harness-made code would have nothing to add and could be taken for AWS's.
 */
export class AwsError extends Error {
  constructor(
    /** The exception shape name, e.g. `ResourceNotFoundException`. */
    readonly type: string,
    message: string,
    readonly httpStatus = 400,
    /** Extra members, e.g. Transfer's `Resource` and `ResourceType`. */
    readonly fields: Record<string, unknown> = {},
    /** Message catalogue id, for reports. */
    readonly messageId?: string,
  ) {
    super(message);
    this.name = type;
  }

  /** Coral's validation failure: HTTP 400, lower-case `message`. */
  static validation(message: string): AwsError {
    return new AwsError('ValidationException', message, 400);
  }

  /**
   * A body over the endpoint's size limit. The text is what AWS front ends answer with 413
   * (SQS, aws/aws-sdk-js#479; API Gateway), there as plain text; the type name is ours [INF].
   */
  static tooLarge(maxBytes: number): AwsError {
    return new AwsError('RequestEntityTooLargeException', `HTTP content length exceeded ${maxBytes} bytes.`, 413);
  }

  /** Malformed JSON or a member of the wrong type never reaches validation. */
  static serialization(message: string): AwsError {
    return new AwsError('SerializationException', message, 400);
  }
}
