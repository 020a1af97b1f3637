import { useCallback, useEffect, useState } from 'react';
import { api } from '../lib/api';
import { navigate } from '../lib/router';
import type { Run } from '../lib/types';
import { RunDetail } from '../runs/RunDetail';
import { StartRunDialog } from '../runs/StartRunDialog';

/** Campaign runs: start one with an audience file, follow its funnel, drill into instances. */
export function RunsPage({ runId }: { runId?: string }) {
  return runId ? <RunDetail key={runId} runId={runId} /> : <RunList />;
}

const active = (r: Run) => ['created', 'running'].includes(r.status.toLowerCase()) || (r.instances?.Running ?? 0) > 0;
const percent = (value: number, of: number) => (of > 0 ? `${Math.round((value / of) * 100)}%` : '');

function RunList() {
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const load = useCallback(() => api.runs().then((r) => { setRuns(r); setError(null); }, (e: Error) => setError(e.message)), []);
  const live = (runs ?? []).some(active);
  useEffect(() => { load(); }, [load]);
  useEffect(() => {
    if (!live) return;
    const t = setInterval(() => { if (!document.hidden) load(); }, 3000);
    return () => clearInterval(t);
  }, [live, load]);
  return (
    <div className="page">
      <div className="page-head">
        <div><h1>Runs</h1><p className="muted">A run sends a journey to every customer of an audience file (CSV or JSON lines).</p></div>
        <button className="primary" onClick={() => setStarting(true)} data-testid="start-run">+ Start a run</button>
      </div>
      {error && <div className="banner banner-error">Could not load the runs: {error} <button className="link" onClick={load}>Retry</button></div>}
      {!runs && !error && <div className="skeleton-list"><div className="skeleton" /></div>}
      {runs && runs.length === 0 && (
        <div className="empty" data-testid="runs-empty">
          <div className="empty-art" aria-hidden>▤</div>
          <h2>No run yet</h2>
          <p>Start a campaign: pick a valid journey and upload its audience, one customer per row with a <code>phone</code> column (country code, no plus); the other columns become <code>customer.*</code> in templates.</p>
          <button className="primary" onClick={() => setStarting(true)}>Start a run</button>
        </div>
      )}
      {runs && runs.length > 0 && (
        <table className="table" data-testid="runs">
          <thead><tr><th>Run</th><th>Journey</th><th>Status</th><th className="num">Enrolled</th><th className="num">Sent</th><th className="num">Delivered</th><th className="num">Replied</th><th className="num">Failed</th><th>Started</th></tr></thead>
          <tbody>
            {runs.map((r) => {
              const f = r.funnel;
              const failed = Object.values(f.failed ?? {}).reduce((a, b) => a + b, 0);
              const go = () => navigate(`/runs/${encodeURIComponent(r.id)}`);
              return (
                <tr key={r.id} className="clickable" tabIndex={0} onClick={go} onKeyDown={(e) => e.key === 'Enter' && go()}>
                  <td><b>{r.name || r.id}</b></td><td>{r.journeyId}</td>
                  <td><span className={`status status-${r.status.toLowerCase()}`}>{r.status}</span></td>
                  <td className="num">{f.enrolled}</td><td className="num">{f.sent}</td>
                  <td className="num">{f.delivered} <span className="muted small">{percent(f.delivered, f.sent)}</span></td>
                  <td className="num">{f.replied} <span className="muted small">{percent(f.replied, f.sent)}</span></td>
                  <td className="num">{failed || ''}</td>
                  <td>{new Date(r.createdAt).toLocaleString()}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {starting && <StartRunDialog onClose={() => setStarting(false)} onStarted={(r) => navigate(`/runs/${encodeURIComponent(r.id)}`)} />}
    </div>
  );
}
