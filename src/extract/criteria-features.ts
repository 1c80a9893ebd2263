/**
 * Features that decide a criterion from two kinds of words near each other, where neither word
 * alone is evidence: civilians or protesters near harm (criterion 2: "missile strike on a
 * residential building injuring civilians", "Schießbefehl gegen Demonstranten"), allies near a
 * threat (5: "airspace violations of NATO members"), a terrorist group near backing (6), weapons
 * near capture or sale (7: "army weapons captured by insurgents"), armed groups near control (3).
 * And negation: cues inside "an inquiry found no evidence of …" do not count.
 * Marker words are folded (lower case, no diacritics; Polish ł stays) in German, English, French, Spanish,
 * Italian, Portuguese, Polish and Russian; a trailing `*` takes any ending. They share the cue trie (criteria.ts).
 */

/**
 * Stands for a mention of an EU or NATO member state in the pair
 * features; the pipeline adds these markers from the country mentions.
 */
export const ALLY_MARKER = '@ally';

/**
 * EU member states (27) and NATO members (32) as of 2024: the states criterion 5 protects.
 * Sources: europa.eu/…/eu-countries, nato.int/cps/en/natohq/nato_countries.htm (as of 2024-03, Sweden joined).
 */
export const EU_NATO_MEMBERS: ReadonlySet<string> = new Set(
  ('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE ' +
    'AL CA IS ME MK NO TR GB US').split(' '),
);

export interface PairFeature {
  criterion: number;
  /** Shown as the cue: "civilians … injured". */
  label: string;
  a: readonly string[];
  b: readonly string[];
  /** Characters between the two words at most. */
  window: number;
  weight: number;
}

