// Classification reasons: the categories of E.O. 13526 sec. 1.4 cited as `Reason: 1.4 (b), (d)`.
// Text from E.O. 13526 sec. 1.4 (as cable-format.md section 9 gives it). Older cables cite `1.5`:
// the same categories were sec. 1.5 of E.O. 12958 before its 2003 amendment by E.O. 13292.

export type ReasonLetter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h';

export interface ReasonInfo {
  letter: ReasonLetter;
  category: string;
  /** Occurrences in 1,283 released cables where counted (cable-format.md section 9). */
  seen: number;
}

export const REASON_SOURCE = 'E.O. 13526 sec. 1.4 (E.O. 12958 sec. 1.5 before the 2003 amendment)';

/** The section numbers a reason line may cite: 1.4 today, 1.5 on cables under E.O. 12958 before 2003. */
export const REASON_SECTIONS: readonly string[] = ['1.4', '1.5'];

export const reasons: readonly ReasonInfo[] = [
  { letter: 'a', category: 'military plans, weapons systems, or operations', seen: 13 },
  { letter: 'b', category: 'foreign government information', seen: 767 },
  { letter: 'c', category: 'intelligence activities (including covert action), intelligence sources or methods, or cryptology', seen: 673 },
  { letter: 'd', category: 'foreign relations or foreign activities of the United States, including confidential sources', seen: 793 },
  { letter: 'e', category: 'scientific, technological, or economic matters relating to the national security', seen: 8 },
  { letter: 'f', category: 'United States Government programs for safeguarding nuclear materials or facilities', seen: 1 },
  { letter: 'g', category: 'vulnerabilities or capabilities of systems, installations, infrastructures, projects, plans, or protection services relating to the national security', seen: 5 },
  { letter: 'h', category: 'the development, production, or use of weapons of mass destruction', seen: 0 },
];

export const reasonInfo: ReadonlyMap<string, ReasonInfo> = new Map(reasons.map((reason) => [reason.letter, reason]));

/** The reason a letter names, case-insensitive: `B` and `b` -> (b) foreign government information. */
export function reasonForLetter(letter: string): ReasonInfo | undefined {
  return reasonInfo.get(letter.trim().toLowerCase());
}
