import { useMemo, useState } from 'react';
import type { ActivityDescriptor } from '../lib/types';
import { categoryStyle, TypeIcon } from './categories';

export const dragType = 'application/x-journey-activity';

/** The activities from /api/activity-descriptors, grouped by category and searchable; drag one onto the canvas or press Enter. */
export function Toolbox({ descriptors, onAdd }: { descriptors: ActivityDescriptor[]; onAdd: (typeName: string) => void }) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const shown = descriptors.filter((d) => d.isBrowsable && (!q || `${d.displayName} ${d.category} ${d.description ?? ''} ${d.typeName}`.toLowerCase().includes(q)));
    const byCategory = new Map<string, ActivityDescriptor[]>();
    for (const d of shown) byCategory.set(d.category, [...(byCategory.get(d.category) ?? []), d]);
    // WhatsApp first: it is what journeys are made of.
    return [...byCategory.entries()].sort(([a], [b]) => (a === 'WhatsApp' ? -1 : b === 'WhatsApp' ? 1 : a.localeCompare(b)));
  }, [descriptors, query]);

  return (
    <aside className="toolbox" aria-label="Activities">
      <div className="toolbox-search">
        <input type="search" placeholder="Search activities  ( / )" value={query} onChange={(e) => setQuery(e.target.value)} id="toolbox-search" data-testid="toolbox-search" />
      </div>
      <div className="toolbox-groups">
        {groups.map(([category, items]) => (
          <section key={category} className="toolbox-group">
            <h3>{category}</h3>
            {items.map((d) => {
              const { color } = categoryStyle(d.category);
              return (
                <div
                  key={d.typeName}
                  className="toolbox-item"
                  draggable
                  tabIndex={0}
                  role="button"
                  data-testid={`tool-${d.typeName}`}
                  title={`${d.description ?? ''}\nDrag onto the canvas, or press Enter to add.`}
                  style={{ ['--node-color' as string]: color }}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(dragType, d.typeName);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                  onKeyDown={(e) => e.key === 'Enter' && onAdd(d.typeName)}
                  onDoubleClick={() => onAdd(d.typeName)}
                >
                  <span className="toolbox-icon" aria-hidden><TypeIcon typeName={d.typeName} category={d.category} /></span>
                  <span className="toolbox-text">
                    <span className="toolbox-name">{d.displayName}</span>
                    <span className="toolbox-desc">{d.description}</span>
                  </span>
                </div>
              );
            })}
          </section>
        ))}
        {groups.length === 0 && <p className="muted pad">No activity matches “{query}”.</p>}
      </div>
    </aside>
  );
}
