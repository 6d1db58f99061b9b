// The executive orders an E.O. line may cite (`E.O. 12958: DECL: 10/31/2033`), oldest first.
// Titles and dates from the Federal Register; which cables use which from cable-format.md section 5.

export interface ExecutiveOrderInfo {
  number: number;
  title: string;
  /** Year signed. */
  year: number;
  /** Year its successor took effect, when superseded (E.O. 13526 took effect in June 2010). */
  supersededIn?: number;
  note?: string;
}

export const executiveOrders: readonly ExecutiveOrderInfo[] = [
  { number: 11652, title: 'Classification and Declassification of National Security Information and Material', year: 1972, supersededIn: 1978 },
  { number: 12065, title: 'National Security Information', year: 1978, supersededIn: 1982 },
  { number: 12356, title: 'National Security Information', year: 1982, supersededIn: 1995 },
  { number: 12958, title: 'Classified National Security Information', year: 1995, supersededIn: 2010, note: 'Amended by E.O. 13292 (2003): reasons moved from sec. 1.5 to sec. 1.4. Cables kept citing E.O. 12958 until mid-2010.' },
  { number: 13292, title: 'Further Amendment to Executive Order 12958, as Amended, Classified National Security Information', year: 2003, supersededIn: 2010, note: 'Amends E.O. 12958; cables cite it as E.O. 12958.' },
  { number: 13526, title: 'Classified National Security Information', year: 2009, note: 'Signed December 29, 2009, effective June 2010; cables from mid-2010 on cite it.' },
];

export const executiveOrderInfo: ReadonlyMap<number, ExecutiveOrderInfo> = new Map(executiveOrders.map((order) => [order.number, order]));
