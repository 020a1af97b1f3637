import { useEffect, useState } from 'react';
import { Dialog } from './Dialog';
import { navigate } from './router';

const helpEvent = 'journeyplugin:help';

/** Opens the keyboard shortcuts overlay from a button anywhere. */
export function openShortcutsHelp(): void {
  window.dispatchEvent(new Event(helpEvent));
}

const everywhere: [string, string][] = [['?', 'Show these shortcuts'], ['G then J', 'Go to journeys'], ['G then R', 'Go to runs'], ['G then C', 'Go to connections'], ['Esc', 'Close a dialog']];
const journeys: [string, string][] = [['N', 'New journey']];
const editor: [string, string][] = [
  ['Ctrl+S', 'Save'], ['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo'], ['Delete', 'Delete the selection'], ['Ctrl+D', 'Duplicate the selection'],
  ['L', 'Automatic layout'], ['F', 'Fit the journey in view'], ['/', 'Search activities'], ['Enter (in the toolbox)', 'Add the activity'],
  ['Shift+drag', 'Select several'], ['Esc', 'Clear the selection'],
];

const typingIn = (target: EventTarget | null) => target instanceof HTMLElement && !!target.closest('input, textarea, select, [contenteditable]');

/** The app-wide shortcuts (help, "g" then a section) and the overlay listing them with those of the current screen. */
export function ShortcutsHelp({ path }: { path: string }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let pendingG = 0;
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e.target) || e.ctrlKey || e.metaKey || e.altKey || document.querySelector('[role="dialog"]')) return;
      if (e.key === '?') { e.preventDefault(); setOpen(true); return; }
      const key = e.key.toLowerCase();
      if (key === 'g') { pendingG = Date.now(); return; }
      if (Date.now() - pendingG < 1500) {
        const to = { j: '/', r: '/runs', c: '/connections' }[key];
        if (to) { e.preventDefault(); navigate(to); }
      }
      pendingG = 0;
    };
    const onHelp = () => setOpen(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener(helpEvent, onHelp);
    return () => { window.removeEventListener('keydown', onKey); window.removeEventListener(helpEvent, onHelp); };
  }, []);
  if (!open) return null;
  const screen = path.startsWith('/journeys/') ? { title: 'In the editor', keys: editor } : path === '/' ? { title: 'Journeys', keys: journeys } : null;
  const table = (keys: [string, string][]) => (
    <table className="shortcuts"><tbody>{keys.map(([k, v]) => <tr key={k}><td><kbd>{k}</kbd></td><td>{v}</td></tr>)}</tbody></table>
  );
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => setOpen(false)} wide>
      <div className="shortcut-groups" data-testid="shortcuts-help">
        {screen && <section><h4>{screen.title}</h4>{table(screen.keys)}</section>}
        <section><h4>Everywhere</h4>{table(everywhere)}</section>
      </div>
    </Dialog>
  );
}
