import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { compareSearchOf } from './compare-search.js';
import { comparisonFromCountry } from './compare-selection.js';

/** A country page's link to the comparison, as a list item; none until the versions load. */
export function CompareLink({ areaCode, model }: { areaCode: string; model: string | undefined }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const models = useQuery(trpc.risk.models.queryOptions());
  if (!models.data) return null;
  const { offer, selection } = comparisonFromCountry(models.data, areaCode, model);
  return (
    <li>
      <Link to="/risk/compare" search={compareSearchOf(selection)}>
        {t(`risk.compare.${offer}`)}
      </Link>
    </li>
  );
}
