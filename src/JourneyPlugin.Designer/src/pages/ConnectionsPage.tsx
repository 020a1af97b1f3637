import { useCallback, useEffect, useState } from 'react';
import { ConnectionForm } from '../connections/ConnectionForm';
import { CopyField } from '../connections/CopyField';
import { QuickTestDialog } from '../connections/QuickTestDialog';
import { api } from '../lib/api';
import { useToast } from '../lib/toast';
import type { Connection } from '../lib/types';

const sourceLabel: Record<Connection['source'], string> = {
  sandbox: 'sandbox · read-only',
  configuration: 'configuration · read-only',
  api: 'added here',
};

/** WhatsApp connections: the CDP's form, Quick Test with the vendor's answer, and the webhook URLs to give Infobip. */
export function ConnectionsPage() {
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Connection | 'new' | null>(null);
  const [testing, setTesting] = useState<Connection | null>(null);
  const toast = useToast();
  const load = useCallback(() => api.connections().then((c) => { setConnections(c); setError(null); }, (e: Error) => setError(e.message)), []);
  useEffect(() => { load(); }, [load]);
  const remove = async (c: Connection) => {
    if (!window.confirm(`Delete the connection “${c.name}”? Journeys that use it will fail validation until they use another one.`)) return;
    try { await api.deleteConnection(c.name); toast('ok', `Deleted ${c.name}`); load(); } catch (e) { toast('error', (e as Error).message); }
  };
  const own = (connections ?? []).filter((c) => !c.readOnly);
  return (
    <div className="page">
      <div className="page-head">
        <div><h1>Connections</h1><p className="muted">WhatsApp senders at Infobip that journeys send through. The <code>sandbox</code> connection is a local stand-in for trying journeys.</p></div>
        <button className="primary" onClick={() => setEditing('new')} data-testid="new-connection">+ Add connection</button>
      </div>
      {error && <div className="banner banner-error">Could not load the connections: {error} <button className="link" onClick={load}>Retry</button></div>}
      {!connections && !error && <div className="skeleton-list"><div className="skeleton" /><div className="skeleton" /></div>}
      {connections && own.length === 0 && (
        <div className="empty empty-compact" data-testid="connections-empty">
          <h2>No Infobip account connected yet</h2>
          <p>Add your Infobip account's Base URL, API key and WhatsApp sender to send real messages; Quick Test checks them at once. Until then, journeys can use the <code>sandbox</code>.</p>
          <button className="primary" onClick={() => setEditing('new')}>+ Add connection</button>
        </div>
      )}
      <div className="connection-list">
        {(connections ?? []).map((c) => (
          <section key={c.name} className="connection-card" data-testid={`connection-${c.name}`}>
            <div className="connection-head">
              <span className="vendor-badge">{c.vendor}</span>
              <h2>{c.name}</h2>
              <span className={`source source-${c.source}`}>{sourceLabel[c.source]}</span>
              <div className="row connection-actions">
                <button className="primary" onClick={() => setTesting(c)} data-testid={`quick-test-${c.name}`}>Quick Test</button>
                {!c.readOnly && <button onClick={() => setEditing(c)} data-testid={`edit-${c.name}`}>Edit</button>}
                {!c.readOnly && <button className="danger-text" onClick={() => remove(c)} data-testid={`delete-${c.name}`}>Delete</button>}
              </div>
            </div>
            <div className="connection-body">
              <dl className="kv">
                <dt>Sender</dt><dd>+{c.sender}</dd>
                <dt>Base URL</dt><dd>{c.baseUrl}</dd>
                <dt>API key</dt><dd><code data-testid={`connection-${c.name}-key`}>{c.apiKey}</code></dd>
                <dt>Quick Test to</dt><dd>{c.quickTestRecipient ? `+${c.quickTestRecipient}` : <span className="muted">not set</span>}</dd>
                {c.webhooks && <><dt>Webhook auth</dt><dd>{[c.webhooks.basicUser && `Basic (${c.webhooks.basicUser})`, c.webhooks.hmac && 'HMAC signature'].filter(Boolean).join(' + ') || <span className="muted">none</span>}</dd></>}
              </dl>
              {c.webhooks && (
                <div className="webhooks">
                  <div className="hint">{c.source === 'sandbox' ? 'The sandbox posts to these by itself.' : 'Paste these into Infobip (WhatsApp sender → webhooks):'}</div>
                  <CopyField label="Delivery reports" value={c.webhooks.deliveryReportsUrl} testId={`webhook-delivery-${c.name}`} />
                  <CopyField label="Seen reports" value={c.webhooks.seenUrl} />
                  <CopyField label="Inbound messages" value={c.webhooks.inboundUrl} />
                </div>
              )}
            </div>
          </section>
        ))}
      </div>
      {editing && <ConnectionForm connection={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); load(); }} />}
      {testing && <QuickTestDialog connection={testing} onClose={() => setTesting(null)} />}
    </div>
  );
}
