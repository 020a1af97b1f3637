import type { ActivityDescriptor, InputDescriptor } from './types';

/**
 * The Elsa 3 workflow-definition JSON, edited in place. The designer never rebuilds a document from its own model:
 * it changes the properties it owns (inputs, names, positions, connections) and keeps every other property, in its
 * order, so a load and save without edits gives back the same bytes and an edit gives a small diff.
 */
export type JsonObject = { [key: string]: unknown };

export interface ElsaExpression {
  type: string;
  value: unknown;
}

export interface ElsaInput {
  typeName: string;
  expression?: ElsaExpression;
  memoryReference?: { id: string };
  [key: string]: unknown;
}

export interface ElsaActivity {
  id: string;
  nodeId?: string;
  name?: string;
  type: string;
  version: number;
  customProperties?: JsonObject;
  metadata?: { designer?: { position?: { x: number; y: number }; size?: { width: number; height: number } } } & JsonObject;
  [key: string]: unknown;
}

export interface ElsaConnection {
  source: { activity: string; port: string };
  target: { activity: string; port: string };
  [key: string]: unknown;
}

export interface ElsaVariable {
  id: string;
  name: string;
  typeName: string;
  [key: string]: unknown;
}

export interface ElsaDocument {
  id: string;
  definitionId: string;
  name?: string;
  description?: string;
  version?: number;
  variables?: ElsaVariable[];
  root: {
    id: string;
    nodeId?: string;
    type: string;
    activities: ElsaActivity[];
    connections: ElsaConnection[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** How a file was written, so the designer writes it back the same way. */
export interface JsonFormat {
  indent: string;
  finalNewline: boolean;
}

export const defaultFormat: JsonFormat = { indent: '  ', finalNewline: true };

/** Reads a journey file; throws an Error naming what is wrong when it is not an Elsa flowchart. */
export function parseDocument(text: string): { doc: ElsaDocument; format: JsonFormat } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`The file is not JSON: ${(e as Error).message}`);
  }
  const doc = value as ElsaDocument;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('The file is not an Elsa workflow definition (expected a JSON object).');
  if (typeof doc.definitionId !== 'string' || !doc.definitionId) throw new Error('The workflow definition has no "definitionId".');
  if (!doc.root || typeof doc.root !== 'object') throw new Error('The workflow definition has no "root" activity.');
  if (doc.root.type !== 'Elsa.Flowchart') throw new Error(`The root activity is "${String(doc.root.type)}"; the designer edits Elsa.Flowchart roots.`);
  if (!Array.isArray(doc.root.activities)) doc.root.activities = [];
  if (!Array.isArray(doc.root.connections)) doc.root.connections = [];
  const indentMatch = /\n([ \t]+)"/.exec(text);
  return { doc, format: { indent: indentMatch ? indentMatch[1] : '  ', finalNewline: text.endsWith('\n') } };
}

export function serializeDocument(doc: ElsaDocument, format: JsonFormat = defaultFormat): string {
  return JSON.stringify(doc, null, format.indent) + (format.finalNewline ? '\n' : '');
}

/** A 16-hex id, Elsa's export format. */
export function newId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A copy of `obj` with `key` set; a new key goes before the first of `before` present, so inputs stay above customProperties/metadata. */
export function withKey<T extends JsonObject>(obj: T, key: string, value: unknown, before: string[] = ['customProperties', 'metadata']): T {
  if (key in obj) return { ...obj, [key]: value };
  const result: JsonObject = {};
  let placed = false;
  for (const [k, v] of Object.entries(obj)) {
    if (!placed && before.includes(k)) {
      result[key] = value;
      placed = true;
    }
    result[k] = v;
  }
  if (!placed) result[key] = value;
  return result as T;
}

export function withoutKey<T extends JsonObject>(obj: T, key: string): T {
  if (!(key in obj)) return obj;
  const { [key]: _removed, ...rest } = obj;
  return rest as T;
}

export function emptyDocument(definitionId: string, name: string): ElsaDocument {
  const rootId = newId();
  const startId = newId();
  const endId = newId();
  const activity = (id: string, nm: string, type: string, x: number): ElsaActivity => ({
    id,
    nodeId: `Workflow1:${rootId}:${id}`,
    name: nm,
    type,
    version: 1,
    customProperties: { canStartWorkflow: false, runAsynchronously: false },
    metadata: { designer: { position: { x, y: 0 }, size: { width: 240, height: 64 } } },
  });
  return {
    $schema: 'https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json',
    id: newId(),
    definitionId,
    name,
    description: '',
    createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    version: 1,
    toolVersion: '3.5.0.0',
    variables: [],
    inputs: [],
    outputs: [],
    outcomes: [],
    customProperties: {},
    isReadonly: false,
    isSystem: false,
    isLatest: true,
    isPublished: true,
    options: { usableAsActivity: false, autoUpdateConsumingWorkflows: false },
    root: {
      id: rootId,
      nodeId: `Workflow1:${rootId}`,
      name: 'Flowchart1',
      type: 'Elsa.Flowchart',
      version: 1,
      customProperties: { notFoundConnections: [], canStartWorkflow: false, runAsynchronously: false },
      metadata: {},
      activities: [activity(startId, 'Start', 'Elsa.Start', 0), activity(endId, 'End', 'Elsa.End', 600)],
      variables: [],
      connections: [],
    },
  };
}

