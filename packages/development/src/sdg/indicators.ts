/**
 * SDG indicator codes with their official English titles, for goals 1, 2, 5, 10, 13 and 16 in
 * full, and the few indicators of other goals this platform's catalogues link to. Titles follow
 * the global indicator framework as it stood before its 2020 comprehensive review (see the
 * package README for what that review changed).
 */
// prettier-ignore -- one indicator per line reads better than a wrapped tuple
export const sdgIndicatorTexts: readonly (readonly [code: string, title: string])[] = [
  [
    '1.1.1',
    'Proportion of population below the international poverty line, by sex, age, employment status and geographical location (urban/rural)',
  ],
  ['1.2.1', 'Proportion of population living below the national poverty line, by sex and age'],
  [
    '1.2.2',
    'Proportion of men, women and children of all ages living in poverty in all its dimensions according to national definitions',
  ],
  [
    '1.3.1',
    'Proportion of population covered by social protection floors/systems, by sex, distinguishing children, unemployed persons, older persons, persons with disabilities, pregnant women, newborns, work-injury victims and the poor and the vulnerable',
  ],
  ['1.4.1', 'Proportion of population living in households with access to basic services'],
  [
    '1.4.2',
    'Proportion of total adult population with secure tenure rights to land, with legally recognized documentation, and who perceive their rights to land as secure, by sex and by type of tenure',
  ],
  [
    '1.5.1',
    'Number of deaths, missing persons and directly affected persons attributed to disasters per 100,000 population',
  ],
  [
    '1.5.2',
    'Direct economic loss attributed to disasters in relation to global gross domestic product (GDP)',
  ],
  [
    '1.5.3',
    'Number of countries that adopt and implement national disaster risk reduction strategies in line with the Sendai Framework for Disaster Risk Reduction 2015–2030',
  ],
  [
    '1.5.4',
    'Proportion of local governments that adopt and implement local disaster risk reduction strategies in line with national disaster risk reduction strategies',
  ],
  [
    '1.a.1',
    'Proportion of domestically generated resources allocated by the government directly to poverty reduction programmes',
  ],
  [
    '1.a.2',
    'Proportion of total government spending on essential services (education, health and social protection)',
  ],
  [
    '1.a.3',
    'Sum of total grants and non-debt-creating inflows directly allocated to poverty reduction programmes as a proportion of GDP',
  ],
  [
    '1.b.1',
    'Proportion of government recurrent and capital spending to sectors that disproportionately benefit women, the poor and vulnerable groups',
  ],
  ['2.1.1', 'Prevalence of undernourishment'],
  [
    '2.1.2',
    'Prevalence of moderate or severe food insecurity in the population, based on the Food Insecurity Experience Scale (FIES)',
  ],
  [
    '2.2.1',
    'Prevalence of stunting (height for age <-2 standard deviation from the median of the World Health Organization (WHO) Child Growth Standards) among children under 5 years of age',
  ],
  [
    '2.2.2',
    'Prevalence of malnutrition (weight for height >+2 or <-2 standard deviation from the median of the WHO Child Growth Standards) among children under 5 years of age, by type (wasting and overweight)',
  ],
  [
    '2.3.1',
    'Volume of production per labour unit by classes of farming/pastoral/forestry enterprise size',
  ],
  ['2.3.2', 'Average income of small-scale food producers, by sex and indigenous status'],
  ['2.4.1', 'Proportion of agricultural area under productive and sustainable agriculture'],
  [
    '2.5.1',
    'Number of plant and animal genetic resources for food and agriculture secured in either medium- or long-term conservation facilities',
  ],
  [
    '2.5.2',
    'Proportion of local breeds classified as being at risk, not at risk or at unknown level of risk of extinction',
  ],
  ['2.a.1', 'The agriculture orientation index for government expenditures'],
  [
    '2.a.2',
    'Total official flows (official development assistance plus other official flows) to the agriculture sector',
  ],
  ['2.b.1', 'Agricultural export subsidies'],
  ['2.c.1', 'Indicator of food price anomalies'],
  ['3.2.1', 'Under‑five mortality rate'],
  [
    '5.1.1',
    'Whether or not legal frameworks are in place to promote, enforce and monitor equality and non‑discrimination on the basis of sex',
  ],
  [
    '5.2.1',
    'Proportion of ever-partnered women and girls aged 15 years and older subjected to physical, sexual or psychological violence by a current or former intimate partner in the previous 12 months, by form of violence and by age',
  ],
  [
    '5.2.2',
    'Proportion of women and girls aged 15 years and older subjected to sexual violence by persons other than an intimate partner in the previous 12 months, by age and place of occurrence',
  ],
  [
    '5.3.1',
    'Proportion of women aged 20–24 years who were married or in a union before age 15 and before age 18',
  ],
  [
    '5.3.2',
    'Proportion of girls and women aged 15–49 years who have undergone female genital mutilation/cutting, by age',
  ],
  ['5.4.1', 'Proportion of time spent on unpaid domestic and care work, by sex, age and location'],
  [
    '5.5.1',
    'Proportion of seats held by women in (a) national parliaments and (b) local governments',
  ],
  ['5.5.2', 'Proportion of women in managerial positions'],
  [
    '5.6.1',
    'Proportion of women aged 15–49 years who make their own informed decisions regarding sexual relations, contraceptive use and reproductive health care',
  ],
  [
    '5.6.2',
    'Number of countries with laws and regulations that guarantee full and equal access to women and men aged 15 years and older to sexual and reproductive health care, information and education',
  ],
  [
    '5.a.1',
    '(a) Proportion of total agricultural population with ownership or secure rights over agricultural land, by sex; and (b) share of women among owners or rights-bearers of agricultural land, by type of tenure',
  ],
  [
    '5.a.2',
    'Proportion of countries where the legal framework (including customary law) guarantees women’s equal rights to land ownership and/or control',
  ],
  ['5.b.1', 'Proportion of individuals who own a mobile telephone, by sex'],
  [
    '5.c.1',
    'Proportion of countries with systems to track and make public allocations for gender equality and women’s empowerment',
  ],
  ['8.6.1', 'Proportion of youth (aged 15–24 years) not in education, employment or training'],
  [
    '10.1.1',
    'Growth rates of household expenditure or income per capita among the bottom 40 per cent of the population and the total population',
  ],
  [
    '10.2.1',
    'Proportion of people living below 50 per cent of median income, by sex, age and persons with disabilities',
  ],
  [
    '10.3.1',
    'Proportion of population reporting having personally felt discriminated against or harassed in the previous 12 months on the basis of a ground of discrimination prohibited under international human rights law',
  ],
  ['10.4.1', 'Labour share of GDP, comprising wages and social protection transfers'],
  ['10.5.1', 'Financial Soundness Indicators (FSIs)'],
  [
    '10.6.1',
    'Proportion of members and voting rights of developing countries in international organizations',
  ],
  [
    '10.7.1',
    'Recruitment cost borne by employee as a proportion of yearly income earned in country of destination',
  ],
  ['10.7.2', 'Number of countries that have implemented well-managed migration policies'],
  [
    '10.a.1',
    'Proportion of tariff lines applied to imports from least developed countries and developing countries with zero-tariff',
  ],
  [
    '10.b.1',
    'Total resource flows for development, by recipient and donor countries and type of flow (e.g. official development assistance, foreign direct investment and other flows)',
  ],
  ['10.c.1', 'Remittance costs as a proportion of the amount remitted'],
  [
    '11.5.1',
    'Number of deaths, missing persons and directly affected persons attributed to disasters per 100,000 population',
  ],
  [
    '13.1.1',
    'Number of deaths, missing persons and directly affected persons attributed to disasters per 100,000 population',
  ],
  [
    '13.1.2',
    'Number of countries that adopt and implement national disaster risk reduction strategies in line with the Sendai Framework for Disaster Risk Reduction 2015–2030',
  ],
  [
    '13.1.3',
    'Proportion of local governments that adopt and implement local disaster risk reduction strategies in line with national disaster risk reduction strategies',
  ],
  [
    '13.2.1',
    'Number of countries that have communicated the establishment or operationalization of an integrated policy/strategy/plan which increases their ability to adapt to the adverse impacts of climate change, and foster climate resilience and low greenhouse gas emissions development in a manner that does not threaten food production (including a national adaptation plan, nationally determined contribution, national communication, biennial update report or other)',
  ],
  [
    '13.3.1',
    'Number of countries that have integrated mitigation, adaptation, impact reduction and early warning into primary, secondary and tertiary curricula',
  ],
  [
    '13.3.2',
    'Number of countries that have communicated the strengthening of institutional, systemic and individual capacity-building to implement adaptation, mitigation and technology transfer, and development actions',
  ],
  [
    '13.a.1',
    'Mobilized amount of United States dollars per year between 2020 and 2025 accountable towards the $100 billion commitment',
  ],
  [
    '13.b.1',
    'Number of least developed countries and small island developing States that are receiving specialized support, and amount of support, including finance, technology and capacity-building, for mechanisms for raising capacities for effective climate change-related planning and management, including focusing on women, youth and local and marginalized communities',
  ],
  ['16.1.1', 'Number of victims of intentional homicide per 100,000 population, by sex and age'],
  ['16.1.2', 'Conflict-related deaths per 100,000 population, by sex, age and cause'],
  [
    '16.1.3',
    'Proportion of population subjected to (a) physical violence, (b) psychological violence and (c) sexual violence in the previous 12 months',
  ],
  ['16.1.4', 'Proportion of population that feel safe walking alone around the area they live'],
  [
    '16.2.1',
    'Proportion of children aged 1–17 years who experienced any physical punishment and/or psychological aggression by caregivers in the past month',
  ],
  [
    '16.2.2',
    'Number of victims of human trafficking per 100,000 population, by sex, age and form of exploitation',
  ],
  [
    '16.2.3',
    'Proportion of young women and men aged 18–29 years who experienced sexual violence by age 18',
  ],
  [
    '16.3.1',
    'Proportion of victims of violence in the previous 12 months who reported their victimization to competent authorities or other officially recognized conflict resolution mechanisms',
  ],
  ['16.3.2', 'Unsentenced detainees as a proportion of overall prison population'],
  [
    '16.4.1',
    'Total value of inward and outward illicit financial flows (in current United States dollars)',
  ],
  [
    '16.4.2',
    'Proportion of seized, found or surrendered arms whose illicit origin or context has been traced or established by a competent authority in line with international instruments',
  ],
  [
    '16.5.1',
    'Proportion of persons who had at least one contact with a public official and who paid a bribe to a public official, or were asked for a bribe by those public officials, during the previous 12 months',
  ],
  [
    '16.5.2',
    'Proportion of businesses that had at least one contact with a public official and that paid a bribe to a public official, or were asked for a bribe by those public officials during the previous 12 months',
  ],
  [
    '16.6.1',
    'Primary government expenditures as a proportion of original approved budget, by sector (or by budget codes or similar)',
  ],
  ['16.6.2', 'Proportion of population satisfied with their last experience of public services'],
  [
    '16.7.1',
    'Proportions of positions (by sex, age, persons with disabilities and population groups) in public institutions (national and local legislatures, public service, and judiciary) compared to national distributions',
  ],
  [
    '16.7.2',
    'Proportion of population who believe decision-making is inclusive and responsive, by sex, age, disability and population group',
  ],
  [
    '16.8.1',
    'Proportion of members and voting rights of developing countries in international organizations',
  ],
  [
    '16.9.1',
    'Proportion of children under 5 years of age whose births have been registered with a civil authority, by age',
  ],
  [
    '16.10.1',
    'Number of verified cases of killing, kidnapping, enforced disappearance, arbitrary detention and torture of journalists, associated media personnel, trade unionists and human rights advocates in the previous 12 months',
  ],
  [
    '16.10.2',
    'Number of countries that adopt and implement constitutional, statutory and/or policy guarantees for public access to information',
  ],
  [
    '16.a.1',
    'Existence of independent national human rights institutions in compliance with the Paris Principles',
  ],
  [
    '16.b.1',
    'Proportion of population reporting having personally felt discriminated against or harassed in the previous 12 months on the basis of a ground of discrimination prohibited under international human rights law',
  ],
];
