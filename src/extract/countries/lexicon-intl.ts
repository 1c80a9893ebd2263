/**
 * Country forms in French, Spanish, Italian, Portuguese, Dutch, Polish, Russian and Arabic. Names
 * of every state come from i18n-iso-countries and world-countries (both list many languages);
 * this file adds what they lack for the states the news speaks of most: adjectives and
 * demonyms, capitals and seats of government in the language's spelling, and short or inflected
 * names. One line per state: `code | names | adjectives and demonyms | capitals`, entries by `;`.
 * A trailing `*` makes an entry a stem that takes any ending of up to STEM_MAX_EXTRA letters
 * (Polish and Russian inflect: "Rosj*" → Rosja, Rosji, Rosję; "российск*" → российская, российских).
 * Romance adjectives without `*` are inflected by rule (ruso → rusa, rusos, rusas).
 * All forms count only in texts of their language, so "Chili" (French for Chile) is no
 * mention in an English menu and Polish "Indie" no mention in an English review.
 */

export const INTL_LANGS = ['fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru', 'ar'] as const;
export type IntlLang = (typeof INTL_LANGS)[number];

/**
 * Languages that get the names of every state from the packages only (no curated adjectives,
 * capitals or criterion cues): enough to find the states a Ukrainian, Turkish or Swedish text
 * names. Languages written without spaces between words (Chinese, Japanese, Thai) are left out:
 * the matcher anchors on word boundaries. `stem` languages add case endings to a name
 * (Ukrainian "України", Czech "Ruska", Finnish "Venäjällä", Hungarian "Oroszországban").
 */
export const NAME_ONLY_LANGS: Record<string, { worldKey?: string; stem: boolean }> = {
  uk: { stem: true }, tr: { worldKey: 'tur', stem: true }, sv: { worldKey: 'swe', stem: false }, da: { stem: false },
  no: { stem: false }, nb: { stem: false }, fi: { worldKey: 'fin', stem: true }, cs: { worldKey: 'ces', stem: true },
  sk: { worldKey: 'slk', stem: true }, hu: { worldKey: 'hun', stem: true }, ro: { stem: false }, bg: { stem: false },
  el: { stem: false }, sr: { worldKey: 'srp', stem: true }, hr: { worldKey: 'hrv', stem: true }, bs: { stem: true },
  sl: { stem: true }, et: { worldKey: 'est', stem: true }, lt: { stem: true }, lv: { stem: true }, id: { stem: false },
  ms: { stem: false }, vi: { stem: false }, he: { stem: false }, fa: { worldKey: 'per', stem: false }, ur: { worldKey: 'urd', stem: false },
  hi: { stem: false }, bn: { stem: false }, kk: { stem: true }, uz: { stem: true }, az: { stem: true }, sw: { stem: false },
  ha: { stem: false }, so: { stem: false }, am: { stem: false }, ca: { stem: false }, be: { stem: true }, mk: { stem: false }, sq: { stem: false },
};

/** Letters a stem may take as its ending (Russian "Россией", Polish "Ukrainie", "rosyjskiego"). */
export const STEM_MAX_EXTRA = 5;

/** ISO 639-1 → world-countries' translation keys. */
export const WORLD_COUNTRIES_KEY: Record<IntlLang, string> = {
  fr: 'fra', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', pl: 'pol', ru: 'rus', ar: 'ara',
};

