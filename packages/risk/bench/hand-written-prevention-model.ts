/**
 * The cross-pillar prevention model written out by hand as straight-line arithmetic over
 * normalised leaf scores: the benchmark's baseline. It knows nothing of missing data,
 * coverage or completeness, which is exactly what the engine adds. The benchmark checks it
 * against the engine on every row before timing, so a change to the model that is not
 * mirrored here stops the benchmark instead of measuring something else.
 */
export function handWrittenPreventionModel(indexOf: (id: string) => number) {
  const at = (id: string) => {
    const index = indexOf(id);
    if (index < 0) throw new Error(`The prevention model has no node ${id}`);
    return index;
  };
  const ps = (name: string) => at(`peace-security.${name}`);
  const dev = (name: string) => at(`development.${name}`);
  const hr = (name: string) => at(`human-rights.${name}`);

  const fatalities = ps('fatalities-per-100k');
  const civilianFatalities = ps('civilian-fatalities-per-100k');
  const battles = ps('battles');
  const explosions = ps('explosions-remote-violence');
  const violenceAgainstCivilians = ps('violence-against-civilians');
  const civilianTargeting = ps('civilian-targeting-events');
  const homicide = ps('homicide-rate');
  const protests = ps('protests');
  const riots = ps('riots');
  const excessiveForce = ps('excessive-force-against-protesters');
  const demonstrationsChange = ps('demonstrations-change');
  const violenceChange = ps('political-violence-change');
  const territorialGains = ps('non-state-territorial-gains');
  const politicalTension = ps('political-tension');
  const communalTension = ps('inter-communal-tension');
  const electoralTension = ps('electoral-tension');
  const womenNegotiators = ps('women-among-negotiators');
  const womenMediators = ps('women-among-mediators');
  const feelSafe = ps('feel-safe');

  const poverty = dev('extreme-poverty');
  const multidimensional = dev('multidimensional-poverty');
  const halfMedian = dev('below-half-median-income');
  const bottom40 = dev('bottom-40-income-growth');
  const neet = dev('youth-neet');
  const underFive = dev('under-five-mortality');
  const socialProtection = dev('social-protection-coverage');
  const ipc = dev('ipc-phase-3-plus');
  const fies = dev('food-insecurity-fies');
  const undernourishment = dev('undernourishment');
  const stunting = dev('stunting');
  const wasting = dev('wasting');
  const foodPrices = dev('food-price-anomaly');
  const naturalHazards = dev('natural-hazard-exposure');
  const disasterToll = dev('disaster-affected-per-100k');
  const hazardEvents = dev('hazard-events');
  const disasterLoss = dev('disaster-economic-loss');
  const idps = dev('idps-per-100k');
  const newDisplacement = dev('new-displacement-per-100k');
  const refugees = dev('refugees-hosted-per-100k');
  const childMarriage = dev('child-marriage');
  const partnerViolence = dev('intimate-partner-violence');
  const womenInParliament = dev('women-in-parliament');

  const violations = hr('violations');
  const verified = hr('verified-violations');
  const victims = hr('victims-per-100k');
  const killings = hr('killings');
  const detention = hr('arbitrary-detention');
  const sexualViolence = hr('sexual-violence');
  const disappearance = hr('enforced-disappearance');
  const defenders = hr('attacks-on-defenders');
  const civicIncidents = hr('civic-space-restrictions');
  const shutdowns = hr('internet-shutdowns');
  const civicRating = hr('civic-space-rating');
  const pretrial = hr('unsentenced-detainees');
  const reported = hr('violence-reported-to-authorities');
  const births = hr('birth-registration');
  const discrimination = hr('discrimination-reported');
  const trafficking = hr('trafficking-victims');
  const nhri = hr('nhri-paris-principles');
  const treaties = hr('core-treaties-ratified');
  const upr = hr('upr-supported-share');
  const implemented = hr('recommendations-implemented-share');
  const inclusive = hr('inclusive-decision-making');

  /** INFORM's reverse geometric mean of three or four scores. */
  const y = (x: number) => 1 + 0.9 * (10 - x);
  const rgm3 = (a: number, b: number, c: number) => (10 * (10 - Math.cbrt(y(a) * y(b) * y(c)))) / 9;
  const rgm4 = (a: number, b: number, c: number, d: number) =>
    (10 * (10 - Math.sqrt(Math.sqrt(y(a) * y(b) * y(c) * y(d))))) / 9;

  return (s: Float64Array): number => {
    const v = (i: number) => s[i] as number;
    const violence =
      (2 * v(fatalities) +
        2 * v(civilianFatalities) +
        v(battles) +
        v(explosions) +
        v(violenceAgainstCivilians) +
        v(civilianTargeting) +
        v(homicide)) /
      9;
    const unrest = (v(protests) + v(riots) + 2 * v(excessiveForce) + v(demonstrationsChange)) / 5;
    const escalation = Math.max(v(violenceChange), v(territorialGains));
    const tension = Math.max(v(politicalTension), v(communalTension), v(electoralTension));
    const management = (v(womenNegotiators) + v(womenMediators) + v(feelSafe)) / 3;
    const peace = (3 * violence + unrest + 2 * escalation + 2 * tension + management) / 9;

    const socioEconomic =
      (2 * v(poverty) +
        v(multidimensional) +
        v(halfMedian) +
        v(bottom40) +
        v(neet) +
        v(underFive) +
        v(socialProtection)) /
      8;
    const food =
      (3 * v(ipc) + v(fies) + v(undernourishment) + v(stunting) + v(wasting) + v(foodPrices)) / 8;
    const hazards = rgm4(v(naturalHazards), v(disasterToll), v(hazardEvents), v(disasterLoss));
    const displacement = Math.max(v(idps), v(newDisplacement), v(refugees));
    const gender = (v(childMarriage) + v(partnerViolence) + v(womenInParliament)) / 3;
    const development = (2 * socioEconomic + 2 * food + hazards + displacement + gender) / 7;

    const abuses =
      (v(violations) +
        2 * v(verified) +
        2 * v(victims) +
        v(killings) +
        v(detention) +
        v(sexualViolence) +
        v(disappearance)) /
      9;
    const civic = (2 * v(defenders) + v(civicIncidents) + v(shutdowns) + 2 * v(civicRating)) / 6;
    const ruleOfLaw =
      (v(pretrial) + v(reported) + v(births) + v(discrimination) + v(trafficking)) / 5;
    const accountability = (v(nhri) + v(treaties) + v(upr) + v(implemented) + v(inclusive)) / 5;
    const rights = (3 * abuses + 2 * civic + ruleOfLaw + accountability) / 7;

    return rgm3(peace, development, rights);
  };
}
