import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { Dialog } from '../lib/Dialog';
import { fieldErrors } from '../lib/fieldErrors';
import type { JourneySummary, Run } from '../lib/types';

/** Starts a campaign run: a journey and an uploaded audience file. */
export function StartRunDialog({ onClose, onStarted }: { onClose: () => void; onStarted: (r: Run) => void }) {
  const [journeys, setJourneys] = useState<JourneySummary[]>([]);
  const [journeyId, setJourneyId] = useState('');
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => { api.journeys().then((j) => { setJourneys(j); setJourneyId((x) => x || j[0]?.definitionId || ''); }, (e: Error) => setError(e.message)); }, []);
  const start = async () => {
    if (!journeyId) { setError('Choose a journey.'); return; }
    if (!file) { setError('Choose an audience file (CSV or JSONL).'); return; }
    const form = new FormData();
    form.append('journeyId', journeyId);
    if (name.trim()) form.append('name', name.trim());
    form.append('audience', file);
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      onStarted(await api.startRun(form));
    } catch (e) {
      const { byField, other } = fieldErrors(e, ['journeyId', 'name', 'audience']);
      setErrors(byField);
      setError(other);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Start a run" onClose={onClose} footer={<><button onClick={onClose}>Cancel</button><button className="primary" disabled={busy} onClick={start} data-testid="start-run-submit">{busy ? 'Starting…' : 'Start'}</button></>}>
      <div className="form">
        <label>Journey
          <select value={journeyId} onChange={(e) => setJourneyId(e.target.value)} data-testid="run-journey">
            {journeys.map((j) => <option key={j.definitionId} value={j.definitionId}>{j.name ?? j.definitionId}</option>)}
          </select>
          {errors.journeyId && <span className="field-error" data-testid="run-journey-error">{errors.journeyId.join(' ')}</span>}
        </label>
        <label>Name (optional)<input value={name} onChange={(e) => setName(e.target.value)} placeholder="November newsletter" />{errors.name && <span className="field-error">{errors.name.join(' ')}</span>}</label>
        <label>Audience
          <input type="file" accept=".csv,.jsonl,.ndjson,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="run-audience" />
          {errors.audience && <span className="field-error" data-testid="run-audience-error">{errors.audience.join(' ')}</span>}
          <span className="hint">CSV with a header row, or one JSON object per line; <code>phone</code> is required, the other columns become <code>customer.*</code>.</span>
        </label>
        {error && <div className="banner banner-error" data-testid="run-start-error">{error}</div>}
      </div>
    </Dialog>
  );
}