export const PAIR_FEATURES: PairFeature[] = [
  {
    criterion: 2,
    label: 'victims+harm',
    a: ['civilian*', 'zivilist*', 'zivilbevolkerung', 'children', 'kinder', 'kindern', 'women', 'frauen', 'residential', 'wohnhaus*', 'wohngebaude*',
      'wohngebiet*', 'protester*', 'demonstrant*', 'demonstrator*', 'journalist*', 'civils', 'civiles', 'manifestant*', 'civili', 'civis', 'manifestanti', 'cywil*', 'demonstrant*', 'мирн*', 'протестующ*', 'демонстрант*'],
    b: ['killed', 'getotet', 'tote', 'killing', 'killings', 'massacre*', 'massaker*', 'injur*', 'wounded', 'verletzt*', 'shot', 'erschoss*', 'shelling', 'beschuss',
      'beschoss*', 'strike*', 'bomb*', 'lethal', 'force', 'schiess*', 'schussbefehl*', 'schiessbefehl*', 'opened fire', 'fired on', 'beaten', 'dispers*',
      'died', 'fatally', 'starben', 'ums leben', 'todlich*', 'erschossen', 'das feuer', 'tues', 'blesses', 'muertos', 'heridos', 'asesinad*', 'uccis*', 'ferit*', 'mortos', 'feridos', 'zabit*', 'rann*', 'zgin*', 'погиб*', 'ранен*', 'убит*', 'разгон*'],
    window: 120,
    weight: 2,
  },
  {
    // a chemical attack with victims: "an attack ... that killed more than 40 people", "Giftgasangriff mit Dutzenden Toten"
    criterion: 2,
    label: 'chemical attack+victims',
    a: ['gas attack*', 'chemical attack*', 'chemical weapon*', 'chlorine', 'nerve agent*', 'sarin', 'giftgas*', 'chemiewaffe*', 'chlorgas', 'nervengift*',
      'nervenkampfstoff*', 'armes chimiques', 'attaque chimique', 'armas quimicas', 'ataque quimico', 'armi chimiche', 'bron chemiczn*', 'химическ*', 'зарин'],
    b: ['killed', 'killing', 'injured', 'dead', 'died', 'victims', 'getotet', 'tote', 'toten', 'opfer', 'verletzt*', 'starben', 'tues', 'morts', 'victimes',
      'muertos', 'victimas', 'morti', 'vittime', 'mortos', 'zabit*', 'ofiar*', 'погиб*', 'жертв*'],
    window: 150,
    weight: 2.5,
  },
  {
    // a member state named near a threat: "Turkish threat of military action against Greece", "airspace of Estonia"
    criterion: 5,
    label: 'member state+threat',
    a: [ALLY_MARKER],
    b: ['threat*', 'threaten*', 'bedroh*', 'drohung*', 'droht', 'drohte*', 'gedroht', 'androh*', 'airspace', 'luftraum*', 'sabotage*', 'hybrid*', 'provocation*',
      'provokation*', 'intimidat*', 'einschuchter*', 'territorial waters', 'hoheitsgewasser*', 'staatsgebiet*', 'eingedrungen', 'incursion*', 'intrusion*',
      'danger*', 'gefahr*', 'security concerns', 'sicherheitsbedenken', 'sicherheitsvorkehrung*', 'espace aerien', 'espacio aereo', 'spazio aereo',
      'espaco aereo', 'przestrzen* powietrzn*', 'воздушн*', 'menace*', 'amenaza*', 'minacc*', 'ameac*', 'zagroz*', 'zagraza*', 'угроз*', 'угрожа*'],
    window: 100,
    weight: 2,
  },
  {
    criterion: 5,
    label: 'allies+threat',
    a: ['nato', 'nato-staat*', 'nato-mitglied*', 'nato member*', 'nato ally', 'nato allies', 'eu member*', 'eu-staat*', 'eu-mitglied*', 'member state*',
      'mitgliedstaat*', 'bundnispartner*', 'alliierte*', 'allies', 'us base*', 'us-stutzpunkt*', 'us forces', 'us troops', 'otan', 'нато'],
    b: ['threat*', 'threaten*', 'bedroh*', 'drohung*', 'droht', 'drohte*', 'gedroht', 'androh*', 'airspace', 'luftraum*', 'violation*', 'verletz*', 'sabotage*', 'attack*', 'angriff*', 'angegriffen',
      'provocation*', 'provokation*', 'hybrid*', 'pressure', 'danger*', 'gefahr*', 'menace*', 'amenaza*', 'minacc*', 'ameac*', 'zagroz*', 'zagraza*', 'угроз*', 'угрожа*'],
    window: 100,
    weight: 2,
  },
  {
    // migration used as pressure on member states: "illegal migrants on the border between Belarus and Lithuania", "Migranten an die EU-Außengrenze"
    criterion: 5,
    label: 'migrants+member state',
    a: [ALLY_MARKER, 'eu', 'european union', 'europaischen union', 'europaische union', 'eu-aussengrenze*', 'eu territory', 'eu-gebiet', 'schengen*', 'ue', 'union europeenne', 'union europea', 'ес', 'евросоюз*'],
    b: ['migrant*', 'migranten', 'migration*', 'illegal immigrants', 'irregular immigrants', 'schleus*', 'migrantes', 'migranti', 'мигрант*'],
    window: 100,
    weight: 2.5,
  },
  {
    criterion: 6,
    label: 'terror group+backing',
    a: ['terror*', 'al-qaeda', 'al qaeda', 'al-kaida', 'al-qaida', 'hezbollah', 'hisbollah', 'hamas', 'houthi*', 'huthi*', 'militants', 'islamic state',
      'islamischer staat', 'terroristes', 'terroristas', 'terroristi', 'terroryst*', 'террорист*', 'боевик*'],
    // support by someone, not affiliation ("al-Qaeda-linked" describes a group, not a state's support)
    b: ['backed', 'backing', 'support*', 'unterstutz*', 'arming', 'armed by', 'bewaffnet', 'financ*', 'finanzier*', 'sponsor*',
      'trained', 'ausgebildet', 'sold', 'supplied', 'verkauft*', 'geliefert', 'soutien', 'soutenu*', 'apoyo', 'apoyad*', 'sostegno', 'sostenut*', 'finanziat*', 'apoio', 'apoiad*', 'financiad*', 'wspier*', 'wsparci*', 'finansowa*', 'поддерж*', 'финансир*'],
    window: 80,
    weight: 2,
  },
  {
    // a breach of international law or of another state's sovereignty: "a violation of UN Security Resolution 2216 and international law", "infringing Sudan's sovereignty"
    criterion: 6,
    label: 'international law+breach',
    a: ['international law', 'international laws', 'volkerrecht*', 'sovereignty', 'souveranitat*', 'un charter', 'un-charta', 'droit international', 'souverainete',
      'derecho internacional', 'soberania', 'diritto internazionale', 'sovranita', 'direito internacional', 'prawa miedzynarodowego', 'prawo miedzynarodowe',
      'suwerennos*', 'международного права', 'международное право', 'суверенитет*'],
    b: ['violat*', 'breach*', 'infring*', 'disrespect*', 'flout*', 'defy*', 'defied', 'verletz*', 'bruch', 'bricht', 'gebrochen', 'missacht*', 'verstoss*',
      'violation*', 'viole*', 'violacion*', 'violazion*', 'viola', 'violac*', 'narusz*', 'lama*', 'нарушени*', 'нарушил*', 'нарушает'],
    window: 80,
    weight: 2,
  },
  {
    // a resolution, embargo or sanctions regime broken: "a violation of UN Security Resolution 2216", "verstößt gegen das Waffenembargo"
    criterion: 1,
    label: 'resolution+breach',
    a: ['resolution*', 'un-resolution*', 'uno-resolution*', 'embargo*', 'waffenembargo*', 'arms embargo*', 'resolucion*', 'risoluzion*', 'rezolucj*', 'резолюци*', 'эмбарго'],
    b: ['violat*', 'breach*', 'verletz*', 'verstoss*', 'verstiess*', 'bruch', 'gebrochen', 'unterlauf*', 'violation*', 'viole*', 'violacion*', 'violazion*',
      'narusz*', 'нарушени*', 'нарушил*', 'нарушает', 'нарушают'],
    window: 60,
    weight: 2,
  },
  {
    // arms to a non-state armed group, an end user no export licence intends: "backs the RSF with arms", "Waffen an die Huthi-Rebellen"
    criterion: 7,
    label: 'arms+armed group',
    a: ['militia*', 'militias', 'rebels', 'rebel', 'armed group*', 'paramilitar*', 'insurgents', 'miliz*', 'rebellen', 'rebellengruppe*', 'aufstandische*',
      'bewaffnete gruppen', 'rsf', 'houthi*', 'huthi*', 'hezbollah', 'hisbollah', 'm23', 'milices', 'rebelles', 'milicias', 'rebeldes', 'milizie', 'ribelli',
      'боевик*', 'повстанц*', 'ополчен*'],
    b: ['arms', 'weapons', 'waffen', 'supplied', 'supplying', 'arming', 'armed by', 'equipped', 'geliefert', 'beliefert', 'lieferte', 'ausgerustet', 'aufgerustet',
      'armes', 'armas', 'armi', 'оружие', 'оружием', 'оружия'],
    window: 60,
    weight: 2.5,
  },
  {
    criterion: 7,
    label: 'weapons+capture',
    a: ['weapons', 'arms', 'guns', 'ammunition', 'rifles', 'waffen', 'munition', 'gewehre', 'armes', 'armas', 'armi', 'bron', 'broni', 'оружи*', 'боеприпас*'],
    b: ['captured', 'seized', 'looted', 'stolen', 'erbeutet', 'gestohlen', 'gepluendert', 'geplundert', 'fell into', 'sold', 'verkauft*', 'resold',
      'volees', 'saisies', 'robad*', 'incautad*', 'rubat*', 'sequestrat*', 'roubad*', 'apreendid*', 'skradzion*', 'przejet*', 'захвач*', 'похищ*'],
    window: 60,
    weight: 2,
  },
  {
    // the economy shrinking: "die Wirtschaft ist um 80 Prozent gesunken", "the economy contracted by a third"
    criterion: 8,
    label: 'economy+contraction',
    a: ['economy', 'wirtschaft', 'wirtschaftsleistung', 'gdp', 'bip', 'economie', 'economia', 'gospodark*', 'экономик*', 'ввп'],
    b: ['shrank', 'shrunk', 'shrinking', 'contracted', 'contraction', 'collapsed', 'gesunken', 'geschrumpft', 'schrumpf*', 'eingebrochen', 'einbruch',
      'contracte*', 'contrajo', 'contraccion', 'crollat*', 'encolheu', 'skurczy*', 'сократил*', 'упал*', 'рухнул*'],
    window: 60,
    weight: 2.5,
  },
  {
    criterion: 3,
    label: 'armed groups+control',
    a: ['gangs', 'gang', 'banden', 'cartel*', 'kartell*', 'militia*', 'miliz*', 'armed groups', 'bewaffnete gruppen', 'rebels', 'rebellen', 'insurgents',
      'aufstandische*', 'pandillas', 'bandes', 'боевик*', 'банд*'],
    b: ['control*', 'kontroll*', 'beherrsch*', 'offensive', 'fighting', 'kampf*', 'stronghold', 'hochburg', 'seized', 'erobert', 'captur*', 'besetzt'],
    window: 80,
    weight: 1.5,
  },
];

