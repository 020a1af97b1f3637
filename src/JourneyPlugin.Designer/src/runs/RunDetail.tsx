import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../lib/api';
import { Dialog } from '../lib/Dialog';
import { navigate } from '../lib/router';
import { useToast } from '../lib/toast';
import type { InstanceDetail, InstanceSummary, RejectedRow, Run } from '../lib/types';
import { FunnelChart, reasonLabel } from './FunnelChart';
import { useStepNames } from './stepNames';

const pageSize = 50;
const instanceStatuses: { status: string; label: string }[] = [
  { status: 'Running', label: 'Running' }, { status: 'Suspended', label: 'Waiting' }, { status: 'Finished', label: 'Finished' },
  { status: 'Faulted', label: 'Faulted' }, { status: 'Cancelled', label: 'Cancelled' },
];
const statusLabel = (status: string) => instanceStatuses.find((s) => s.status === status)?.label ?? status;

/** How often to refresh: quickly while customers are being enrolled or sent to, slowly while they only wait, not at all once over. */
function refreshInterval(run: Run | null): number | null {
  if (!run) return 2000;
  const status = run.status.toLowerCase();
  const running = run.instances?.Running ?? 0;
  if (status === 'created' || status === 'running' || running > 0) return 2000;
  if (status !== 'cancelled' && (run.instances?.Suspended ?? 0) > 0) return 10_000;
  return null;
}

