import type { RelationType } from '../../types.js';

/**
 * Relation rules: a pattern (see match.ts), the relation it states, and how sure it is. Roles
 * `source` and `target` are the ends; `place` becomes the `place` property; `{date}`, or else a date
 * inside the match or just after it, the `date`.
 * A rule without a target relates the members of its source list to each other ("Merkel and Macron
 * met"). A new relation is one entry here plus a test.
 */
export interface RelationRule {
  relation: RelationType | 'BY_TITLE';
  pattern: string;
  confidence: number;
  properties?: Record<string, string>;
}

const KILL = '(killed|kills|assassinated|murdered|shot|stabbed|slew|executed)';
/** Every form of a verb of killing, for "the gunman who killed", "convicted of murdering", "used it to shoot". */
const KILLING = '(kill|kills|killed|killing|assassinate|assassinated|assassinating|murder|murders|murdered|murdering|shoot|shoots|shot|shooting|slay|slew|slain|slaying|stab|stabbed|stabbing)';
const KILLING_NOUN = '(assassination|murder|killing|slaying|slayings|shooting)';
const KILLER = '(assassin|killer|murderer|slayer)';
/** Jobs held in an organization: "a spokeswoman for the agency", "FAA spokesman John Leyden". */
const JOB =
  '(spokesman|spokeswoman|spokesperson|anchorman|anchorwoman|anchor|newsman|official|officer|attorney|lawyer|counsel|correspondent|reporter|editor|columnist|writer|director|manager|secretary|member|professor|researcher|scientist|analyst|economist|engineer|employee|executive|publisher|adviser|advisor|aide|representative|agent|candidate|deputy|commander|coordinator|administrator|superintendent|treasurer|partner|consultant|physician|teacher|coach|trustee|commissioner|specialist|expert|historian|lobbyist|negotiator|staffer|worker|ecologist|entomologist|astronomer|physicist|chemist|biologist|geologist|sociologist|psychologist|producer|pilot|investigator|inspector|auditor|clerk|assistant|vice-president|vice-chairman|lecturer|fellow|student|graduate|dean|registrar)';
/** Jobs that lead it: "Andrew Stephens, president of Eaglebrook Plastics". */
const LEADS = '(president|chairman|chairwoman|chair|head|leader|founder|owner|boss|ceo)';
const ANY_JOB = `${JOB.slice(0, -1)}|chief|${LEADS.slice(1)}`;
/** Words for a person: "an Atlanta architect", "Tempe plastic surgeon Richard Pavese". */
const PERSON_NOUN = `(man|woman|boy|girl|businessman|businesswoman|architect|surgeon|doctor|dentist|farmer|rancher|artist|singer|actor|actress|poet|author|novelist|musician|banker|merchant|developer|activist|politician|democrat|republican|lawmaker|legislator|housewife|mother|father|teenager|youth|veteran|auctioneer|dealer|businessperson|entrepreneur|photographer|designer|painter|sculptor|composer|pianist|guitarist|nurse|minister|priest|rabbi|bishop|judge|sheriff|policeman|firefighter)`;
const LIVE = '(lives|lived|living|resides|resided|residing|settled|born|raised|grew)';
const AREA = '(city|town|village|capital|port|region|regions|province|provinces|state|states|county|district|suburb|island)';
const DIRECTION = '(north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern)';

