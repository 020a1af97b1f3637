/** The look of each activity category on the canvas and in the toolbox. */
const colors: Record<string, string> = {
  WhatsApp: '#16a34a', Flow: '#475569', Branching: '#d97706', Scheduling: '#7c3aed', HTTP: '#2563eb', Primitives: '#0d9488',
};

export function categoryStyle(category: string | undefined): { color: string } {
  return { color: (category && colors[category]) || '#64748b' };
}

const paths: Record<string, string> = {
  send: 'M22 2 11 13M22 2l-7 20-4-9-9-4 20-7z',
  reply: 'M21 11.5a8.4 8.4 0 0 1-9 8.5 8.5 8.5 0 0 1-4-1L3 20l1.9-5A8.4 8.4 0 0 1 12 3a8.5 8.5 0 0 1 9 8.5z',
  branch: 'M6 3v12M18 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6 21a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 9a9 9 0 0 1-9 9',
  clock: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 7v5l3 3',
  http: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20',
  variable: 'M8 4c-2 0-3 1-3 3v3l-2 2 2 2v3c0 2 1 3 3 3M16 4c2 0 3 1 3 3v3l2 2-2 2v3c0 2-1 3-3 3',
  start: 'M8 5v14l11-7z',
  end: 'M7 7h10v10H7z',
  other: 'M12 17a5 5 0 1 0 0-10 5 5 0 0 0 0 10z',
};

function iconName(typeName: string, category: string | undefined): string {
  switch (typeName) {
    case 'Journeys.SendInfobipWhatsApp': return 'send';
    case 'Journeys.WaitForUserReply': return 'reply';
    case 'Elsa.Start': return 'start';
    case 'Elsa.End': return 'end';
    default:
      return category === 'Branching' ? 'branch' : category === 'Scheduling' ? 'clock' : category === 'HTTP' ? 'http'
        : category === 'Primitives' ? 'variable' : category === 'WhatsApp' ? 'send' : 'other';
  }
}

/** A small line icon for an activity type. */
export function TypeIcon({ typeName, category }: { typeName: string; category: string | undefined }) {
  const name = iconName(typeName, category);
  const filled = name === 'start' || name === 'end';
  return (
    <svg viewBox="0 0 24 24" width="15" height="15" fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d={paths[name]} />
    </svg>
  );
}
