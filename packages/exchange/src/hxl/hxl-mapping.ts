import { z } from 'zod';
import { IndicatorCode, Reliability } from '@prevention/core';
import { parseHashtag } from '../hashtag.js';

/** A column pattern such as `#adm1+code`: a column matches when it has the tag and these attributes. */
export const HxlPattern = z.string().refine((text) => parseHashtag(text) !== undefined, {
  message: 'Expected an HXL hashtag such as #adm1+code',
});

/**
 * How the rows of an HXL file become observations. It is plain JSON, so a confirmed mapping can
 * be saved and found again for the next file of the same shape (`hxlShapeKey`).
 *
 * - `area`: patterns tried in order; the first matching column with a non-empty cell gives the
 *   code (so `['#adm1+code', '#country+code']` takes the P-code where there is one).
 * - `period`: the column of the date or month (`#date`); a date is taken as its month.
 * - `values`, **wide** (one column per indicator): each column matching a pattern becomes one
 *   observation of its indicator per row; a column matching several patterns goes to the most
 *   specific one. Sex and age come from the column's attributes: `+f`/`+m`, and `+children`,
 *   `+adults`, `+elderly` or ranges such as `+age0_17`, `+age18_59`, `+age60plus`.
 * - `values`, **long** (one row per value, as this package writes HXL): an indicator-code column,
 *   a value column and optional sex and age columns.
 * - `source`: a fixed text, or a column (with a fixed text for its empty cells).
 */
export const HxlMapping = z
  .object({
    area: z.array(HxlPattern).min(1),
    period: HxlPattern,
    values: z.discriminatedUnion('layout', [
      z
        .object({
          layout: z.literal('wide'),
          columns: z
            .array(z.object({ pattern: HxlPattern, indicator: IndicatorCode }).strict())
            .min(1),
        })
        .strict(),
      z
        .object({
          layout: z.literal('long'),
          indicator: HxlPattern,
          value: HxlPattern,
          sex: HxlPattern.optional(),
          age: HxlPattern.optional(),
        })
        .strict(),
    ]),
    source: z.union([
      z.object({ text: z.string().min(1).max(300) }).strict(),
      z.object({ column: HxlPattern, fallback: z.string().min(1).max(300).optional() }).strict(),
    ]),
    reliability: Reliability,
    /** A column of reliabilities (high, medium, low); `reliability` fills its empty cells. */
    reliabilityColumn: HxlPattern.optional(),
  })
  .strict();
export type HxlMapping = z.infer<typeof HxlMapping>;
