// Precedence designators of the precedence line (`P R 102030Z OCT 08`) and of addressees
// (`TO AMEMBASSY PARIS PRIORITY`). Meanings after the allied communications procedures
// (ACP 121 / ACP 127 precedence categories); letters from cable-format.md section 2.
import type { PrecedenceLetter } from '../model';

export interface PrecedenceInfo {
  /** Word as written on an address line. */
  word: string;
  /** Letter on the precedence line; NIACT IMMEDIATE has none (written as O plus NIACT on the address line). */
  letter?: PrecedenceLetter;
  meaning: string;
}

export const PRECEDENCE_SOURCE = 'ACP 121 / ACP 127 precedence categories; cable-format.md section 2';

/** Most urgent first. */
export const precedences: readonly PrecedenceInfo[] = [
  { word: 'FLASH', letter: 'Z', meaning: 'Highest precedence: initial enemy contact or imminent threat to national security; handled at once, ahead of all other traffic.' },
  { word: 'NIACT IMMEDIATE', meaning: 'Night action, immediate: needs the addressee\u2019s attention at any hour, so the duty officer is called out of hours.' },
  { word: 'IMMEDIATE', letter: 'O', meaning: 'Situations that gravely affect national security or U.S. interests; action needed at once, within hours.' },
  { word: 'PRIORITY', letter: 'P', meaning: 'Important matters that need prompt attention, ahead of routine traffic; handled within the working day.' },
  { word: 'ROUTINE', letter: 'R', meaning: 'Normal traffic, handled in the order received.' },
];

export const precedenceByLetter: ReadonlyMap<PrecedenceLetter, PrecedenceInfo> = new Map(
  precedences.filter((p) => p.letter !== undefined).map((p) => [p.letter as PrecedenceLetter, p]),
);

export const precedenceByWord: ReadonlyMap<string, PrecedenceInfo> = new Map(precedences.map((p) => [p.word, p]));
