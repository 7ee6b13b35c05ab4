import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, YAMLMap, type Document, type Node } from 'yaml';

/** A CloudFormation template as data, with the line of each resource (1-based) for messages. */
export interface ParsedTemplate {
  template: Record<string, unknown>;
  resources: Record<string, TemplateResource>;
  /** The line of a resource, or of a path inside it (`['Properties', 'CidrBlock']`), when known. */
  lineOf(logicalId: string, path?: Array<string | number>): number | undefined;
}

export interface TemplateResource {
  Type: string;
  Properties: Record<string, unknown>;
  DependsOn?: string | string[];
  [key: string]: unknown;
}

export type TemplateParse = { ok: true; parsed: ParsedTemplate } | { ok: false; message: string; line?: number };

/** More aliases than any honest template uses; a "billion laughs" file stops here. */
const MAX_ALIASES = 100;

/** The short-form intrinsic functions and the long form each stands for. */
const SHORT_FORMS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

/** Rewrites `!Ref x` and friends into their long form (`{ Ref: x }`) in place. */
function expandShortForms(doc: Document): string | undefined {
  let unknownTag: string | undefined;
  visit(doc, {
    Node(_key, node) {
      const tag = (node as { tag?: string }).tag;
      if (!tag || !tag.startsWith('!') || tag.startsWith('!!')) return undefined;
      const longForm = SHORT_FORMS[tag];
      if (!longForm) {
        unknownTag ??= tag;
        return undefined;
      }
      (node as { tag?: string }).tag = undefined;
      const wrapped = new YAMLMap();
      const value = longForm === 'Fn::GetAtt' && isScalar(node) && typeof node.value === 'string' ? splitGetAtt(node.value) : node;
      wrapped.set(new Scalar(longForm), value);
      return wrapped;
    },
  });
  return unknownTag;
}

function splitGetAtt(value: string): Node {
  const dot = value.indexOf('.');
  const seq = parseDocument('[]').contents as Node & { items: unknown[] };
  seq.items.push(new Scalar(dot < 0 ? value : value.slice(0, dot)), new Scalar(dot < 0 ? '' : value.slice(dot + 1)));
  return seq;
}

function lineFinder(doc: Document, lines: LineCounter) {
  return (logicalId: string, path: Array<string | number> = []): number | undefined => {
    const resources = doc.get('Resources', true);
    if (!isMap(resources)) return undefined;
    let best: number | undefined;
    const pair = resources.items.find((p) => isScalar(p.key) && p.key.value === logicalId);
    const keyRange = (pair?.key as Node | undefined)?.range;
    if (keyRange) best = lines.linePos(keyRange[0]).line;
    let node: unknown = pair?.value;
    for (const step of path) {
      if (!isMap(node) && !isSeq(node)) break;
      const child = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === step) : undefined;
      const next: unknown = isMap(node) ? child?.value : isSeq(node) && typeof step === 'number' ? node.items[step] : undefined;
      const range = ((child?.key as Node | undefined) ?? (next as Node | undefined))?.range;
      if (range) best = lines.linePos(range[0]).line;
      node = next;
    }
    return best;
  };
}

/** Parses a CloudFormation template (YAML with short-form tags, or JSON) and checks its outline. */
export function parseTemplate(text: string): TemplateParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = lines.linePos(error.pos[0]).line;
    return { ok: false, message: `the template is not valid YAML or JSON: ${error.message.split('\n')[0]}`, ...(line ? { line } : {}) };
  }
  const unknownTag = expandShortForms(doc);
  if (unknownTag)
    return {
      ok: false,
      message: `unknown tag ${unknownTag}: CloudFormation's short forms are !Ref, !GetAtt, !Sub, !Join, !Select, !If and the other Fn:: functions`,
    };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return { ok: false, message: `the template cannot be read: ${(e as Error).message.split('\n')[0]}` };
  }
  return checkOutline(data, lineFinder(doc, lines));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkOutline(data: unknown, lineOf: ParsedTemplate['lineOf']): TemplateParse {
  if (!isRecord(data)) return { ok: false, message: 'the template must be a mapping with a Resources section' };
  if (!isRecord(data.Resources)) return { ok: false, message: 'the template has no Resources section (a mapping of logical ids to resources)' };
  const resources: Record<string, TemplateResource> = {};
  for (const [id, resource] of Object.entries(data.Resources)) {
    if (!isRecord(resource) || typeof resource.Type !== 'string') {
      const line = lineOf(id);
      return { ok: false, message: `resource ${id} has no Type`, ...(line ? { line } : {}) };
    }
    const properties = resource.Properties ?? {};
    if (!isRecord(properties)) {
      const line = lineOf(id, ['Properties']);
      return { ok: false, message: `resource ${id}: Properties must be a mapping`, ...(line ? { line } : {}) };
    }
    resources[id] = { ...resource, Type: resource.Type, Properties: properties };
  }
  return { ok: true, parsed: { template: data, resources, lineOf } };
}
