import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../lib/api';
import { Dialog } from '../lib/Dialog';
import { useToast } from '../lib/toast';
import type { Connection } from '../lib/types';

const fields = [
  { name: 'name', label: 'Name', placeholder: 'infobip-main', hint: 'How journeys refer to this connection.' },
  { name: 'baseUrl', label: 'Base URL', placeholder: 'xxxxx.api.infobip.com', hint: "Your Infobip account's Base URL." },
  { name: 'apiKey', label: 'API key', placeholder: '', hint: 'Stored on the server, never shown again.', secret: true },
  { name: 'sender', label: 'WhatsApp sender', placeholder: '441134960000', hint: 'The registered number: country code, digits, no plus.' },
  { name: 'quickTestRecipient', label: 'Quick Test recipient', placeholder: '84912345678', hint: 'Where Quick Test sends a message.' },
  { name: 'webhookBasicUser', label: 'Webhook Basic user', placeholder: 'optional' },
  { name: 'webhookBasicPassword', label: 'Webhook Basic password', placeholder: 'optional', secret: true },
  { name: 'webhookHmacSecret', label: 'Webhook HMAC secret', placeholder: 'optional', secret: true },
] as const;

/** WhatsApp connections: the CDP's form, and Quick Test with the vendor's answer. */
export function ConnectionsPage() {
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Connection | 'new' | null>(null);
  const [testing, setTesting] = useState<Connection | null>(null);
  const toast = useToast();
  const load = useCallback(() => api.connections().then((c) => { setConnections(c); setError(null); }, (e: Error) => setError(e.message)), []);
  useEffect(() => { load(); }, [load]);
  const remove = async (c: Connection) => {
    if (!window.confirm(`Delete the connection “${c.name}”? Journeys that use it will fail validation.`)) return;
    try { await api.deleteConnection(c.name); toast('ok', `Deleted ${c.name}`); load(); } catch (e) { toast('error', (e as Error).message); }
  };
  return (
    <div className="page">
      <div className="page-head">
        <div><h1>Connections</h1><p className="muted">WhatsApp senders at Infobip. The <code>sandbox</code> connection is a local stand-in for trying journeys.</p></div>
        <button className="primary" onClick={() => setEditing('new')} data-testid="new-connection">+ Add connection</button>
      </div>
      {error && <div className="banner banner-error">Could not load the connections: {error}</div>}
      {connections && connections.length === 0 && <div className="empty"><h2>No connection</h2><p>Add your Infobip account to send real WhatsApp messages.</p></div>}
      <div className="card-grid">
        {(connections ?? []).map((c) => (
          <div key={c.name} className="connection-card" data-testid={`connection-${c.name}`}>
            <div className="connection-head">
              <span className="vendor-badge">{c.vendor}</span>
              <b>{c.name}</b>
              <span className={`source source-${c.source}`}>{c.source}</span>
            </div>
            <dl className="kv">
              <dt>Sender</dt><dd>+{c.sender}</dd>
              <dt>Base URL</dt><dd>{c.baseUrl}</dd>
              <dt>API key</dt><dd><code>{c.apiKey}</code></dd>
              {c.webhooks && <><dt>Inbound webhook</dt><dd className="small"><code>{c.webhooks.inboundUrl}</code></dd>
                <dt>Webhook auth</dt><dd>{[c.webhooks.basicUser && `Basic (${c.webhooks.basicUser})`, c.webhooks.hmac && 'HMAC'].filter(Boolean).join(' + ') || 'none'}</dd></>}
            </dl>
            <div className="row">
              <button className="primary" onClick={() => setTesting(c)} data-testid={`quick-test-${c.name}`}>Quick Test</button>
              {!c.readOnly && <button onClick={() => setEditing(c)}>Edit</button>}
              {!c.readOnly && <button className="danger-text" onClick={() => remove(c)}>Delete</button>}
            </div>
          </div>
        ))}
      </div>
      {editing && <ConnectionForm connection={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); load(); }} />}
      {testing && <QuickTest connection={testing} onClose={() => setTesting(null)} />}
    </div>
  );
}