/** One run: its funnel and steps, refreshed while it runs, its instances by status, and each instance's path. */
export function RunDetail({ runId }: { runId: string }) {
  const toast = useToast();
  const [run, setRun] = useState<Run | null>(null);
  const [instances, setInstances] = useState<InstanceSummary[]>([]);
  const [filter, setFilter] = useState<string>('');
  const [take, setTake] = useState(pageSize);
  const [rejected, setRejected] = useState<RejectedRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [instance, setInstance] = useState<InstanceDetail | null>(null);
  const names = useStepNames(run?.journeyId);
  const stepName = (id?: string | null) => (id ? run?.steps?.find((s) => s.activityId === id)?.name || names.get(id) || id : '—');

  const load = useCallback(async () => {
    try {
      const [r, list] = await Promise.all([api.run(runId), api.runInstances(runId, 0, take, filter || undefined)]);
      setRun(r);
      setInstances(list);
      setError(null);
      setUpdatedAt(new Date());
    } catch (e) {
      setError((e as Error).message);
    }
  }, [runId, take, filter]);

  const interval = refreshInterval(run);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => { load(); }, [load]);
  useEffect(() => {
    if (interval === null) return;
    const t = setInterval(() => { if (!document.hidden) loadRef.current(); }, interval);
    return () => clearInterval(t);
  }, [interval]);
  useEffect(() => {
    if (run && run.rejectedRows > 0 && (rejected === null || rejected.length < run.rejectedRows)) api.rejectedRows(runId).then(setRejected, () => {});
  }, [run, runId, rejected]);

  const act = async (action: 'pause' | 'resume' | 'cancel') => {
    if (action === 'cancel' && !window.confirm('Cancel this run? No customer is enrolled after this and the journeys still waiting are cancelled: no message is sent after it.')) return;
    try { setRun(await api.runAction(runId, action)); load(); } catch (e) { toast('error', (e as Error).message); }
  };
  const open = (id: string) => api.instance(id).then(setInstance, (e: Error) => toast('error', e.message));

  if (error && !run) return <div className="page"><div className="banner banner-error">Could not load the run: {error} <button className="link" onClick={load}>Retry</button></div></div>;
  if (!run) return <div className="loading">Loading the run…</div>;
  const status = run.status.toLowerCase();
  const counts = run.instances ?? {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <button className="link" onClick={() => navigate('/runs')}>← Runs</button>
          <h1>{run.name || run.id} <span className={`status status-${status}`} data-testid="run-status">{run.status}</span></h1>
          <p className="muted">
            Journey <a href={`/journeys/${run.journeyId}`} onClick={(e) => { e.preventDefault(); navigate(`/journeys/${encodeURIComponent(run.journeyId)}`); }}>{run.journeyId}</a>
            {' · '}started {new Date(run.createdAt).toLocaleString()}
            {' · '}{run.enrolled.toLocaleString()} enrolled, {run.rejectedRows} row{run.rejectedRows === 1 ? '' : 's'} rejected
          </p>
        </div>
        <div className="row">
          <span className={`live ${interval !== null ? 'live-on' : ''}`} data-testid="run-refresh-state" title={interval !== null ? `Refreshed every ${interval / 1000} s` : 'The run is over; nothing changes any more'}>
            {interval !== null ? 'Live' : 'Final'}{updatedAt && <> · {updatedAt.toLocaleTimeString()}</>}
          </span>
          <button onClick={load} data-testid="run-refresh">Refresh</button>
          {status === 'running' && <button onClick={() => act('pause')} data-testid="run-pause">Pause</button>}
          {status === 'paused' && <button onClick={() => act('resume')} data-testid="run-resume">Resume</button>}
          {status !== 'cancelled' && (status !== 'completed' || (counts.Suspended ?? 0) + (counts.Running ?? 0) > 0) && (
            <button className="danger-text" onClick={() => act('cancel')} data-testid="run-cancel">Cancel run</button>
          )}
        </div>
      </div>
      {error && <div className="banner banner-warning">Refreshing failed: {error}</div>}
      <div className="two-col">
        <section className="card"><h3>Funnel</h3><FunnelChart funnel={run.funnel} /></section>
        <section className="card">
          <h3>Steps</h3>
          {(run.steps ?? []).length === 0 ? <p className="muted">No customer has reached a step yet.</p> : (
            <table className="table compact" data-testid="run-steps">
              <thead><tr><th>Step</th><th className="num">Sent</th><th className="num">Delivered</th><th className="num">Seen</th><th className="num">Replied</th><th className="num">Failed</th></tr></thead>
              <tbody>{run.steps!.map((s) => {
                const failed = Object.entries(s.funnel.failed ?? {});
                return (
                  <tr key={s.activityId}>
                    <td>{stepName(s.activityId)}</td><td className="num">{s.funnel.sent}</td><td className="num">{s.funnel.delivered}</td><td className="num">{s.funnel.seen}</td><td className="num">{s.funnel.replied}</td>
                    <td className="num" title={failed.map(([r, n]) => `${reasonLabel(r)}: ${n}`).join('\n')}>{failed.reduce((a, [, n]) => a + n, 0)}</td>
                  </tr>
                );
              })}</tbody>
            </table>
          )}
        </section>
      </div>
      <section className="card">
        <div className="card-head">
          <h3>Customers</h3>
          <div className="chips" role="tablist" aria-label="Filter by status">
            <button className={`chip ${filter === '' ? 'chip-on' : ''}`} onClick={() => { setFilter(''); setTake(pageSize); }}>All {total}</button>
            {instanceStatuses.filter((s) => counts[s.status]).map((s) => (
              <button key={s.status} className={`chip ${filter === s.status ? 'chip-on' : ''}`} data-testid={`instances-${s.status}`} onClick={() => { setFilter(s.status); setTake(pageSize); }}>
                {s.label} {counts[s.status]}
              </button>
            ))}
          </div>
        </div>
        {instances.length === 0 ? <p className="muted">{filter ? `No ${statusLabel(filter).toLowerCase()} customer.` : status === 'running' || status === 'created' ? 'Enrolling the audience…' : 'No customer was enrolled.'}</p> : (
          <table className="table compact" data-testid="run-instances">
            <thead><tr><th>Customer</th><th>Status</th><th>Current step</th><th>Next due</th><th>Updated</th></tr></thead>
            <tbody>{instances.map((i) => (
              <tr key={i.instanceId} className="clickable" tabIndex={0} onClick={() => open(i.instanceId)} onKeyDown={(e) => e.key === 'Enter' && open(i.instanceId)}>
                <td>+{i.customerId ?? i.instanceId}</td>
                <td><span className={`status status-${i.status.toLowerCase()}`}>{statusLabel(i.status)}</span></td>
                <td data-testid="instance-step">{i.status === 'Finished' || i.status === 'Cancelled' ? <span className="muted">—</span> : stepName(i.currentActivityId)}</td>
                <td>{i.nextDueAt ? new Date(i.nextDueAt).toLocaleString() : ''}</td>
                <td>{i.updatedAt ? new Date(i.updatedAt).toLocaleTimeString() : ''}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
        {instances.length >= take && <button className="wide" onClick={() => setTake((t) => t + pageSize)}>Show {pageSize} more</button>}
      </section>
      {rejected && rejected.length > 0 && (
        <section className="card" data-testid="rejected-rows">
          <h3>Rejected rows</h3>
          <table className="table compact">
            <thead><tr><th className="num">Row</th><th>Reason</th></tr></thead>
            <tbody>{rejected.map((r) => <tr key={r.row}><td className="num">{r.row}</td><td>{r.reason}</td></tr>)}</tbody>
          </table>
        </section>
      )}
      {instance && <InstanceDialog instance={instance} stepName={stepName} onClose={() => setInstance(null)} />}
    </div>
  );
}

function InstanceDialog({ instance, stepName, onClose }: { instance: InstanceDetail; stepName: (id?: string | null) => string; onClose: () => void }) {
  return (
    <Dialog title={`Customer +${instance.customerId ?? instance.instanceId}`} onClose={onClose} wide>
      <p className="row"><span className={`status status-${instance.status.toLowerCase()}`}>{statusLabel(instance.status)}</span> <code className="small muted">{instance.instanceId}</code></p>
      {instance.fault && <div className="banner banner-error">Faulted at {stepName(instance.fault.activityId)}: {instance.fault.message}</div>}
      <h4>Path</h4>
      <ol className="timeline" data-testid="instance-history">
        {instance.history.map((h, i) => (
          <li key={i}>
            <span className="muted small">{new Date(h.at).toLocaleTimeString()}</span> <b>{h.name || stepName(h.activityId)}</b>
            {h.outcome && <span className="chip chip-on">{h.outcome}</span>}
            {h.message && <div className="muted small">{h.message}</div>}
          </li>
        ))}
      </ol>
      {(instance.bookmarks ?? []).length > 0 && (
        <>
          <h4>Waiting for</h4>
          <ul className="timeline">
            {instance.bookmarks!.map((b, i) => <li key={i}><b>{stepName(b.activityId)}</b> <span className="muted">{b.kind}{b.resumeAt ? ` until ${new Date(b.resumeAt).toLocaleString()}` : ''}</span></li>)}
          </ul>
        </>
      )}
      {instance.variables && Object.keys(instance.variables).length > 0 && <><h4>Variables</h4><pre className="mono small customer-json">{JSON.stringify(instance.variables, null, 2)}</pre></>}
    </Dialog>
  );
}
