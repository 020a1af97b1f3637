import { useState } from 'react';
import type { ElsaDocument, ElsaVariable } from '../lib/elsa';
import { newId } from '../lib/elsa';
import { loadSamples, sampleLabel } from './samples';

/** The panel when no single activity is selected: the journey's name, description, variables and preview customer. */
export function JourneySettings({ doc, onChange, customer, setCustomer, selectedCount, onDeleteSelected }: {
  doc: ElsaDocument; onChange: (d: ElsaDocument) => void; customer: Record<string, unknown>; setCustomer: (c: Record<string, unknown>) => void;
  selectedCount: number; onDeleteSelected: () => void;
}) {
  const [variable, setVariable] = useState('');
  const samples = loadSamples();
  const variables = doc.variables ?? [];
  const addVariable = () => {
    const name = variable.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || variables.some((v) => v.name === name)) return;
    const v: ElsaVariable = { id: newId(), name, typeName: 'String', isArray: false, value: null, storageDriverTypeName: 'Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core' };
    onChange({ ...doc, variables: [...variables, v] });
    setVariable('');
  };
  const variableProblem = variable && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable.trim()) ? 'Letters, digits and _ only, not starting with a digit.'
    : variables.some((v) => v.name === variable.trim()) ? 'That variable exists.' : null;
  return (
    <div className="props">
      {selectedCount > 1 && (
        <div className="banner banner-info">
          {selectedCount} activities selected. <button className="link danger-text" onClick={onDeleteSelected}>Delete them</button>
        </div>
      )}
      <section className="props-section">
        <h4>Journey</h4>
        <div className="field">
          <label className="field-label">Name</label>
          <input value={doc.name ?? ''} onChange={(e) => onChange({ ...doc, name: e.target.value })} data-testid="journey-settings-name" />
        </div>
        <div className="field">
          <label className="field-label">Description</label>
          <textarea rows={3} value={doc.description ?? ''} onChange={(e) => onChange({ ...doc, description: e.target.value })} />
        </div>
      </section>
      <section className="props-section">
        <h4>Variables</h4>
        {variables.length === 0 && <div className="hint">Variables keep values between steps, e.g. the customer's answer.</div>}
        {variables.map((v) => (
          <div className="list-row" key={v.id}>
            <code className="grow">{v.name}</code><span className="muted small">{v.typeName}</span>
            <button className="icon-button" aria-label={`Remove ${v.name}`} onClick={() => onChange({ ...doc, variables: variables.filter((x) => x.id !== v.id) })}>×</button>
          </div>
        ))}
        <form className="list-row" onSubmit={(e) => { e.preventDefault(); addVariable(); }}>
          <input value={variable} onChange={(e) => setVariable(e.target.value)} placeholder="NewVariable" />
          <button type="submit" disabled={!variable.trim() || !!variableProblem}>Add</button>
        </form>
        {variableProblem && <div className="field-error">{variableProblem}</div>}
      </section>
      <section className="props-section">
        <h4>Preview customer</h4>
        <div className="hint">Template previews render against this profile.</div>
        <select value={String(customer.phone)} onChange={(e) => setCustomer(samples.find((s) => s.attributes.phone === e.target.value)?.attributes ?? customer)}>
          {samples.map((s) => <option key={s.key} value={s.attributes.phone}>{sampleLabel(s)} (+{s.attributes.phone})</option>)}
        </select>
        <pre className="mono small customer-json">{JSON.stringify(customer, null, 2)}</pre>
      </section>
      <section className="props-section muted small">
        <h4>Tips</h4>
        <ul className="tips">
          <li>Drag activities from the left; drag from a port (●) to connect.</li>
          <li>Select a step to edit it; Delete removes it.</li>
          <li>Press <kbd>?</kbd> for all shortcuts.</li>
        </ul>
      </section>
    </div>
  );
}
