import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api } from '../lib/api';
import { describeDuration, formatDuration, parseDuration } from '../lib/elsa';

/** Splits a Scriban/Liquid template into text and code spans, for the highlighted editor. */
function highlight(source: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /(\{\{[\s\S]*?(?:\}\}|$)|\{%[\s\S]*?(?:%\}|$))/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let key = 0;
  while ((m = re.exec(source))) {
    if (m.index > last) out.push(source.slice(last, m.index));
    const code = m[0];
    const parts = code.split(/(\b(?:customer|Variables|Input|CorrelationId)\b|\b(?:if|else|end|for|in|while|func|ret|capture|case|when)\b|"[^"]*"|\|)/g);
    out.push(
      <span key={key++} className="tok-code">
        {parts.map((p, i) =>
          /^(customer|Variables|Input|CorrelationId)$/.test(p) ? <span key={i} className="tok-var">{p}</span>
          : /^(if|else|end|for|in|while|func|ret|capture|case|when)$/.test(p) ? <span key={i} className="tok-kw">{p}</span>
          : /^"/.test(p) ? <span key={i} className="tok-str">{p}</span>
          : p === '|' ? <span key={i} className="tok-pipe">|</span>
          : p,
        )}
      </span>,
    );
    last = m.index + code.length;
    if (code.length === 0) re.lastIndex++;
  }
  if (last < source.length) out.push(source.slice(last));
  out.push('\n');
  return out;
}

/** Debounced server-side rendering of a template against the sample customer. */
export function usePreview(template: string, syntax: string, customer: Record<string, unknown>, enabled = true) {
  const [state, setState] = useState<{ text?: string; error?: string; loading: boolean }>({ loading: false });
  const customerKey = JSON.stringify(customer);
  useEffect(() => {
    if (!enabled || !template) {
      setState({ loading: false });
      return;
    }
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      api.preview(template, syntax, JSON.parse(customerKey)).then(
        (r) => !cancelled && setState({ text: r.text, loading: false }),
        (e: Error) => !cancelled && setState({ error: e.message, loading: false }),
      );
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [template, syntax, customerKey, enabled]);
  return state;
}

/** A template field: highlighted code over a plain textarea, the syntax switch, and the live preview. */
export function TemplateField({
  value, syntax, onChange, customer, multiline, placeholder, testId, syntaxes = ['Scriban', 'Liquid', 'Literal'],
}: {
  value: string; syntax: string; onChange: (value: string, syntax: string) => void; customer: Record<string, unknown>;
  multiline?: boolean; placeholder?: string; testId?: string; syntaxes?: string[];
}) {
  const templated = syntax === 'Scriban' || syntax === 'Liquid';
  const preview = usePreview(value, syntax, customer, templated && /\{[{%]/.test(value));
  const pre = useRef<HTMLPreElement>(null);
  return (
    <div className="template-field">
      <div className={`code-editor ${multiline ? 'code-multi' : 'code-single'}`}>
        <pre ref={pre} aria-hidden className="code-highlight">{templated ? highlight(value) : value + '\n'}</pre>
        <textarea
          spellCheck={false}
          value={value}
          rows={multiline ? 4 : 1}
          placeholder={placeholder}
          data-testid={testId}
          onScroll={(e) => { if (pre.current) pre.current.scrollTop = e.currentTarget.scrollTop; }}
          onChange={(e) => onChange(multiline ? e.target.value : e.target.value.replace(/\n/g, ' '), syntax)}
        />
      </div>
      <div className="template-meta">
        <select value={syntax} onChange={(e) => onChange(value, e.target.value)} aria-label="Syntax" className="syntax-select">
          {syntaxes.map((s) => <option key={s}>{s}</option>)}
        </select>
        {templated && /\{[{%]/.test(value) && (
          <div className={`preview ${preview.error ? 'preview-error' : ''}`} data-testid={testId ? `${testId}-preview` : undefined}>
            {preview.error ? preview.error : preview.text !== undefined ? <><span className="preview-label">Preview</span>{preview.text}</> : preview.loading ? 'Rendering…' : ''}
          </div>
        )}
      </div>
    </div>
  );
}

/** Editor of an ISO 8601 duration (Elsa's TimeSpan literal) as days, hours and minutes, with common presets. */
export function DurationField({ value, onChange, testId }: { value: string; onChange: (value: string) => void; testId?: string }) {
  const parts = parseDuration(value || 'PT0S') ?? { days: 0, hours: 0, minutes: 0, seconds: 0 };
  const set = (patch: Partial<typeof parts>) => onChange(formatDuration({ ...parts, ...patch }));
  const presets: [string, string][] = [['1 h', 'PT1H'], ['24 h', 'PT24H'], ['2 days', 'P2D'], ['7 days', 'P7D']];
  return (
    <div className="duration" data-testid={testId}>
      <div className="duration-parts">
        {(['days', 'hours', 'minutes'] as const).map((unit) => (
          <label key={unit} className="duration-part">
            <input type="number" min={0} value={parts[unit] || ''} placeholder="0" aria-label={unit} onChange={(e) => set({ [unit]: Math.max(0, Number(e.target.value) || 0) })} />
            <span>{unit}</span>
          </label>
        ))}
      </div>
      <div className="chips">
        {presets.map(([label, v]) => <button key={v} type="button" className={`chip ${value === v ? 'chip-on' : ''}`} onClick={() => onChange(v)}>{label}</button>)}
        {value && <span className="hint">{value} = {describeDuration(value)}</span>}
      </div>
      {value && !parseDuration(value) && <div className="field-error">“{value}” is not an ISO 8601 duration such as PT24H or P2D.</div>}
    </div>
  );
}

/** A list of strings edited one per row (expected replies, buttons); Enter adds a row. */
export function ListField({ value, onChange, placeholder, testId, addLabel = 'Add' }: { value: string[]; onChange: (v: string[]) => void; placeholder?: string; testId?: string; addLabel?: string }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const v = draft.trim();
    if (!v) return;
    if (!value.includes(v)) onChange([...value, v]);
    setDraft('');
  };
  return (
    <div className="list-field" data-testid={testId}>
      {value.map((item, i) => (
        <div className="list-row" key={i}>
          <input value={item} onChange={(e) => onChange(value.map((x, j) => (j === i ? e.target.value : x)))} />
          <button type="button" className="icon-button" aria-label={`Remove ${item}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>×</button>
        </div>
      ))}
      <div className="list-row">
        <input value={draft} placeholder={placeholder} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }} data-testid={testId ? `${testId}-new` : undefined} />
        <button type="button" onClick={add} disabled={!draft.trim()}>{addLabel}</button>
      </div>
    </div>
  );
}
