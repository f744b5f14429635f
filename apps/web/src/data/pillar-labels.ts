import { localise, type Indicator, type Language } from '@prevention/core';
import { platformIndicators } from '@prevention/exchange';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { useTRPC } from '../trpc/trpc.js';

export interface PillarIndicators {
  pillar: string;
  label: string;
  indicators: { code: string; label: string }[];
}

/**
 * The pillars' indicator catalogues, grouped by pillar, labelled in the reader's language. The
 * pillars are named as the assessment form names their sections (the same labels as the
 * assessments' filter), or by id until it loads.
 */
export function usePillarIndicators(): PillarIndicators[] {
  const { i18n } = useTranslation();
  const trpc = useTRPC();
  const form = useQuery({ ...trpc.assessments.form.queryOptions(), staleTime: 10 * 60_000 });
  return useMemo(() => {
    const titles = new Map(
      (form.data?.sections ?? []).flatMap((section) =>
        section.pillar ? [[section.pillar, localise(section.metadata.title, i18n.language)]] : [],
      ),
    );
    return groupByPillar(platformIndicators, i18n.language, titles);
  }, [form.data, i18n.language]);
}

function groupByPillar(
  indicators: readonly Indicator[],
  language: Language,
  titles: ReadonlyMap<string, string>,
): PillarIndicators[] {
  const groups = new Map<string, PillarIndicators>();
  for (const indicator of indicators) {
    const group = groups.get(indicator.pillar) ?? {
      pillar: indicator.pillar,
      label: titles.get(indicator.pillar) ?? indicator.pillar,
      indicators: [],
    };
    group.indicators.push({
      code: indicator.code,
      label: `${localise(indicator.title, language)} (${indicator.code})`,
    });
    groups.set(indicator.pillar, group);
  }
  return [...groups.values()];
}
