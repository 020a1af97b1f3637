import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import type { ElsaDocument } from '../lib/elsa';
import { getInputValue } from '../lib/elsa';
import type { InstanceDetail, SandboxMessage } from '../lib/types';
import { loadSamples, sampleLabel, saveSamples, type SampleCustomer } from './samples';

export interface TestInstance {
  instanceId: string;
  sample: SampleCustomer;
  detail?: InstanceDetail;
}

interface Props {
  doc: ElsaDocument;
  instances: TestInstance[];
  setInstances: (update: (all: TestInstance[]) => TestInstance[]) => void;
  ensureSaved: () => Promise<boolean>;
  onSelectActivity: (id: string) => void;
}

/** Test mode: trigger the journey for sample customers through the sandbox, play their replies, follow each instance. */
export function TestPanel({ doc, instances, setInstances, ensureSaved, onSelectActivity }: Props) {
  const [samples, setSamples] = useState<SampleCustomer[]>(loadSamples);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set([samples[0]?.key]));
  const [messages, setMessages] = useState<Record<string, SandboxMessage[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  // Follow the instances and the sandbox's inbox of each customer.
  useEffect(() => {
    if (instances.length === 0) return;
    let live = true;
    const tick = async () => {
      const details = await Promise.all(instances.map((i) => api.instance(i.instanceId).catch(() => undefined)));
      const phones = [...new Set(instances.map((i) => i.sample.attributes.phone))];
      const inbox = await Promise.all(phones.map((p) => api.sandboxMessages(p).then((m) => [p, m] as const).catch(() => [p, [] as SandboxMessage[]] as const)));
      if (!live) return;
      setInstances((all) => all.map((i) => ({ ...i, detail: details[instances.findIndex((x) => x.instanceId === i.instanceId)] ?? i.detail })));
      setMessages(Object.fromEntries(inbox));
    };
    tick();
    const timer = setInterval(tick, 1200);
    return () => { live = false; clearInterval(timer); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [instances.map((i) => i.instanceId).join(',')]);

  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      if (!(await ensureSaved())) return;
      const started: TestInstance[] = [];
      for (const s of samples.filter((x) => chosen.has(x.key))) {
        const r = await api.trigger(doc.definitionId, s.attributes, `designer-test-${Date.now()}-${s.key}`);
        started.push({ instanceId: r.instanceId, sample: s });
      }
      setInstances((all) => [...started, ...all.filter((a) => !started.some((s) => s.instanceId === a.instanceId))]);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const updateSample = (key: string, text: string) => {
    try {
      const attributes = JSON.parse(text);
      if (typeof attributes.phone !== 'string') throw new Error('"phone" is needed, as a string of digits with the country code.');
      const next = samples.map((s) => (s.key === key ? { ...s, attributes } : s));
      setSamples(next);
      saveSamples(next);
      setEditing(null);
      setError(null);
    } catch (e) {
      setError(`Sample customer: ${(e as Error).message}`);
    }
  };

  return (
    <div className="test-panel" data-testid="test-panel">
      <section className="props-section">
        <h4>Sample customers</h4>
        {samples.map((s) => (
          <div key={s.key} className="sample">
            <label className="sample-row">
              <input type="checkbox" checked={chosen.has(s.key)} onChange={(e) => setChosen((c) => { const n = new Set(c); if (e.target.checked) n.add(s.key); else n.delete(s.key); return n; })} />
              <span className="avatar">{sampleLabel(s).slice(0, 1)}</span>
              <span className="sample-name">{sampleLabel(s)}<span className="muted small"> +{s.attributes.phone}</span></span>
              <button className="link" onClick={(e) => { e.preventDefault(); setEditing(editing === s.key ? null : s.key); }}>{editing === s.key ? 'Close' : 'Edit'}</button>
            </label>
            {editing === s.key && <SampleEditor sample={s} onSave={(t) => updateSample(s.key, t)} />}
          </div>
        ))}
        <button className="primary wide" disabled={busy || chosen.size === 0} onClick={start} data-testid="test-start">
          {busy ? 'Starting…' : `Send to ${chosen.size} customer${chosen.size === 1 ? '' : 's'}`}
        </button>
        {error && <div className="field-error">{error}</div>}
      </section>
      {instances.length === 0 && <p className="muted pad-x small">Pick sample customers and start: the sandbox receives the messages, you answer for the customer, and the canvas shows where each one is.</p>}
      {instances.map((i) => (
        <InstanceCard key={i.instanceId} doc={doc} instance={i} messages={messages[i.sample.attributes.phone] ?? []} onSelectActivity={onSelectActivity} />
      ))}
    </div>
  );
}

function SampleEditor({ sample, onSave }: { sample: SampleCustomer; onSave: (text: string) => void }) {
  const [text, setText] = useState(JSON.stringify(sample.attributes, null, 2));
  return (
    <div className="sample-editor">
      <textarea className="mono" rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      <button onClick={() => onSave(text)}>Save sample</button>
    </div>
  );
}

function InstanceCard({ doc, instance, messages, onSelectActivity }: { doc: ElsaDocument; instance: TestInstance; messages: SandboxMessage[]; onSelectActivity: (id: string) => void }) {
  const [reply, setReply] = useState('');
  const [sent, setSent] = useState<{ text: string; at: number }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const d = instance.detail;
  const current = doc.root.activities.find((a) => a.id === d?.currentActivityId);
  const expected = current?.type === 'Journeys.WaitForUserReply' ? ((getInputValue(current, 'expectedReplies') as string[] | undefined) ?? []) : [];
  const send = async (text: string) => {
    if (!text.trim()) return;
    setError(null);
    try {
      await api.sandboxReply(instance.sample.attributes.phone, text);
      setSent((s) => [...s, { text, at: Date.now() }]);
      setReply('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const outbound = messages.map((m) => ({
    at: Date.parse(String(m.acceptedAt ?? '')) || 0,
    out: true,
    text: m.text ?? (m.templateName ? `Template ${m.templateName}${Array.isArray(m.templatePlaceholders) && m.templatePlaceholders.length ? ` · ${(m.templatePlaceholders as string[]).join(' · ')}` : ''}` : '(message)'),
  }));
  const chat = [...outbound, ...sent.map((s) => ({ at: s.at, out: false, text: s.text }))].sort((a, b) => a.at - b.at);
  return (
    <section className="instance-card" data-testid="test-instance">
      <div className="instance-head">
        <span className="avatar">{sampleLabel(instance.sample).slice(0, 1)}</span>
        <div className="grow">
          <div><b>{sampleLabel(instance.sample)}</b> <span className={`status status-${(d?.status ?? 'starting').toLowerCase()}`} data-testid="test-instance-status">{d?.status ?? 'starting'}</span></div>
          <div className="muted small">
            {current ? <>at <button className="link" onClick={() => onSelectActivity(current.id)}>{current.name}</button></> : d ? 'not waiting anywhere' : 'loading…'}
          </div>
        </div>
      </div>
      <div className="chat" data-testid="test-chat">
        {chat.length === 0 && <div className="muted small">No message yet.</div>}
        {chat.map((m, i) => <div key={i} className={`bubble ${m.out ? 'bubble-out' : 'bubble-in'}`}>{m.text}</div>)}
      </div>
      {expected.length > 0 && (
        <div className="chips">
          {[...expected, 'Something else'].map((r) => <button key={r} className="chip" onClick={() => send(r)} data-testid={`reply-chip-${r}`}>{r}</button>)}
        </div>
      )}
      <form className="reply-row" onSubmit={(e) => { e.preventDefault(); send(reply); }}>
        <input value={reply} onChange={(e) => setReply(e.target.value)} placeholder={`Reply as ${sampleLabel(instance.sample)}`} data-testid="test-reply" />
        <button type="submit" disabled={!reply.trim()}>Send</button>
      </form>
      {error && <div className="field-error">{error}</div>}
    </section>
  );
}
