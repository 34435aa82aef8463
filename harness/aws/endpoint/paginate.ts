import { AwsError } from './aws-error.ts';
import type { MessageId } from '../messages/all-messages.ts';
import type { CallScope } from './call-scope.ts';

/**
 * One page of a List* answer. Tokens are offsets into the list; anything else is answered with
 * the error the service's model declares for it (InvalidNextTokenException unless told).
 */
export function paginate<T>(
  items: T[],
  { MaxResults, NextToken }: { MaxResults?: number; NextToken?: string },
  { scope, defaultSize, messageId, errorType = 'InvalidNextTokenException' }: { scope: CallScope; defaultSize: number; messageId: MessageId; errorType?: string },
): { page: T[]; nextToken?: string } {
  const start = NextToken === undefined ? 0 : Number(NextToken);
  if (!Number.isSafeInteger(start) || start < 0 || String(start) !== (NextToken ?? '0')) {
    throw new AwsError(errorType, scope.message(messageId, { token: NextToken! }));
  }
  const size = MaxResults ?? defaultSize;
  return { page: items.slice(start, start + size), nextToken: start + size < items.length ? String(start + size) : undefined };
}
