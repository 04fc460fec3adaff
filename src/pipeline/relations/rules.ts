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
  /** A sentence the rule fires on, and one relation it states there ("TYPE source → target"). */
  example: { text: string; expect: string };
  /** A sentence close to the example that the rule must not fire on. */
  nearMiss: string;
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
  { relation: 'LOCATED_IN', pattern: '{source:Place} , {target:Place|Country}', confidence: 0.7, example: { text: "The plant is in Lyon, France.", expect: "LOCATED_IN Lyon → France" }, nearMiss: "The plant is in Lyon and France buys its cars." },
  { relation: 'LOCATED_IN', pattern: '{source:Place} ( {target:Place|Country} )', confidence: 0.7, example: { text: "The plant is in Springfield (Illinois) now.", expect: "LOCATED_IN Springfield → Illinois" }, nearMiss: "The plant is in Springfield and Illinois pays for it." },
  { relation: 'LOCATED_IN', pattern: `{source:Place} , (a|the)? ~3 ${AREA} (in|of) {target:Place|Country}`, confidence: 0.8, example: { text: "The talks were held in Cuenca, the third largest city in Ecuador.", expect: "LOCATED_IN Cuenca → Ecuador" }, nearMiss: "The talks were held in Cuenca and Ecuador agreed." },
  // "Gosforth in northeast England", "Rome is in Lazio province"
  { relation: 'LOCATED_IN', pattern: `{source+:Place} ${AREA}? (is|lies)? in the? ${DIRECTION}? {target:Place|Country}`, confidence: 0.65, example: { text: "Floods hit Carlisle in northern England.", expect: "LOCATED_IN Carlisle → England" }, nearMiss: "Floods hit Carlisle and England on Monday." },
  // "Turkey in the Balkans"
  { relation: 'LOCATED_IN', pattern: `{source+:Country} in the ${DIRECTION}? {target:Place}`, confidence: 0.55, example: { text: "Turkey in the Balkans is a rising power.", expect: "LOCATED_IN Turkey → Balkans" }, nearMiss: "Turkey and the Balkans signed a deal." },
  // "the U.S. capital of Washington"
  { relation: 'LOCATED_IN', pattern: `the {target:Country|Place} ${AREA} of {source:Place}`, confidence: 0.75, example: { text: "The march ended in the Texas city of Austin.", expect: "LOCATED_IN Austin → Texas" }, nearMiss: "The Texas team beat Austin on Sunday." },
  // "China's Guangdong province"
  { relation: 'LOCATED_IN', pattern: "{target:Place|Country} 's {source:Place}", confidence: 0.65, example: { text: "Fighting spread to Russia's Dagestan region.", expect: "LOCATED_IN Dagestan → Russia" }, nearMiss: "Fighting spread from Russia to Dagestan." },
  // "the Davos forum in Switzerland"
  { relation: 'HELD_IN', pattern: '{source:Event} (in|at) {target:Place|Country}', confidence: 0.75, example: { text: "The Davos Forum in Switzerland opened on Monday.", expect: "HELD_IN Davos Forum → Switzerland" }, nearMiss: "The Davos Forum praised Switzerland on Monday." },
  // "U.S. Secretary of State George Shultz" is read from titles; these are titles in apposition.
  { relation: 'BY_TITLE', pattern: '{source:Person} , (a|an|the)? *2 @title (of|for|at|with) the? {target:Organization|Country}', confidence: 0.75, example: { text: "The plan was announced by Maria Lopez, president of Acme Holdings.", expect: "LEADER_OF Maria Lopez → Acme Holdings" }, nearMiss: "Maria Lopez, who admired Acme Holdings, announced the plan." },
  { relation: 'BY_TITLE', pattern: '{target:Organization|Country} @title {source:Person}', confidence: 0.7, example: { text: "Acme Holdings chairman Tom Reed said sales rose.", expect: "LEADER_OF Tom Reed → Acme Holdings" }, nearMiss: "Acme Holdings sued Tom Reed, the chairman said." },
  // "King Hussein of Jordan", "President Robert Mugabe of Zimbabwe": an office, not a residence.
  { relation: 'BY_TITLE', pattern: '@title {source:Person} of the? {target:Organization|Country}', confidence: 0.8, example: { text: "King Hussein of Jordan arrived on Monday.", expect: "LEADER_OF Hussein → Jordan" }, nearMiss: "Hussein flew to Jordan on Monday." },
  { relation: 'BY_TITLE', pattern: "{target:Organization|Country} 's @title ,? ~1 {source:Person}", confidence: 0.7, example: { text: "Kuwait's Oil Minister, Ali Hassan Nasser, said prices would hold.", expect: "WORKS_FOR Ali Hassan Nasser → Kuwait" }, nearMiss: "Kuwait's oil, Ali Hassan Nasser said, would hold its price." },
  { relation: 'WORKS_FOR', pattern: '{source:Person} , (who|which) (works|worked|working) (for|at) {target:Organization|Country}', confidence: 0.8, example: { text: "John Smith, who works for Acme Holdings, won the prize.", expect: "WORKS_FOR John Smith → Acme Holdings" }, nearMiss: "John Smith, who likes Acme Holdings, won the prize." },
  // "Andrew Stephens, president of Eaglebrook Plastics"; "Robin Woods, a spokeswoman for the agency"; "Robert Bernero, chief of waste disposal for the NRC"
  { relation: 'LEADER_OF', pattern: `{source:Person} , (the)? ${LEADS} (of|at) the? {target:Organization}`, confidence: 0.75, example: { text: "Andrew Stephens, president of Eaglebrook Plastics, said sales rose.", expect: "LEADER_OF Andrew Stephens → Eaglebrook Plastics" }, nearMiss: "Andrew Stephens, a critic of Eaglebrook Plastics, said sales rose." },
  { relation: 'WORKS_FOR', pattern: `{source:Person} , (a|an|the)? ~3 ${ANY_JOB} ~4 (of|for|at|with) the? ~2 {target:Organization}`, confidence: 0.75, example: { text: "Peter Hall, a senior economist at the World Bank, said growth would slow.", expect: "WORKS_FOR Peter Hall → World Bank" }, nearMiss: "Peter Hall, a critic of the World Bank, said growth would slow." },
  // "Larry Sturholm, 46, was a feature reporter for KIRO Television"; "named Larry Jinks publisher of the Mercury News"
  { relation: 'WORKS_FOR', pattern: `{source:Person} ,? ~2 ,? (is|was|became|becomes) (a|an|the) ~3 ${ANY_JOB} ~3 (of|for|at|with) the? ~2 {target:Organization}`, confidence: 0.7, example: { text: "Jane Doe, 41, was a staff reporter for Acme Holdings.", expect: "WORKS_FOR Jane Doe → Acme Holdings" }, nearMiss: "Jane Doe, 41, was a fierce critic of Acme Holdings." },
  { relation: 'WORKS_FOR', pattern: `{source:Person} ${ANY_JOB} (of|at) the? {target:Organization}`, confidence: 0.65, example: { text: "He named Larry Jinks publisher of the Mercury News.", expect: "WORKS_FOR Larry Jinks → Mercury News" }, nearMiss: "He told Larry Jinks about the Mercury News." },
  // "W. Dale Nelson covers the White House for The Associated Press"; "Bob Baker, who follows oil prices for the investment firm X"
  { relation: 'WORKS_FOR', pattern: '{source:Person} ,? (who)? (has|have|had)? (covers|covered|covering|reports|reported|reporting|writes|wrote|works|worked|working|follows|followed|teaches|taught|serves|served|researched|researches|consults) *4 (for|at) the? ~3 {target:Organization}', confidence: 0.65, example: { text: "Tom Baker covers energy markets for Bloomberg News.", expect: "WORKS_FOR Tom Baker → Bloomberg News" }, nearMiss: "Tom Baker criticised energy markets in Bloomberg News." },
  // "Shi Liming at the Institute of Zoology"
  { relation: 'WORKS_FOR', pattern: '{source:Person} (at|with) the {target:Organization}', confidence: 0.55, example: { text: "Li Wei at the Institute of Physics found a new particle.", expect: "WORKS_FOR Li Wei → Institute of Physics" }, nearMiss: "Li Wei praised the Institute of Physics for the find." },
  // "FAA spokesman John Leyden", "DIMA's technical manager, engineer Jose Tulio Gomez", "BBC home affairs correspondent Danny Shaw"
  { relation: 'WORKS_FOR', pattern: `{target:Organization} 's? ~2 ${ANY_JOB} ,? ${ANY_JOB}? {source:Person}`, confidence: 0.7, example: { text: "Greenpeace spokeswoman Anna Berg said the ship had left.", expect: "WORKS_FOR Anna Berg → Greenpeace" }, nearMiss: "Greenpeace praised Anna Berg on Monday." },
  // "Roger Jacobsen, a Burlington operations manager"
  { relation: 'WORKS_FOR', pattern: `{source:Person} , (a|an|the)? ~2 {target:Organization} ~2 ${ANY_JOB}`, confidence: 0.7, example: { text: "Roger Jacobsen, a Burlington Industries operations manager, said it.", expect: "WORKS_FOR Roger Jacobsen → Burlington Industries" }, nearMiss: "Roger Jacobsen, who sued Burlington Industries, said it." },
  // "Lt. Jim Bowell of the Butler Township Fire Department"
  { relation: 'WORKS_FOR', pattern: '{source+:Person} ,? of the? {target:Organization}', confidence: 0.65, example: { text: "Tom Reed of the Boston Fire Department said the road was closed.", expect: "WORKS_FOR Tom Reed → Boston Fire Department" }, nearMiss: "Tom Reed praised the Boston Fire Department after the fire." },
  { relation: 'WORKS_FOR', pattern: '{source:Person} (works|worked|working|joined|joins) (for|at)? {target:Organization}', confidence: 0.65, example: { text: "Tom Reed joined Acme Holdings in 1999.", expect: "WORKS_FOR Tom Reed → Acme Holdings" }, nearMiss: "Tom Reed sued Acme Holdings in 1999." },
  // "the Bonn-based Bundesbank"
  { relation: 'BASED_IN', pattern: '{target:Place|Country} based {source:Organization}', confidence: 0.85, example: { text: "The Bonn-based Bundesbank raised rates.", expect: "BASED_IN Bundesbank → Bonn" }, nearMiss: "The Bundesbank raised rates and Bonn agreed." },
  { relation: 'BASED_IN', pattern: '{source:Organization} ,? (based|headquartered|located) in {target:Place|Country}', confidence: 0.85, example: { text: "Acme Holdings, based in Denver, raised prices.", expect: "BASED_IN Acme Holdings → Denver" }, nearMiss: "Acme Holdings, which sued Denver, raised prices." },
  { relation: 'BASED_IN', pattern: "{source:Organization} 's (headquarters|offices|office|plant|factory) (in|at) {target:Place|Country}", confidence: 0.75, example: { text: "The Bundesbank's headquarters in Frankfurt closed.", expect: "BASED_IN Bundesbank → Frankfurt" }, nearMiss: "The Bundesbank sold its shares in Frankfurt." },
  // "the Associated Press bureau in Beirut", "the NRC's Rockville, Md., headquarters"
  { relation: 'BASED_IN', pattern: '{source:Organization} (bureau|headquarters|offices|office|plant|factory|branch|subsidiary) (in|at) {target:Place|Country}', confidence: 0.75, example: { text: "The story was filed by the Reuters bureau in Nairobi.", expect: "BASED_IN Reuters → Nairobi" }, nearMiss: "Reuters praised Nairobi on Monday." },
  { relation: 'BASED_IN', pattern: "{source:Organization} 's {target+:Place|Country} ,? (headquarters|offices|office|plant|factory|bureau)", confidence: 0.75, example: { text: "The Bundesbank's Frankfurt headquarters closed.", expect: "BASED_IN Bundesbank → Frankfurt" }, nearMiss: "The Bundesbank praised Frankfurt on Monday." },
  // A dateline: "SEOUL, South Korea (AP)", "Hefei, February 11 (XINHUA) --": where the agency files from.
  { relation: 'BASED_IN', pattern: '{target+:Place|Country} ,? {date}? ( {source:Organization} )', confidence: 0.5, example: { text: "CAIRO, Egypt (Reuters) - Prices rose.", expect: "BASED_IN Reuters → Cairo" }, nearMiss: "Prices rose in Cairo, Egypt, and Reuters reported it." },
  { relation: 'BASED_IN', pattern: '{source:Organization} ,? (in|of) {target:Place}', confidence: 0.55, example: { text: "Acme Holdings of Denver raised prices.", expect: "BASED_IN Acme Holdings → Denver" }, nearMiss: "Acme Holdings and Denver raised prices." },
  // "the Supreme Court of Canada", "Germany's Bundesbank", "the Cape Town Supreme Court"
  { relation: 'BASED_IN', pattern: '{source:Organization} (of|in) {target:Country}', confidence: 0.6, example: { text: "The Supreme Court of Canada ruled on Friday.", expect: "BASED_IN Supreme Court → Canada" }, nearMiss: "The Supreme Court ruled on Friday that Canada must pay." },
  { relation: 'BASED_IN', pattern: "{target:Place|Country} 's {source:Organization}", confidence: 0.65, example: { text: "Germany's Bundesbank raised rates.", expect: "BASED_IN Bundesbank → Germany" }, nearMiss: "Germany and the Bundesbank raised rates." },
  { relation: 'BASED_IN', pattern: '{target:Place|Country} {source:Organization}', confidence: 0.55, example: { text: "The Moscow ITAR-TASS agency reported it.", expect: "BASED_IN Itar-Tass → Moscow" }, nearMiss: "Moscow criticised the ITAR-TASS report." },
  // "Smith, who lives in Ohio"
  { relation: 'LIVES_IN', pattern: `{source:Person} , (who) (has)? ${LIVE} (in|up) (in)? {target:Place|Country}`, confidence: 0.8, example: { text: "John Smith, who lives in Ohio, won the prize.", expect: "LIVES_IN John Smith → Ohio" }, nearMiss: "John Smith, who likes Ohio, won the prize." },
  { relation: 'LIVES_IN', pattern: `{source:Person} (was)? ${LIVE} (in|up) (in)? {target:Place|Country}`, confidence: 0.7, example: { text: "John Smith lived in Ohio for years.", expect: "LIVES_IN John Smith → Ohio" }, nearMiss: "John Smith praised Ohio for years." },
  { relation: 'LIVES_IN', pattern: '{source:Person} , (a|an) (resident|native|citizen) of {target:Place|Country}', confidence: 0.8, example: { text: "John Smith, a resident of Ohio, won the prize.", expect: "LIVES_IN John Smith → Ohio" }, nearMiss: "John Smith, a critic of Ohio, won the prize." },
  { relation: 'LIVES_IN', pattern: '{source:Person} (of|from) {target:Place}', confidence: 0.55, example: { text: "John Smith of Springfield won the prize.", expect: "LIVES_IN John Smith → Springfield" }, nearMiss: "John Smith praised Springfield and won the prize." },
  // "Dwight D. Eisenhower, the 34th president, was born in Denison"
  { relation: 'LIVES_IN', pattern: `{source:Person} ,? (was|is|were|had|been)? ~2 born ~6 ,? ~4 (in|at|near) {target:Place|Country}`, confidence: 0.7, example: { text: "Maria Lopez was born in Valparaiso, Chile, in 1950.", expect: "LIVES_IN Maria Lopez → Valparaiso" }, nearMiss: "Maria Lopez was honoured in Valparaiso, Chile, in 1950." },
  { relation: 'LIVES_IN', pattern: `{source:Person} , *8 , (was|is|were)? ~2 born ~6 ,? ~4 (in|at|near) {target:Place|Country}`, confidence: 0.7, example: { text: "Dwight D. Eisenhower, the 34th president, was born in Denison.", expect: "LIVES_IN Dwight D. Eisenhower → Denison" }, nearMiss: "Dwight D. Eisenhower, the 34th president, was honoured in Denison." },
  // "this Minnesota born artist", "his native South Carolina", "a South Carolina native"
  { relation: 'LIVES_IN', pattern: `{target:Place|Country} ,? (born|native) ~2 {source:Person}`, confidence: 0.65, example: { text: "The Minnesota born artist Paul Mills won.", expect: "LIVES_IN Paul Mills → Minnesota" }, nearMiss: "The Minnesota team beat Paul Mills." },
  { relation: 'LIVES_IN', pattern: `{source:Person} ,? {target:Place|Country} born`, confidence: 0.7, example: { text: "Paul Mills, Minnesota born, won.", expect: "LIVES_IN Paul Mills → Minnesota" }, nearMiss: "Paul Mills, Minnesota said, won." },
  { relation: 'LIVES_IN', pattern: `{source:Person} ~8 (his|her|their) native {target:Place|Country}`, confidence: 0.65, example: { text: "Paul Mills went back to his native Texas.", expect: "LIVES_IN Paul Mills → Texas" }, nearMiss: "Paul Mills went back to his office in Texas." },
  // "Richard Taylor, an Atlanta architect"; "Robert Weisner, the Washington correspondent"
  { relation: 'LIVES_IN', pattern: `{source:Person} , (a|an|the) ~2 {target:Place} ~2 ${PERSON_NOUN}`, confidence: 0.6, example: { text: "Paul Mills, a Denver architect, designed the tower.", expect: "LIVES_IN Paul Mills → Denver" }, nearMiss: "Paul Mills, who visited Denver, designed the tower." },
  // "Tempe plastic surgeon Richard Pavese"
  { relation: 'LIVES_IN', pattern: `{target:Place} ~2 ${PERSON_NOUN} {source:Person}`, confidence: 0.6, example: { text: "Denver architect Paul Mills designed the tower.", expect: "LIVES_IN Paul Mills → Denver" }, nearMiss: "Denver hired Paul Mills to design the tower." },
  // "Aleksandr Kruhlow, a 72-year-old deputy from Sevastopol"
  { relation: 'LIVES_IN', pattern: '{source:Person} , (a|an|the) ~4 (from|of) {target+:Place|Country}', confidence: 0.6, example: { text: "Aleksandr Kruhlow, a 72-year-old deputy from Sevastopol, spoke.", expect: "LIVES_IN Aleksandr Kruhlow → Sevastopol" }, nearMiss: "Aleksandr Kruhlow spoke to Sevastopol." },
  // "Norman Vaughan, 83, of Trapper Creek, Alaska"
  { relation: 'LIVES_IN', pattern: '{source:Person} , ~1 , (from|of) {target+:Place|Country}', confidence: 0.65, example: { text: "Helen Marsh, 61, of Greenfield, Ohio, won the prize.", expect: "LIVES_IN Helen Marsh → Ohio" }, nearMiss: "Helen Marsh, 61, thanked the people of Ohio." },
  // "Gen. Westmoreland, the commander of U.S. forces and a South Carolina native"
  { relation: 'LIVES_IN', pattern: '{source:Person} , *6 (a|an) {target:Place|Country} (native|resident)', confidence: 0.7, example: { text: "William Westmoreland, the commander of the army and a South Carolina native, died.", expect: "LIVES_IN William Westmoreland → South Carolina" }, nearMiss: "William Westmoreland, the commander of the army, visited South Carolina." },
  { relation: 'LIVES_IN', pattern: '{target:Place|Country} (citizen|citizens|native|natives|resident|residents) {source+:Person}', confidence: 0.65, example: { text: "Ohio residents John Smith and Jane Doe won.", expect: "LIVES_IN John Smith → Ohio" }, nearMiss: "Ohio beat John Smith and Jane Doe." },
  { relation: 'LIVES_IN', pattern: '{target:Place|Country} (resident|residents|native|man|woman|governor|mayor|senator) {source:Person}', confidence: 0.6, example: { text: "Ohio native John Smith won the prize.", expect: "LIVES_IN John Smith → Ohio" }, nearMiss: "Ohio praised John Smith for the prize." },
  // "Oswald shot Kennedy", "Kennedy was assassinated by Oswald"
  { relation: 'KILLED', pattern: `{source:Person} (has|had)? ${KILL} {target:Person}`, confidence: 0.8, example: { text: "John Wilkes Booth shot Abraham Lincoln in 1865.", expect: "KILLED John Wilkes Booth → Abraham Lincoln" }, nearMiss: "John Wilkes Booth admired Abraham Lincoln in 1865." },
  { relation: 'KILLED', pattern: `{target:Person} (was|is|had|has)? (been)? ${KILL} by {source:Person}`, confidence: 0.8, example: { text: "Abraham Lincoln was shot by John Wilkes Booth.", expect: "KILLED John Wilkes Booth → Abraham Lincoln" }, nearMiss: "Abraham Lincoln was admired by John Wilkes Booth." },
  { relation: 'KILLED', pattern: `{source:Person} , (who|the) *2 ${KILL} {target:Person}`, confidence: 0.75, example: { text: "Ali Hassan, who then shot Omar Farouk, fled.", expect: "KILLED Ali Hassan → Omar Farouk" }, nearMiss: "Ali Hassan, who then met Omar Farouk, fled." },
  { relation: 'KILLED', pattern: "{target:Person} 's (assassin|killer|murderer) ,? {source:Person}", confidence: 0.8, example: { text: "The court heard that Omar Farouk's killer, Ali Hassan, had fled to Spain.", expect: "KILLED Ali Hassan → Omar Farouk" }, nearMiss: "The court heard that Omar Farouk's brother, Ali Hassan, had fled to Spain." },
  { relation: 'KILLED', pattern: '(assassin|killer|murderer) of {target:Person} ,? {source:Person}', confidence: 0.75, example: { text: "The killer of Omar Farouk, Ali Hassan, fled.", expect: "KILLED Ali Hassan → Omar Farouk" }, nearMiss: "The brother of Omar Farouk, Ali Hassan, fled." },
  { relation: 'KILLED', pattern: '{source:Person} , (the|a)? (assassin|killer|murderer) of {target:Person}', confidence: 0.8, example: { text: "Ali Hassan, the killer of Omar Farouk, fled.", expect: "KILLED Ali Hassan → Omar Farouk" }, nearMiss: "Ali Hassan, the brother of Omar Farouk, fled." },
  { relation: 'KILLED', pattern: `(assassination|murder|killing|death) of {target:Person} by {source:Person}`, confidence: 0.8, example: { text: "The murder of Omar Farouk by Ali Hassan shocked the town.", expect: "KILLED Ali Hassan → Omar Farouk" }, nearMiss: "The praise of Omar Farouk by Ali Hassan shocked the town." },
  // "Oswald was the lone gunman who killed Kennedy", "Chapman got the idea for killing Lennon": the nearest name before the verb, with no name or comma between
  { relation: 'KILLED', pattern: `{source:Person} ~8 ${KILLING} @title? {target+:Person}`, confidence: 0.65, example: { text: "Police said Ali Hassan was the gunman who shot Omar Farouk outside the mosque.", expect: "KILLED Ali Hassan → Omar Farouk" }, nearMiss: "Police said Ali Hassan was the man who found Omar Farouk outside the mosque." },
  // "Sirhan Sirhan, the man convicted of killing Kennedy"; "James Earl Ray, the convicted assassin of King"
  { relation: 'KILLED', pattern: `{source:Person} , (the|a|who) ~4 ${KILLING} @title? {target+:Person}`, confidence: 0.75, example: { text: "Ali Hassan, the man convicted of killing Omar Farouk, was released.", expect: "KILLED Ali Hassan → Omar Farouk" }, nearMiss: "Ali Hassan, the man who met Omar Farouk, was released." },
  { relation: 'KILLED', pattern: `{source:Person} , (the|a) ~2 ${KILLER} of ~3 @title? {target:Person}`, confidence: 0.8, example: { text: "Ali Hassan, the convicted assassin of Omar Farouk, was released.", expect: "KILLED Ali Hassan → Omar Farouk" }, nearMiss: "Ali Hassan, the convicted friend of Omar Farouk, was released." },
  // "Kennedy assassin Sirhan B. Sirhan"
  { relation: 'KILLED', pattern: `{target:Person} 's? ${KILLER} ,? {source:Person}`, confidence: 0.8, example: { text: "Omar Farouk assassin Ali Hassan was released.", expect: "KILLED Ali Hassan → Omar Farouk" }, nearMiss: "Omar Farouk thanked Ali Hassan on his release." },
  // "Jesse James was shot to death in St. Joseph by Robert Ford"
  { relation: 'KILLED', pattern: `{target:Person} (was|were|is|had|has)? (been)? ~2 ${KILL} to? death? *6 by {source:Person}`, confidence: 0.7, example: { text: "Omar Farouk was shot dead in Lahore by Ali Hassan.", expect: "KILLED Ali Hassan → Omar Farouk" }, nearMiss: "Omar Farouk was greeted in Lahore by Ali Hassan." },
  // "Sirhan was sentenced to death for the assassination of Robert F. Kennedy"
  { relation: 'KILLED', pattern: `{source:Person} ~8 (for|in|of) the ~3 ${KILLING_NOUN} of ~2 @title? {target+:Person}`, confidence: 0.7, example: { text: "Ali Hassan was jailed for the murder of Omar Farouk.", expect: "KILLED Ali Hassan → Omar Farouk" }, nearMiss: "Ali Hassan was jailed for the robbery of Omar Farouk." },
  // "Oswald acted alone in the Kennedy slaying"
  { relation: 'KILLED', pattern: `{source:Person} ~8 the {target:Person} ${KILLING_NOUN}`, confidence: 0.65, example: { text: "Ali Hassan acted alone in the Omar Farouk slaying.", expect: "KILLED Ali Hassan → Omar Farouk" }, nearMiss: "Ali Hassan acted alone in the Omar Farouk robbery." },
];
