import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { memo } from 'react';
import type { ActivityDescriptor, Problem } from '../lib/types';
import { categoryStyle, TypeIcon } from './categories';

export interface ActivityNodeData extends Record<string, unknown> {
  name: string;
  typeName: string;
  descriptor?: ActivityDescriptor;
  summary: string;
  ports: string[];
  problems: Problem[];
  /** Test mode: how many sample customers are at this step now, and whether one passed through it. */
  here: number;
  visited: boolean;
}

export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>;

function ActivityNodeView({ data, selected }: NodeProps<ActivityFlowNode>) {
  const d = data.descriptor;
  const { color } = categoryStyle(d?.category);
  const errors = data.problems.filter((p) => p.severity === 'error');
  const warnings = data.problems.filter((p) => p.severity === 'warning');
  const isStart = data.typeName === 'Elsa.Start';
  return (
    <div
      className={`node ${selected ? 'node-selected' : ''} ${errors.length ? 'node-error' : warnings.length ? 'node-warning' : ''} ${data.here ? 'node-here' : ''} ${data.visited ? 'node-visited' : ''}`}
      style={{ ['--node-color' as string]: color }}
      data-testid={`node-${data.name}`}
      title={data.problems.map((p) => `${p.severity}: ${p.message}`).join('\n') || undefined}
    >
      {!isStart && <Handle type="target" position={Position.Left} id="In" className="handle handle-in" />}
      <div className="node-head">
        <span className="node-icon" aria-hidden><TypeIcon typeName={data.typeName} category={d?.category} /></span>
        <div className="node-titles">
          <div className="node-name">{data.name}</div>
          <div className="node-type">{d?.displayName ?? `${data.typeName} (unknown type)`}</div>
        </div>
        {errors.length > 0 && <span className="node-badge node-badge-error" aria-label={`${errors.length} errors`}>{errors.length}</span>}
        {!errors.length && warnings.length > 0 && <span className="node-badge node-badge-warning" aria-label={`${warnings.length} warnings`}>{warnings.length}</span>}
        {data.here > 0 && <span className="node-badge node-badge-here" title="sample customers here">{data.here}</span>}
      </div>
      {data.summary && <div className="node-summary">{data.summary}</div>}
      {data.ports.length > 0 && (
        <div className="node-ports">
          {data.ports.map((port) => (
            <div className="node-port" key={port} data-port={port}>
              <span className={`port-label port-${port === 'Failed' || port === 'Timeout' || port === 'False' ? 'alt' : 'main'}`}>{port}</span>
              <Handle type="source" position={Position.Right} id={port} className="handle handle-out" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export const ActivityNode = memo(ActivityNodeView);
