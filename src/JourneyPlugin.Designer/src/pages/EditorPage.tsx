import { openShortcutsHelp } from '../lib/ShortcutsHelp';
import {
  Background, BackgroundVariant, Controls, MiniMap, ReactFlow, ReactFlowProvider, MarkerType, useReactFlow,
  type Connection as FlowConnection, type Edge, type EdgeChange, type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../lib/api';
import {
  activityPosition, createActivity, describeDuration, getInputValue, newId, parseDocument, portsOf, serializeDocument, withPosition,
  type ElsaActivity, type ElsaDocument, type JsonFormat,
} from '../lib/elsa';
import { navigate } from '../lib/router';
import { useToast } from '../lib/toast';
import type { ActivityDescriptor, Connection, Problem } from '../lib/types';
import { ActivityNode, type ActivityFlowNode } from '../editor/ActivityNode';
import { autoLayout } from '../editor/layout';
import { PropertyPanel } from '../editor/PropertyPanel';
import { JourneySettings } from '../editor/JourneySettings';
import { loadSamples } from '../editor/samples';
import { TestPanel, type TestInstance } from '../editor/TestPanel';
import { Toolbox, dragType } from '../editor/Toolbox';

const nodeTypes = { activity: ActivityNode };

export function EditorPage({ definitionId }: { definitionId: string }) {
  return (
    <ReactFlowProvider>
      <Editor definitionId={definitionId} />
    </ReactFlowProvider>
  );
}

/** A connection's edge id: its source port and target, which onConnect keeps unique. */
const edgeId = (c: { source: { activity: string; port: string }; target: { activity: string } }) => `${c.source.activity}:${c.source.port}->${c.target.activity}`;

/** What a node shows under its name: the gist of its inputs. */
function summaryOf(a: ElsaActivity): string {
  switch (a.type) {
    case 'Journeys.SendInfobipWhatsApp': {
      const kind = (getInputValue(a, 'messageKind') as string) ?? 'Template';
      if (kind === 'Template') return `Template ${(getInputValue(a, 'templateName') as string) ?? '—'}`;
      const text = (getInputValue(a, 'text') as string) ?? (getInputValue(a, 'mediaUrl') as string) ?? '';
      return `${kind}: ${text}`;
    }
    case 'Journeys.WaitForUserReply': {
      const t = getInputValue(a, 'timeout');
      return t ? `Waits up to ${describeDuration(t)}` : 'Waits for a reply';
    }
    case 'Elsa.Delay': return `Waits ${describeDuration(getInputValue(a, 'timeSpan')) || '—'}`;
    case 'Elsa.FlowDecision': return String(getInputValue(a, 'condition') ?? '');
    case 'Elsa.FlowSendHttpRequest': return `${(getInputValue(a, 'method') as string) ?? 'GET'} ${String(getInputValue(a, 'url') ?? '')}`;
    case 'Elsa.SetVariable': return `${(a.variable as { name?: string } | undefined)?.name ?? '?'} = ${String(getInputValue(a, 'value') ?? '')}`;
    default: return '';
  }
}

function Editor({ definitionId }: { definitionId: string }) {
  const toast = useToast();
  const flow = useReactFlow();
  const [descriptors, setDescriptors] = useState<ActivityDescriptor[] | null>(null);
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [doc, setDoc] = useState<ElsaDocument | null>(null);
  const [format, setFormat] = useState<JsonFormat | null>(null);
  const [savedText, setSavedText] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [selectedEdges, setSelectedEdges] = useState<Set<string>>(new Set());
  const [problems, setProblems] = useState<Problem[]>([]);
  const [validationError, setValidationError] = useState<string | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [tab, setTab] = useState<'properties' | 'test'>('properties');
  const [saving, setSaving] = useState(false);
  const [instances, setInstances] = useState<TestInstance[]>([]);
  const [customer, setCustomer] = useState<Record<string, unknown>>(() => loadSamples()[0].attributes);
  const past = useRef<ElsaDocument[]>([]);
  const future = useRef<ElsaDocument[]>([]);
  const lastRecord = useRef(0);
  const [, setHistoryVersion] = useState(0);
  const sizes = useRef(new Map<string, { width: number; height: number }>());
  const [measuredVersion, setMeasuredVersion] = useState(0);
  const wrapper = useRef<HTMLDivElement>(null);
  const importInput = useRef<HTMLInputElement>(null);

  const byType = useMemo(() => new Map((descriptors ?? []).map((d) => [d.typeName, d])), [descriptors]);
  const text = useMemo(() => (doc && format ? serializeDocument(doc, format) : null), [doc, format]);
  const dirty = text !== null && text !== savedText;

  useEffect(() => {
    api.descriptors().then(setDescriptors, (e: Error) => setLoadError(`Could not load the activities: ${e.message}`));
    api.connections().then(setConnections, () => setConnections(null));
    api.journeyText(definitionId).then((t) => {
      try {
        const parsed = parseDocument(t);
        setDoc(parsed.doc);
        setFormat(parsed.format);
        setSavedText(t);
      } catch (e) {
        setLoadError((e as Error).message);
      }
    }, (e: Error) => setLoadError(e.message));
  }, [definitionId]);

  /** Every edit goes through here so undo/redo see it. */
  const edit = useCallback((next: ElsaDocument | ((d: ElsaDocument) => ElsaDocument), record = true) => {
    setDoc((current) => {
      if (!current) return current;
      const value = typeof next === 'function' ? next(current) : next;
      // Changes within one gesture (a node and its edges deleted together) make one undo step.
      if (record && value !== current && performance.now() - lastRecord.current > 50) {
        lastRecord.current = performance.now();
        past.current = [...past.current.slice(-99), current];
        future.current = [];
        setHistoryVersion((v) => v + 1);
      }
      return value;
    });
  }, []);

  const undo = useCallback(() => {
    const previous = past.current.pop();
    if (!previous) return;
    setDoc((current) => { if (current) future.current.push(current); return previous; });
    setHistoryVersion((v) => v + 1);
  }, []);
  const redo = useCallback(() => {
    const next = future.current.pop();
    if (!next) return;
    setDoc((current) => { if (current) past.current.push(current); return next; });
    setHistoryVersion((v) => v + 1);
  }, []);

  // Validation as you edit: the server's rules, the same as the validate command.
  useEffect(() => {
    if (!text) return;
    const timer = setTimeout(() => {
      api.validate(text).then((r) => { setProblems(r.problems); setValidationError(null); }, (e: Error) => setValidationError(e.message));
    }, 400);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => { if (dirty) e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!doc || !text) return false;
    setSaving(true);
    try {
      const result = await api.save(doc.definitionId, text);
      setSavedText(text);
      setProblems(result.problems ?? []);
      const errors = (result.problems ?? []).filter((p) => p.severity === 'error').length;
      toast(errors ? 'info' : 'ok', errors ? `Saved ${result.file} with ${errors} error${errors === 1 ? '' : 's'}: fix them before running it.` : `Saved ${result.file}`);
      return true;
    } catch (e) {
      toast('error', `Not saved: ${(e as Error).message}`);
      return false;
    } finally {
      setSaving(false);
    }
  }, [doc, text, toast]);

  const ensureSaved = useCallback(async () => (dirty ? save() : true), [dirty, save]);

  const addActivity = useCallback((typeName: string, position?: { x: number; y: number }) => {
    const descriptor = byType.get(typeName);
    if (!descriptor || !doc) return;
    const rect = wrapper.current?.getBoundingClientRect();
    const at = position ?? flow.screenToFlowPosition({ x: (rect?.left ?? 0) + (rect?.width ?? 800) / 2 - 120, y: (rect?.top ?? 0) + (rect?.height ?? 600) / 2 - 40 });
    const defaults: Record<string, unknown> = {};
    if (descriptor.inputs.some((i) => i.name === 'connection')) defaults.connection = connections?.[0]?.name ?? 'sandbox';
    if (typeName === 'Journeys.SendInfobipWhatsApp') defaults.messageKind = 'Template';
    const activity = createActivity(doc, descriptor, at, defaults);
    edit((d) => ({ ...d, root: { ...d.root, activities: [...d.root.activities, activity] } }));
    setSelected(new Set([activity.id]));
    setSelectedEdges(new Set());
    setTab('properties');
  }, [byType, doc, edit, flow, connections]);

  const updateActivity = useCallback((activity: ElsaActivity) => {
    edit((d) => {
      const old = d.root.activities.find((a) => a.id === activity.id);
      // Ports that disappear (an expected reply removed) take their connections with them.
      const ports = new Set(portsOf(activity, byType.get(activity.type)));
      const keep = (c: ElsaDocument['root']['connections'][number]) => c.source.activity !== activity.id || !byType.has(activity.type) || ports.has(c.source.port);
      return {
        ...d,
        root: {
          ...d.root,
          activities: d.root.activities.map((a) => (a === old ? activity : a)),
          connections: d.root.connections.every(keep) ? d.root.connections : d.root.connections.filter(keep),
        },
      };
    });
  }, [edit, byType]);

  const removeActivities = useCallback((ids: Set<string>) => {
    if (ids.size === 0) return;
    edit((d) => ({
      ...d,
      root: {
        ...d.root,
        activities: d.root.activities.filter((a) => !ids.has(a.id)),
        connections: d.root.connections.filter((c) => !ids.has(c.source.activity) && !ids.has(c.target.activity)),
      },
    }));
    setSelected(new Set());
  }, [edit]);

  const duplicateSelected = useCallback(() => {
    if (!doc) return;
    const copies = doc.root.activities.filter((a) => selected.has(a.id)).map((a) => {
      const id = newId();
      const p = activityPosition(a);
      return withPosition({ ...structuredClone(a), id, nodeId: `${doc.root.nodeId ?? `Workflow1:${doc.root.id}`}:${id}`, name: `${a.name ?? a.type} copy` }, { x: p.x + 40, y: p.y + 40 });
    });
    if (copies.length === 0) return;
    edit((d) => ({ ...d, root: { ...d.root, activities: [...d.root.activities, ...copies] } }));
    setSelected(new Set(copies.map((c) => c.id)));
  }, [doc, selected, edit]);

  const layout = useCallback(() => {
    edit((d) => autoLayout(d, sizes.current));
    setTimeout(() => flow.fitView({ padding: 0.15, duration: 300 }), 50);
  }, [edit, flow]);

  // Keyboard shortcuts; Delete/Backspace are React Flow's.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const typing = target.closest('input, textarea, select, [contenteditable]');
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 's') { e.preventDefault(); save(); return; }
      if (typing) return;
      if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
      else if (mod && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey))) { e.preventDefault(); redo(); }
      else if (mod && e.key.toLowerCase() === 'd') { e.preventDefault(); duplicateSelected(); }
      else if (e.key === '/') { e.preventDefault(); document.getElementById('toolbox-search')?.focus(); }
      else if (e.key === 'l' && !mod) { layout(); }
      else if (e.key === 'f' && !mod) { flow.fitView({ padding: 0.15, duration: 300 }); }
      else if (e.key === 'Escape') { setSelected(new Set()); setSelectedEdges(new Set()); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, undo, redo, duplicateSelected, layout, flow]);

  const problemsByActivity = useMemo(() => {
    const map = new Map<string, Problem[]>();
    for (const p of problems) if (p.activityId) map.set(p.activityId, [...(map.get(p.activityId) ?? []), p]);
    return map;
  }, [problems]);

  const testState = useMemo(() => {
    const here = new Map<string, number>();
    const visited = new Set<string>();
    const taken = new Set<string>();
    for (const i of instances) {
      const d = i.detail;
      if (!d) continue;
      if (d.currentActivityId) here.set(d.currentActivityId, (here.get(d.currentActivityId) ?? 0) + 1);
      for (const h of d.history ?? []) {
        visited.add(h.activityId);
        if (h.outcome) taken.add(`${h.activityId}:${h.outcome}`);
      }
    }
    return { here, visited, taken };
  }, [instances]);

  const nodes: ActivityFlowNode[] = useMemo(() => (doc?.root.activities ?? []).map((a) => {
    const descriptor = byType.get(a.type);
    const used = doc!.root.connections.filter((c) => c.source.activity === a.id).map((c) => c.source.port);
    const ports = portsOf(a, descriptor);
    // Keep ports that connections use even when the descriptor does not list them, so they stay visible and saved.
    for (const u of used) if (!ports.includes(u)) ports.push(u);
    return {
      id: a.id,
      type: 'activity',
      position: activityPosition(a),
      selected: selected.has(a.id),
      measured: sizes.current.get(a.id),
      data: {
        name: a.name ?? a.type, typeName: a.type, descriptor, summary: summaryOf(a), ports,
        problems: problemsByActivity.get(a.id) ?? [], here: testState.here.get(a.id) ?? 0, visited: testState.visited.has(a.id),
      },
    };
  }), [doc, byType, selected, problemsByActivity, testState, measuredVersion]);

  const edges: Edge[] = useMemo(() => (doc?.root.connections ?? []).map((c) => {
    const id = edgeId(c);
    const alt = c.source.port === 'Failed' || c.source.port === 'Timeout' || c.source.port === 'False' || c.source.port === 'Other';
    const active = testState.taken.has(`${c.source.activity}:${c.source.port}`);
    return {
      id, source: c.source.activity, sourceHandle: c.source.port, target: c.target.activity, targetHandle: 'In',
      selected: selectedEdges.has(id), animated: active,
      className: `${alt ? 'edge-alt' : ''} ${active ? 'edge-active' : ''}`,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    };
  }), [doc, selectedEdges, testState]);

  const onNodesChange = useCallback((changes: NodeChange<ActivityFlowNode>[]) => {
    const moves = new Map<string, { x: number; y: number }>();
    const removed = new Set<string>();
    let selection: Set<string> | null = null;
    let measuredChanged = false;
    for (const c of changes) {
      if (c.type === 'position' && c.position) moves.set(c.id, c.position);
      else if (c.type === 'remove') removed.add(c.id);
      else if (c.type === 'select') { selection ??= new Set(selected); if (c.selected) selection.add(c.id); else selection.delete(c.id); }
      else if (c.type === 'dimensions' && c.dimensions) { sizes.current.set(c.id, c.dimensions); measuredChanged = true; }
    }
    if (selection) setSelected(selection);
    // Controlled nodes carry their measured size back, so the minimap and fitView know it.
    if (measuredChanged) setMeasuredVersion((v) => v + 1);
    if (moves.size) edit((d) => ({ ...d, root: { ...d.root, activities: d.root.activities.map((a) => (moves.has(a.id) ? withPosition(a, moves.get(a.id)!) : a)) } }), false);
    if (removed.size) removeActivities(removed);
  }, [edit, removeActivities, selected]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const removed = new Set<string>();
    let selection: Set<string> | null = null;
    for (const c of changes) {
      if (c.type === 'remove') removed.add(c.id);
      else if (c.type === 'select') { selection ??= new Set(selectedEdges); if (c.selected) selection.add(c.id); else selection.delete(c.id); }
    }
    if (selection) setSelectedEdges(selection);
    if (removed.size) {
      // Edges of a deleted node are gone with it already: only a real change is an undo step.
      edit((d) => {
        const connections = d.root.connections.filter((c) => !removed.has(edgeId(c)));
        return connections.length === d.root.connections.length ? d : { ...d, root: { ...d.root, connections } };
      });
      setSelectedEdges(new Set());
    }
  }, [edit, selectedEdges]);

  const onConnect = useCallback((c: FlowConnection) => {
    if (!c.source || !c.target || !c.sourceHandle || c.source === c.target) return;
    edit((d) => {
      if (d.root.connections.some((x) => x.source.activity === c.source && x.source.port === c.sourceHandle && x.target.activity === c.target)) return d;
      return { ...d, root: { ...d.root, connections: [...d.root.connections, { source: { activity: c.source, port: c.sourceHandle! }, target: { activity: c.target, port: 'In' } }] } };
    });
  }, [edit]);

  const onDrop = useCallback((e: React.DragEvent) => {
    const typeName = e.dataTransfer.getData(dragType);
    if (!typeName) return;
    e.preventDefault();
    const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    addActivity(typeName, { x: p.x - 120, y: p.y - 30 });
  }, [flow, addActivity]);

  const exportJson = () => {
    if (!text || !doc) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${doc.definitionId}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const importJson = async (file: File) => {
    try {
      const parsed = parseDocument(await file.text());
      if (parsed.doc.definitionId !== definitionId) {
        toast('info', `The file is “${parsed.doc.definitionId}”; imported into “${definitionId}” (its id is kept as this journey's).`);
        parsed.doc.definitionId = definitionId;
      } else {
        toast('ok', `Imported ${file.name}. Save to write it.`);
      }
      edit(parsed.doc);
      setFormat(parsed.format);
      setTimeout(() => flow.fitView({ padding: 0.15 }), 50);
    } catch (e) {
      toast('error', `Cannot import ${file.name}: ${(e as Error).message}`);
    }
  };

  const focusActivity = useCallback((id: string) => {
    setSelected(new Set([id]));
    setTab('properties');
    const node = flow.getNode(id);
    if (node) flow.setCenter(node.position.x + 120, node.position.y + 60, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
  }, [flow]);

  if (loadError) {
    return (
      <div className="page">
        <div className="empty">
          <h2>Cannot open “{definitionId}”</h2>
          <p className="field-error">{loadError}</p>
          <button onClick={() => navigate('/')}>Back to the journeys</button>
        </div>
      </div>
    );
  }
  if (!doc || !descriptors) return <div className="loading">Loading the journey…</div>;

  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const single = selected.size === 1 ? doc.root.activities.find((a) => selected.has(a.id)) : undefined;

  return (
    <div className="editor">
      <div className="editor-bar">
        <button className="icon-button" title="All journeys" aria-label="All journeys" onClick={() => navigate('/')}>←</button>
        <div className="editor-title">
          <span className="editor-name" data-testid="journey-title">{doc.name || doc.definitionId}</span>
          <span className="muted small"><code>{doc.definitionId}</code>{dirty ? <span className="dirty" data-testid="dirty"> · unsaved changes</span> : <span data-testid="saved-state"> · saved</span>}</span>
        </div>
        <div className="bar-group">
          <button onClick={undo} disabled={past.current.length === 0} title="Undo (Ctrl+Z)" aria-label="Undo" data-testid="undo">↶</button>
          <button onClick={redo} disabled={future.current.length === 0} title="Redo (Ctrl+Shift+Z)" aria-label="Redo" data-testid="redo">↷</button>
          <button onClick={layout} title="Automatic layout (L)" data-testid="auto-layout">Auto layout</button>
          <button onClick={() => importInput.current?.click()} title="Import an Elsa JSON file">Import</button>
          <button onClick={exportJson} title="Download the Elsa JSON" data-testid="export">Export</button>
          <input ref={importInput} type="file" accept=".json,application/json" hidden data-testid="import-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) importJson(f); e.target.value = ''; }} />
        </div>
        <button className={`problems-button ${errors ? 'has-errors' : warnings ? 'has-warnings' : 'ok'}`} onClick={() => setShowProblems((s) => !s)} data-testid="problems-button"
          title={validationError ? `Validation unavailable: ${validationError}` : undefined}>
          {validationError ? 'Validation unavailable' : errors || warnings ? `${errors} error${errors === 1 ? '' : 's'} · ${warnings} warning${warnings === 1 ? '' : 's'}` : '✓ Valid'}
        </button>
        <button className="icon-button" onClick={openShortcutsHelp} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">?</button>
        <button className="primary" onClick={save} disabled={saving || !dirty} data-testid="save">{saving ? 'Saving…' : 'Save'}</button>
      </div>
      <div className="editor-body">
        <Toolbox descriptors={descriptors} onAdd={(t) => addActivity(t)} />
        <div className="canvas" ref={wrapper} onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }} onDrop={onDrop} data-testid="canvas">
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onNodeDragStart={() => edit((d) => ({ ...d }))}
            onPaneClick={() => { setSelected(new Set()); setSelectedEdges(new Set()); }}
            deleteKeyCode={['Delete', 'Backspace']}
            snapToGrid
            snapGrid={[10, 10]}
            fitView
            fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
            minZoom={0.2}
            maxZoom={2}
            defaultEdgeOptions={{ type: 'smoothstep' }}
            proOptions={{ hideAttribution: true }}
          >
            <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
            <Controls showInteractive={false} />
            <MiniMap pannable zoomable nodeColor={(n) => ((n.data as { descriptor?: ActivityDescriptor }).descriptor?.category === 'WhatsApp' ? '#16a34a' : '#94a3b8')} maskColor="rgba(241,245,249,0.7)" />
          </ReactFlow>
          {doc.root.activities.length <= 2 && doc.root.connections.length === 0 && (
            <div className="canvas-hint">Drag <b>Send Infobip WhatsApp</b> from the left onto the canvas, then drag from a port (●) to the next step.</div>
          )}
          {showProblems && (
            <div className="problems" data-testid="problem-list">
              <div className="problems-head">
                <b>Problems</b>
                <button className="icon-button" aria-label="Close problems" onClick={() => setShowProblems(false)}>×</button>
              </div>
              {validationError && <div className="field-error pad-x">Validation is unavailable: {validationError}</div>}
              {problems.length === 0 && !validationError && <div className="muted pad-x">No problem: this journey can run.</div>}
              <ul>
                {problems.map((p, i) => (
                  <li key={i} className={`problem problem-${p.severity}`} onClick={() => p.activityId && focusActivity(p.activityId)}>
                    <span className="problem-sev">{p.severity === 'error' ? '●' : '▲'}</span>
                    <span className="problem-where">{doc.root.activities.find((a) => a.id === p.activityId)?.name ?? p.path}</span>
                    <span>{p.message}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <aside className="side">
          <div className="tabs" role="tablist">
            <button role="tab" className={tab === 'properties' ? 'active' : ''} onClick={() => setTab('properties')}>{single ? 'Properties' : 'Journey'}</button>
            <button role="tab" className={tab === 'test' ? 'active' : ''} onClick={() => setTab('test')} data-testid="tab-test">Test{instances.length ? ` (${instances.length})` : ''}</button>
          </div>
          <div className="side-body">
            {tab === 'test' ? (
              <TestPanel doc={doc} instances={instances} setInstances={setInstances} ensureSaved={ensureSaved} onSelectActivity={focusActivity} />
            ) : single ? (
              <PropertyPanel key={single.id} doc={doc} activity={single} descriptor={byType.get(single.type)} connections={connections} customer={customer}
                problems={problemsByActivity.get(single.id) ?? []} onChange={updateActivity} />
            ) : (
              <JourneySettings doc={doc} onChange={(d) => edit(d)} customer={customer} setCustomer={setCustomer} selectedCount={selected.size}
                onDeleteSelected={() => removeActivities(selected)} />
            )}
          </div>
        </aside>
      </div>
    </div>
  );
}