function ConnectionForm({ connection, onClose, onSaved }: { connection: Connection | null; onClose: () => void; onSaved: () => void }) {
  const toast = useToast();
  const [values, setValues] = useState<Record<string, string>>(() => ({
    name: connection?.name ?? '', baseUrl: connection?.baseUrl ?? '', sender: connection?.sender ?? '',
    quickTestRecipient: connection?.quickTestRecipient ?? '', webhookBasicUser: connection?.webhooks?.basicUser ?? '',
  }));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const body: Record<string, unknown> = { vendor: 'infobip' };
    for (const [k, v] of Object.entries(values)) if (v.trim()) body[k] = v.trim();
    try {
      if (connection) await api.updateConnection(connection.name, body); else await api.createConnection(body);
      toast('ok', `Saved ${values.name}`);
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) {
        const byField: Record<string, string[]> = {};
        for (const [k, v] of Object.entries(e.errors)) byField[k.charAt(0).toLowerCase() + k.slice(1)] = v;
        setErrors(byField);
      }
      setError((e as Error).message);
    }
  };
  return (
    <Dialog title={connection ? `Edit ${connection.name}` : 'Add a connection'} onClose={onClose}
      footer={<><button onClick={onClose}>Cancel</button><button className="primary" onClick={submit} data-testid="connection-save">Save</button></>}>
      <form className="form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        {fields.map((f) => (
          <label key={f.name}>{f.label}
            <input type={'secret' in f && f.secret ? 'password' : 'text'} value={values[f.name] ?? ''} disabled={f.name === 'name' && !!connection}
              placeholder={connection && 'secret' in f && f.secret ? 'unchanged' : f.placeholder} autoComplete="off"
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))} data-testid={`connection-${f.name}`} />
            {errors[f.name] ? <span className="field-error">{errors[f.name].join(' ')}</span> : 'hint' in f && <span className="hint">{f.hint}</span>}
          </label>
        ))}
        {error && Object.keys(errors).length === 0 && <div className="field-error">{error}</div>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}

function QuickTest({ connection, onClose }: { connection: Connection; onClose: () => void }) {
  const [to, setTo] = useState(connection.quickTestRecipient ?? '');
  const [text, setText] = useState('Hello from JourneyPlugin: this is a Quick Test.');
  const [result, setResult] = useState<{ ok: boolean; body: Record<string, unknown> } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      setResult({ ok: true, body: await api.quickTest(connection.name, { to: to || undefined, text }) });
    } catch (e) {
      setResult({ ok: false, body: e instanceof ApiError && e.problem ? e.problem : { detail: (e as Error).message } });
    } finally {
      setBusy(false);
    }
  };
  const status = result?.body.vendorStatus as { groupName?: string; name?: string; description?: string } | undefined;
  return (
    <Dialog title={`Quick Test · ${connection.name}`} onClose={onClose} wide footer={<><button onClick={onClose}>Close</button><button className="primary" disabled={busy} onClick={run} data-testid="quick-test-send">{busy ? 'Sending…' : 'Send test message'}</button></>}>
      <div className="form">
        <label>To<input value={to} onChange={(e) => setTo(e.target.value)} placeholder="84912345678" /></label>
        <label>Text<textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} /></label>
      </div>
      {result && (
        <div className={`quick-result ${result.ok ? 'ok' : 'bad'}`} data-testid="quick-test-result">
          <div className="quick-summary">
            {result.ok ? <>✓ {result.body.accepted ? 'Accepted' : 'Answered'} by {connection.vendor}{status && <> — <b>{status.groupName}</b> / {status.name}: {status.description}</>}</>
              : <>✗ {String(result.body.detail ?? result.body.title ?? 'Failed')}</>}
          </div>
          <div className="hint">The vendor's answer{result.body.httpStatus ? ` (HTTP ${String(result.body.httpStatus)})` : ''}:</div>
          <pre className="mono small vendor-json">{JSON.stringify(result.body.vendorResponse ?? result.body, null, 2)}</pre>
        </div>
      )}
    </Dialog>
  );
}
