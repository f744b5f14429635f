import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { conflictEventFromAcled } from '../src/index.js';

const row = {
  event_id_cnty: 'SDN31234',
  event_date: '2026-03-02',
  year: '2026',
  time_precision: '1',
  disorder_type: 'Political violence',
  event_type: 'Violence against civilians',
  sub_event_type: 'Attack',
  actor1: 'Unidentified Armed Group (Sudan)',
  assoc_actor_1: '',
  inter1: '3',
  actor2: 'Civilians (Sudan)',
  assoc_actor_2: 'Farmers (Sudan); Women (Sudan)',
  inter2: '7',
  interaction: '37',
  civilian_targeting: 'Civilians targeted',
  iso: '729',
  admin1: 'North Darfur',
  location: 'El Fasher',
  latitude: '13.6279',
  longitude: '25.3494',
  geo_precision: '1',
  source: 'Radio Dabanga; Sudan Tribune',
  notes: 'Gunmen attacked farmers.',
  fatalities: '4',
};

describe('ACLED export rows', () => {
  it('become conflict-event signals', () => {
    const draft = conflictEventFromAcled(row);
    expect(draft).toMatchObject({
      areaCode: 'SDN',
      occurredOn: '2026-03-02',
      severity: 2,
      verification: 'reported',
      payload: {
        interaction: 37,
        civilianTargeting: true,
        actor2: { type: 'civilians', associated: ['Farmers (Sudan)', 'Women (Sudan)'] },
        sources: ['Radio Dabanga', 'Sudan Tribune'],
        location: { admin1: 'North Darfur', geoPrecision: 1 },
      },
    });
  });

  it('reads actor types written as names, as newer exports do', () => {
    const draft = conflictEventFromAcled({
      ...row,
      inter1: 'Political militia',
      inter2: 'Civilians',
    });
    expect(draft.payload).toMatchObject({ interaction: 37 });
  });

  it('names the field that does not fit the codebook', () => {
    expect(() => conflictEventFromAcled({ ...row, sub_event_type: 'Skirmish' })).toThrow(ZodError);
    expect(() => conflictEventFromAcled({ ...row, iso: '999' })).toThrow(/999/);
  });
});