export const INTL_FORMS: Record<IntlLang, string> = {
  fr: `
RU|Russie|russe|Moscou;Kremlin
UA|Ukraine|ukrainien|Kiev;Kyiv
US|États-Unis;Etats-Unis;Amérique;=USA|américain;états-unien|Washington;Maison-Blanche;Maison Blanche;Pentagone
DE|Allemagne|allemand|Berlin
CN|Chine|chinois|Pékin;Pekin;Beijing
FR|France|français|Paris;Élysée;Elysée
GB|Royaume-Uni;Grande-Bretagne|britannique|Londres
IR|Iran|iranien|Téhéran;Teheran
IQ|Irak|irakien|Bagdad
SY|Syrie|syrien|Damas
TR|Turquie|turc;turque;turcs;turques|Ankara
SA|Arabie saoudite;Arabie Saoudite|saoudien|Riyad
YE|Yémen;Yemen|yéménite|Sanaa
IL|Israël;Israel|israélien|
PS|Palestine;Territoires palestiniens|palestinien|Ramallah
LB|Liban|libanais|Beyrouth
AF|Afghanistan|afghan|Kaboul
PK|Pakistan|pakistanais|Islamabad
IN|Inde|indien|New Delhi
KP|Corée du Nord|nord-coréen|Pyongyang
KR|Corée du Sud|sud-coréen|Séoul
JP|Japon|japonais|Tokyo
PL|Pologne|polonais|Varsovie
BY|Biélorussie;Bélarus|biélorusse|Minsk
GE|Géorgie|géorgien|Tbilissi
AM|Arménie|arménien|Erevan
AZ|Azerbaïdjan|azerbaïdjanais;azéri|Bakou
KZ|Kazakhstan|kazakh;kazakhstanais|Astana
EG|Égypte;Egypte|égyptien|Le Caire
LY|Libye|libyen|Tripoli
ML|Mali|malien|Bamako
BF|Burkina Faso;Burkina|burkinabè;burkinabé|Ouagadougou
NE|Niger|nigérien|Niamey
TD|Tchad|tchadien|N'Djamena
SD|Soudan|soudanais|Khartoum
SS|Soudan du Sud|sud-soudanais|Djouba
ET|Éthiopie;Ethiopie|éthiopien|Addis-Abeba
SO|Somalie|somalien|Mogadiscio
NG|Nigeria;Nigéria|nigérian|Abuja
CD|RDC;=RDC;République démocratique du Congo|congolais|Kinshasa
RW|Rwanda|rwandais|Kigali
DZ|Algérie|algérien|Alger
MA|Maroc|marocain|Rabat
MX|Mexique|mexicain|Mexico
VE|Venezuela|vénézuélien|Caracas
CO|Colombie|colombien|Bogota
BR|Brésil|brésilien|Brasilia
HT|Haïti;Haiti|haïtien|Port-au-Prince
MM|Birmanie;Myanmar|birman|Naypyidaw
ES|Espagne|espagnol|Madrid
IT|Italie|italien|Rome
AE|Émirats arabes unis;Emirats arabes unis;Émirats|émirati|Abou Dhabi
QA|Qatar|qatari|Doha
RS|Serbie|serbe|Belgrade
XK|Kosovo|kosovar|Pristina
CF|Centrafrique;République centrafricaine|centrafricain|Bangui
`,
  es: `
RU|Rusia|ruso|Moscú;Moscu;Kremlin
UA|Ucrania|ucraniano|Kiev
US|Estados Unidos;EE. UU.;EE.UU.;=EEUU;=USA|estadounidense;norteamericano|Washington;Casa Blanca;Pentágono
DE|Alemania|alemán;alemana;alemanes;alemanas|Berlín
CN|China|chino|Pekín;Beijing
FR|Francia|francés;francesa;franceses;francesas|París
GB|Reino Unido;Gran Bretaña|británico|Londres
IR|Irán|iraní;iraníes|Teherán
IQ|Irak;Iraq|iraquí;iraquíes|Bagdad
SY|Siria|sirio|Damasco
TR|Turquía|turco|Ankara
SA|Arabia Saudita;Arabia Saudí|saudí;saudíes;saudita|Riad
YE|Yemen|yemení;yemeníes|Saná
IL|Israel|israelí;israelíes|
PS|Palestina|palestino|Ramala
LB|Líbano|libanés;libanesa;libaneses|Beirut
AF|Afganistán|afgano|Kabul
PK|Pakistán|pakistaní;pakistaníes|Islamabad
IN|India|indio|Nueva Delhi
KP|Corea del Norte|norcoreano|Pionyang
KR|Corea del Sur|surcoreano|Seúl
JP|Japón|japonés;japonesa;japoneses|Tokio
PL|Polonia|polaco|Varsovia
BY|Bielorrusia|bielorruso|Minsk
GE|Georgia|georgiano|Tiflis
AM|Armenia|armenio|Ereván
AZ|Azerbaiyán|azerbaiyano;azerí|Bakú
KZ|Kazajistán|kazajo|Astaná
EG|Egipto|egipcio|El Cairo
LY|Libia|libio|Trípoli
ML|Malí|maliense|Bamako
SD|Sudán|sudanés;sudanesa;sudaneses|Jartum
SS|Sudán del Sur|sursudanés|Yuba
ET|Etiopía|etíope;etíopes|Adís Abeba
SO|Somalia|somalí;somalíes|Mogadiscio
NG|Nigeria|nigeriano|Abuja
CD|República Democrática del Congo;=RDC|congoleño|Kinsasa
RW|Ruanda|ruandés;ruandesa|Kigali
MX|México;Mexico|mexicano|Ciudad de México
VE|Venezuela|venezolano|Caracas
CO|Colombia|colombiano|Bogotá
BR|Brasil|brasileño|Brasilia
HT|Haití|haitiano|Puerto Príncipe
MM|Birmania;Myanmar|birmano|Naipyidó
ES|España|español;española;españoles;españolas|Madrid;Moncloa
IT|Italia|italiano|Roma
AE|Emiratos Árabes Unidos;Emiratos|emiratí;emiratíes|Abu Dabi
QA|Catar;Qatar|catarí|Doha
RS|Serbia|serbio|Belgrado
CU|Cuba|cubano|La Habana
AR|Argentina|argentino|Buenos Aires
NI|Nicaragua|nicaragüense|Managua
CL|Chile|chileno|Santiago de Chile
PE|Perú;Peru|peruano|Lima
EC|Ecuador|ecuatoriano|Quito
BO|Bolivia|boliviano|
SV|El Salvador|salvadoreño|San Salvador
GT|Guatemala|guatemalteco|Ciudad de Guatemala
HN|Honduras|hondureño|Tegucigalpa
MA|Marruecos|marroquí;marroquíes|Rabat
PA|Panamá|panameño|Ciudad de Panamá
PY|Paraguay|paraguayo|
UY|Uruguay|uruguayo|Montevideo
DO|República Dominicana|dominicano|Santo Domingo
DZ|Argelia|argelino|Argel
`,
  it: `
RU|Russia|russo|Mosca;Cremlino
UA|Ucraina|ucraino|Kiev
US|Stati Uniti;America;=USA|statunitense;americano|Washington;Casa Bianca;Pentagono
DE|Germania|tedesco;tedeschi;tedesche|Berlino
CN|Cina|cinese|Pechino
FR|Francia|francese|Parigi
GB|Regno Unito;Gran Bretagna|britannico;britannici|Londra
IR|Iran|iraniano|Teheran
IQ|Iraq|iracheno|Baghdad
SY|Siria|siriano|Damasco
TR|Turchia|turco;turchi;turche|Ankara
SA|Arabia Saudita|saudita;sauditi|Riad
YE|Yemen|yemenita;yemeniti|Sana'a
IL|Israele|israeliano|
PS|Palestina|palestinese|Ramallah
LB|Libano|libanese|Beirut
AF|Afghanistan|afghano|Kabul
PK|Pakistan|pakistano|Islamabad
IN|India|indiano|Nuova Delhi
KP|Corea del Nord|nordcoreano|Pyongyang
JP|Giappone|giapponese|Tokyo
PL|Polonia|polacco;polacchi;polacche|Varsavia
BY|Bielorussia|bielorusso|Minsk
EG|Egitto|egiziano|Il Cairo
LY|Libia|libico;libici;libiche|Tripoli
ML|Mali|maliano|Bamako
SD|Sudan|sudanese|Khartum
ET|Etiopia|etiope;etiopi|Addis Abeba
SO|Somalia|somalo|Mogadiscio
NG|Nigeria|nigeriano|Abuja
CD|Repubblica Democratica del Congo|congolese|Kinshasa
MX|Messico|messicano|Città del Messico
VE|Venezuela|venezuelano|Caracas
BR|Brasile|brasiliano|Brasilia
ES|Spagna|spagnolo|Madrid
IT|Italia|italiano|Roma;Palazzo Chigi
AE|Emirati Arabi Uniti;Emirati|emiratino|Abu Dhabi
AZ|Azerbaigian|azero;azerbaigiano|Baku
AM|Armenia|armeno|Erevan
`,
  pt: `
RU|Rússia|russo|Moscou;Moscovo;Kremlin
UA|Ucrânia|ucraniano|Kiev
US|Estados Unidos;EUA;=EUA|norte-americano;estadunidense;americano|Washington;Casa Branca;Pentágono
DE|Alemanha|alemão;alemã;alemães|Berlim
CN|China|chinês;chinesa;chineses;chinesas|Pequim
FR|França|francês;francesa;franceses;francesas|Paris
GB|Reino Unido;Grã-Bretanha|britânico|Londres
IR|Irã;Irão|iraniano|Teerã;Teerão
IQ|Iraque|iraquiano|Bagdá;Bagdade
SY|Síria|sírio|Damasco
TR|Turquia|turco|Ancara
SA|Arábia Saudita|saudita;sauditas|Riad
IL|Israel|israelense;israelita|
PS|Palestina|palestino|Ramallah
AF|Afeganistão|afegão;afegã;afegãos|Cabul
IN|Índia|indiano|Nova Délhi
KP|Coreia do Norte|norte-coreano|Pyongyang
JP|Japão|japonês;japonesa;japoneses|Tóquio
PL|Polônia;Polónia|polonês;polaco|Varsóvia
EG|Egito;Egipto|egípcio|Cairo
LY|Líbia|líbio|Trípoli
SD|Sudão|sudanês;sudanesa|Cartum
MZ|Moçambique|moçambicano|Maputo
AO|Angola|angolano|Luanda
CD|República Democrática do Congo|congolês;congolesa|Kinshasa
MX|México|mexicano|Cidade do México
VE|Venezuela|venezuelano|Caracas
CO|Colômbia|colombiano|Bogotá
BR|Brasil|brasileiro|Brasília;Planalto
HT|Haiti|haitiano|Porto Príncipe
ES|Espanha|espanhol;espanhola;espanhóis|Madri;Madrid
IT|Itália|italiano|Roma
PT|Portugal|português;portuguesa;portugueses|Lisboa
YE|Iêmen;Iémen|iemenita|Sanaa
`,
  nl: `
RU|Rusland|Russisch;Russische;Rus;Russen|Moskou;Kremlin
UA|Oekraïne|Oekraïens;Oekraïense;Oekraïner;Oekraïners|Kiev;Kyiv
US|Verenigde Staten;Amerika;=VS;=USA|Amerikaans;Amerikaanse;Amerikaan;Amerikanen|Washington;Witte Huis;Pentagon
DE|Duitsland|Duits;Duitse;Duitser;Duitsers|Berlijn
CN|China|Chinees;Chinese;Chinezen|Peking
FR|Frankrijk|Frans;Franse;Fransman;Fransen|Parijs
GB|Verenigd Koninkrijk;Groot-Brittannië|Brits;Britse;Brit;Britten|Londen
IR|Iran|Iraans;Iraanse;Iraniër;Iraniërs|Teheran
IQ|Irak|Iraaks;Iraakse;Irakees;Irakezen|Bagdad
SY|Syrië|Syrisch;Syrische;Syriër;Syriërs|Damascus
TR|Turkije|Turks;Turkse;Turk;Turken|Ankara
SA|Saoedi-Arabië|Saoedisch;Saoedische;Saoediër;Saoediërs|Riyad
IL|Israël|Israëlisch;Israëlische;Israëli;Israëliërs|
PS|Palestina|Palestijns;Palestijnse;Palestijn;Palestijnen|Ramallah
AF|Afghanistan|Afghaans;Afghaanse;Afghanen|Kabul
BE|België|Belgisch;Belgische;Belg;Belgen|Brussel
NL|Nederland|Nederlands;Nederlandse;Nederlander;Nederlanders|Amsterdam
PL|Polen|Pools;Poolse|Warschau
EG|Egypte|Egyptisch;Egyptische;Egyptenaar;Egyptenaren|Caïro;Cairo
LY|Libië|Libisch;Libische|Tripoli
ML|Mali|Malinees;Malinese|Bamako
MA|Marokko|Marokkaans;Marokkaanse;Marokkaan;Marokkanen|Rabat
SR|Suriname|Surinaams;Surinaamse|Paramaribo
CD|Congo;Democratische Republiek Congo|Congolees;Congolese|Kinshasa
`,
  pl: `
RU|Rosj*;Federacj* Rosyjsk*|rosyjsk*;Rosjan*;Rosjanin;Rosjanie|Moskw*;Kreml*
UA|Ukrain*|ukraińsk*;Ukrainiec;Ukraińc*|Kijow*;Kijów
US|Stan* Zjednoczon*;=USA;=US;Ameryk*;Ameryce|amerykańsk*;Amerykan*|Waszyngton*;Biał* Dom*;Pentagon*
DE|Niemc*;Niemiec|niemieck*;Niemiec;Niemców|Berlin*
CN|Chin*|chińsk*;Chińczyk*;Chińczycy;Chińczyków;Chińczykom|Pekin*
FR|Francj*|francusk*;Francuz*|Paryż*;Pary*
GB|Wielk* Brytani*;Zjednoczon* Królestw*|brytyjsk*;Brytyjczyk*|Londyn*
IR|Iran*|irańsk*;Irańczyk*|Teheran*
IQ|Irak*|irack*;Irakijczyk*|Bagdad*
SY|Syri*|syryjsk*;Syryjczyk*|Damaszk*
TR|Turcj*|tureck*;Turek;Turcy;Turków;Turkom;Turkami;Turc*|Ankar*
SA|Arabi* Saudyjsk*|saudyjsk*|Rijad*
YE|Jemen*|jemeńsk*|Sana
IL|Izrael*|izraelsk*;Izraelczyk*|
PS|Palestyn*|palestyńsk*;Palestyńczyk*|
AF|Afganistan*|afgańsk*|Kabul*
IN|Indi*|indyjsk*|Now* Delhi
KP|Kore* Północn*|północnokoreańsk*|Phenian*
KR|Kore* Południow*|południowokoreańsk*|Seul*
PL|Rzeczpospolit* Polsk*;Polsce|polsk*;Polak*;Polac*|Warszaw*
BY|Białoru*|białorusk*|Mińsk*
GE|Gruzj*|gruzińsk*|Tbilis*
AM|Armeni*|ormiańsk*|Erywa*
AZ|Azerbejdżan*|azerbejdżańsk*|Baku
KZ|Kazachstan*|kazachsk*;kazachstańsk*|Astan*
EG|Egipt*;Egipcie|egipsk*|Kair*
LY|Libi*|libijsk*|Trypolis*
ML|Mali|malijsk*|Bamako
SD|Sudan*|sudańsk*|Chartum*
ET|Etiopi*|etiopsk*|Addis Abeb*
SO|Somali*|somalijsk*|Mogadisz*
NG|Nigeri*|nigeryjsk*|Abuj*
CD|Demokratyczn* Republik* Kong*|kongijsk*|Kinszas*
RW|Rwand*|rwandyjsk*|Kigali
MX|Meksyk*|meksykańsk*|Meksyk*
VE|Wenezuel*|wenezuelsk*|Caracas
LT|Litw*|litewsk*|Wilno;Wilni*
LV|Łotw*|łotewsk*|Ryg*
EE|Estoni*|estońsk*|Tallin*
RS|Serbi*|serbsk*|Belgrad*
ES|Hiszpani*|hiszpańsk*|Madryt*
IT|Włoch*|włosk*|Rzym*
JP|Japoni*|japońsk*|Tokio
MD|Mołdawi*|mołdawsk*|Kiszyni*
CZ|Czech;Czechy;Czechach;Czechom;Republik* Czesk*|czesk*;Czesi;Czechów|Praga;Pradze;Pragi;Pragę
SK|Słowacj*|słowack*;Słowak;Słowacy;Słowaków;Słowakom|Bratysław*
HU|Węgr*;Węgier|węgiersk*;Węgrz*|Budapeszt*
SE|Szwecj*|szwedzk*;Szwed*|Sztokholm*
FI|Finlandi*|fińsk*;Finowie;Finów|Helsin*
NO|Norwegi*|norwesk*;Norweg*|Osl*
DK|Dania;Danii;Danię;Danią|duńsk*;Duńczy*|Kopenhag*
RO|Rumuni*|rumuńsk*;Rumun*|Bukareszt*
TM|Turkmenistan*;Turkmeni*|turkmeńsk*|Aszchabad*
`,
  ru: `
RU|Росси*;Российск* Федераци*;=РФ|российск*;русск*;россиян*|Москв*;Кремл*
UA|Украин*|украинск*;украинц*|Киев*
US|=США;Соединённ* Штат*;Соединенн* Штат*;Америк*|американск*;американц*|Вашингтон*;Бел* дом*;Пентагон*
DE|Германи*;ФРГ|германск*;немецк*;немц*;немец|Берлин*
CN|Кита*;КНР|китайск*;китайц*|Пекин*
FR|Франци*|французск*;француз*|Париж*;Елисейск* двор*
GB|Великобритани*;Британи*|британск*;британц*|Лондон*
IR|Иран*|иранск*;иранц*|Тегеран*
IQ|Ирак*|иракск*;иракц*|Багдад*
SY|Сири*|сирийск*;сирийц*|Дамаск*
TR|Турци*|турецк*;турок;турки;турков;туркам;турками;турках|Анкар*
SA|Саудовск* Арави*|саудовск*|Эр-Рияд*;Рияд*
YE|Йемен*|йеменск*|Сана
IL|Израил*|израильск*;израильтян*|
PS|Палестин*|палестинск*;палестинц*|
LB|Ливан*|ливанск*|Бейрут*
AF|Афганистан*|афганск*;афганц*|Кабул*
PK|Пакистан*|пакистанск*|Исламабад*
IN|Инди*|индийск*;индийц*|Нью-Дели
KP|КНДР;Северн* Коре*|северокорейск*|Пхеньян*
KR|Южн* Коре*|южнокорейск*|Сеул*
JP|Япони*|японск*;японц*|Токио
PL|Польш*|польск*;поляк*|Варшав*
BY|Беларус*;Белорусси*|белорусск*;белорус*|Минск*
GE|Грузи*|грузинск*;грузин*|Тбилиси
AM|Армени*|армянск*;армян*|Ереван*
AZ|Азербайджан*|азербайджанск*;азербайджанц*|Баку
KZ|Казахстан*|казахстанск*;казахск*;казах*|Астан*
KG|Киргизи*;Кыргызстан*|киргизск*;кыргызск*|Бишкек*
TJ|Таджикистан*|таджикск*|Душанбе
UZ|Узбекистан*|узбекск*|Ташкент*
TM|Туркменистан*;Туркмени*|туркменск*|Ашхабад*
MD|Молдави*;Молдов*|молдавск*|Кишин*
EG|Египт*|египетск*|Каир*
LY|Ливи*|ливийск*|Триполи
ML|Мали|малийск*|Бамако
SD|Судан*|суданск*|Хартум*
ET|Эфиопи*|эфиопск*|Аддис-Абеб*
SO|Сомали|сомалийск*|Могадишо
NG|Нигери*|нигерийск*|Абуджа
CF|ЦАР;Центральноафриканск* Республик*|центральноафриканск*|Банги
VE|Венесуэл*|венесуэльск*|Каракас*
CU|Куб*|кубинск*|Гаван*
LT|Литв*|литовск*|Вильнюс*
LV|Латви*|латвийск*|Риг*
EE|Эстони*|эстонск*|Таллин*
FI|Финлянди*|финск*|Хельсинки
RS|Серби*|сербск*|Белград*
ES|Испани*|испанск*|Мадрид*
IT|Итали*|итальянск*|Рим*
AE|ОАЭ;Объединённ* Арабск* Эмират*|эмиратск*|Абу-Даби
QA|Катар*|катарск*|Доха
`,
  ar: `
RU|روسيا;موسكو|روسي;روسية;الروسي;الروسية|الكرملين
UA|أوكرانيا;اوكرانيا|أوكراني;أوكرانية;الأوكراني;الأوكرانية|كييف
US|الولايات المتحدة;أمريكا;امريكا;واشنطن|أمريكي;أمريكية;الأمريكي;الأمريكية;الأميركي;الأميركية|البيت الأبيض;البنتاغون
DE|ألمانيا;المانيا|ألماني;ألمانية;الألماني;الألمانية|برلين
CN|الصين|صيني;صينية;الصيني;الصينية|بكين
FR|فرنسا|فرنسي;فرنسية;الفرنسي;الفرنسية|باريس
GB|بريطانيا;المملكة المتحدة|بريطاني;بريطانية;البريطاني;البريطانية|لندن
IR|إيران;ايران|إيراني;إيرانية;الإيراني;الإيرانية|طهران
IQ|العراق|عراقي;عراقية;العراقي;العراقية|بغداد
SY|سوريا;سورية|سوري;سورية;السوري;السورية|دمشق
TR|تركيا|تركي;تركية;التركي;التركية|أنقرة
SA|السعودية;المملكة العربية السعودية|سعودي;سعودية;السعودي|الرياض
YE|اليمن|يمني;يمنية;اليمني;اليمنية|صنعاء
IL|إسرائيل;اسرائيل|إسرائيلي;إسرائيلية;الإسرائيلي;الإسرائيلية|
PS|فلسطين|فلسطيني;فلسطينية;الفلسطيني;الفلسطينية;الفلسطينيين|رام الله
LB|لبنان|لبناني;لبنانية;اللبناني;اللبنانية|بيروت
EG|مصر|مصري;مصرية;المصري;المصرية|القاهرة
LY|ليبيا|ليبي;ليبية;الليبي;الليبية|طرابلس
SD|السودان|سوداني;سودانية;السوداني;السودانية|الخرطوم
JO|الأردن;الاردن|أردني;أردنية;الأردني;الأردنية|عمان
AE|الإمارات;الامارات|إماراتي;إماراتية;الإماراتي;الإماراتية|أبوظبي;أبو ظبي
QA|قطر|قطري;قطرية;القطري;القطرية|الدوحة
AF|أفغانستان|أفغاني;أفغانية;الأفغاني|كابل
PK|باكستان|باكستاني;باكستانية;الباكستاني|إسلام آباد
DZ|الجزائر|جزائري;جزائرية;الجزائري;الجزائرية|
MA|المغرب|مغربي;مغربية;المغربي;المغربية|الرباط
`,
};

