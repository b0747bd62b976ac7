// What a profile holds, resolved once per report: held concepts, valid credentials, expired ones, the
// states state credentials were issued for, and what is only being learned. The credential rules
// (any-of MA certifications, state credentials, implications) live here and are documented in the README, "Job seekers".
import type { Profile } from '../profile/schema.js';

/** The national MA certifications. Holding any one satisfies a posting listing several as alternatives. */
export const MA_CERTS: readonly string[] = ['cert.cma', 'cert.ccma', 'cert.cmac', 'cert.ncma', 'cert.rma'];
/** "A medical assistant certification" with no body named: satisfied by any of MA_CERTS. */
export const MA_ANY = 'cert.ma-any';
/** Credentials a state issues: held for one state, they don't satisfy a posting in another. */
export const STATE_CREDENTIALS: readonly string[] = ['cert.state-ma', 'cert.limited-xray'];

/**
 * Holding the key also counts as holding each listed concept (a degree implies the diploma; a
 * phlebotomy certification implies the skill). Applied once, not transitively.
 */
export const IMPLIES: Readonly<Record<string, readonly string[]>> = {
  'edu.associate': ['edu.high-school'],
  'edu.bachelor': ['edu.high-school'],
  'edu.ma-program': ['edu.high-school'],
  'cert.phlebotomy': ['clinical.phlebotomy'],
  'cert.ekg': ['clinical.ekg'],
  'cert.limited-xray': ['clinical.xray'],
  'cert.coding': ['admin.billing-coding'],
  // Whoever has charted in a named EHR has documented in an EHR.
  'ehr.epic': ['admin.ehr'],
  'ehr.cerner': ['admin.ehr'],
  'ehr.athenahealth': ['admin.ehr'],
  'ehr.eclinicalworks': ['admin.ehr'],
  'ehr.nextgen': ['admin.ehr'],
  'ehr.allscripts': ['admin.ehr'],
  'ehr.meditech': ['admin.ehr'],
  'ehr.practice-fusion': ['admin.ehr'],
  'ehr.greenway': ['admin.ehr'],
  'ehr.advancedmd': ['admin.ehr'],
  'ehr.kareo': ['admin.ehr'],
  'ehr.modmed': ['admin.ehr'],
  'ehr.centricity': ['admin.ehr'],
};

export interface Holdings {
  /** Held and, for credentials, not expired (implications included). */
  has: ReadonlySet<string>;
  /** Marked `learning` and not otherwise held. */
  learning: ReadonlySet<string>;
  /** Credential id → the latest expiry date, for credentials whose every entry has expired. */
  expired: ReadonlyMap<string, string>;
  /** State credential id → the states it is held for (null: state unknown, satisfies any state). */
  statesOf: ReadonlyMap<string, ReadonlyArray<string | null>>;
}

/** `today` is `YYYY-MM-DD`; a credential is valid through its `expires` day. */
export function resolveHoldings(profile: Profile, today: string): Holdings {
  const has = new Set<string>();
  const expired = new Map<string, string>();
  const statesOf = new Map<string, Array<string | null>>();
  const credentialIds = new Set(profile.credentials.map((c) => c.id));
  const addState = (id: string, state: string | null): void => {
    if (!STATE_CREDENTIALS.includes(id)) return;
    const list = statesOf.get(id) ?? [];
    if (!list.includes(state)) list.push(state);
    statesOf.set(id, list);
  };

  for (const [id, holding] of Object.entries(profile.concepts)) {
    // A credential listed with dates is judged by its dates, not by the checklist.
    if (holding !== 'has' || credentialIds.has(id)) continue;
    has.add(id);
    addState(id, profile.state ?? null);
  }
  for (const c of profile.credentials) {
    if (c.expires != null && c.expires < today) {
      if (!has.has(c.id)) expired.set(c.id, maxDate(expired.get(c.id), c.expires));
      continue;
    }
    has.add(c.id);
    expired.delete(c.id);
    addState(c.id, c.state ?? profile.state ?? null);
  }
  // Skills a credential implies stay learned when the credential lapses.
  for (const id of [...has, ...expired.keys()]) for (const implied of IMPLIES[id] ?? []) has.add(implied);

  const learning = new Set<string>();
  for (const [id, holding] of Object.entries(profile.concepts)) {
    if (holding === 'learning' && !has.has(id)) learning.add(id);
  }
  for (const list of statesOf.values()) list.sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  return { has, learning, expired, statesOf };
}

function maxDate(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}

export interface Satisfaction {
  met: boolean;
  /** The held concept that meets it, when not the id itself (an alternative MA certification). */
  satisfiedBy?: string;
  /** Why a held-looking item is not met: expired, or a state credential for another state. */
  note?: string;
  /** Held for other states only (state credentials). */
  otherStates?: string[];
}

/** Whether the holdings meet one concept a posting asks for, in the posting's state (null: unknown). */
export function satisfies(id: string, holdings: Holdings, postingState: string | null): Satisfaction {
  if (STATE_CREDENTIALS.includes(id)) {
    const states = holdings.has.has(id) ? (holdings.statesOf.get(id) ?? [null]) : [];
    if (states.length > 0) {
      if (postingState === null || states.some((s) => s === null || s === postingState)) return { met: true };
      const otherStates = states.filter((s): s is string => s !== null);
      return {
        met: false,
        otherStates,
        note: `held for ${otherStates.join(', ')}; this posting is in ${postingState}`,
      };
    }
  } else if (holdings.has.has(id)) {
    return { met: true };
  }
  if (id === MA_ANY) {
    const alt = MA_CERTS.find((c) => holdings.has.has(c));
    if (alt) return { met: true, satisfiedBy: alt };
  }
  const expiredOn = holdings.expired.get(id);
  if (expiredOn) return { met: false, note: `expired on ${expiredOn}` };
  return { met: false };
}
