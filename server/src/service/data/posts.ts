// Posts (embassies, consulates, missions) and the FIPS 10-4 country tag each reports on, so TAGS
// completion can rank `FR` first in a cable `TO AMEMBASSY PARIS`. Cities are written as cables
// address them (MEXICO for Mexico City, KUWAIT, PANAMA). Country codes are FIPS 10-4 (fips10-4.tsv).

export interface PostInfo {
  /** FIPS 10-4 country tag of the host country, absent for missions to organizations. */
  country?: string;
  /** Organization tag for missions to international organizations (USNATO -> NATO). */
  organization?: string;
}

/** City -> FIPS code, one string per country: `CODE:CITY,CITY,...`. */
const CITIES_BY_COUNTRY = [
  // Europe
  'UK:LONDON,EDINBURGH,BELFAST', 'FR:PARIS,MARSEILLE,STRASBOURG,LYON,BORDEAUX,RENNES,TOULOUSE',
  'GM:BERLIN,BONN,FRANKFURT,MUNICH,HAMBURG,LEIPZIG,DUSSELDORF', 'SP:MADRID,BARCELONA',
  'IT:ROME,MILAN,NAPLES,FLORENCE', 'VT:VATICAN,HOLY SEE', 'RS:MOSCOW,ST PETERSBURG,SAINT PETERSBURG,YEKATERINBURG,VLADIVOSTOK',
  'UP:KYIV,KIEV', 'PL:WARSAW,KRAKOW', 'EZ:PRAGUE', 'LO:BRATISLAVA', 'HU:BUDAPEST', 'AU:VIENNA', 'SZ:BERN,GENEVA,ZURICH',
  'BE:BRUSSELS,ANTWERP', 'NL:THE HAGUE,AMSTERDAM', 'LU:LUXEMBOURG', 'DA:COPENHAGEN', 'SW:STOCKHOLM', 'NO:OSLO',
  'FI:HELSINKI', 'IC:REYKJAVIK', 'EI:DUBLIN', 'PO:LISBON,PONTA DELGADA', 'GR:ATHENS,THESSALONIKI', 'CY:NICOSIA',
  'MT:VALLETTA', 'TU:ANKARA,ISTANBUL,ADANA', 'BU:SOFIA', 'RO:BUCHAREST', 'RI:BELGRADE', 'HR:ZAGREB', 'SI:LJUBLJANA',
  'BK:SARAJEVO', 'MK:SKOPJE', 'AL:TIRANA', 'MJ:PODGORICA', 'KV:PRISTINA', 'MD:CHISINAU', 'BO:MINSK', 'LH:VILNIUS',
  'LG:RIGA', 'EN:TALLINN', 'GG:TBILISI', 'AM:YEREVAN', 'AJ:BAKU',
  // Central and South Asia
  'KZ:ASTANA,ALMATY', 'UZ:TASHKENT', 'KG:BISHKEK', 'TI:DUSHANBE', 'TX:ASHGABAT', 'AF:KABUL,HERAT',
  'PK:ISLAMABAD,KARACHI,LAHORE,PESHAWAR', 'IN:NEW DELHI,MUMBAI,CHENNAI,KOLKATA,CALCUTTA,HYDERABAD', 'BG:DHAKA',
  'CE:COLOMBO', 'NP:KATHMANDU', 'MV:MALE',
  // East Asia and Pacific
  'CH:BEIJING,SHANGHAI,GUANGZHOU,CHENGDU,SHENYANG,WUHAN', 'HK:HONG KONG', 'TW:TAIPEI', 'MG:ULAANBAATAR',
  'JA:TOKYO,OSAKA KOBE,NAHA,SAPPORO,FUKUOKA,NAGOYA', 'KS:SEOUL,BUSAN', 'RP:MANILA', 'VM:HANOI,HO CHI MINH CITY',
  'TH:BANGKOK,CHIANG MAI', 'LA:VIENTIANE', 'CB:PHNOM PENH', 'BM:RANGOON', 'MY:KUALA LUMPUR', 'SN:SINGAPORE',
  'ID:JAKARTA,SURABAYA', 'TT:DILI', 'AS:CANBERRA,SYDNEY,MELBOURNE,PERTH', 'NZ:WELLINGTON,AUCKLAND',
  'PP:PORT MORESBY', 'FJ:SUVA',
  // Near East and North Africa
  'IZ:BAGHDAD,BASRAH,ERBIL,KIRKUK', 'IR:TEHRAN', 'SA:RIYADH,JEDDAH,DHAHRAN', 'KU:KUWAIT', 'BA:MANAMA', 'QA:DOHA',
  'AE:ABU DHABI,DUBAI', 'MU:MUSCAT', 'YM:SANAA', 'JO:AMMAN', 'SY:DAMASCUS', 'LE:BEIRUT', 'IS:TEL AVIV',
  'EG:CAIRO,ALEXANDRIA', 'LY:TRIPOLI', 'TS:TUNIS', 'AG:ALGIERS', 'MO:RABAT,CASABLANCA', 'MR:NOUAKCHOTT',
  // Sub-Saharan Africa
  'SU:KHARTOUM', 'ET:ADDIS ABABA', 'ER:ASMARA', 'DJ:DJIBOUTI', 'KE:NAIROBI', 'UG:KAMPALA', 'RW:KIGALI',
  'BY:BUJUMBURA', 'TZ:DAR ES SALAAM', 'ZA:LUSAKA', 'ZI:HARARE', 'MI:LILONGWE', 'MZ:MAPUTO',
  'SF:PRETORIA,JOHANNESBURG,CAPE TOWN,DURBAN', 'BC:GABORONE', 'WA:WINDHOEK', 'LT:MASERU', 'WZ:MBABANE',
  'MA:ANTANANARIVO', 'MP:PORT LOUIS', 'AO:LUANDA', 'CG:KINSHASA', 'CF:BRAZZAVILLE', 'GB:LIBREVILLE',
  'CM:YAOUNDE,DOUALA', 'EK:MALABO', 'NI:ABUJA,LAGOS', 'GH:ACCRA', 'TO:LOME', 'BN:COTONOU', 'UV:OUAGADOUGOU',
  'NG:NIAMEY', 'ML:BAMAKO', 'SG:DAKAR', 'GA:BANJUL', 'GV:CONAKRY', 'SL:FREETOWN', 'LI:MONROVIA', 'IV:ABIDJAN',
  'CD:NDJAMENA', 'CT:BANGUI', 'CV:PRAIA', 'PU:BISSAU',
  // Western Hemisphere
  'CA:OTTAWA,TORONTO,MONTREAL,VANCOUVER,CALGARY,QUEBEC', 'MX:MEXICO,GUADALAJARA,MONTERREY,TIJUANA,CIUDAD JUAREZ,MATAMOROS,NUEVO LAREDO,HERMOSILLO,MERIDA',
  'GT:GUATEMALA', 'ES:SAN SALVADOR', 'HO:TEGUCIGALPA', 'NU:MANAGUA', 'CS:SAN JOSE', 'PM:PANAMA', 'BH:BELMOPAN',
  'CU:HAVANA', 'DR:SANTO DOMINGO', 'HA:PORT AU PRINCE', 'JM:KINGSTON', 'BF:NASSAU', 'BB:BRIDGETOWN',
  'TD:PORT OF SPAIN', 'GY:GEORGETOWN', 'NS:PARAMARIBO', 'VE:CARACAS', 'CO:BOGOTA', 'EC:QUITO,GUAYAQUIL', 'PE:LIMA',
  'BL:LA PAZ', 'CI:SANTIAGO', 'AR:BUENOS AIRES', 'UY:MONTEVIDEO', 'PA:ASUNCION',
  'BR:BRASILIA,SAO PAULO,RIO DE JANEIRO,RECIFE',
];

