/**
 * The parts of a botocore `service-2.json` shape the harness reads. One loose interface rather
 * than a union per type, because the model is data we trust and every reader switches on `type`.
 */
export type ShapeType =
  | 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double'
  | 'boolean' | 'timestamp' | 'blob';

export interface ShapeRef {
  readonly shape: string;
  readonly idempotencyToken?: boolean;
  /** Query/EC2/XML protocols: the member's name on the wire (and the XML element of a list entry). */
  readonly locationName?: string;
  /** EC2 query protocol: the parameter name, where it differs from locationName. */
  readonly queryName?: string;
}

export interface Shape {
  readonly type: ShapeType;
  readonly members?: Readonly<Record<string, ShapeRef>>;
  readonly required?: readonly string[];
  readonly member?: ShapeRef;
  readonly key?: ShapeRef;
  readonly value?: ShapeRef;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly sensitive?: boolean;
  readonly union?: boolean;
  /** XML protocols: list entries repeat the member's element instead of nesting in one. */
  readonly flattened?: boolean;
  readonly exception?: boolean;
  readonly fault?: boolean;
  readonly error?: { readonly code?: string; readonly httpStatusCode?: number; readonly senderFault?: boolean };
}

export interface Operation {
  readonly input?: ShapeRef;
  readonly output?: ShapeRef;
  readonly errors?: readonly ShapeRef[];
}

export interface ServiceMetadata {
  /** JSON protocol only: the `X-Amz-Target` prefix. */
  readonly targetPrefix?: string;
  readonly apiVersion: string;
  /** JSON protocol only. */
  readonly jsonVersion?: string;
  /** `json`, or `ec2` for the EC2 query protocol. */
  readonly protocol: string;
  /** Absent where it equals endpointPrefix (EC2). */
  readonly signingName?: string;
  readonly endpointPrefix: string;
  readonly serviceId: string;
  /** XML protocols: the answers' namespace, e.g. `http://ec2.amazonaws.com/doc/2016-11-15`. */
  readonly xmlNamespace?: string;
}

/** The file layout written by scripts/extract-aws-models.ts. */
export interface ServiceModelFile {
  readonly source: string;
  readonly metadata: ServiceMetadata;
  readonly operations: Readonly<Record<string, Operation>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}