/** A new activity of a descriptor's type at a position, with the inputs that have defaults filled in. */
export function createActivity(doc: ElsaDocument, descriptor: ActivityDescriptor, position: { x: number; y: number }, defaults: Record<string, unknown>): ElsaActivity {
  const id = newId();
  const taken = new Set(doc.root.activities.map((a) => a.name));
  let name = descriptor.displayName;
  for (let n = 2; taken.has(name); n++) name = `${descriptor.displayName} ${n}`;
  let activity: ElsaActivity = {
    id,
    nodeId: `${doc.root.nodeId ?? `Workflow1:${doc.root.id}`}:${id}`,
    name,
    type: descriptor.typeName,
    version: descriptor.version,
    customProperties: { canStartWorkflow: false, runAsynchronously: false },
    metadata: { designer: { position: snap(position), size: { width: 240, height: 64 } } },
  };
  for (const input of descriptor.inputs) {
    const value = defaults[input.name] ?? input.defaultValue;
    if (value !== undefined && value !== null && value !== '') activity = setInputValue(activity, input, value, input.defaultSyntax ?? 'Literal');
  }
  return activity;
}

export function snap(p: { x: number; y: number }): { x: number; y: number } {
  return { x: Math.round(p.x / 10) * 10, y: Math.round(p.y / 10) * 10 };
}

export function getInput(activity: ElsaActivity, name: string): ElsaInput | undefined {
  const value = activity[name];
  return value && typeof value === 'object' ? (value as ElsaInput) : undefined;
}

export function getInputValue(activity: ElsaActivity, name: string): unknown {
  return getInput(activity, name)?.expression?.value;
}

export function getInputSyntax(activity: ElsaActivity, input: InputDescriptor): string {
  return getInput(activity, input.name)?.expression?.type ?? input.defaultSyntax ?? 'Literal';
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Sets a wrapped input (`{typeName, expression{type, value}}`); an empty value removes it. */
export function setInputValue(activity: ElsaActivity, input: InputDescriptor, value: unknown, syntax?: string): ElsaActivity {
  if (isEmpty(value)) return withoutKey(activity, input.name);
  const existing = getInput(activity, input.name);
  const type = syntax ?? existing?.expression?.type ?? input.defaultSyntax ?? 'Literal';
  const wrapped: ElsaInput = existing?.expression
    ? { ...existing, expression: { ...existing.expression, type, value } }
    : { typeName: existing?.typeName ?? input.typeName, expression: { type, value } };
  return withKey(activity, input.name, wrapped);
}

export function activityPosition(activity: ElsaActivity): { x: number; y: number } {
  return activity.metadata?.designer?.position ?? { x: 0, y: 0 };
}

export function withPosition(activity: ElsaActivity, position: { x: number; y: number }): ElsaActivity {
  const metadata = activity.metadata ?? {};
  const designer = metadata.designer ?? {};
  return withKey(activity, 'metadata', { ...metadata, designer: withKey({ ...designer }, 'position', snap(position), ['size']) });
}

/**
 * The outcomes an activity can complete with: the descriptor's ports, plus the dynamic ones.
 * Wait for User Reply gets one port per expected reply and Other (as the engine computes them).
 */
export function portsOf(activity: ElsaActivity, descriptor: ActivityDescriptor | undefined): string[] {
  const ports = descriptor ? descriptor.ports.map((p) => p.name) : [];
  const dynamic = descriptor?.inputs.find((i) => i.uiHint === 'dynamic-outcomes');
  if (dynamic) {
    const values = getInputValue(activity, dynamic.name);
    const list = Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
    if (list.length > 0) return [...ports, ...list, 'Other'];
  }
  if (!descriptor) {
    // Unknown type: keep the ports its connections use, so nothing is dropped on save.
    return [];
  }
  return ports;
}

/** Elsa's ISO 8601 durations (P2D, PT1H30M) to and from parts the designer edits. */
export function parseDuration(value: string): { days: number; hours: number; minutes: number; seconds: number } | null {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value.trim());
  if (!m || value.trim() === 'P' || value.trim().endsWith('T')) {
    const span = /^(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
    if (!span) return null;
    return { days: Number(span[1] ?? 0), hours: Number(span[2]), minutes: Number(span[3]), seconds: Number(span[4] ?? 0) };
  }
  return { days: Number(m[1] ?? 0), hours: Number(m[2] ?? 0), minutes: Number(m[3] ?? 0), seconds: Number(m[4] ?? 0) };
}

export function formatDuration(parts: { days: number; hours: number; minutes: number; seconds: number }): string {
  const { days, hours, minutes, seconds } = parts;
  let s = 'P';
  if (days) s += `${days}D`;
  if (hours || minutes || seconds) {
    s += 'T';
    if (hours) s += `${hours}H`;
    if (minutes) s += `${minutes}M`;
    if (seconds) s += `${seconds}S`;
  }
  return s === 'P' ? 'PT0S' : s;
}

export function describeDuration(value: unknown): string {
  if (typeof value !== 'string') return '';
  const p = parseDuration(value);
  if (!p) return value;
  const parts = [
    p.days && `${p.days} day${p.days === 1 ? '' : 's'}`,
    p.hours && `${p.hours} h`,
    p.minutes && `${p.minutes} min`,
    p.seconds && `${p.seconds} s`,
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 s';
}
