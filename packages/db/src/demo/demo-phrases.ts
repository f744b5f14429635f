/**
 * Phrases for the demo assessments, by the key of the text field they fill. `{country}` and
 * `{area}` are replaced by the assessment's country and area. They describe plausible situations
 * in general terms; no real person, group or incident is named.
 */
export const demoPhrases: Readonly<Record<string, readonly string[]>> = {
  conflictDynamics: [
    'Clashes between armed groups over control of trade routes have displaced farming communities around {area}; local truces hold for weeks and then break down after cattle raids.',
    'Violence in {area} is driven by competition for land and water between herders and farmers, sharpened by the presence of armed groups that recruit from both sides.',
    'Since the last quarter, attacks on markets and checkpoints in {area} have increased; community leaders report that young men are being recruited with promises of pay.',
  ],
  description: [
    'Community leaders describe rising tension after the dispute over the allocation of grazing land was left unresolved.',
    'Reported incidents have doubled over three months, with most taking place along the main supply road.',
    'Local authorities have limited presence outside the main town, and disputes are settled by armed groups rather than courts.',
    'Price rises for staple food have outpaced incomes, and households are selling livestock to cope.',
  ],
  role: [
    'Controls the main road and levies informal taxes on traders.',
    'Mediates between farming and herding communities; respected by both.',
    'Team leader for the joint field mission.',
    'Protection officer, led the interviews with displaced families.',
    'Data and information management.',
  ],
  womenParticipation: [
    'Women hold two of the fifteen seats on the local peace committee; women’s groups ask for a dedicated consultation before the next round of talks.',
    'Women-led organisations run the only functioning dialogue forum in {area}, but are not invited to the negotiations between the parties.',
  ],
  socioEconomicSituation: [
    'Two failed harvests and the closure of the main market have left most households in {area} dependent on aid; casual labour is scarce and wages have fallen.',
    'Livelihoods in {area} rely on rain-fed agriculture and small trade; currency depreciation has doubled the price of imported goods in a year.',
  ],
  climateVulnerability: [
    'Flooding along the river in the rainy season now reaches villages that were spared a decade ago; early-warning messages reach few of them.',
    'Prolonged dry spells have shortened the growing season; water points dry up two months earlier than they used to.',
  ],
  displacementSituation: [
    'Newly displaced families are arriving in {area} from neighbouring localities, most of them women and children; host communities share scarce water and shelter.',
    'Returns are slow: families cite insecurity on the roads and the destruction of their homes.',
  ],
  situationOverview: [
    'Monitors report arbitrary detention, restrictions on movement and attacks on civilians in {area}; access for independent monitoring remains limited.',
    'Cases of sexual and gender-based violence are under-reported for fear of reprisals; services for survivors exist only in the main town.',
  ],
  summary: [
    'Several residents were detained at a checkpoint and held without charge for more than a week.',
    'A community meeting was dispersed by force; participants report threats afterwards.',
    'Overall, the situation in {area} is deteriorating, with the risk of wider violence before the next harvest unless the dispute over land is addressed.',
    'The team judges that tensions in {area} are contained for now but fragile; the coming months are decisive.',
  ],
  recommendationsFollowUp: [
    'Of the recommendations accepted at the last Universal Periodic Review on fair trial guarantees, none has been implemented in {area}.',
  ],
  protectionNeeds: [
    'Safe spaces for women and girls, legal aid for detainees, and civil documentation for displaced families.',
  ],
  analysis: [
    'Women and girls in {area} carry most of the burden of fetching water and fuel over longer, less safe distances; men and boys face forced recruitment. Women are largely absent from the committees that decide on aid and land.',
    'Displacement has changed household roles: many families are now headed by women, who have less access to land titles and credit.',
  ],
  label: [
    'People displaced in the period',
    'Children out of school',
    'Survivors receiving services',
  ],
  title: [
    'Escalation of intercommunal violence before the harvest',
    'Flooding cuts access to markets and services',
    'Shrinking civic space ahead of local elections',
    'Food insecurity deepens among displaced households',
    'Recruitment of young people by armed groups',
  ],
  text: [
    'Support the local peace committee to hold an inclusive dialogue on land and water before the dry season.',
    'Scale up cash assistance for displaced and host households and link it to livelihood recovery.',
    'Deploy human rights monitors to {area} and report publicly on detention conditions.',
    'Strengthen flood early warning, with messages that reach women and remote villages.',
  ],
  place: ['Market town', 'River crossing', 'Grazing corridor', 'Camp for displaced people'],
  sector: ['Food security', 'Water and sanitation', 'Governance', 'Livelihoods', 'Health'],
  contact: ['Through the protection cluster focal point'],
};

/** Made-up personal names for the demo team and its informants. */
export const demoPersonNames = [
  'Amal Hassan',
  'Joseph Deng',
  'Fatoumata Traoré',
  'Ibrahim Musa',
  'Grace Achieng',
  'Moussa Keita',
  'Nadia Osman',
  'Peter Lado',
  'Aïssata Diallo',
  'Samuel Garang',
] as const;

/** Made-up names of parties to a conflict, by type; never a real group. */
export const demoActorNames = [
  'Local self-defence committee',
  'Traders’ association',
  'Council of elders',
  'Regional armed movement',
  'Youth association',
] as const;

/**
 * What the lead of a plan's action writes in a progress report, by its rating and by where the
 * action came to rest; `{action}` and `{area}` are replaced by the action's title and first area.
 */
export const demoReportPhrases = {
  green: [
    'Work in {area} is on schedule: the planned activities of the quarter took place and the partners met twice.',
    'Good progress in {area}; the community feedback collected this quarter is positive and the milestones of the period are met.',
    'All the quarter’s milestones are met. Access to {area} was steady, and the local authorities took part in every review.',
  ],
  amber: [
    'Progress in {area} is slower than planned: insecurity on the roads delayed two field missions, which are rescheduled for next quarter.',
    'Most activities went ahead, but the procurement of supplies for {area} is two months late.',
    'Partly on track: staff turnover at the implementing partner slowed the work in {area}; a new coordinator starts next month.',
  ],
  red: [
    'Fighting near {area} stopped most activities this quarter; staff were relocated and only remote follow-up was possible.',
    'Serious delays: funds for the quarter arrived late and the work in {area} was halted for six weeks.',
  ],
  suspended: [
    'Activities are suspended: the authorities closed the sites in {area} and the partners withdrew their staff until access is agreed again.',
  ],
  ended: [
    'Final report: {action} is complete; the lessons are shared with the country team and the partners.',
  ],
} as const;
