import type {
  ActivityDescriptor, Connection, InstanceDetail, InstanceSummary, JourneySummary, RejectedRow, Run, SandboxMessage, ValidationResult, WhatsAppTemplate,
} from './types';

/** An RFC 9457 problem returned by the server, or a network failure, as an Error the UI can show where it happened. */
export class ApiError extends Error {
  constructor(
    message: string,
    public readonly status: number,
    public readonly problem: Record<string, unknown> | null,
  ) {
    super(message);
  }

  /** Field errors of a validation problem: `{ field: [messages] }`. */
  get errors(): Record<string, string[]> {
    return (this.problem?.errors as Record<string, string[]>) ?? {};
  }
}

async function request<T>(method: string, url: string, body?: unknown, raw = false): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined || body instanceof FormData ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : body instanceof FormData ? body : typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('The server cannot be reached. Is it running?', 0, null);
  }
  const text = await response.text();
  if (!response.ok) {
    let problem: Record<string, unknown> | null = null;
    try {
      problem = text ? JSON.parse(text) : null;
    } catch {
      problem = null;
    }
    const errors = problem?.errors as Record<string, string[]> | undefined;
    const fieldText = errors ? Object.entries(errors).map(([k, v]) => `${k}: ${v.join(' ')}`).join('; ') : '';
    const message = (problem?.detail as string) || fieldText || (problem?.title as string) || `${method} ${url} failed with HTTP ${response.status}`;
    throw new ApiError(message, response.status, problem);
  }
  if (raw) return text as T;
  return (text ? JSON.parse(text) : undefined) as T;
}

const enc = encodeURIComponent;

export const api = {
  descriptors: () => request<ActivityDescriptor[]>('GET', '/api/activity-descriptors'),
  journeys: () => request<JourneySummary[]>('GET', '/api/journeys'),
  /** The stored file, byte for byte. */
  journeyText: (id: string) => request<string>('GET', `/api/journeys/${enc(id)}`, undefined, true),
  validate: (json: string) => request<ValidationResult>('POST', '/api/journeys/validate', json),
  save: (id: string, json: string) =>
    request<ValidationResult & { definitionId: string; file: string }>('PUT', `/api/journeys/${enc(id)}`, json),
  deleteJourney: (id: string) => request<void>('DELETE', `/api/journeys/${enc(id)}`),
  trigger: (id: string, customer: Record<string, unknown>, idempotencyKey?: string) =>
    request<{ instanceId: string; created: boolean }>('POST', `/api/journeys/${enc(id)}/trigger`, { customer, idempotencyKey }),
  preview: (template: string, syntax: string, customer: Record<string, unknown>) =>
    request<{ text: string }>('POST', '/api/templates/preview', { template, syntax: syntax.toLowerCase(), customer }),

  connections: () => request<Connection[]>('GET', '/api/connections'),
  createConnection: (body: Record<string, unknown>) => request<Connection>('POST', '/api/connections', body),
  updateConnection: (name: string, body: Record<string, unknown>) => request<Connection>('PUT', `/api/connections/${enc(name)}`, body),
  deleteConnection: (name: string) => request<void>('DELETE', `/api/connections/${enc(name)}`),
  quickTest: (name: string, body: { to?: string; text?: string }) =>
    request<Record<string, unknown>>('POST', `/api/connections/${enc(name)}/quick-test`, body),
  templates: (connection: string) => request<WhatsAppTemplate[]>('GET', `/api/connections/${enc(connection)}/templates`),

  runs: () => request<Run[]>('GET', '/api/runs'),
  run: (id: string) => request<Run>('GET', `/api/runs/${enc(id)}`),
  startRun: (form: FormData) => request<Run>('POST', '/api/runs', form),
  runAction: (id: string, action: 'pause' | 'resume' | 'cancel') => request<Run>('POST', `/api/runs/${enc(id)}/${action}`),
  runInstances: (id: string, skip = 0, take = 50, status?: string) =>
    request<InstanceSummary[]>('GET', `/api/runs/${enc(id)}/instances?skip=${skip}&take=${take}${status ? `&status=${enc(status)}` : ''}`),
  rejectedRows: (id: string) => request<RejectedRow[]>('GET', `/api/runs/${enc(id)}/rejected-rows`),
  instance: (id: string) => request<InstanceDetail>('GET', `/api/instances/${enc(id)}`),

  sandboxMessages: (to?: string) => request<SandboxMessage[]>('GET', `/api/sandbox/messages${to ? `?to=${enc(to)}` : ''}`),
  sandboxReply: (from: string, text: string) => request<unknown>('POST', '/api/sandbox/replies', { from, text }),
};
