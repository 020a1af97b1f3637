/** Sample customers for previews and test mode, kept in the browser between visits. */
export interface SampleCustomer {
  key: string;
  attributes: Record<string, unknown> & { phone: string };
}

const storageKey = 'journeyplugin.samples';

export const defaultSamples: SampleCustomer[] = [
  { key: 'lan', attributes: { phone: '84912345678', first_name: 'Lan', last_name: 'Nguyen', promo_code: 'WELCOME10', city: 'Hanoi' } },
  { key: 'minh', attributes: { phone: '84987654321', first_name: 'Minh', last_name: 'Tran', promo_code: 'HELLO20', city: 'Da Nang' } },
  { key: 'sophie', attributes: { phone: '447700900123', first_name: 'Sophie', last_name: 'Martin', promo_code: 'SPRING5', city: 'London' } },
];

export function loadSamples(): SampleCustomer[] {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as SampleCustomer[] | null;
    if (Array.isArray(stored) && stored.length && stored.every((s) => typeof s.attributes?.phone === 'string')) return stored;
  } catch {
    // fall back to the defaults
  }
  return defaultSamples;
}

export function saveSamples(samples: SampleCustomer[]): void {
  localStorage.setItem(storageKey, JSON.stringify(samples));
}

export function sampleLabel(s: SampleCustomer): string {
  const name = [s.attributes.first_name, s.attributes.last_name].filter(Boolean).join(' ');
  return name || s.attributes.phone;
}
