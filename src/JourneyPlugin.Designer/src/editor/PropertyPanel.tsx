import { useEffect, useMemo, useState } from 'react';
import { api } from '../lib/api';
import type { ElsaActivity, ElsaDocument } from '../lib/elsa';
import { getInput, getInputSyntax, getInputValue, setInputValue, withKey, withoutKey } from '../lib/elsa';
import type { ActivityDescriptor, Connection, InputDescriptor, Problem, WhatsAppTemplate } from '../lib/types';
import { categoryStyle, TypeIcon } from './categories';
import { DurationField, ListField, TemplateField } from './fields';
import { inputsEditedByPicker, TemplatePicker } from './TemplatePicker';

interface Props {
  doc: ElsaDocument;
  activity: ElsaActivity;
  descriptor?: ActivityDescriptor;
  connections: Connection[] | null;
  customer: Record<string, unknown>;
  problems: Problem[];
  onChange: (activity: ElsaActivity) => void;
}

const templateCache = new Map<string, Promise<WhatsAppTemplate[]>>();
function loadTemplates(connection: string): Promise<WhatsAppTemplate[]> {
  if (!templateCache.has(connection)) {
    const p = api.templates(connection);
    p.catch(() => templateCache.delete(connection));
    templateCache.set(connection, p);
  }
  return templateCache.get(connection)!;
}

function useTemplates(connection: string | undefined) {
  const [state, setState] = useState<{ templates?: WhatsAppTemplate[]; error?: string }>({});
  useEffect(() => {
    if (!connection) { setState({}); return; }
    let live = true;
    loadTemplates(connection).then((t) => live && setState({ templates: t }), (e: Error) => live && setState({ error: e.message }));
    return () => { live = false; };
  }, [connection]);
  return state;
}

