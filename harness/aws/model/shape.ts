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
  readonly targetPrefix: string;
  readonly apiVersion: string;
  readonly jsonVersion: string;
  readonly protocol: string;
  readonly signingName: string;
  readonly endpointPrefix: string;
  readonly serviceId: string;
}

/** The file layout written by scripts/extract-aws-models.ts. */
export interface ServiceModelFile {
  readonly source: string;
  readonly metadata: ServiceMetadata;
  readonly operations: Readonly<Record<string, Operation>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}