/**
 * Arabic joins the conjunction and some prepositions to the next word ("وروسيا", "بسوريا",
 * "للسعودية"): every Arabic form also counts with them.
 */
export function arabicClitics(form: string): string[] {
  const out = ['', 'و', 'ب', 'ل', 'ف', 'وب', 'ول', 'فب'].map((p) => p + form);
  if (form.startsWith('ال')) {
    const bare = form.slice(2);
    out.push(...['لل', 'وال', 'بال', 'فال', 'وبال', 'ولل'].map((p) => p + bare));
  }
  return out;
}

/** Masculine singular Romance adjective → its four forms (ruso → rusa, rusos, rusas; cinese → cinesi). */
export function romanceAdjectiveForms(lang: 'fr' | 'es' | 'it' | 'pt', form: string): string[] {
  const w = form;
  if (lang === 'fr') {
    if (/e$/.test(w)) return [w, w + 's'];
    if (/en$/.test(w)) return [w, w + 'ne', w + 's', w + 'nes'];
    if (/[sx]$/.test(w)) return [w, w + 'e', w + 'es'];
    return [w, w + 'e', w + 's', w + 'es'];
  }
  if (lang === 'it') {
    if (/o$/.test(w)) return [w, w.slice(0, -1) + 'a', w.slice(0, -1) + 'i', w.slice(0, -1) + 'e'];
    if (/e$/.test(w)) return [w, w.slice(0, -1) + 'i'];
    if (/a$/.test(w)) return [w, w.slice(0, -1) + 'i'];
    return [w];
  }
  // es, pt
  if (/o$/.test(w)) return [w, w.slice(0, -1) + 'a', w + 's', w.slice(0, -1) + 'as'];
  if (/e$/.test(w)) return [w, w + 's'];
  return [w];
}