/** The selected activity's name and inputs, each with the editor its UI hint asks for. */
export function PropertyPanel({ doc, activity, descriptor, connections, customer, problems, onChange }: Props) {
  const connectionName = getInputValue(activity, 'connection') as string | undefined;
  const templates = useTemplates(descriptor?.inputs.some((i) => i.uiHint === 'template-picker') ? connectionName : undefined);
  const messageKind = (getInputValue(activity, 'messageKind') as string | undefined) ?? 'Template';
  const isSend = descriptor?.typeName === 'Journeys.SendInfobipWhatsApp';

  const inputs = useMemo(() => (descriptor?.inputs ?? []).filter((i) => i.isBrowsable).sort((a, b) => a.order - b.order), [descriptor]);
  const visible = (i: InputDescriptor) => {
    if (!isSend) return true;
    if (i.category === 'Template') return messageKind === 'Template';
    if (i.category === 'Content' || i.category === 'Fallback') {
      if (messageKind === 'Template') return false;
      if (i.name === 'mediaUrl' || i.name === 'caption') return ['Image', 'Document', 'Video', 'Audio'].includes(messageKind);
      if (i.name === 'filename') return messageKind === 'Document';
      if (i.name === 'buttons') return messageKind === 'Buttons';
      if (i.name === 'text') return messageKind === 'Text' || messageKind === 'Buttons';
    }
    return true;
  };
  const pickers = inputs.filter((i) => i.uiHint === 'template-picker' && visible(i));
  const editedByPicker = inputsEditedByPicker(activity, pickers, templates.templates);
  const groups = new Map<string, InputDescriptor[]>();
  for (const i of inputs.filter((x) => visible(x) && !editedByPicker.has(x.name))) groups.set(i.category ?? '', [...(groups.get(i.category ?? '') ?? []), i]);

  const set = (input: InputDescriptor, value: unknown, syntax?: string) => onChange(setInputValue(activity, input, value, syntax));
  const { color } = categoryStyle(descriptor?.category);
  const fieldProblems = (name: string) => problems.filter((p) => p.path.toLowerCase().includes(`.${name.toLowerCase()}`));

  const renderInput = (input: InputDescriptor) => {
    const value = getInputValue(activity, input.name);
    const syntax = getInputSyntax(activity, input);
    const testId = `input-${input.name}`;
    const ownProblems = fieldProblems(input.name);
    let editor: React.ReactNode;
    if (!input.isWrapped && input.uiHint === 'variable-picker') {
      const current = activity[input.name] as { id?: string; name?: string } | undefined;
      editor = (
        <select data-testid={testId} value={current?.id ?? ''} onChange={(e) => {
          const v = (doc.variables ?? []).find((x) => x.id === e.target.value);
          onChange(v ? withKey(activity, input.name, { ...(current ?? {}), id: v.id, name: v.name }) : withoutKey(activity, input.name));
        }}>
          <option value="">Choose a variable…</option>
          {(doc.variables ?? []).map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
        </select>
      );
    } else if (input.uiHint === 'connection-picker') {
      const names = new Set((connections ?? []).map((c) => c.name));
      if (typeof value === 'string' && value) names.add(value);
      editor = (
        <select data-testid={testId} value={(value as string) ?? ''} onChange={(e) => set(input, e.target.value)}>
          <option value="">Choose a connection…</option>
          {[...names].map((n) => {
            const c = connections?.find((x) => x.name === n);
            return <option key={n} value={n}>{n}{c ? ` — ${c.sender}${c.source === 'sandbox' ? ' (sandbox)' : ''}` : connections ? ' (not configured)' : ''}</option>;
          })}
        </select>
      );
    } else if (input.uiHint === 'template-picker') {
      editor = <TemplatePicker picker={input} inputs={inputs} activity={activity} connection={connectionName} templates={templates} customer={customer}
        problems={fieldProblems} onChange={onChange} testId={testId} />;
    } else if (input.uiHint === 'dropdown') {
      editor = (
        <select data-testid={testId} value={(value as string) ?? (input.defaultValue as string) ?? ''} onChange={(e) => set(input, e.target.value, 'Literal')}>
          {!input.defaultValue && <option value="">—</option>}
          {(input.options ?? []).map((o) => <option key={o}>{o}</option>)}
        </select>
      );
    } else if (input.uiHint === 'duration') {
      editor = <DurationField testId={testId} value={(value as string) ?? ''} onChange={(v) => set(input, v, 'Literal')} />;
    } else if (input.uiHint === 'dynamic-outcomes' || input.uiHint === 'multitext') {
      editor = <ListField testId={testId} value={Array.isArray(value) ? (value as string[]) : []} onChange={(v) => set(input, v, 'Literal')}
        placeholder={input.uiHint === 'dynamic-outcomes' ? 'e.g. YES — each reply gets a port' : 'Add a value'} addLabel={input.uiHint === 'dynamic-outcomes' ? 'Add reply' : 'Add'} />;
    } else if (input.uiHint === 'http-status-codes') {
      const list = Array.isArray(value) ? (value as number[]) : [];
      editor = <input data-testid={testId} defaultValue={list.join(', ')} placeholder="200, 404" onBlur={(e) => set(input, e.target.value.split(/[\s,]+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n)), 'Literal')} />;
    } else if (input.uiHint === 'json-editor') {
      editor = <JsonField testId={testId} value={value} onChange={(v) => set(input, v, 'Literal')} />;
    } else if (input.defaultSyntax === 'Scriban' || input.uiHint === 'scriban-editor' || syntax !== 'Literal') {
      editor = <TemplateField testId={testId} value={typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value)} syntax={syntax} customer={customer}
        multiline={input.uiHint === 'scriban-editor' || input.uiHint === 'multiline'} onChange={(v, s) => set(input, v, s)}
        placeholder={input.name === 'to' ? '{{ customer.phone }} when empty' : undefined} />;
    } else if (input.uiHint === 'multiline') {
      editor = <textarea data-testid={testId} rows={4} value={typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value)} onChange={(e) => set(input, e.target.value)} />;
    } else {
      editor = <input data-testid={testId} value={typeof value === 'string' ? value : value == null ? '' : String(value)} onChange={(e) => set(input, e.target.value)} placeholder={input.defaultValue != null ? String(input.defaultValue) : undefined} />;
    }
    return (
      <div className="field" key={input.name}>
        <label className="field-label" title={input.description ?? undefined}>
          {input.displayName}{input.isRequired && <span className="required" aria-label="required">*</span>}
        </label>
        {editor}
        {input.description && <div className="hint">{input.description}</div>}
        {ownProblems.map((p, i) => <div key={i} className={p.severity === 'error' ? 'field-error' : 'field-warning'}>{p.message}</div>)}
      </div>
    );
  };

  const outputs = descriptor?.outputs ?? [];
  const activityProblems = problems.filter((p) => !inputs.some((i) => p.path.toLowerCase().includes(`.${i.name.toLowerCase()}`)));
  return (
    <div className="props" data-testid="property-panel">
      <div className="props-head" style={{ ['--node-color' as string]: color }}>
        <span className="node-icon" aria-hidden><TypeIcon typeName={activity.type} category={descriptor?.category} /></span>
        <div>
          <input className="props-name" aria-label="Activity name" value={activity.name ?? ''} data-testid="activity-name" onChange={(e) => onChange({ ...activity, name: e.target.value })} />
          <div className="muted small">{descriptor?.displayName ?? activity.type} · <code>{activity.id}</code></div>
        </div>
      </div>
      {!descriptor && <div className="banner banner-warning">The server does not know the type <code>{activity.type}</code>. Its properties are kept as they are.</div>}
      {descriptor?.description && <p className="muted small pad-x">{descriptor.description}</p>}
      {activityProblems.map((p, i) => <div key={i} className={`banner ${p.severity === 'error' ? 'banner-error' : 'banner-warning'}`}>{p.message}</div>)}
      {[...groups.entries()].map(([category, items]) => (
        <section key={category} className="props-section">
          {category && <h4>{category === 'Fallback' ? 'Fallback outside the 24 h window' : category}</h4>}
          {items.map(renderInput)}
        </section>
      ))}
      {outputs.length > 0 && (
        <section className="props-section">
          <h4>Store outputs</h4>
          {outputs.map((o) => {
            const bound = getInput(activity, o.name)?.memoryReference?.id ?? '';
            return (
              <div className="field field-inline" key={o.name}>
                <label className="field-label">{o.displayName ?? o.name}</label>
                <select value={bound} onChange={(e) => onChange(e.target.value
                  ? withKey(activity, o.name, { typeName: 'Object', memoryReference: { id: e.target.value } })
                  : withoutKey(activity, o.name))}>
                  <option value="">not stored</option>
                  {(doc.variables ?? []).map((v) => <option key={v.id} value={v.id}>→ {v.name}</option>)}
                </select>
              </div>
            );
          })}
        </section>
      )}
    </div>
  );
}

function JsonField({ value, onChange, testId }: { value: unknown; onChange: (v: unknown) => void; testId?: string }) {
  const [text, setText] = useState(value == null ? '' : JSON.stringify(value, null, 2));
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <textarea data-testid={testId} className="mono" rows={4} value={text} onChange={(e) => setText(e.target.value)} onBlur={() => {
        if (!text.trim()) { setError(null); onChange(undefined); return; }
        try { onChange(JSON.parse(text)); setError(null); } catch (e) { setError(`Not JSON: ${(e as Error).message}`); }
      }} />
      {error && <div className="field-error">{error}</div>}
    </>
  );
}
