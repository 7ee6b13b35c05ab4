import type { CfnSpec, PropertySpec, ValueType } from './cfn-spec.js';
import type { ParsedTemplate } from './template.js';

/** One problem of a template, with where it is. */
export interface TemplateProblem {
  message: string;
  line?: number;
}

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);
/** Deep enough for any real template; deeper nesting is refused, not recursed into. */
const MAX_DEPTH = 40;
/** More problems than anyone reads at once; the first ones are the useful ones. */
const MAX_PROBLEMS = 20;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `{ Ref: … }`, `{ 'Fn::…': … }` or `{ Condition: … }`: a value CloudFormation computes at deploy time. */
export function isIntrinsic(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || keys[0] === 'Condition');
}

interface Context {
  spec: CfnSpec;
  parsed: ParsedTemplate;
  parameters: Set<string>;
  conditions: Set<string>;
  problems: TemplateProblem[];
}

/** The keys a resource may have beside Type and Properties (CloudFormation's resource attributes). */
const RESOURCE_ATTRIBUTES = new Set([
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'UpdatePolicy',
  'CreationPolicy',
  'Version',
]);

/** Every condition name a value uses as the first argument of Fn::If. */
function conditionsUsed(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > MAX_DEPTH) return out;
  if (Array.isArray(value)) value.forEach((v) => conditionsUsed(v, out, depth + 1));
  if (!isRecord(value)) return out;
  const fnIf = value['Fn::If'];
  if (Array.isArray(fnIf) && typeof fnIf[0] === 'string') out.push(fnIf[0]);
  for (const v of Object.values(value)) conditionsUsed(v, out, depth + 1);
  return out;
}

/** Resource attributes that do not exist (a misspelt Properties), and conditions that are not declared. */
function checkResourceOutline(ctx: Context, id: string, resource: Record<string, unknown>): void {
  for (const key of Object.keys(resource)) {
    if (!RESOURCE_ATTRIBUTES.has(key))
      report(ctx, `resource ${id}: unknown resource attribute ${key} (a resource has ${[...RESOURCE_ATTRIBUTES].slice(0, 5).join(', ')}, …)`, id, [key]);
  }
  const own = typeof resource.Condition === 'string' ? [resource.Condition] : [];
  for (const name of [...own, ...conditionsUsed(resource.Properties)]) {
    if (!ctx.conditions.has(name))
      report(
        ctx,
        `resource ${id} uses condition ${name}, which the Conditions section does not declare`,
        id,
        own.includes(name) ? ['Condition'] : ['Properties'],
      );
  }
}

/** Outputs that refer to a resource or parameter the template does not have, or an attribute its type lacks. */
function checkOutputs(ctx: Context): void {
  const outputs = ctx.parsed.template.Outputs;
  if (!isRecord(outputs)) return;
  for (const [name, output] of Object.entries(outputs)) {
    for (const ref of references(isRecord(output) ? output.Value : undefined)) {
      if (ctx.parameters.has(ref.target) || PSEUDO_PARAMETERS.has(ref.target)) continue;
      const target = ctx.parsed.resources[ref.target];
      if (!target) {
        report(ctx, `output ${name} refers to ${ref.target}, which is not a resource or parameter of the template`, '');
        continue;
      }
      const attributes = ref.attribute === undefined ? undefined : ctx.spec.resource(target.Type)?.attributes;
      if (attributes && !attributes.includes(ref.attribute!))
        report(
          ctx,
          `output ${name}: ${target.Type} ${ref.target} has no attribute ${ref.attribute || '(none named)'}; it has ${attributes.join(', ') || 'no attributes'}`,
          '',
        );
    }
  }
}

function report(ctx: Context, message: string, id: string, path: Array<string | number> = []): void {
  if (ctx.problems.length >= MAX_PROBLEMS) return;
  const line = ctx.parsed.lineOf(id, path);
  ctx.problems.push({ message, ...(line ? { line } : {}) });
}

function typeName(type: ValueType): string {
  if (type.kind === 'list' || type.kind === 'map') return `${type.kind} of ${typeName(type.item)}`;
  if (type.kind === 'struct') return `${type.name} (a mapping)`;
  if (type.kind === 'union') return type.options.map(typeName).join(' or ');
  return type.kind;
}

function matchesScalar(kind: string, value: unknown): boolean {
  if (kind === 'string' || kind === 'timestamp') return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  if (kind === 'number') return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)));
  if (kind === 'integer') return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value.trim()));
  if (kind === 'boolean') return typeof value === 'boolean' || value === 'true' || value === 'false';
  return true;
}

/** Whether a value has the type, without reporting (for unions). */
function fits(type: ValueType, value: unknown): boolean {
  if (isIntrinsic(value)) return true;
  if (type.kind === 'list') return Array.isArray(value);
  if (type.kind === 'map' || type.kind === 'struct') return isRecord(value);
  if (type.kind === 'union') return type.options.some((o) => fits(o, value));
  return matchesScalar(type.kind, value);
}

function checkValue(ctx: Context, id: string, path: Array<string | number>, type: ValueType, value: unknown, depth: number): void {
  if (isIntrinsic(value) || depth > MAX_DEPTH) return;
  const where = path.slice(1).join('.');
  if (!fits(type, value)) return report(ctx, `resource ${id}: ${where} must be ${typeName(type)}`, id, path);
  if (type.kind === 'list' && Array.isArray(value)) value.forEach((v, i) => checkValue(ctx, id, [...path, i], type.item, v, depth + 1));
  if (type.kind === 'map' && isRecord(value)) for (const [k, v] of Object.entries(value)) checkValue(ctx, id, [...path, k], type.item, v, depth + 1);
  if (type.kind === 'struct' && isRecord(value)) checkProperties(ctx, id, path, type.properties(), value, depth + 1);
  if (type.kind === 'union') {
    const struct = type.options.find((o) => o.kind === 'struct' && isRecord(value));
    if (struct) checkValue(ctx, id, path, struct, value, depth + 1);
  }
}

