import type { ElsaActivity } from '../lib/elsa';
import { getInputSyntax, getInputValue, setInputValue } from '../lib/elsa';
import type { InputDescriptor, Problem, TemplatePlaceholder, WhatsAppTemplate } from '../lib/types';
import { TemplateField, usePreview } from './fields';

/** The inputs one template picker fills: `templateName` with `language`, `placeholders`, … or the `fallback…` ones. */
export function templateInputs(pickerName: string) {
  const prefix = pickerName.replace(/[Tt]emplateName$/, '');
  const key = (name: string) => (prefix ? prefix + name.charAt(0).toUpperCase() + name.slice(1) : name);
  return {
    name: pickerName,
    language: key('language'),
    placeholders: key('placeholders'),
    // Only the main template has a media header and buttons to fill; the fallback is a plain text template.
    buttonParameters: prefix ? null : 'buttonParameters',
    mediaUrl: prefix ? null : 'mediaUrl',
  };
}

/** The catalogue's template an activity names through the picker <paramref name="pickerName"/>, if any. */
export function chosenTemplate(activity: ElsaActivity, pickerName: string, templates?: WhatsAppTemplate[]): WhatsAppTemplate | undefined {
  const keys = templateInputs(pickerName);
  const name = getInputValue(activity, keys.name);
  const language = getInputValue(activity, keys.language) ?? 'en';
  return templates?.find((t) => t.name === name && t.language === language) ?? templates?.find((t) => t.name === name);
}

/** The inputs a picker edits itself once its template is in the catalogue, so the panel does not show them twice. */
export function inputsEditedByPicker(activity: ElsaActivity, pickers: InputDescriptor[], templates?: WhatsAppTemplate[]): Set<string> {
  const owned = new Set<string>();
  for (const picker of pickers) {
    if (!chosenTemplate(activity, picker.name, templates)) continue;
    const keys = templateInputs(picker.name);
    for (const k of [keys.language, keys.placeholders, keys.buttonParameters]) if (k) owned.add(k);
  }
  return owned;
}

const isBody = (p: TemplatePlaceholder) => p.component === 'body';
const isButton = (p: TemplatePlaceholder) => p.component === 'button';
const needsMedia = (t: WhatsAppTemplate) => t.placeholders.some((p) => p.component === 'header' && p.kind === 'mediaUrl');
const buttonLabel: Record<string, string> = { urlSuffix: 'URL button: the end of its link', couponCode: 'Copy-code button: the code' };

const resized = (values: string[], length: number) => Array.from({ length }, (_, i) => values[i] ?? '');
const key = (t: WhatsAppTemplate) => `${t.name}|${t.language}`;

interface Props {
  picker: InputDescriptor;
  inputs: InputDescriptor[];
  activity: ElsaActivity;
  connection?: string;
  templates: { templates?: WhatsAppTemplate[]; error?: string };
  customer: Record<string, unknown>;
  problems: (input: string) => Problem[];
  onChange: (a: ElsaActivity) => void;
  testId: string;
}

/**
 * Chooses an approved template of the connection's catalogue and its language, then fills what the template
 * needs one by one: each body placeholder (a Scriban template, previewed), the media header's URL, the dynamic
 * button values; and shows the whole message rendered for the sample customer.
 */
