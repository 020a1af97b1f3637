/** The look of each activity category on the canvas and in the toolbox. */
const palette: Record<string, { color: string; icon: string }> = {
  WhatsApp: { color: '#16a34a', icon: '💬' },
  Flow: { color: '#475569', icon: '◆' },
  Branching: { color: '#d97706', icon: '⑂' },
  Scheduling: { color: '#7c3aed', icon: '⏱' },
  HTTP: { color: '#2563eb', icon: '⇄' },
  Primitives: { color: '#0d9488', icon: '𝑥' },
};

export function categoryStyle(category: string | undefined): { color: string; icon: string } {
  return (category && palette[category]) || { color: '#64748b', icon: '●' };
}

export function typeIcon(typeName: string, category: string | undefined): string {
  if (typeName === 'Journeys.WaitForUserReply') return '⏳';
  if (typeName === 'Elsa.Start') return '▶';
  if (typeName === 'Elsa.End') return '■';
  return categoryStyle(category).icon;
}
