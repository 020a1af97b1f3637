import { ApiError } from './api';

/**
 * The problems of a failed request by form field: a validation problem's `errors` (keys matched to the
 * form's fields whatever their case, `$.to` included), or a problem naming its `field`. What no field
 * owns is returned as `other`, to be shown above the form.
 */
export function fieldErrors(error: unknown, fields: readonly string[]): { byField: Record<string, string[]>; other: string | null } {
  const byField: Record<string, string[]> = {};
  if (!(error instanceof ApiError)) return { byField, other: (error as Error).message };
  const own = (key: string) => fields.find((f) => f.toLowerCase() === key.replace(/^\$\./, '').toLowerCase());
  const unowned: string[] = [];
  for (const [key, messages] of Object.entries(error.errors)) {
    const field = own(key);
    if (field) byField[field] = [...(byField[field] ?? []), ...messages];
    else unowned.push(`${key}: ${messages.join(' ')}`);
  }
  const named = typeof error.problem?.field === 'string' ? own(error.problem.field) : undefined;
  if (named) byField[named] = [...(byField[named] ?? []), error.message];
  const other = unowned.length ? unowned.join('; ') : Object.keys(byField).length ? null : error.message;
  return { byField, other };
}
