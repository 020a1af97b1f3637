import { useState } from 'react';
import { api, ApiError } from '../lib/api';
import { Dialog } from '../lib/Dialog';
import { fieldErrors } from '../lib/fieldErrors';
import type { Connection } from '../lib/types';

const vendorName = (vendor: string) => (vendor === 'infobip' ? 'Infobip' : vendor);

interface VendorStatus { groupName?: string; name?: string; description?: string }

/** Either the accepted answer or the vendor's refusal, both with the vendor's JSON as is. */
type Outcome = { ok: true; body: Record<string, unknown> } | { ok: false; status: number; body: Record<string, unknown> };

/** Quick Test: one message through the connection, and the vendor's answer with our reading of it. */
export function QuickTestDialog({ connection, onClose }: { connection: Connection; onClose: () => void }) {
  const [to, setTo] = useState(connection.quickTestRecipient ?? '');
  const [text, setText] = useState('Hello from JourneyPlugin: this is a Quick Test.');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setOutcome(null);
    setErrors({});
    try {
      setOutcome({ ok: true, body: await api.quickTest(connection.name, { to: to.trim() || undefined, text }) });
    } catch (e) {
      const { byField } = fieldErrors(e, ['to', 'text']);
      if (Object.keys(byField).length) setErrors(byField);
      else setOutcome({ ok: false, status: e instanceof ApiError ? e.status : 0, body: e instanceof ApiError && e.problem ? e.problem : { detail: (e as Error).message } });
    } finally {
      setBusy(false);
    }
  };
  const body = outcome?.body;
  const status = body?.vendorStatus as VendorStatus | undefined;
  return (
    <Dialog title={`Quick Test · ${connection.name}`} onClose={onClose} wide
      footer={<><button onClick={onClose}>Close</button><button className="primary" disabled={busy} onClick={run} data-testid="quick-test-send">{busy ? 'Sending…' : 'Send test message'}</button></>}>
      <form className="form" onSubmit={(e) => { e.preventDefault(); run(); }}>
        <p className="hint">Sends one free-form text from +{connection.sender} through {connection.baseUrl}.</p>
        <label>To
          <input value={to} onChange={(e) => setTo(e.target.value)} placeholder={connection.quickTestRecipient ?? '84912345678'} data-testid="quick-test-to" aria-invalid={!!errors.to} />
          {errors.to ? <span className="field-error" data-testid="quick-test-to-error">{errors.to.join(' ')}</span> : <span className="hint">Country code and number, no plus.</span>}
        </label>
        <label>Text
          <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} data-testid="quick-test-text" aria-invalid={!!errors.text} />
          {errors.text && <span className="field-error">{errors.text.join(' ')}</span>}
        </label>
        <button type="submit" hidden />
      </form>
      {outcome && body && (
        <div className={`quick-result ${outcome.ok ? 'ok' : 'bad'}`} data-testid="quick-test-result">
          <div className="quick-summary">
            {outcome.ok
              ? <>✓ Accepted by {vendorName(connection.vendor)}{status && <> — <b>{status.groupName}</b> / {status.name}</>}</>
              : <>✗ {String(body.title ?? 'Failed')}{outcome.status ? ` (HTTP ${outcome.status})` : ''}</>}
          </div>
          {(body.reading ?? body.detail) != null && <p className="quick-reading" data-testid="quick-test-reading">{String(body.reading ?? body.detail)}</p>}
          <dl className="kv">
            {body.messageId != null && <><dt>Message id</dt><dd><code>{String(body.messageId)}</code></dd></>}
            {body.to != null && <><dt>To</dt><dd>+{String(body.to)}</dd></>}
            {status?.description && <><dt>Vendor status</dt><dd>{status.description}</dd></>}
            {body.vendorCode != null && <><dt>Vendor code</dt><dd>{String(body.vendorCode)}</dd></>}
          </dl>
          {body.vendorResponse !== undefined && (
            <>
              <div className="hint">{vendorName(connection.vendor)}'s answer as is{body.httpStatus ? ` (HTTP ${String(body.httpStatus)})` : ''}:</div>
              <pre className="mono small vendor-json" data-testid="quick-test-vendor-response">{body.vendorResponse === null ? 'no body' : JSON.stringify(body.vendorResponse, null, 2)}</pre>
            </>
          )}
        </div>
      )}
    </Dialog>
  );
}
