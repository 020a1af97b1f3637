import { useState } from 'react';
import { api } from '../lib/api';
import { Dialog } from '../lib/Dialog';
import { fieldErrors } from '../lib/fieldErrors';
import { useToast } from '../lib/toast';
import type { Connection } from '../lib/types';

interface FieldSpec {
  name: string;
  label: string;
  placeholder?: string;
  hint?: string;
  secret?: boolean;
}

const sections: { title: string; hint?: string; fields: FieldSpec[] }[] = [
  {
    title: 'Infobip account',
    fields: [
      { name: 'name', label: 'Name', placeholder: 'marketing-vn', hint: 'How journeys refer to this connection; lowercase letters, digits, - and _. It appears in the webhook URLs.' },
      { name: 'baseUrl', label: 'Base URL', placeholder: 'xxxxx.api.infobip.com', hint: 'Shown on the home page of the Infobip portal.' },
      { name: 'apiKey', label: 'API key', secret: true, hint: 'Stored encrypted on the server and never shown again.' },
    ],
  },
  {
    title: 'WhatsApp sender',
    fields: [
      { name: 'sender', label: 'Sender number', placeholder: '441134960000', hint: 'The registered WhatsApp number: country code and digits, no plus.' },
      { name: 'quickTestRecipient', label: 'Quick Test recipient', placeholder: '84912345678', hint: 'Where Quick Test sends its message (optional).' },
    ],
  },
  {
    title: 'Webhook authentication',
    hint: 'Optional: how Infobip proves its delivery reports and replies come from it. Set the same values in Infobip.',
    fields: [
      { name: 'webhookBasicUser', label: 'Basic user', placeholder: 'optional' },
      { name: 'webhookBasicPassword', label: 'Basic password', placeholder: 'optional', secret: true },
      { name: 'webhookHmacSecret', label: 'HMAC secret', placeholder: 'optional, at least 16 characters', secret: true, hint: 'Infobip signs each webhook with it (X-Infobip-Signature).' },
    ],
  },
];

const fieldNames = ['vendor', ...sections.flatMap((s) => s.fields.map((f) => f.name))];

/** The CDP's connection form; each server error is shown under its field. Secrets left empty keep the stored ones. */
export function ConnectionForm({ connection, onClose, onSaved }: { connection: Connection | null; onClose: () => void; onSaved: () => void }) {
  const toast = useToast();
  const [values, setValues] = useState<Record<string, string>>(() => ({
    name: connection?.name ?? '', vendor: connection?.vendor ?? 'infobip', baseUrl: connection?.baseUrl ?? '', sender: connection?.sender ?? '',
    quickTestRecipient: connection?.quickTestRecipient ?? '', webhookBasicUser: connection?.webhooks?.basicUser ?? '',
  }));
  const [removeHmac, setRemoveHmac] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const placeholder = (f: FieldSpec) => {
    if (!connection || !f.secret) return f.placeholder;
    if (f.name === 'apiKey') return `${connection.apiKey} — leave empty to keep`;
    if (f.name === 'webhookHmacSecret') return connection.webhooks?.hmac ? 'set — leave empty to keep' : 'optional, at least 16 characters';
    return connection.webhooks?.basicUser ? 'set — leave empty to keep' : 'optional';
  };

  const submit = async () => {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) if (v.trim()) body[k] = v.trim();
    if (connection && removeHmac) body.webhookHmacSecret = '';
    setBusy(true);
    try {
      if (connection) await api.updateConnection(connection.name, body); else await api.createConnection(body);
      toast('ok', `Saved the connection ${values.name.trim()}`);
      onSaved();
    } catch (e) {
      const { byField, other } = fieldErrors(e, fieldNames);
      setErrors(byField);
      setError(other);
    } finally {
      setBusy(false);
    }
  };

  const input = (f: FieldSpec) => (
    <label key={f.name} className={errors[f.name] ? 'has-error' : undefined}>{f.label}
      <input type={f.secret ? 'password' : 'text'} value={values[f.name] ?? ''} disabled={f.name === 'name' && !!connection}
        placeholder={placeholder(f)} autoComplete={f.secret ? 'new-password' : 'off'} aria-invalid={!!errors[f.name]}
        onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))} data-testid={`connection-${f.name}`} />
      {errors[f.name] ? <span className="field-error" data-testid={`connection-${f.name}-error`}>{errors[f.name].join(' ')}</span> : f.hint && <span className="hint">{f.hint}</span>}
    </label>
  );

  return (
    <Dialog title={connection ? `Edit ${connection.name}` : 'Add a WhatsApp connection'} onClose={onClose} wide
      footer={<><button onClick={onClose}>Cancel</button><button className="primary" disabled={busy} onClick={submit} data-testid="connection-save">{busy ? 'Saving…' : 'Save'}</button></>}>
      <form className="form" onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="connection-form">
        {error && <div className="banner banner-error" data-testid="connection-form-error">{error}</div>}
        <label>Vendor
          <select value={values.vendor} onChange={(e) => setValues((v) => ({ ...v, vendor: e.target.value }))} data-testid="connection-vendor">
            <option value="infobip">Infobip</option>
          </select>
          {errors.vendor && <span className="field-error">{errors.vendor.join(' ')}</span>}
        </label>
        {sections.map((s) => (
          <fieldset key={s.title} className="form-section">
            <legend>{s.title}</legend>
            {s.hint && <p className="hint">{s.hint}</p>}
            <div className="form-grid">{s.fields.map(input)}</div>
          </fieldset>
        ))}
        {connection?.webhooks?.hmac && (
          <label className="check"><input type="checkbox" checked={removeHmac} onChange={(e) => setRemoveHmac(e.target.checked)} /> Remove the HMAC secret</label>
        )}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