export const RELATION_RULES: readonly RelationRule[] = [
  // "LYON, France", "Austin, Texas"
  { relation: 'LOCATED_IN', pattern: '{source:Place} , {target:Place|Country}', confidence: 0.7 },
  { relation: 'LOCATED_IN', pattern: '{source:Place} ( {target:Place|Country} )', confidence: 0.7 },
  { relation: 'LOCATED_IN', pattern: `{source:Place} , (a|the)? ~3 ${AREA} (in|of) {target:Place|Country}`, confidence: 0.8 },
  // "Gosforth in northeast England", "Rome is in Lazio province"
  { relation: 'LOCATED_IN', pattern: `{source+:Place} ${AREA}? (is|lies)? in the? ${DIRECTION}? {target:Place|Country}`, confidence: 0.65 },
  // "Turkey in the Balkans"
  { relation: 'LOCATED_IN', pattern: `{source+:Country} in the ${DIRECTION}? {target:Place}`, confidence: 0.55 },
  // "the U.S. capital of Washington"
  { relation: 'LOCATED_IN', pattern: `the {target:Country|Place} ${AREA} of {source:Place}`, confidence: 0.75 },
  // "China's Guangdong province"
  { relation: 'LOCATED_IN', pattern: "{target:Place|Country} 's {source:Place}", confidence: 0.65 },
  // "the Davos forum in Switzerland"
  { relation: 'HELD_IN', pattern: '{source:Event} (in|at) {target:Place|Country}', confidence: 0.75 },
  // "U.S. Secretary of State George Shultz" is read from titles; these are titles in apposition.
  { relation: 'BY_TITLE', pattern: '{source:Person} , (a|an|the)? *2 @title (of|for|at|with) the? {target:Organization|Country}', confidence: 0.75 },
  { relation: 'BY_TITLE', pattern: '{target:Organization|Country} @title {source:Person}', confidence: 0.7 },
  // "King Hussein of Jordan", "President Robert Mugabe of Zimbabwe": an office, not a residence.
  { relation: 'BY_TITLE', pattern: '@title {source:Person} of the? {target:Organization|Country}', confidence: 0.8 },
  { relation: 'BY_TITLE', pattern: "{target:Organization|Country} 's @title ,? ~1 {source:Person}", confidence: 0.7 },
  { relation: 'WORKS_FOR', pattern: '{source:Person} , (who|which) (works|worked|working) (for|at) {target:Organization|Country}', confidence: 0.8 },
  // "Andrew Stephens, president of Eaglebrook Plastics"; "Robin Woods, a spokeswoman for the agency"; "Robert Bernero, chief of waste disposal for the NRC"
  { relation: 'LEADER_OF', pattern: `{source:Person} , (the)? ${LEADS} (of|at) the? {target:Organization}`, confidence: 0.75 },
  { relation: 'WORKS_FOR', pattern: `{source:Person} , (a|an|the)? ~3 ${ANY_JOB} ~4 (of|for|at|with) the? ~2 {target:Organization}`, confidence: 0.75 },
  // "Larry Sturholm, 46, was a feature reporter for KIRO Television"; "named Larry Jinks publisher of the Mercury News"
  { relation: 'WORKS_FOR', pattern: `{source:Person} ,? ~2 ,? (is|was|became|becomes) (a|an|the) ~3 ${ANY_JOB} ~3 (of|for|at|with) the? ~2 {target:Organization}`, confidence: 0.7 },
  { relation: 'WORKS_FOR', pattern: `{source:Person} ${ANY_JOB} (of|at) the? {target:Organization}`, confidence: 0.65 },
  // "W. Dale Nelson covers the White House for The Associated Press"; "Bob Baker, who follows oil prices for the investment firm X"
  { relation: 'WORKS_FOR', pattern: '{source:Person} ,? (who)? (has|have|had)? (covers|covered|covering|reports|reported|reporting|writes|wrote|works|worked|working|follows|followed|teaches|taught|serves|served|researched|researches|consults) *4 (for|at) the? ~3 {target:Organization}', confidence: 0.65 },
  // "Shi Liming at the Institute of Zoology"
  { relation: 'WORKS_FOR', pattern: '{source:Person} (at|with) the {target:Organization}', confidence: 0.55 },
  // "FAA spokesman John Leyden", "DIMA's technical manager, engineer Jose Tulio Gomez", "ITAR-TASS correspondent Mikhail Shevtsov"
  { relation: 'WORKS_FOR', pattern: `{target:Organization} 's? ~1 ${ANY_JOB} ,? ${ANY_JOB}? {source:Person}`, confidence: 0.7 },
  // "Roger Jacobsen, a Burlington operations manager"
  { relation: 'WORKS_FOR', pattern: `{source:Person} , (a|an|the)? ~2 {target:Organization} ~2 ${ANY_JOB}`, confidence: 0.7 },
  // "Lt. Jim Bowell of the Butler Township Fire Department"
  { relation: 'WORKS_FOR', pattern: '{source+:Person} ,? of the? {target:Organization}', confidence: 0.65 },
  { relation: 'WORKS_FOR', pattern: '{source:Person} (works|worked|working|joined|joins) (for|at)? {target:Organization}', confidence: 0.65 },
  // "the Bonn-based Bundesbank"
  { relation: 'BASED_IN', pattern: '{target:Place|Country} based {source:Organization}', confidence: 0.85 },
  { relation: 'BASED_IN', pattern: '{source:Organization} ,? (based|headquartered|located) in {target:Place|Country}', confidence: 0.85 },
  { relation: 'BASED_IN', pattern: "{source:Organization} 's (headquarters|offices|office|plant|factory) (in|at) {target:Place|Country}", confidence: 0.75 },
  // "the Associated Press bureau in Beirut", "the NRC's Rockville, Md., headquarters"
  { relation: 'BASED_IN', pattern: '{source:Organization} (bureau|headquarters|offices|office|plant|factory|branch|subsidiary) (in|at) {target:Place|Country}', confidence: 0.75 },
  { relation: 'BASED_IN', pattern: "{source:Organization} 's {target+:Place|Country} ,? (headquarters|offices|office|plant|factory|bureau)", confidence: 0.75 },
  // A dateline: "SEOUL, South Korea (AP)", "Hefei, February 11 (XINHUA) --": where the agency files from.
  { relation: 'BASED_IN', pattern: '{target+:Place|Country} ,? {date}? ( {source:Organization} )', confidence: 0.5 },
  { relation: 'BASED_IN', pattern: '{source:Organization} ,? (in|of) {target:Place}', confidence: 0.55 },
  // "the Supreme Court of Canada", "Germany's Bundesbank", "the Cape Town Supreme Court"
  { relation: 'BASED_IN', pattern: '{source:Organization} (of|in) {target:Country}', confidence: 0.6 },
  { relation: 'BASED_IN', pattern: "{target:Place|Country} 's {source:Organization}", confidence: 0.65 },
  { relation: 'BASED_IN', pattern: '{target:Place|Country} {source:Organization}', confidence: 0.55 },
  // "Smith, who lives in Ohio"
  { relation: 'LIVES_IN', pattern: `{source:Person} , (who) (has)? ${LIVE} (in|up) (in)? {target:Place|Country}`, confidence: 0.8 },
  { relation: 'LIVES_IN', pattern: `{source:Person} (was)? ${LIVE} (in|up) (in)? {target:Place|Country}`, confidence: 0.7 },
  { relation: 'LIVES_IN', pattern: '{source:Person} , (a|an) (resident|native|citizen) of {target:Place|Country}', confidence: 0.8 },
  { relation: 'LIVES_IN', pattern: '{source:Person} (of|from) {target:Place}', confidence: 0.55 },
  // "Dwight D. Eisenhower, the 34th president, was born in Denison"
  { relation: 'LIVES_IN', pattern: `{source:Person} ,? (was|is|were|had|been)? ~2 born ~6 ,? ~4 (in|at|near) {target:Place|Country}`, confidence: 0.7 },
  { relation: 'LIVES_IN', pattern: `{source:Person} , *8 , (was|is|were)? ~2 born ~6 ,? ~4 (in|at|near) {target:Place|Country}`, confidence: 0.7 },
  // "this Minnesota born artist", "his native South Carolina", "a South Carolina native"
  { relation: 'LIVES_IN', pattern: `{target:Place|Country} ,? (born|native) ~2 {source:Person}`, confidence: 0.65 },
  { relation: 'LIVES_IN', pattern: `{source:Person} ,? {target:Place|Country} born`, confidence: 0.7 },
  { relation: 'LIVES_IN', pattern: `{source:Person} ~8 (his|her|their) native {target:Place|Country}`, confidence: 0.65 },
  // "Richard Taylor, an Atlanta architect"; "Robert Weisner, the Washington correspondent"
  { relation: 'LIVES_IN', pattern: `{source:Person} , (a|an|the) ~2 {target:Place} ~2 ${PERSON_NOUN}`, confidence: 0.6 },
  // "Tempe plastic surgeon Richard Pavese"
  { relation: 'LIVES_IN', pattern: `{target:Place} ~2 ${PERSON_NOUN} {source:Person}`, confidence: 0.6 },
  // "Aleksandr Kruhlow, a 72-year-old deputy from Sevastopol"
  { relation: 'LIVES_IN', pattern: '{source:Person} , (a|an|the)? ~4 (from|of) {target+:Place|Country}', confidence: 0.6 },
  // "Norman Vaughan, 83, of Trapper Creek, Alaska"
  { relation: 'LIVES_IN', pattern: '{source:Person} , ~1 , (from|of) {target+:Place|Country}', confidence: 0.65 },
  // "Gen. Westmoreland, the commander of U.S. forces and a South Carolina native"
  { relation: 'LIVES_IN', pattern: '{source:Person} , *6 (a|an) {target:Place|Country} (native|resident)', confidence: 0.7 },
  { relation: 'LIVES_IN', pattern: '{target:Place|Country} (citizen|citizens|native|natives|resident|residents) {source+:Person}', confidence: 0.65 },
  { relation: 'LIVES_IN', pattern: '{target:Place|Country} (resident|residents|native|man|woman|governor|mayor|senator) {source:Person}', confidence: 0.6 },
  // "Oswald shot Kennedy", "Kennedy was assassinated by Oswald"
  { relation: 'KILLED', pattern: `{source:Person} (has|had)? ${KILL} {target:Person}`, confidence: 0.8 },
  { relation: 'KILLED', pattern: `{target:Person} (was|is|had|has)? (been)? ${KILL} by {source:Person}`, confidence: 0.8 },
  { relation: 'KILLED', pattern: `{source:Person} , (who|the) *2 ${KILL} {target:Person}`, confidence: 0.75 },
  { relation: 'KILLED', pattern: "{target:Person} 's (assassin|killer|murderer) ,? {source:Person}", confidence: 0.8 },
  { relation: 'KILLED', pattern: '(assassin|killer|murderer) of {target:Person} ,? {source:Person}', confidence: 0.75 },
  { relation: 'KILLED', pattern: '{source:Person} , (the|a)? (assassin|killer|murderer) of {target:Person}', confidence: 0.8 },
  { relation: 'KILLED', pattern: `(assassination|murder|killing|death) of {target:Person} by {source:Person}`, confidence: 0.8 },
  // "Oswald was the lone gunman who killed Kennedy", "Chapman got the idea for killing Lennon": the nearest name before the verb, with no name or comma between
  { relation: 'KILLED', pattern: `{source:Person} ~8 ${KILLING} @title? {target+:Person}`, confidence: 0.65 },
  // "Sirhan Sirhan, the man convicted of killing Kennedy"; "James Earl Ray, the convicted assassin of King"
  { relation: 'KILLED', pattern: `{source:Person} , (the|a|who) ~4 ${KILLING} @title? {target+:Person}`, confidence: 0.75 },
  { relation: 'KILLED', pattern: `{source:Person} , (the|a) ~2 ${KILLER} of ~3 @title? {target:Person}`, confidence: 0.8 },
  // "Kennedy assassin Sirhan B. Sirhan"
  { relation: 'KILLED', pattern: `{target:Person} 's? ${KILLER} ,? {source:Person}`, confidence: 0.8 },
  // "Jesse James was shot to death in St. Joseph by Robert Ford"
  { relation: 'KILLED', pattern: `{target:Person} (was|were|is|had|has)? (been)? ~2 ${KILL} to? death? *6 by {source:Person}`, confidence: 0.7 },
  // "Sirhan was sentenced to death for the assassination of Robert F. Kennedy"
  { relation: 'KILLED', pattern: `{source:Person} ~8 (for|in|of) the ~3 ${KILLING_NOUN} of ~2 @title? {target+:Person}`, confidence: 0.7 },
  // "Oswald acted alone in the Kennedy slaying"
  { relation: 'KILLED', pattern: `{source:Person} ~8 the {target:Person} ${KILLING_NOUN}`, confidence: 0.65 },
];
