// Declassification exemptions and obsolete markings of the E.O. line's DECL: field
// (`DECL: 25X1`, `DECL: OADR`). Current exemptions: E.O. 13526 sec. 3.3(b) (25X) and sec. 1.5(a)
// with 32 CFR 2001.26 (50X); obsolete markings: E.O. 12958 sec. 1.6(d) (X1-X8), E.O. 12356 (OADR) and
// E.O. 11652 (GDS, XGDS).

export interface ExemptionInfo {
  code: string;
  meaning: string;
  source: string;
  /** True for markings no longer valid on new cables (warn on a new draft, accept on old cables). */
  obsolete: boolean;
}

const EO13526_33 = 'E.O. 13526 sec. 3.3(b)';
const EO13526_15 = 'E.O. 13526 sec. 1.5(a); 32 CFR 2001.26(a)(2)';
const EO12958_16 = 'E.O. 12958 (1995) sec. 1.6(d)';

export const exemptions: readonly ExemptionInfo[] = [
  { code: '25X1', meaning: 'Would reveal a confidential human source, a human intelligence source, a relationship with a foreign intelligence or security service, or a nonhuman intelligence source, or impair an intelligence method in use or under development.', source: EO13526_33, obsolete: false },
  { code: '25X2', meaning: 'Would assist in the development, production, or use of weapons of mass destruction.', source: EO13526_33, obsolete: false },
  { code: '25X3', meaning: 'Would impair U.S. cryptologic systems or activities.', source: EO13526_33, obsolete: false },
  { code: '25X4', meaning: 'Would impair the application of state-of-the-art technology within a U.S. weapon system.', source: EO13526_33, obsolete: false },
  { code: '25X5', meaning: 'Would reveal formally named or numbered U.S. military war plans that remain in effect, or operational or tactical elements of prior plans contained in active plans.', source: EO13526_33, obsolete: false },
  { code: '25X6', meaning: 'Would cause serious harm to relations between the United States and a foreign government, or to ongoing diplomatic activities of the United States (including foreign government information).', source: EO13526_33, obsolete: false },
  { code: '25X7', meaning: 'Would impair the current ability of U.S. officials to protect the President, Vice President and other protectees.', source: EO13526_33, obsolete: false },
  { code: '25X8', meaning: 'Would seriously impair current national security emergency preparedness plans or reveal current vulnerabilities of systems, installations, or infrastructures relating to the national security.', source: EO13526_33, obsolete: false },
  { code: '25X9', meaning: 'Would violate a statute, treaty, or international agreement that does not permit automatic or unilateral declassification at 25 years.', source: EO13526_33, obsolete: false },
  { code: '50X1-HUM', meaning: 'Clearly and demonstrably expected to reveal the identity of a confidential human source or a human intelligence source: may stay classified beyond 50 years.', source: EO13526_15, obsolete: false },
  { code: '50X2-WMD', meaning: 'Clearly and demonstrably expected to reveal key design concepts of weapons of mass destruction: may stay classified beyond 50 years.', source: EO13526_15, obsolete: false },
  { code: 'OADR', meaning: 'Originating Agency\u2019s Determination Required: indefinite classification under E.O. 12356; abolished by E.O. 12958.', source: 'E.O. 12356; E.O. 12958 sec. 1.6(c) (forbids indefinite duration)', obsolete: true },
  { code: 'MR', meaning: 'Manual review: declassification left to a later review instead of a date; an indefinite marking of older cables.', source: 'cable-format.md section 5 (obsolete indefinite marking)', obsolete: true },
  { code: 'GDS', meaning: 'General Declassification Schedule: downgraded and declassified automatically on a schedule of years; cables under E.O. 11652 carry it.', source: 'E.O. 11652 (1972) sec. 5(A)', obsolete: true },
  { code: 'XGDS', meaning: 'Exempt from the General Declassification Schedule (XGDS-1 to XGDS-4 name the category): cables under E.O. 11652.', source: 'E.O. 11652 (1972) sec. 5(B)', obsolete: true },
  { code: 'X1', meaning: 'Exempt from 10-year declassification: would reveal an intelligence source, method, or activity, or a cryptologic system or activity.', source: EO12958_16, obsolete: true },
  { code: 'X2', meaning: 'Exempt from 10-year declassification: would assist in the development or use of weapons of mass destruction.', source: EO12958_16, obsolete: true },
  { code: 'X3', meaning: 'Exempt from 10-year declassification: would impair the development or use of technology within a U.S. weapons system.', source: EO12958_16, obsolete: true },
  { code: 'X4', meaning: 'Exempt from 10-year declassification: would reveal U.S. military plans or national security emergency preparedness plans.', source: EO12958_16, obsolete: true },
  { code: 'X5', meaning: 'Exempt from 10-year declassification: would reveal foreign government information.', source: EO12958_16, obsolete: true },
  { code: 'X6', meaning: 'Exempt from 10-year declassification: would damage relations with a foreign government, reveal a confidential source, or seriously undermine ongoing diplomatic activities.', source: EO12958_16, obsolete: true },
  { code: 'X7', meaning: 'Exempt from 10-year declassification: would impair the ability to protect the President, Vice President and other protectees.', source: EO12958_16, obsolete: true },
  { code: 'X8', meaning: 'Exempt from 10-year declassification: would violate a statute, treaty, or international agreement.', source: EO12958_16, obsolete: true },
];

export const exemptionInfo: ReadonlyMap<string, ExemptionInfo> = new Map(exemptions.map((exemption) => [exemption.code, exemption]));

/** The exemption or obsolete marking a written code stands for, case-insensitive (`25x1`, `50X1-hum`). */
export function exemptionForCode(code: string): ExemptionInfo | undefined {
  const upper = code.trim().toUpperCase();
  return exemptionInfo.get(upper) ?? exemptionInfo.get(upper.replace(/^XGDS-\d$/, 'XGDS'));
}

/** Default and maximum years from the DTG to a declassification date without an exemption (E.O. 13526 sec. 1.5). */
export const DEFAULT_DECLASSIFICATION_YEARS = 10;
export const MAX_DECLASSIFICATION_YEARS = 25;
