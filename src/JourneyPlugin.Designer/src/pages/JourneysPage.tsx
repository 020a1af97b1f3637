import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../lib/api';
import { Dialog, slugify } from '../lib/Dialog';
import { emptyDocument, newId, parseDocument, serializeDocument } from '../lib/elsa';
import { navigate } from '../lib/router';
import { useToast } from '../lib/toast';
import type { JourneySummary } from '../lib/types';

type Editing = { mode: 'create' } | { mode: 'rename' | 'duplicate'; journey: JourneySummary };

/** The journeys of workflows/: open, create, rename, duplicate, delete. */
export function JourneysPage() {
  const toast = useToast();
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<JourneySummary | null>(null);
  const [filter, setFilter] = useState('');

  const load = useCallback(() => {
    api.journeys().then((j) => { setJourneys(j); setError(null); }, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key !== 'n' || e.ctrlKey || e.metaKey || e.altKey || target.closest('input, textarea, select, [contenteditable]') || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      setEditing({ mode: 'create' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const remove = async (journey: JourneySummary) => {
    try {
      await api.deleteJourney(journey.definitionId);
      toast('ok', `Deleted “${journey.name ?? journey.definitionId}”`);
      setDeleting(null);
      load();
    } catch (e) {
      toast('error', (e as Error).message);
    }
  };

  const shown = (journeys ?? []).filter((j) => `${j.name} ${j.definitionId}`.toLowerCase().includes(filter.toLowerCase()));

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Journeys</h1>
          <p className="muted">Elsa 3 workflow files in <code>workflows/</code>. Open one to edit it on the canvas.</p>
        </div>
        <div className="row">
          {journeys && journeys.length > 0 && <input className="search" placeholder="Filter journeys" value={filter} onChange={(e) => setFilter(e.target.value)} />}
          <button className="primary" onClick={() => setEditing({ mode: 'create' })} data-testid="new-journey">+ New journey</button>
        </div>
      </div>
      {error && <div className="banner banner-error">Could not load the journeys: {error} <button onClick={load}>Retry</button></div>}
      {!journeys && !error && <div className="skeleton-list">{[1, 2, 3].map((i) => <div key={i} className="skeleton" />)}</div>}
      {journeys && journeys.length === 0 && (
        <div className="empty">
          <div className="empty-art" aria-hidden>⟿</div>
          <h2>No journeys yet</h2>
          <p>Create a journey, drag <b>Send Infobip WhatsApp</b> onto the canvas and connect its outcomes.</p>
          <button className="primary" onClick={() => setEditing({ mode: 'create' })}>Create your first journey</button>
        </div>
      )}
      {journeys && journeys.length > 0 && (
        <div className="card-grid">
          {shown.map((j) => (
            <div key={j.definitionId} className="journey-card" data-testid={`journey-${j.definitionId}`}>
              <button className="journey-card-main" onClick={() => navigate(`/journeys/${encodeURIComponent(j.definitionId)}`)}>
                <div className="journey-card-title">
                  <span>{j.name ?? j.definitionId}</span>
                  {j.valid !== undefined && (
                    <span className={`validity ${j.valid ? (j.warnings ? 'validity-warn' : 'validity-ok') : 'validity-error'}`} data-testid={`journey-${j.definitionId}-validity`}
                      title={j.valid ? 'Can be run' : 'Has errors: it can be edited and saved, not run'}>
                      {j.valid ? (j.warnings ? `${j.warnings} warning${j.warnings > 1 ? 's' : ''}` : '✓ Valid') : `${j.errors} error${j.errors === 1 ? '' : 's'}`}
                    </span>
                  )}
                </div>
                <div className="journey-card-meta"><code>{j.definitionId}</code> · v{j.version}{j.file ? ` · ${j.file}` : ''}</div>
              </button>
              <div className="journey-card-actions">
                <button onClick={() => navigate(`/journeys/${encodeURIComponent(j.definitionId)}`)}>Open</button>
                <button onClick={() => setEditing({ mode: 'rename', journey: j })} disabled={!j.file}>Rename</button>
                <button onClick={() => setEditing({ mode: 'duplicate', journey: j })} disabled={!j.file}>Duplicate</button>
                <button className="danger-text" onClick={() => setDeleting(j)} disabled={!j.file}>Delete</button>
              </div>
            </div>
          ))}
          {shown.length === 0 && <p className="muted">No journey matches “{filter}”.</p>}
        </div>
      )}
      {editing && <JourneyDialog editing={editing} existing={journeys ?? []} onClose={() => setEditing(null)} onDone={(id, open) => { setEditing(null); load(); if (open) navigate(`/journeys/${encodeURIComponent(id)}`); }} />}
      {deleting && (
        <Dialog title="Delete journey" onClose={() => setDeleting(null)} footer={<>
          <button onClick={() => setDeleting(null)}>Cancel</button>
          <button className="danger" onClick={() => remove(deleting)}>Delete {deleting.file}</button>
        </>}>
          <p>Delete <b>{deleting.name ?? deleting.definitionId}</b>? The file <code>workflows/{deleting.file}</code> is removed; source control still has its history.</p>
        </Dialog>
      )}
    </div>
  );
}

function JourneyDialog({ editing, existing, onClose, onDone }: { editing: Editing; existing: JourneySummary[]; onClose: () => void; onDone: (id: string, open: boolean) => void }) {
  const toast = useToast();
  const source = editing.mode === 'create' ? null : editing.journey;
  const [name, setName] = useState(editing.mode === 'duplicate' ? `${source!.name ?? source!.definitionId} (copy)` : source?.name ?? '');
  const [id, setId] = useState(editing.mode === 'duplicate' ? `${source!.definitionId}-copy` : '');
  const [idTouched, setIdTouched] = useState(editing.mode === 'duplicate');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsId = editing.mode !== 'rename';
  const effectiveId = needsId ? (idTouched ? id : slugify(name)) : source!.definitionId;

  const idProblem = !needsId ? null
    : !effectiveId ? 'An id is needed: letters, digits and dashes.'
    : !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(effectiveId) ? 'Use letters, digits, dots, dashes and underscores only.'
    : existing.some((j) => j.definitionId === effectiveId) ? `A journey with the id “${effectiveId}” exists already.` : null;

  const submit = async () => {
    if (!name.trim()) { setError('A name is needed.'); return; }
    if (idProblem) { setError(idProblem); return; }
    setBusy(true);
    setError(null);
    try {
      if (editing.mode === 'create') {
        const doc = emptyDocument(effectiveId, name.trim());
        await api.save(effectiveId, serializeDocument(doc));
        toast('ok', `Created “${name.trim()}”`);
        onDone(effectiveId, true);
      } else {
        const { doc, format } = parseDocument(await api.journeyText(source!.definitionId));
        doc.name = name.trim();
        if (editing.mode === 'duplicate') {
          doc.id = newId();
          doc.definitionId = effectiveId;
        }
        await api.save(effectiveId, serializeDocument(doc, format));
        toast('ok', editing.mode === 'rename' ? `Renamed to “${name.trim()}”` : `Duplicated as “${name.trim()}”`);
        onDone(effectiveId, editing.mode === 'duplicate');
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const title = editing.mode === 'create' ? 'New journey' : editing.mode === 'rename' ? 'Rename journey' : 'Duplicate journey';
  return (
    <Dialog title={title} onClose={onClose} footer={<>
      <button onClick={onClose}>Cancel</button>
      <button className="primary" disabled={busy} onClick={submit} data-testid="journey-dialog-submit">{editing.mode === 'create' ? 'Create' : editing.mode === 'rename' ? 'Rename' : 'Duplicate'}</button>
    </>}>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} className="form">
        <label>Name<input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="Welcome offer" data-testid="journey-name" /></label>
        {needsId && (
          <label>Id and file name
            <input value={effectiveId} onChange={(e) => { setId(e.target.value); setIdTouched(true); }} placeholder="welcome-offer" data-testid="journey-id" />
            <span className={idProblem && (idTouched || name) ? 'field-error' : 'hint'}>{idProblem && (idTouched || name) ? idProblem : `Saved as workflows/${effectiveId || '…'}.json`}</span>
          </label>
        )}
        {error && <div className="field-error">{error}</div>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