/**
 * Openers of a negation scope: what follows in the sentence (up to NEGATION_SCOPE characters) is not
 * evidence. Hedged or denied claims ("reportedly", "allegedly", "Kigali denied supporting M23") stay
 * evidence: the dev labels count alleged conduct, and a denial is itself a report of the claim.
 */
export const NEGATION_MARKERS: readonly string[] = [
  'no evidence', 'found no', 'no sign of', 'no signs of', 'no indication', 'no proof', 'not been proven', 'unfounded', 'did not find', 'no reports of',
  'no cases of', 'keine hinweise', 'kein hinweis', 'keine beweise', 'keine anzeichen', 'keine berichte uber', 'nicht festgestellt',
  'keine belege', 'nicht nachgewiesen', 'nicht belegt', 'haltlos', 'aucune preuve', 'aucun indice', 'sans preuve', 'ninguna prueba', 'sin pruebas',
  'no hay pruebas', 'nessuna prova', 'senza prove', 'nenhuma prova', 'sem provas', 'brak dowodow', 'nie ma dowodow', 'нет доказательств', 'не обнаружил*', 'не нашл*',
];
export const NEGATION_SCOPE = 80;
/** A negated cue keeps this share of its weight. */
export const NEGATED_FACTOR = 0.2;

/**
 * Counter phrases: the fight against a thing is not the thing. Cue and marker words inside them do
 * not count ("Unterstützung im Kampf gegen den Terror", "counter-terrorism cooperation",
 * "Terrorismusbekämpfung"); a trailing `*` takes any ending.
 */
export const COUNTER_PHRASES: readonly string[] = [
  'fight against terror*', 'fight against jihad*', 'war on terror*', 'counter-terror*', 'counterterror*', 'anti-terror*', 'combating terror*',
  'combat terrorism', 'countering terror*', 'kampf gegen den terror*', 'kampf gegen terror*', 'kampfes gegen den terror*', 'terrorbekampfung*',
  'terrorismusbekampfung*', 'terrorabwehr*', 'anti-terror-*', 'antiterror*', 'lutte contre le terrorisme', 'lutte antiterroriste', 'antiterroriste*',
  'lucha contra el terrorismo', 'antiterrorista*', 'lotta al terrorismo', 'antiterrorismo', 'combate ao terrorismo', 'walk* z terroryzmem',
  'борьб* с терроризмом', 'контртеррорист*', 'антитеррорист*',
];

