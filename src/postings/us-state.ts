// Derives a two-letter US state from a free-text location, so postings can be filtered by state.
const STATES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  PR: 'Puerto Rico',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
};

const CODES = new Set(Object.keys(STATES));

// Longest names first, so "West Virginia" is taken before "Virginia" can match inside it.
const NAMES = Object.entries(STATES)
  .map(([code, name]) => ({ code, re: new RegExp(`\\b${name.replace(/ /g, '\\s+')}\\b`, 'i') }))
  .sort((a, b) => b.re.source.length - a.re.source.length);

/** True for a valid two-letter code ("MN"), in any case. */
export function isStateCode(value: string): boolean {
  return CODES.has(value.toUpperCase());
}

/**
 * "St Paul, MN 55117" → "MN"; "Minnesota" → "MN". Null when there is no state, or when the text
 * names several ("Iowa, Minnesota, Nebraska") — a wrong state is worse than none for analytics.
 */
export function deriveState(location: string | null | undefined): string | null {
  if (!location) return null;
  const trimmed = location.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return isStateCode(trimmed) ? trimmed.toUpperCase() : null;
  // Codes are only trusted in address position (after a comma, or before a ZIP code) and in capitals,
  // so words like "in", "or" and "me" never count.
  const codes = new Set<string>();
  for (const m of trimmed.matchAll(/(?:,\s*([A-Z]{2})\b|\b([A-Z]{2})\s+\d{5}\b)/g)) {
    const code = m[1] ?? m[2];
    if (code && CODES.has(code)) codes.add(code);
  }
  if (codes.size === 1) return [...codes][0] ?? null;
  if (codes.size > 1) return null;
  let rest = trimmed;
  const named = new Set<string>();
  for (const { code, re } of NAMES) {
    if (re.test(rest)) {
      named.add(code);
      rest = rest.replace(re, ' ');
    }
  }
  return named.size === 1 ? ([...named][0] ?? null) : null;
}
