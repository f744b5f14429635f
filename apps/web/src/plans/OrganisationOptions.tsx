import type { PlanOrganisation } from './plan-types.js';
import { usePlanStrings } from './plan-strings.js';

/** A select's options for an organisation: none chosen yet, then every one the platform knows. */
export function OrganisationOptions({
  organisations,
}: {
  organisations: readonly PlanOrganisation[];
}) {
  const p = usePlanStrings();
  return (
    <>
      <option value="">{p('editor.choose')}</option>
      {organisations.map((organisation) => (
        <option key={organisation.id} value={organisation.id}>
          {organisation.name}
        </option>
      ))}
    </>
  );
}
