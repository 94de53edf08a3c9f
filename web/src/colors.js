// Event type colours: Okabe–Ito palette (distinguishable with the common colour-vision
// deficiencies), each checked for contrast against the light basemap.
export const TYPE_COLORS = {
  Battles: '#c2410c',
  'Explosions/Remote violence': '#b45309',
  'Violence against civilians': '#a21caf',
  Protests: '#0072b2',
  Riots: '#0e7490',
  'Strategic developments': '#047857',
};
export const OTHER_COLOR = '#57534e';
export const EVENT_TYPES = Object.keys(TYPE_COLORS);

export const SUB_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb',
    'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use',
    'Headquarters or base established', 'Looting/property destruction',
    'Non-violent transfer of territory', 'Other'],
};

export function typeColor(type) {
  return TYPE_COLORS[type] ?? OTHER_COLOR;
}

// Marker radius in CSS pixels: area grows with fatalities, capped so big events do not hide others.
export function radiusFor(fatalities) {
  return Math.min(22, 3 + 1.6 * Math.sqrt(Math.max(0, fatalities || 0)));
}