function checkProperties(
  ctx: Context,
  id: string,
  path: Array<string | number>,
  specs: Record<string, PropertySpec>,
  values: Record<string, unknown>,
  depth: number,
): void {
  const where = path.length > 1 ? `${path.slice(1).join('.')}.` : '';
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && !(name in values)) report(ctx, `resource ${id}: required property ${where}${name} is missing`, id, path);
  }
  for (const [name, value] of Object.entries(values)) {
    const spec = specs[name];
    if (!spec) {
      report(ctx, `resource ${id}: unknown property ${where}${name}`, id, [...path, name]);
      continue;
    }
    checkValue(ctx, id, [...path, name], spec.type, value, depth);
  }
}

/** Every resource a value refers to (Ref, GetAtt, ${…} in Sub), with the attribute for GetAtt. */
function references(value: unknown, out: Array<{ target: string; attribute?: string }> = [], depth = 0): Array<{ target: string; attribute?: string }> {
  if (depth > MAX_DEPTH) return out;
  if (Array.isArray(value)) value.forEach((v) => references(v, out, depth + 1));
  if (!isRecord(value)) return out;
  if (typeof value.Ref === 'string') out.push({ target: value.Ref });
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') out.push({ target: getAtt[0], attribute: typeof getAtt[1] === 'string' ? getAtt[1] : '' });
  if (typeof getAtt === 'string') {
    const [target, ...attribute] = getAtt.split('.');
    out.push({ target: target!, attribute: attribute.join('.') });
  }
  const sub = value['Fn::Sub'];
  const subText = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
  const locals = Array.isArray(sub) && isRecord(sub[1]) ? new Set(Object.keys(sub[1])) : new Set<string>();
  for (const match of subText?.matchAll(/\$\{([^!}][^}]*)\}/g) ?? []) {
    const [target, ...attribute] = match[1]!.trim().split('.');
    if (!locals.has(target!)) out.push({ target: target!, ...(attribute.length ? { attribute: attribute.join('.') } : {}) });
  }
  for (const [key, v] of Object.entries(value)) if (key !== 'Ref' && key !== 'Fn::GetAtt') references(v, out, depth + 1);
  return out;
}

function checkReferences(ctx: Context, id: string, resource: Record<string, unknown>): string[] {
  const dependsOn = ([] as unknown[]).concat(resource.DependsOn ?? []).filter((d): d is string => typeof d === 'string');
  const targets: string[] = [];
  for (const ref of references(resource.Properties)) {
    if (ctx.parameters.has(ref.target) || PSEUDO_PARAMETERS.has(ref.target)) continue;
    const target = ctx.parsed.resources[ref.target];
    if (!target) {
      report(ctx, `resource ${id} refers to ${ref.target}, which is not a resource or parameter of the template`, id);
      continue;
    }
    targets.push(ref.target);
    if (ref.attribute === undefined) continue;
    const attributes = ctx.spec.resource(target.Type)?.attributes;
    if (attributes && !attributes.includes(ref.attribute))
      report(
        ctx,
        `resource ${id}: ${target.Type} ${ref.target} has no attribute ${ref.attribute || '(none named)'}; it has ${attributes.join(', ') || 'no attributes'}`,
        id,
      );
  }
  for (const d of dependsOn) {
    if (ctx.parsed.resources[d]) targets.push(d);
    else report(ctx, `resource ${id}: DependsOn ${d}, which is not a resource of the template`, id, ['DependsOn']);
  }
  return targets;
}

/** The first dependency cycle among resources, as a list of ids, if any (depth-first search). */
function findCycle(edges: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Custom resources, SAM's transform types and CDK metadata have no entry in the specification. */
function isUnvalidatedType(type: string): boolean {
  return type.startsWith('Custom::') || type.startsWith('AWS::Serverless::') || type === 'AWS::CloudFormation::CustomResource' || type === 'AWS::CDK::Metadata';
}

/** Validates a template against the resource specification; returns every problem found (at most 20). */
export function validateTemplate(parsed: ParsedTemplate, spec: CfnSpec): TemplateProblem[] {
  const parameters = isRecord(parsed.template.Parameters) ? new Set(Object.keys(parsed.template.Parameters)) : new Set<string>();
  const conditions = isRecord(parsed.template.Conditions) ? new Set(Object.keys(parsed.template.Conditions)) : new Set<string>();
  const ctx: Context = { spec, parsed, parameters, conditions, problems: [] };
  const edges = new Map<string, string[]>();
  for (const [id, resource] of Object.entries(parsed.resources)) {
    edges.set(id, checkReferences(ctx, id, resource));
    checkResourceOutline(ctx, id, resource);
    if (isUnvalidatedType(resource.Type)) continue;
    const resourceSpec = spec.resource(resource.Type);
    if (!resourceSpec) {
      const suggestion = spec.suggest(resource.Type);
      report(ctx, `resource ${id}: unknown resource type ${resource.Type}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`, id, ['Type']);
      continue;
    }
    checkProperties(ctx, id, ['Properties'], resourceSpec.properties, resource.Properties, 0);
  }
  checkOutputs(ctx);
  const cycle = findCycle(edges);
  if (cycle) report(ctx, `dependency cycle: ${cycle.join(' → ')}`, cycle[0]!);
  return ctx.problems;
}
