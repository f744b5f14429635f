/** Property names met in the features' `properties`, in the order first met. */
export function propertyNamesOf(features: readonly unknown[]): string[] {
  const names = new Set<string>();
  for (const feature of features) {
    const properties = (feature as { properties?: unknown } | null)?.properties;
    if (properties && typeof properties === 'object' && !Array.isArray(properties))
      for (const name of Object.keys(properties)) names.add(name);
    // The first features say it; a file whose later ones differ still has them checked.
    if (names.size > 200) break;
  }
  return [...names];
}

/**
 * The property that holds P-codes: COD-AB's `ADMn_PCODE` of the finest level present (an
 * admin-1 file also carries `ADM0_PCODE`), else `pcode` / `p_code` / `admin1Pcode`, else
 * geoBoundaries' `shapeISO`. Case is ignored; null when none is there.
 */
export function detectCodeProperty(properties: readonly string[]): string | null {
  const levels = properties
    .map((name) => ({ name, level: /^adm(\d)_pcode$/i.exec(name)?.[1] }))
    .filter((p): p is { name: string; level: string } => p.level !== undefined)
    .sort((a, b) => Number(b.level) - Number(a.level));
  if (levels[0]) return levels[0].name;
  for (const wanted of [/^p_?code$/i, /^admin\d_?pcode$/i, /^shapeiso$/i]) {
    const found = properties.find((name) => wanted.test(name));
    if (found) return found;
  }
  return null;
}

/**
 * The property that names each area: `ADMn_EN` (or `_FR`, `_ES`, `_PT`, `_AR`, `_REF`) at the
 * level of the P-code, geoBoundaries' `shapeName`, or `name`.
 */
export function detectNameProperty(
  properties: readonly string[],
  codeProperty: string | null,
): string | null {
  const level = codeProperty ? /^adm(\d)_pcode$/i.exec(codeProperty)?.[1] : undefined;
  if (level !== undefined)
    for (const suffix of ['EN', 'FR', 'ES', 'PT', 'AR', 'REF', 'NAME']) {
      const found = properties.find((p) => p.toUpperCase() === `ADM${level}_${suffix}`);
      if (found) return found;
    }
  for (const wanted of [/^shapename$/i, /^name$/i, /^name_?en$/i]) {
    const found = properties.find((name) => wanted.test(name));
    if (found) return found;
  }
  return null;
}
