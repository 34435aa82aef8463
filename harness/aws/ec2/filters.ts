import type { Filter, Tag } from '@aws-sdk/client-ec2';
import { AwsError } from '../endpoint/aws-error.ts';
import type { CallScope } from '../endpoint/call-scope.ts';
import type { WireInput } from '../endpoint/wire-shape.ts';
import type { Ec2MessageId } from './ec2-messages.ts';
import { globMatcher } from './glob-matcher.ts';

/** What a filter name reads from a resource: one value or several (a route table's subnets). */
export type FilterFields<R> = Readonly<Record<string, (resource: R) => string | undefined | readonly (string | undefined)[]>>;

/** EC2's documented limit on filter values in one call. */
const MAX_FILTER_VALUES = 200;

/**
 * EC2's `Filter.N.Name` / `Filter.N.Value.M`: a resource matches when, for every filter, one of
 * its values matches one of the filter's (`*` and `?` as wildcards). `tag:<key>`, `tag-key` and
 * `tag-value` work on every resource. An unknown name is refused rather than matching nothing.
 */
export function applyFilters<R>(
  resources: Iterable<R>,
  filters: readonly WireInput<Filter>[] | undefined,
  fields: FilterFields<R>,
  tagsOf: (resource: R) => readonly Tag[],
  scope: CallScope<Ec2MessageId>,
): R[] {
  const list = [...resources];
  if (!filters || filters.length === 0) return list;
  const total = filters.reduce((sum, filter) => sum + (filter.Values?.length ?? 0), 0);
  if (total > MAX_FILTER_VALUES) throw new AwsError('FilterLimitExceeded', scope.message('ec2.filter.limit', { max: MAX_FILTER_VALUES }));
  const tests = filters.map((filter) => {
    const name = filter.Name ?? '';
    const read = reader(name, fields, tagsOf);
    if (!read) throw new AwsError('InvalidParameterValue', scope.message('ec2.filter.invalid', { name }));
    const patterns = (filter.Values ?? []).map(globMatcher);
    return (resource: R) => read(resource).some((value) => value !== undefined && patterns.some((pattern) => pattern.test(value)));
  });
  return list.filter((resource) => tests.every((test) => test(resource)));
}

function reader<R>(name: string, fields: FilterFields<R>, tagsOf: (resource: R) => readonly Tag[]): ((resource: R) => readonly (string | undefined)[]) | undefined {
  if (name.startsWith('tag:')) {
    const key = name.slice(4);
    return (resource) => tagsOf(resource).filter((tag) => tag.Key === key).map((tag) => tag.Value);
  }
  if (name === 'tag-key') return (resource) => tagsOf(resource).map((tag) => tag.Key);
  if (name === 'tag-value') return (resource) => tagsOf(resource).map((tag) => tag.Value);
  if (!Object.hasOwn(fields, name)) return undefined;
  const field = fields[name]!;
  return (resource) => {
    const value = field(resource);
    return Array.isArray(value) ? value : [value as string | undefined];
  };
}

/** Tags from a create call's TagSpecifications for this kind of resource. */
export function tagsFor(resourceType: string, specifications: readonly { ResourceType?: string; Tags?: Tag[] }[] | undefined): Tag[] {
  return (specifications ?? []).filter((spec) => spec.ResourceType === undefined || spec.ResourceType === resourceType).flatMap((spec) => spec.Tags ?? []);
}
