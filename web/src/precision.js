// Precision codes (shared/docs/coding-rules.md) in words, for the event detail.

export const TIME_PRECISION = {
  1: 'the day is known',
  2: 'only a week or a range of days is known (coded to the middle)',
  3: 'only the month is known (coded to the middle)',
};

export const DATE_PREC = {
  1: 'the exact day is known',
  2: 'a span of 2–6 days',
  3: 'a known week',
  4: 'only the month is known',
  5: 'only the year is known',
};

export const GEO_PRECISION = {
  1: 'the town itself is named',
  2: 'part of a region or near a town: coded to a town that represents the area',
  3: 'only a larger region (the province) is known: its centroid or capital',
};

export const WHERE_PREC = {
  1: 'the exact place is known',
  2: 'within about 25 km of a named place',
  3: 'only the second-level district (ADM2) is known',
  4: 'only the province (ADM1) is known',
  5: 'part of a country larger than a province, between places, or a vague place ("eastern Syria")',
  6: 'only the country is known',
  7: 'international waters or airspace',
};

export const INTER = {
  0: 'no actor',
  1: 'State forces',
  2: 'Rebel groups',
  3: 'Political militias',
  4: 'Identity militias',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
};

const TABLES = {
  time_precision: TIME_PRECISION,
  date_prec: DATE_PREC,
  geo_precision: GEO_PRECISION,
  where_prec: WHERE_PREC,
  inter1: INTER,
  inter2: INTER,
};

// Returns the words for a coded field value, or '' when the field carries no code.
export function explain(field, value) {
  if (field === 'interaction' && Number.isInteger(value)) {
    const a = Math.floor(value / 10);
    const b = value % 10;
    if (value < 10) return `${INTER[value] ?? '?'} alone`;
    return `${INTER[a] ?? '?'} with ${INTER[b] ?? '?'}`;
  }
  const t = TABLES[field];
  if (!t || value === null || value === undefined) return '';
  return t[value] ?? 'unknown code';
}
