import { setOwn } from '../../redaction/index.ts';

/**
 * A query request's parameters as a tree of their dotted names: `Filter.1.Value.2=x` is the node
 * Filter → 1 → Value → 2 holding `x`. Decoding walks the model and takes what it knows from the
 * tree, marking it read; whatever is left unread is a parameter the operation does not have.
 * Building it is linear in the names' length, whatever they hold (`Filter.999999999.Name` makes
 * four nodes, not a billion list entries).
 */
export class QueryParamNode {
  value: string | undefined;
  readonly children = new Map<string, QueryParamNode>();
  /** Set when decoding knew this name (a member of the model, a list index). */
  recognized = false;
  /** Set when decoding took this node's value. */
  read = false;

  constructor(readonly key: string) {}

  child(segment: string): QueryParamNode | undefined {
    return this.children.get(segment);
  }
}

/** Parameters every query request may carry besides the operation's own (signing, versioning). */
const PROTOCOL_PARAMS = new Set([
  'Action', 'Version', 'AWSAccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'Timestamp', 'Expires', 'SecurityToken',
  'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Security-Token',
]);

export class QueryParams {
  readonly root = new QueryParamNode('');
  readonly #flat = new Map<string, string>();

  static from(form: URLSearchParams): QueryParams {
    const params = new QueryParams();
    for (const [key, value] of form) {
      if (PROTOCOL_PARAMS.has(key)) continue;
      params.#flat.set(key, value);
      let node = params.root;
      for (const segment of key.split('.')) {
        let next = node.children.get(segment);
        if (!next) {
          next = new QueryParamNode(node === params.root ? segment : `${node.key}.${segment}`);
          node.children.set(segment, next);
        }
        node = next;
      }
      // A repeated name keeps its last value, as form decoders do.
      node.value = value;
    }
    return params;
  }

  /** Name → value, as sent (a Map first, so `__proto__` is a name like any other). */
  flat(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of this.#flat) setOwn(out, key, value);
    return out;
  }

  /**
   * The first parameter, in the order the request sent them, that the operation does not have:
   * the name up to its first unknown part (`Foo` for `Foo.1.Bar`, `Filter.1.Nme` for a misspelt
   * member), or a name that holds a value where the model has a list or a structure.
   */
  firstUnknown(): string | undefined {
    const stack: QueryParamNode[] = [...this.root.children.values()].reverse();
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!node.recognized || (node.value !== undefined && !node.read)) return node.key;
      const children = [...node.children.values()];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    return undefined;
  }
}
