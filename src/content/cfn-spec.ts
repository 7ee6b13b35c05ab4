import type { SpecDatabase } from '@aws-cdk/service-spec-types';
import type { CfnSpec, PropertySpec, ResourceSpec, ValueType } from '../core/exercises/cfn-spec.js';

type SpecType = { type: string; element?: SpecType; types?: SpecType[]; reference?: { $ref: string } };
type SpecProperties = Record<string, { type: SpecType; required?: boolean }>;

const TAG_PROPERTIES: Record<string, PropertySpec> = {
  Key: { required: true, type: { kind: 'string' } },
  Value: { required: true, type: { kind: 'string' } },
};

const SCALARS: Record<string, ValueType> = {
  string: { kind: 'string' },
  number: { kind: 'number' },
  integer: { kind: 'integer' },
  boolean: { kind: 'boolean' },
  json: { kind: 'json' },
  'date-time': { kind: 'timestamp' },
  null: { kind: 'any' },
};

/** Adapts the aws-service-spec database to the small CfnSpec the core reads; struct types resolve lazily. */
class ServiceSpec implements CfnSpec {
  private readonly resources = new Map<string, ResourceSpec | undefined>();
  private readonly byLowerCase = new Map<string, string>();

  constructor(private readonly db: SpecDatabase) {
    for (const resource of db.all('resource')) this.byLowerCase.set(resource.cloudFormationType.toLowerCase(), resource.cloudFormationType);
  }

  resource(type: string): ResourceSpec | undefined {
    if (!this.resources.has(type)) this.resources.set(type, this.load(type));
    return this.resources.get(type);
  }

  suggest(type: string): string | undefined {
    return this.byLowerCase.get(type.toLowerCase()) ?? this.byLowerCase.get(type.toLowerCase().replace(/::+/g, '::'));
  }

  private load(type: string): ResourceSpec | undefined {
    const found = this.db.lookup('resource', 'cloudFormationType', 'equals', type);
    const resource = found[0];
    if (!resource) return undefined;
    return { properties: this.properties(resource.properties as unknown as SpecProperties), attributes: Object.keys(resource.attributes) };
  }

  private properties(specs: SpecProperties): Record<string, PropertySpec> {
    const out: Record<string, PropertySpec> = {};
    for (const [name, spec] of Object.entries(specs)) out[name] = { required: spec.required === true, type: this.valueType(spec.type) };
    return out;
  }

  private valueType(spec: SpecType): ValueType {
    if (spec.type === 'array') return { kind: 'list', item: this.valueType(spec.element!) };
    if (spec.type === 'map') return { kind: 'map', item: this.valueType(spec.element!) };
    if (spec.type === 'union') return { kind: 'union', options: (spec.types ?? []).map((t) => this.valueType(t)) };
    if (spec.type === 'tag') return { kind: 'struct', name: 'Tag', properties: () => TAG_PROPERTIES };
    if (spec.type === 'ref' && spec.reference) return this.struct(spec.reference.$ref);
    return SCALARS[spec.type] ?? { kind: 'any' };
  }

  private struct(ref: string): ValueType {
    const definition = this.db.get('typeDefinition', ref) as unknown as { name: string; properties: SpecProperties };
    let resolved: Record<string, PropertySpec> | undefined;
    return { kind: 'struct', name: definition.name, properties: () => (resolved ??= this.properties(definition.properties)) };
  }
}

let cached: Promise<CfnSpec> | undefined;

/** The CloudFormation resource specification, loaded on first use (about 3 s, 80 MB) and kept. */
export function loadCfnSpec(): Promise<CfnSpec> {
  cached ??= import('@aws-cdk/aws-service-spec').then(async ({ loadAwsServiceSpec }) => new ServiceSpec(await loadAwsServiceSpec()));
  return cached;
}
