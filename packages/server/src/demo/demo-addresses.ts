import type { Address, ContactPoint } from '@caredesk/core';
import type { Rng } from './random';
import type { DemoLanguage } from './demo-types';

interface Place {
  city: string;
  postalCodes: readonly string[];
  state?: string;
  /** Streets of this town; the region's list (its main city's streets) otherwise. */
  streets?: readonly string[];
}

interface Region {
  country: string;
  timeZone: string;
  streets: readonly string[];
  places: readonly Place[];
  format: (rng: Rng, street: string) => string[];
}

const US_STREETS = [
  'Maple Ave',
  'Oak St',
  'Harlem Ave',
  'Ogden Ave',
  'Cermak Rd',
  'Main St',
  'Park Ave',
  'Elm St',
  'Lincoln Ave',
  'Washington St',
  'Forest Ave',
  'Cedar Ln',
  'Ridgeland Ave',
  'Longcommon Rd',
  'Des Plaines Ave',
  'Blanchan Ave',
  'Burlington St',
  'Riverside Dr',
  'Kenilworth Ave',
  'Grove Ave',
];

const US_PLACES: readonly Place[] = [
  { city: 'Riverside', state: 'IL', postalCodes: ['60546'] },
  { city: 'Berwyn', state: 'IL', postalCodes: ['60402'] },
  { city: 'Cicero', state: 'IL', postalCodes: ['60804'] },
  { city: 'Oak Park', state: 'IL', postalCodes: ['60302', '60304'] },
  { city: 'Brookfield', state: 'IL', postalCodes: ['60513'] },
  { city: 'La Grange', state: 'IL', postalCodes: ['60525'] },
  { city: 'Lyons', state: 'IL', postalCodes: ['60534'] },
  { city: 'Forest Park', state: 'IL', postalCodes: ['60130'] },
  {
    city: 'Chicago',
    state: 'IL',
    postalCodes: ['60608', '60623', '60632'],
    streets: [
      'W 26th St',
      'S Pulaski Rd',
      'W 18th St',
      'S Ashland Ave',
      'S Kedzie Ave',
      'W Cermak Rd',
    ],
  },
];

const LV_STREETS = [
  'Brīvības iela',
  'Krišjāņa Barona iela',
  'Elizabetes iela',
  'Tērbatas iela',
  'Aleksandra Čaka iela',
  'Ģertrūdes iela',
  'Dzirnavu iela',
  'Lāčplēša iela',
  'Maskavas iela',
  'Krišjāņa Valdemāra iela',
  'Ganību dambis',
  'Slokas iela',
  'Kalnciema iela',
  'Ieriķu iela',
  'Vienības gatve',
  'Dzelzavas iela',
  'Anniņmuižas bulvāris',
  'Zolitūdes iela',
  'Imantas iela',
  'Ulbrokas iela',
  'Kuldīgas iela',
  'Mūkusalas iela',
];

const LV_PLACES: readonly Place[] = [
  { city: 'Rīga', postalCodes: ['LV-1010', 'LV-1011', 'LV-1050', 'LV-1035', 'LV-1084'] },
  { city: 'Rīga', postalCodes: ['LV-1046', 'LV-1002', 'LV-1029'] },
  {
    city: 'Jūrmala',
    postalCodes: ['LV-2015', 'LV-2010'],
    streets: ['Jomas iela', 'Dubultu prospekts', 'Kāpu iela', 'Skolas iela'],
  },
  {
    city: 'Jelgava',
    postalCodes: ['LV-3001'],
    streets: ['Lielā iela', 'Akadēmijas iela', 'Zemgales prospekts'],
  },
  {
    city: 'Daugavpils',
    postalCodes: ['LV-5401'],
    streets: ['Rīgas iela', 'Saules iela', 'Vienības iela'],
  },
];

const NB_STREETS = [
  'Karl Johans gate',
  'Thereses gate',
  'Bogstadveien',
  'Trondheimsveien',
  'Grønlandsleiret',
  'Sørkedalsveien',
  'Kirkeveien',
  'Ullevålsveien',
  'Hegdehaugsveien',
  'Markveien',
  'Tøyengata',
  'Økernveien',
  'Ekebergveien',
  'Holmenkollveien',
  'Maridalsveien',
  'Frognerveien',
  'Pilestredet',
  'Storgata',
  'Vålerenggata',
  'Åsengata',
  'Løvenskiolds gate',
  'Bygdøy allé',
];