const countryByCity = new Map<string, string>();
for (const entry of CITIES_BY_COUNTRY) {
  const [code, cities] = entry.split(':');
  for (const city of cities.split(',')) countryByCity.set(city, code);
}

/** Every city the table knows, with its FIPS country code. */
export const postCountries: ReadonlyMap<string, string> = countryByCity;

/**
 * Missions to international organizations, by the word that names them. Matched before city names:
 * USMISSION GENEVA is the mission to the UN offices in Geneva, not a post in Switzerland.
 */
const MISSIONS: readonly [RegExp, PostInfo][] = [
  [/\bUSNATO\b|\bUSDELMC\b/, { organization: 'NATO' }],
  [/\bUSEU\b/, { organization: 'EUN' }],
  [/\bUSOSCE\b/, { organization: 'OSCE' }],
  [/\bUSOECD\b/, { organization: 'OECD' }],
  [/\bUNVIE\b/, { organization: 'IAEA' }], // the mission to the UN in Vienna: IAEA, UNODC, CTBTO
  [/\bUSUN\b|\bUSMISSION GENEVA\b/, { organization: 'UN' }],
];

const ROUTING_PREFIX = /^[A-Z0-9]{4,7}\//;
const POST_KINDS = /^(AMEMBASSY|AMEMB|AMCONSUL|AMCONGEN|USMISSION|USLO|USOFFICE|AIT|AMERICAN EMBASSY|AMERICAN CONSULATE)\s+/;
const TRAILING = /\s+(NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH)(\s+\d+)?$|\s+\d+$/;

function normalise(name: string): string {
  let text = name.toUpperCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  text = text.replace(/^(TO|INFO|FM|FROM)\s+/, '').replace(ROUTING_PREFIX, '');
  let previous;
  do {
    previous = text;
    text = text.replace(TRAILING, '').trim();
  } while (text !== previous);
  return text;
}

/** What a post (`AMEMBASSY PARIS`, `RUEHFR/AMEMBASSY PARIS PRIORITY 1234`, `USNATO`) reports on. */
export function postInfo(name: string): PostInfo | undefined {
  const text = normalise(name);
  for (const [pattern, info] of MISSIONS) if (pattern.test(text)) return info;
  const place = text.replace(POST_KINDS, '');
  const direct = countryByCity.get(place);
  if (direct) return { country: direct };
  // Old-style addresses add a country suffix (`USDAO VAIHINGEN GE`) or a unit prefix: try the
  // longest run of words that is a known city.
  const words = place.split(' ');
  for (let length = Math.min(words.length, 4); length >= 1; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const country = countryByCity.get(words.slice(start, start + length).join(' '));
      if (country) return { country };
    }
  }
  return undefined;
}

/** The FIPS country tag of a post's host country: `AMEMBASSY PARIS` -> FR; missions and unknown posts -> undefined. */
export function countryOfPost(name: string): string | undefined {
  return postInfo(name)?.country;
}
