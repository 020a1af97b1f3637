import type { Funnel } from '../lib/types';

const stages: { key: 'enrolled' | 'sent' | 'delivered' | 'seen' | 'replied'; label: string }[] = [
  { key: 'enrolled', label: 'Enrolled' }, { key: 'sent', label: 'Sent' }, { key: 'delivered', label: 'Delivered' },
  { key: 'seen', label: 'Seen' }, { key: 'replied', label: 'Replied' },
];

const reasons: Record<string, string> = {
  InvalidNumber: 'Not a valid phone number',
  OptedOut: 'Opted out (STOP)',
  OutsideWindow: 'Outside the 24 h window, no fallback template',
  InvalidMessage: 'Message breaks a WhatsApp limit',
  TemplateError: 'Template could not be rendered',
  UnknownConnection: 'Unknown connection',
  Unauthorized: 'API key refused',
  VendorRejected: 'Refused by Infobip',
  RateLimited: 'Rate limited',
  VendorUnavailable: 'Infobip unreachable',
  OutcomeUnknown: 'Outcome unknown',
};

/** A failure reason as a person reads it: the known ones spelled out, others split from their camel case. */
export function reasonLabel(reason: string): string {
  return reasons[reason] ?? reason.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
}

const percent = (value: number, of: number) => (of > 0 ? `${Math.round((value / of) * 100)}%` : '—');

/** The funnel enrolled → sent → delivered → seen → replied as bars (share of enrolled, and of the stage before), then the other endings and failures by reason. */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const enrolled = funnel.enrolled;
  const failures = Object.entries(funnel.failed ?? {}).sort((a, b) => b[1] - a[1]);
  const failed = failures.reduce((s, [, n]) => s + n, 0);
  const worst = Math.max(1, ...failures.map(([, n]) => n));
  return (
    <div className="funnel" data-testid="funnel">
      {stages.map(({ key, label }, i) => {
        const value = funnel[key];
        const before = i > 0 ? funnel[stages[i - 1].key] : undefined;
        return (
          <div className="funnel-row" key={key} data-testid={`funnel-${key}`} title={before !== undefined ? `${percent(value, before)} of ${stages[i - 1].label.toLowerCase()}` : undefined}>
            <span className="funnel-label">{label}</span>
            <div className="funnel-track"><div className="funnel-bar" style={{ width: enrolled ? `${(value / enrolled) * 100}%` : 0 }} /></div>
            <span className="funnel-value">{value.toLocaleString()}</span>
            <span className="funnel-share">{i === 0 ? '' : percent(value, enrolled)}</span>
          </div>
        );
      })}
      <div className="funnel-extra">
        <span>Completed <b data-testid="funnel-completed">{funnel.completed.toLocaleString()}</b></span>
        <span>Timed out <b data-testid="funnel-timed-out">{funnel.timedOut.toLocaleString()}</b></span>
        <span>Failed <b data-testid="funnel-failed">{failed.toLocaleString()}</b></span>
      </div>
      {failures.length > 0 && (
        <div className="failures" data-testid="failures">
          <h4>Failures by reason</h4>
          {failures.map(([reason, n]) => (
            <div className="failure-row" key={reason} data-testid={`failure-${reason}`} title={reason}>
              <span className="failure-label">{reasonLabel(reason)}</span>
              <div className="funnel-track failure-track"><div className="funnel-bar failure-bar" style={{ width: `${(n / worst) * 100}%` }} /></div>
              <span className="funnel-value">{n.toLocaleString()}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