const NB_PLACES: readonly Place[] = [
  { city: 'Oslo', postalCodes: ['0150', '0161', '0255', '0355', '0456', '0557', '0653', '0752'] },
  { city: 'Oslo', postalCodes: ['0861', '0960', '1051', '1151', '1266'] },
  {
    city: 'Bergen',
    postalCodes: ['5003', '5015'],
    streets: ['Torgallmenningen', 'Kong Oscars gate', 'Nygårdsgaten', 'Øvre Ole Bulls plass'],
  },
  {
    city: 'Trondheim',
    postalCodes: ['7010', '7030'],
    streets: ['Munkegata', 'Olav Tryggvasons gate', 'Prinsens gate', 'Kjøpmannsgata'],
  },
  { city: 'Stavanger', postalCodes: ['4006'], streets: ['Kirkegata', 'Pedersgata', 'Løkkeveien'] },
];

const REGIONS: Readonly<Record<DemoLanguage, Region>> = {
  en: usRegion(),
  es: usRegion(),
  lv: {
    country: 'LV',
    timeZone: 'Europe/Riga',
    streets: LV_STREETS,
    places: LV_PLACES,
    format: (rng, street) => [
      rng.chance(0.7)
        ? `${street} ${rng.int(1, 140)}-${rng.int(1, 60)}`
        : `${street} ${rng.int(1, 140)}`,
    ],
  },
  nb: {
    country: 'NO',
    timeZone: 'Europe/Oslo',
    streets: NB_STREETS,
    places: NB_PLACES,
    format: (rng, street) =>
      rng.chance(0.3)
        ? [`${street} ${rng.int(1, 120)}`, `H0${rng.int(1, 5)}0${rng.int(1, 4)}`]
        : [`${street} ${rng.int(1, 120)}${rng.chance(0.2) ? 'B' : ''}`],
  },
};

function usRegion(): Region {
  return {
    country: 'US',
    timeZone: 'America/Chicago',
    streets: US_STREETS,
    places: US_PLACES,
    format: (rng, street) => {
      const line = `${rng.int(100, 9899)} ${street}`;
      return rng.chance(0.25) ? [line, `Apt ${rng.int(1, 40)}${rng.pick(['', 'A', 'B'])}`] : [line];
    },
  };
}

/** The IANA zone people living where a language's demo addresses are use. */
export function timeZoneFor(language: DemoLanguage): string {
  return REGIONS[language].timeZone;
}

export function countryFor(language: DemoLanguage): string {
  return REGIONS[language].country;
}

export function makeAddress(rng: Rng, language: DemoLanguage): Address {
  const region = REGIONS[language];
  const place = rng.pick(region.places);
  const address: Address = {
    use: 'home',
    lines: region.format(rng, rng.pick(place.streets ?? region.streets)),
    city: place.city,
    postalCode: rng.pick(place.postalCodes),
    country: region.country,
  };
  if (place.state !== undefined) address.state = place.state;
  return address;
}

const US_AREA_CODES = ['708', '312', '773', '872', '630', '331', '847', '224', '815', '779'];

/**
 * A mobile number in E.164 for someone living where `language`'s addresses are. `slot` makes
 * numbers distinct: patients pass their index, which through a bijection gives each of the
 * first 100,000 patients its own US number (area code x 555 exchange is not enough) and its
 * own Latvian or Norwegian one. US numbers use the 555 exchange, largely unassigned.
 */
export function makePhone(language: DemoLanguage, slot: number): string {
  if (language === 'en' || language === 'es') {
    const n = ((((slot % 100_000) * 7919 + 31_337) % 100_000) + 100_000) % 100_000;
    const area = US_AREA_CODES[Math.floor(n / 10_000)] ?? '708';
    return `+1${area}555${String(n % 10_000).padStart(4, '0')}`;
  }
  const n = ((((slot % 10_000_000) * 7919 + 4_242_421) % 10_000_000) + 10_000_000) % 10_000_000;
  const local = String(n).padStart(7, '0');
  if (language === 'lv') return `+3712${local}`;
  return `+47${slot % 3 === 0 ? '9' : '4'}${local}`;
}

export function phoneContact(
  value: string,
  use: 'mobile' | 'home' | 'work',
  rank: number,
): ContactPoint {
  return { system: 'phone', value, use, rank };
}

export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;
