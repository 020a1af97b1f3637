import { useState } from 'react';

/** A read-only value with a copy button, for URLs to paste elsewhere. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // No clipboard (plain http on another host): the text is selectable.
    }
  };
  return (
    <div className="copy-field">
      <span className="copy-label">{label}</span>
      <code data-testid={testId} title={value} onFocus={(e) => window.getSelection()?.selectAllChildren(e.currentTarget)} tabIndex={0}>{value}</code>
      <button type="button" className="copy-button" aria-label={`Copy ${label}`} onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
    </div>
  );
}
