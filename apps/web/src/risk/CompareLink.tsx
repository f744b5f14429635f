import { useQuery } from '@tanstack/react-query';
import { Link } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { compareSearchOf } from './compare-search.js';
import { comparisonFromCountry } from './compare-selection.js';
import { useRiskStrings } from './risk-strings.js';

/** A country page's link to the comparison, as a list item; none until the versions load. */
export function CompareLink({ areaCode, model }: { areaCode: string; model: string | undefined }) {
  const r = useRiskStrings();
  const trpc = useTRPC();
  const models = useQuery(trpc.risk.models.queryOptions());
  if (!models.data) return null;
  const { offer, selection } = comparisonFromCountry(models.data, areaCode, model);
  return (
    <li>
      <Link to="/risk/compare" search={compareSearchOf(selection)}>
        {r(`risk.compare.${offer}`)}
      </Link>
    </li>
  );
}
