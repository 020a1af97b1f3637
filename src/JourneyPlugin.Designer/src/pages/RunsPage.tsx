import { useCallback, useEffect, useState } from 'react';
import { api } from '../lib/api';
import { Dialog } from '../lib/Dialog';
import { navigate } from '../lib/router';
import { useToast } from '../lib/toast';
import type { Funnel, InstanceDetail, InstanceSummary, JourneySummary, Run } from '../lib/types';

/** Campaign runs: start one with an audience file, follow its funnel, drill into instances. */
export function RunsPage({ runId }: { runId?: string }) {
  return runId ? <RunDetail runId={runId} /> : <RunList />;
}

function RunList() {
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const load = useCallback(() => api.runs().then((r) => { setRuns(r); setError(null); }, (e: Error) => setError(e.message)), []);
  useEffect(() => { load(); const t = setInterval(load, 3000); return () => clearInterval(t); }, [load]);
  return (
    <div className="page">
      <div className="page-head">
        <div><h1>Runs</h1><p className="muted">A run sends a journey to every customer of an audience file (CSV or JSONL).</p></div>
        <button className="primary" onClick={() => setStarting(true)} data-testid="start-run">+ Start a run</button>
      </div>
      {error && <div className="banner banner-error">Could not load the runs: {error}</div>}
      {runs && runs.length === 0 && (
        <div className="empty">
          <div className="empty-art" aria-hidden>▤</div>
          <h2>No run yet</h2>
          <p>Upload an audience — one customer per row with a <code>phone</code> column — and pick a journey.</p>
          <button className="primary" onClick={() => setStarting(true)}>Start a run</button>
        </div>
      )}
      {runs && runs.length > 0 && (
        <table className="table">
          <thead><tr><th>Run</th><th>Journey</th><th>Status</th><th>Enrolled</th><th>Sent</th><th>Replied</th><th>Started</th></tr></thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} className="clickable" onClick={() => navigate(`/runs/${encodeURIComponent(r.id)}`)}>
                <td><b>{r.name || r.id}</b></td><td>{r.journeyId}</td><td><span className={`status status-${r.status.toLowerCase()}`}>{r.status}</span></td>
                <td>{r.funnel?.enrolled ?? r.enrolled}</td><td>{r.funnel?.sent ?? 0}</td><td>{r.funnel?.replied ?? 0}</td><td>{new Date(r.createdAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {starting && <StartRunDialog onClose={() => setStarting(false)} onStarted={(r) => navigate(`/runs/${encodeURIComponent(r.id)}`)} />}
    </div>
  );
}

function StartRunDialog({ onClose, onStarted }: { onClose: () => void; onStarted: (r: Run) => void }) {
  const [journeys, setJourneys] = useState<JourneySummary[]>([]);
  const [journeyId, setJourneyId] = useState('');
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
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
    try { onStarted(await api.startRun(form)); } catch (e) { setError((e as Error).message); } finally { setBusy(false); }
  };
  return (
    <Dialog title="Start a run" onClose={onClose} footer={<><button onClick={onClose}>Cancel</button><button className="primary" disabled={busy} onClick={start} data-testid="start-run-submit">{busy ? 'Starting…' : 'Start'}</button></>}>
      <div className="form">
        <label>Journey
          <select value={journeyId} onChange={(e) => setJourneyId(e.target.value)} data-testid="run-journey">
            {journeys.map((j) => <option key={j.definitionId} value={j.definitionId}>{j.name ?? j.definitionId}</option>)}
          </select>
        </label>
        <label>Name (optional)<input value={name} onChange={(e) => setName(e.target.value)} placeholder="November newsletter" /></label>
        <label>Audience
          <input type="file" accept=".csv,.jsonl,.ndjson,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="run-audience" />
          <span className="hint">CSV with a header row, or one JSON object per line; <code>phone</code> is required, the other columns become <code>customer.*</code>.</span>
        </label>
        {error && <div className="field-error">{error}</div>}
      </div>
    </Dialog>
  );
}

const funnelSteps: { key: keyof Funnel; label: string }[] = [
  { key: 'enrolled', label: 'Enrolled' }, { key: 'sent', label: 'Sent' }, { key: 'delivered', label: 'Delivered' },
  { key: 'seen', label: 'Seen' }, { key: 'replied', label: 'Replied' },
];

export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const max = Math.max(1, funnel.enrolled);
  const failures = Object.entries(funnel.failed ?? {});
  return (
    <div className="funnel" data-testid="funnel">
      {funnelSteps.map(({ key, label }) => {
        const value = funnel[key] as number;
        return (
          <div className="funnel-row" key={key} data-testid={`funnel-${key}`}>
            <span className="funnel-label">{label}</span>
            <div className="funnel-track"><div className="funnel-bar" style={{ width: `${(value / max) * 100}%` }} /></div>
            <span className="funnel-value">{value}<span className="muted small"> {Math.round((value / max) * 100)}%</span></span>
          </div>
        );
      })}
      <div className="funnel-extra">
        <span>Timed out <b>{funnel.timedOut}</b></span><span>Completed <b>{funnel.completed}</b></span>
        <span>Failed <b data-testid="funnel-failed">{failures.reduce((s, [, n]) => s + n, 0)}</b>{failures.length > 0 && <> — {failures.map(([r, n]) => `${r}: ${n}`).join(', ')}</>}</span>
      </div>
    </div>
  );
}

function RunDetail({ runId }: { runId: string }) {
  const toast = useToast();
  const [run, setRun] = useState<Run | null>(null);
  const [instances, setInstances] = useState<InstanceSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [instance, setInstance] = useState<InstanceDetail | null>(null);
  const load = useCallback(() => {
    api.run(runId).then((r) => { setRun(r); setError(null); }, (e: Error) => setError(e.message));
    api.runInstances(runId, 0, 100).then(setInstances, () => {});
  }, [runId]);
  useEffect(() => { load(); const t = setInterval(load, 2000); return () => clearInterval(t); }, [load]);
  const act = async (action: 'pause' | 'resume' | 'cancel') => {
    try { setRun(await api.runAction(runId, action)); } catch (e) { toast('error', (e as Error).message); }
  };
  if (error && !run) return <div className="page"><div className="banner banner-error">Could not load the run: {error}</div></div>;
  if (!run) return <div className="loading">Loading the run…</div>;
  const status = run.status.toLowerCase();
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <button className="link" onClick={() => navigate('/runs')}>← Runs</button>
          <h1>{run.name || run.id} <span className={`status status-${status}`} data-testid="run-status">{run.status}</span></h1>
          <p className="muted">Journey <a href={`/journeys/${run.journeyId}`} onClick={(e) => { e.preventDefault(); navigate(`/journeys/${encodeURIComponent(run.journeyId)}`); }}>{run.journeyId}</a> · started {new Date(run.createdAt).toLocaleString()} · {run.rejectedRows} rejected row{run.rejectedRows === 1 ? '' : 's'}</p>
        </div>
        <div className="row">
          {['running', 'enrolling', 'pending'].includes(status) && <button onClick={() => act('pause')}>Pause</button>}
          {status === 'paused' && <button onClick={() => act('resume')}>Resume</button>}
          {!['completed', 'cancelled', 'canceled'].includes(status) && <button className="danger-text" onClick={() => act('cancel')}>Cancel run</button>}
        </div>
      </div>
      <div className="two-col">
        <section className="card"><h3>Funnel</h3><FunnelChart funnel={run.funnel} /></section>
        <section className="card">
          <h3>Steps</h3>
          {(run.steps ?? []).length === 0 ? <p className="muted">No step has been reached yet.</p> : (
            <table className="table compact"><thead><tr><th>Step</th><th>Sent</th><th>Delivered</th><th>Replied</th><th>Failed</th></tr></thead>
              <tbody>{run.steps!.map((s) => (
                <tr key={s.activityId}><td>{s.name ?? s.activityId}</td><td>{s.funnel.sent}</td><td>{s.funnel.delivered}</td><td>{s.funnel.replied}</td><td>{Object.values(s.funnel.failed ?? {}).reduce((a, b) => a + b, 0)}</td></tr>
              ))}</tbody></table>
          )}
        </section>
      </div>
      <section className="card">
        <h3>Instances</h3>
        {instances.length === 0 ? <p className="muted">No instance yet.</p> : (
          <table className="table compact" data-testid="run-instances">
            <thead><tr><th>Customer</th><th>Status</th><th>Current step</th><th>Updated</th></tr></thead>
            <tbody>{instances.map((i) => (
              <tr key={i.instanceId} className="clickable" onClick={() => api.instance(i.instanceId).then(setInstance, (e: Error) => toast('error', e.message))}>
                <td>{i.customerId ?? i.instanceId}</td><td><span className={`status status-${i.status.toLowerCase()}`}>{i.status}</span></td>
                <td>{i.currentActivityId ?? '—'}</td><td>{i.updatedAt ? new Date(i.updatedAt).toLocaleTimeString() : ''}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </section>
      {instance && (
        <Dialog title={`Instance ${instance.customerId ?? instance.instanceId}`} onClose={() => setInstance(null)} wide>
          <p><span className={`status status-${instance.status.toLowerCase()}`}>{instance.status}</span> <code className="small">{instance.instanceId}</code></p>
          <ol className="timeline">
            {instance.history.map((h, i) => (
              <li key={i}><span className="muted small">{new Date(h.at).toLocaleTimeString()}</span> <b>{h.activityId}</b> <span className="muted">{h.activityType}</span>{h.outcome && <span className="chip chip-on">{h.outcome}</span>}</li>
            ))}
          </ol>
          {instance.variables && Object.keys(instance.variables).length > 0 && <pre className="mono small customer-json">{JSON.stringify(instance.variables, null, 2)}</pre>}
        </Dialog>
      )}
    </div>
  );
}
