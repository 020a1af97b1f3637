/** Shapes of the server's API (see the HTTP API contract in the README). */

export interface InputDescriptor {
  name: string;
  typeName: string;
  displayName: string;
  description?: string | null;
  category?: string | null;
  uiHint: string;
  isWrapped: boolean;
  isRequired: boolean;
  defaultValue?: unknown;
  defaultSyntax?: string | null;
  options?: string[] | null;
  order: number;
  isBrowsable: boolean;
  isSensitive: boolean;
}

export interface OutputDescriptor {
  name: string;
  typeName: string;
  displayName?: string;
  description?: string | null;
}

export interface ActivityDescriptor {
  typeName: string;
  namespace: string;
  name: string;
  version: number;
  category: string;
  displayName: string;
  description?: string | null;
  kind: string;
  inputs: InputDescriptor[];
  outputs: OutputDescriptor[];
  ports: { name: string; displayName?: string }[];
  isStart: boolean;
  isTerminal: boolean;
  isBrowsable: boolean;
  maySuspend?: boolean;
}

export interface JourneySummary {
  definitionId: string;
  name: string | null;
  version: number;
  file: string | null;
  valid?: boolean;
  errors?: number;
  warnings?: number;
}

export interface Problem {
  severity: 'error' | 'warning';
  path: string;
  activityId?: string | null;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  problems: Problem[];
}

export interface Connection {
  name: string;
  vendor: string;
  baseUrl: string;
  sender: string;
  quickTestRecipient?: string | null;
  apiKey: string;
  source: 'sandbox' | 'configuration' | 'api';
  readOnly: boolean;
  webhooks?: { deliveryReportsUrl: string; inboundUrl: string; seenUrl: string; basicUser?: string | null; hmac: boolean };
}

export interface TemplatePlaceholder {
  component: string;
  kind: string;
  index: number;
}

export interface WhatsAppTemplate {
  name: string;
  language: string;
  status: string;
  category: string;
  bodyText?: string | null;
  placeholders: TemplatePlaceholder[];
}

export interface Funnel {
  enrolled: number;
  sent: number;
  delivered: number;
  seen: number;
  replied: number;
  failed: Record<string, number>;
  timedOut: number;
  completed: number;
}

export interface Run {
  id: string;
  journeyId: string;
  name?: string | null;
  status: string;
  createdAt: string;
  updatedAt?: string;
  enrolled: number;
  rejectedRows: number;
  /** Instances by status (Running, Suspended, Finished, Faulted, Cancelled). */
  instances?: Record<string, number>;
  funnel: Funnel;
  steps?: { activityId: string; name?: string | null; type?: string | null; funnel: Funnel }[];
}

export interface RejectedRow {
  row: number;
  reason: string;
  recordedAt: string;
}

export interface InstanceSummary {
  instanceId: string;
  customerId?: string | null;
  status: string;
  currentActivityId?: string | null;
  nextDueAt?: string | null;
  updatedAt?: string | null;
}

export interface InstanceDetail extends InstanceSummary {
  journeyId?: string;
  fault?: { activityId?: string | null; message: string; at: string } | null;
  history: { activityId: string; activityType: string; name?: string | null; outcome?: string | null; at: string; message?: string | null }[];
  bookmarks?: { activityId: string; kind: string; name: string; createdAt: string; resumeAt?: string | null }[];
  variables?: Record<string, unknown>;
}

export interface SandboxMessage {
  to?: string;
  from?: string;
  text?: string | null;
  messageId?: string;
  [key: string]: unknown;
}