export function TemplatePicker({ picker, inputs, activity, connection, templates, customer, problems, onChange, testId }: Props) {
  const keys = templateInputs(picker.name);
  const descriptor = (name: string, typeName: string) =>
    inputs.find((i) => i.name === name) ?? ({ name, typeName, defaultSyntax: 'Literal' } as InputDescriptor);
  const set = (a: ElsaActivity, name: string, typeName: string, value: unknown, syntax = 'Literal') => setInputValue(a, descriptor(name, typeName), value, syntax);
  const list = (name: string | null) => (name ? ((getInputValue(activity, name) as string[] | undefined) ?? []) : []);

  const name = (getInputValue(activity, keys.name) as string) ?? '';
  const catalogue = templates.templates ?? [];
  const chosen = chosenTemplate(activity, picker.name, catalogue);
  const placeholders = list(keys.placeholders);
  const buttonValues = list(keys.buttonParameters);
  const body = chosen?.placeholders.filter(isBody) ?? [];
  const buttons = keys.buttonParameters ? chosen?.placeholders.filter(isButton) ?? [] : [];
  const languages = chosen ? catalogue.filter((t) => t.name === chosen.name) : [];

  const choose = (t: WhatsAppTemplate | undefined) => {
    let a = set(activity, keys.name, 'String', t?.name ?? '');
    a = set(a, keys.language, 'String', t?.language ?? '');
    // No template, no values for it: a removed fallback leaves nothing behind in the file.
    a = set(a, keys.placeholders, 'List<String>', resized(placeholders, t ? t.placeholders.filter(isBody).length : 0));
    if (keys.buttonParameters) a = set(a, keys.buttonParameters, 'List<String>', resized(buttonValues, t ? t.placeholders.filter(isButton).length : 0));
    onChange(a);
  };
  const setAt = (name: string, values: string[], length: number, index: number, text: string) =>
    onChange(set(activity, name, 'List<String>', resized(values, Math.max(length, values.length)).map((v, i) => (i === index ? text : v))));

  // The whole message: the body with each {{n}} replaced by its placeholder's template, rendered on the server.
  const assembled = chosen?.bodyText ? chosen.bodyText.replace(/\{\{\s*(\d+)\s*\}\}/g, (_, n) => placeholders[Number(n) - 1] || `{{${n}}}`) : '';
  const preview = usePreview(assembled, 'Scriban', customer, !!assembled);
  const own = (input: string | null) => (input && chosen ? problems(input) : []).map((p, i) => <div key={i} className={p.severity === 'error' ? 'field-error' : 'field-warning'}>{p.message}</div>);

  if (!connection) return <div className="hint">Choose a connection first: its catalogue lists the approved templates.</div>;
  const mediaUrl = keys.mediaUrl && chosen && needsMedia(chosen) ? keys.mediaUrl : null;
  return (
    <div className="template-picker">
      {templates.error && <div className="field-error">Could not load the templates of “{connection}”: {templates.error}</div>}
      <select data-testid={testId} value={chosen ? key(chosen) : name ? '__custom' : ''}
        onChange={(e) => (e.target.value === '__custom' ? undefined : choose(catalogue.find((t) => key(t) === e.target.value)))}>
        <option value="">{templates.templates ? (picker.isRequired ? 'Choose a template…' : 'None') : templates.error ? 'No catalogue' : 'Loading templates…'}</option>
        {name && !chosen && <option value="__custom">{name} (not in the catalogue)</option>}
        {catalogue.filter((t, i) => catalogue.findIndex((x) => x.name === t.name) === i).map((t) => (
          <option key={key(t)} value={key(chosen?.name === t.name ? chosen : t)} disabled={t.status.toUpperCase() !== 'APPROVED'}>
            {t.name} · {t.category.toLowerCase()}{t.status.toUpperCase() !== 'APPROVED' ? ` (${t.status.toLowerCase()}, cannot be sent)` : ''}
          </option>
        ))}
      </select>
      {chosen && (
        <div className="template-facts">
          <label className="inline-label">Language
            <select data-testid={`${testId}-language`} value={chosen.language} disabled={languages.length < 2} onChange={(e) => choose(languages.find((t) => t.language === e.target.value))}>
              {languages.map((t) => <option key={t.language} value={t.language}>{t.language}</option>)}
            </select>
          </label>
          <span className="chip">{chosen.category.toLowerCase()}</span>
          <span className="hint">{body.length ? `${body.length} placeholder${body.length > 1 ? 's' : ''}` : 'no placeholder'}{mediaUrl ? ', a media header' : ''}{buttons.length ? `, ${buttons.length} button value${buttons.length > 1 ? 's' : ''}` : ''}</span>
        </div>
      )}
      {own(keys.language)}
      {chosen?.bodyText && <div className="template-body"><span className="preview-label">Template</span>{chosen.bodyText}</div>}
      {body.map((p, i) => (
        <div className="field placeholder-field" key={`b${i}`}>
          <label className="field-label">Placeholder {`{{${p.index}}}`}</label>
          <TemplateField testId={`${testId === 'input-templateName' ? '' : `${keys.placeholders}-`}placeholder-${i + 1}`} value={placeholders[i] ?? ''} syntax="Scriban" syntaxes={['Scriban']} customer={customer}
            onChange={(v) => setAt(keys.placeholders, placeholders, body.length, i, v)} placeholder="{{ customer.first_name }}" />
        </div>
      ))}
      {own(keys.placeholders)}
      {mediaUrl && (
        <div className="field placeholder-field">
          <label className="field-label">Header media URL<span className="required">*</span></label>
          <TemplateField testId="template-media-url" value={(getInputValue(activity, mediaUrl) as string) ?? ''} syntax={getInputSyntax(activity, descriptor(mediaUrl, 'String'))}
            customer={customer} onChange={(v, s) => onChange(set(activity, mediaUrl, 'String', v, s))} placeholder="https://example.com/invoice-{{ customer.order_id }}.pdf" />
          <div className="hint">The public https URL of the header's image, video or document.</div>
          {own(mediaUrl)}
        </div>
      )}
      {buttons.map((p, i) => (
        <div className="field placeholder-field" key={`k${i}`}>
          <label className="field-label">{buttonLabel[p.kind] ?? `Button ${p.index}`}</label>
          <TemplateField testId={`button-parameter-${i + 1}`} value={buttonValues[i] ?? ''} syntax="Scriban" syntaxes={['Scriban']} customer={customer}
            onChange={(v) => setAt(keys.buttonParameters!, buttonValues, buttons.length, i, v)} placeholder="{{ customer.order_id }}" />
        </div>
      ))}
      {own(keys.buttonParameters)}
      {assembled && (
        <div className="bubble-preview" data-testid={testId === 'input-templateName' ? 'message-preview' : `${testId}-message-preview`}>
          <div className="bubble bubble-out">{preview.error ? <span className="field-error">{preview.error}</span> : preview.text ?? 'Rendering…'}</div>
          <div className="hint">The message for the sample customer</div>
        </div>
      )}
    </div>
  );
}
