/** The part of the CloudFormation resource specification the template checks read; loaded outside the core. */
export type ValueType =
  | { kind: 'string' | 'number' | 'integer' | 'boolean' | 'json' | 'any' | 'timestamp' }
  | { kind: 'list' | 'map'; item: ValueType }
  | { kind: 'struct'; name: string; properties: () => Record<string, PropertySpec> }
  | { kind: 'union'; options: ValueType[] };

export interface PropertySpec {
  required: boolean;
  type: ValueType;
}

export interface ResourceSpec {
  properties: Record<string, PropertySpec>;
  attributes: string[];
}

export interface CfnSpec {
  /** The specification of a resource type, or undefined when the type does not exist. */
  resource(type: string): ResourceSpec | undefined;
  /** A resource type spelled the same but for case or a near miss, for "did you mean". */
  suggest(type: string): string | undefined;
}
