import { useEffect, useState } from 'react';
import { api } from '../lib/api';

/** The display name of every activity of an Elsa workflow JSON, by id (nested containers included). */
export function activityNames(json: unknown): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.id === 'string' && typeof o.type === 'string') names.set(o.id, typeof o.name === 'string' && o.name ? o.name : o.type.replace(/^.*\./, ''));
    Object.values(o).forEach(walk);
  };
  walk((json as { root?: unknown })?.root ?? json);
  return names;
}

/** Names of the journey's steps, for tables that only carry activity ids; empty while loading or when the journey is gone. */
export function useStepNames(journeyId: string | undefined): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!journeyId) return;
    let live = true;
    api.journeyText(journeyId).then((text) => live && setNames(activityNames(JSON.parse(text))), () => {});
    return () => { live = false; };
  }, [journeyId]);
  return names;
}
