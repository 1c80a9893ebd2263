/**
 * Curated forms that country-name packages lack, for every sovereign state (plus XK, PS, TW, VA).
 * One line per state; columns separated by `|`, entries by `;`:
 *
 *   code | German adjective stems | German demonyms | English adjectives and demonyms | capitals and seats of government | extra names
 *
 * German adjective stems are inflected (russisch → russisch/-e/-en/-er/-es/-em) and may follow `pro`/`anti`;
 * German demonyms are inflected (Russe → Russen/Russin/Russinnen, Kasache → Kasachen/Kasachin,
 * Nordkoreaner → Nordkoreanern/Nordkoreanerin…); English forms get a plural. Names in German and English
 * also come from i18n-iso-countries; the last column adds short forms, inflected multi-word forms and
 * abbreviations. Prefixes on an entry: `=` exact case only (abbreviations), `~` may be a personal name
 * (guarded), `^` German texts only, `%` English texts only.
 * The UK's nations (England, Scotland, Wales) stand for the state as its name does ("India tour of England").
 * Deliberately absent: Brüssel/Brussels (stands for the EU), Den Haag/The Hague (courts), ambiguous
 * stems (koreanisch, Korean), languages (englisch, English, arabisch), and capitals that are common
 * words or names elsewhere (Victoria, Male, Kingston, San José, Georgetown, Santiago).
 */
export const LEXICON_DATA = `
AF|afghanisch|Afghane|Afghan;Afghani|Kabul|
AL|albanisch|Albaner|Albanian|Tirana|
DZ|algerisch|Algerier|Algerian|Algier;Algiers|
AD|andorranisch|Andorraner|Andorran|Andorra la Vella|
AO|angolanisch|Angolaner|Angolan|Luanda|
AG|antiguanisch|Antiguaner|Antiguan|St. John’s|Antigua
AR|argentinisch|Argentinier|Argentine;Argentinian|Buenos Aires|
AM|armenisch|Armenier|Armenian|Eriwan;Jerewan;Yerevan|
AU|australisch|Australier|Australian;Aussie|Canberra|
AT|österreichisch|Österreicher|Austrian|Wien;Vienna|
AZ|aserbaidschanisch;aserbeidschanisch|Aserbaidschaner;Aseri|Azerbaijani;Azeri;Azerbaijanian|Baku|Aserbeidschan
BS|bahamaisch|Bahamaer|Bahamian||Bahamas
BH|bahrainisch|Bahrainer|Bahraini|Manama|
BD|bangladeschisch|Bangladescher|Bangladeshi|Dhaka;Dakka|
BB|barbadisch|Barbadier|Barbadian;Bajan|Bridgetown|
BY|belarussisch;weißrussisch;weissrussisch;belarusisch|Belarusse;Weißrusse;Weissrusse|Belarusian;Belarussian;Byelorussian|Minsk|Weißrussland;Weissrussland;Belarus
BE|belgisch|Belgier|Belgian||
BZ|belizisch|Belizer|Belizean|Belmopan|
BJ|beninisch|Beniner|Beninese|Porto-Novo|
BT|bhutanisch|Bhutaner|Bhutanese|Thimphu|
BO|bolivianisch|Bolivianer|Bolivian|=La Paz|
BA|bosnisch;bosnisch-herzegowinisch|Bosnier;Bosniake|Bosnian;Bosniak|Sarajevo|Bosnien;Bosnia;Bosnien-Herzegowina;Bosnia-Herzegovina;Bosnien und Herzegowina
BW|botswanisch|Botswaner|Botswanan;Motswana;Batswana|Gaborone|
BR|brasilianisch|Brasilianer|Brazilian|Brasília;Brasilia|
BN|bruneiisch|Bruneier|Bruneian|Bandar Seri Begawan|Brunei
BG|bulgarisch|Bulgare|Bulgarian|~Sofia|
BF|burkinisch|Burkiner|Burkinabe;Burkinabé|Ouagadougou|
BI|burundisch|Burundier|Burundian|Gitega;Bujumbura|
KH|kambodschanisch|Kambodschaner|Cambodian|Phnom Penh|
CM|kamerunisch|Kameruner|Cameroonian|Jaunde;Yaoundé;Yaounde|
CA|kanadisch|Kanadier|Canadian|Ottawa|
CV|kapverdisch|Kapverdier|Cape Verdean;Cabo Verdean|Praia|Kapverden;Cabo Verde;Kap Verde;Cape Verde
CF||Zentralafrikaner||Bangui|Zentralafrikanische Republik;Zentralafrikanischen Republik;Central African Republic;=CAR
TD|tschadisch|Tschader|Chadian|N’Djamena;N'Djamena;Ndjamena|Tschad;%~Chad
CL|chilenisch|Chilene|Chilean|Santiago de Chile|
CN|chinesisch|Chinese|Chinese|Peking;Beijing|Volksrepublik China;VR China;=PRC
CO|kolumbianisch|Kolumbianer|Colombian|Bogotá;Bogota|
KM|komorisch|Komorer|Comorian||Komoren;Comoros
CG||||Brazzaville|Republik Kongo;Republic of Congo;Republic of the Congo;Kongo-Brazzaville;Congo-Brazzaville
CD|kongolesisch|Kongolese|Congolese|Kinshasa|DR Kongo;DR Congo;=DRC;=DRK;Kongo;Congo;Demokratische Republik Kongo;Demokratischen Republik Kongo;Democratic Republic of Congo;Democratic Republic of the Congo;Kongo-Kinshasa;Congo-Kinshasa
CR|costa-ricanisch;costaricanisch|Costa-Ricaner;Costaricaner|Costa Rican||
CI|ivorisch|Ivorer|Ivorian|Yamoussoukro|Elfenbeinküste;Côte d’Ivoire;Côte d'Ivoire;Cote d'Ivoire;Cote d’Ivoire;Ivory Coast
HR|kroatisch|Kroate|Croatian;Croat|Zagreb|
CU|kubanisch|Kubaner|Cuban|Havanna;Havana|
CY|zyprisch;zypriotisch|Zyprer;Zypriot|Cypriot|Nikosia;Nicosia|
CZ|tschechisch|Tscheche|Czech|Prag;Prague|Tschechien;Czechia;Czech Republic;Tschechische Republik;Tschechischen Republik
DK|dänisch|Däne|Danish;~Dane|Kopenhagen;Copenhagen|
DJ|dschibutisch|Dschibutier|Djiboutian||Dschibuti;Djibouti
DM||||Roseau|Dominica
DO|dominikanisch|Dominikaner|Dominican|Santo Domingo|Dominikanische Republik;Dominikanischen Republik
EC|ecuadorianisch|Ecuadorianer|Ecuadorian;Ecuadorean|Quito|
EG|ägyptisch;aegyptisch|Ägypter;Aegypter|Egyptian|Kairo;Cairo|Aegypten
SV|salvadorianisch|Salvadorianer|Salvadoran;Salvadorean|San Salvador|
GQ|äquatorialguineisch|Äquatorialguineer|Equatorial Guinean;Equatoguinean|Malabo|
ER|eritreisch|Eritreer|Eritrean|Asmara|
EE|estnisch|Este|Estonian|Tallinn|
SZ|swasiländisch;eswatinisch|Swasi|Swazi;Emaswati|Mbabane|Swasiland;Swaziland;Eswatini
ET|äthiopisch;aethiopisch|Äthiopier;Aethiopier|Ethiopian|Addis Abeba;Addis Ababa|Aethiopien
FJ|fidschianisch|Fidschianer|Fijian|Suva|Fidschi;Fiji
FI|finnisch|Finne|Finnish;~Finn|Helsinki|
FR|französisch;franzoesisch|Franzose;Französin|French;Frenchman;Frenchmen;Frenchwoman;Frenchwomen|~Paris;Élysée;Elysée;Elysee;Élysée-Palast|
GA|gabunisch|Gabuner|Gabonese|Libreville|
GM|gambisch|Gambier|Gambian|Banjul|
GE|georgisch|Georgier|Georgian|Tiflis;Tbilisi|~Georgia;Georgien
DE|deutsch||German|~Berlin|=BRD;Bundesrepublik Deutschland;Bundesrepublik
GH|ghanaisch|Ghanaer|Ghanaian|Accra|
GR|griechisch|Grieche|Greek|Athen;Athens|Hellas
GD|grenadisch|Grenader|Grenadian|St. George’s|
GT|guatemaltekisch|Guatemalteke|Guatemalan|Guatemala-Stadt;Guatemala City|
GN|guineisch|Guineer|Guinean|Conakry|
GW|guinea-bissauisch|Guinea-Bissauer|Bissau-Guinean|Bissau|
GY|guyanisch|Guyaner|Guyanese||
HT|haitianisch|Haitianer|Haitian|Port-au-Prince|
HN|honduranisch|Honduraner|Honduran|Tegucigalpa|
HU|ungarisch|Ungar|Hungarian|Budapest|
IS|isländisch|Isländer|Icelandic;Icelander|Reykjavík;Reykjavik|^Island
IN|indisch|Inder|Indian|Neu-Delhi;New Delhi|
ID|indonesisch|Indonesier|Indonesian|Jakarta|
IR|iranisch|Iraner|Iranian|Teheran;Tehran|Islamische Republik Iran;Islamischen Republik Iran
IQ|irakisch|Iraker|Iraqi|Bagdad;Baghdad|
IE|irisch|Ire|Irish;Irishman;Irishmen|Dublin|
IL|israelisch|Israeli|Israeli||
IT|italienisch|Italiener|Italian|Rom;Rome|
JM|jamaikanisch|Jamaikaner|Jamaican||
JP|japanisch|Japaner|Japanese|Tokio;Tokyo|
JO|jordanisch|Jordanier|Jordanian|Amman|%~Jordan;Jordanien
KZ|kasachisch|Kasache|Kazakh;Kazakhstani|Astana;Nur-Sultan|Kasachstan
KE|kenianisch|Kenianer|Kenyan|Nairobi|
KI|kiribatisch|Kiribatier|I-Kiribati|Tarawa|
KP|nordkoreanisch|Nordkoreaner|North Korean|Pjöngjang;Pjongjang;Pyongyang|=DPRK;Nordkorea;Nord-Korea;North Korea
KR|südkoreanisch;suedkoreanisch|Südkoreaner;Suedkoreaner|South Korean|Seoul|Südkorea;Süd-Korea;South Korea;=ROK;Republic of Korea;Republik Korea
XK|kosovarisch;kosovo-albanisch|Kosovare;Kosovo-Albaner|Kosovar;Kosovan|Pristina;Priština;Prishtina|Kosovo
KW|kuwaitisch|Kuwaiter|Kuwaiti|Kuwait-Stadt;Kuwait City|
KG|kirgisisch|Kirgise|Kyrgyz;Kyrgyzstani;Kirghiz|Bischkek;Bishkek|Kirgistan;Kirgisistan;Kirgisien;Kyrgyzstan
LA|laotisch|Laote|Laotian|Vientiane|Laos
LV|lettisch|Lette|Latvian|Riga|
LB|libanesisch|Libanese|Lebanese|Beirut|
LS|lesothisch|Lesother|Basotho;Mosotho|Maseru|
LR|liberianisch|Liberianer|Liberian|Monrovia|
LY|libysch|Libyer|Libyan|Tripolis;Tripoli|
LI|liechtensteinisch|Liechtensteiner|Liechtensteiner|Vaduz|
LT|litauisch|Litauer|Lithuanian|Vilnius;Wilna|
LU|luxemburgisch|Luxemburger|Luxembourgish;Luxembourger||
MG|madagassisch|Madagasse|Malagasy|Antananarivo|
MW|malawisch|Malawier|Malawian|Lilongwe|
MY|malaysisch|Malaysier|Malaysian|Kuala Lumpur;Putrajaya|
MV|maledivisch|Malediver|Maldivian||Malediven;Maldives
ML|malisch|Malier|Malian|Bamako|
MT|maltesisch||Maltese|Valletta|
MH|marshallisch|Marshaller|Marshallese|Majuro|Marshallinseln;Marshall Islands
MR|mauretanisch|Mauretanier|Mauritanian|Nouakchott|
MU|mauritisch|Mauritier|Mauritian|Port Louis|
MX|mexikanisch|Mexikaner|Mexican|Mexiko-Stadt;Mexico City|
FM|mikronesisch||||Mikronesien;Federated States of Micronesia
MD|moldauisch;moldawisch|Moldauer;Moldawier|Moldovan|Chișinău;Chisinau;Kischinau;Kischinjow|Moldawien;Moldova;Republik Moldau
MC|monegassisch|Monegasse|Monegasque;Monacan||Monaco
MN|mongolisch|Mongole|Mongolian|Ulaanbaatar;Ulan Bator;Ulan-Bator|
ME|montenegrinisch|Montenegriner|Montenegrin|Podgorica|
MA|marokkanisch|Marokkaner|Moroccan|Rabat|
MZ|mosambikanisch|Mosambikaner|Mozambican|Maputo|Mosambik;Mozambique
MM|myanmarisch;birmanisch|Birmane|Burmese;Myanmarese|Naypyidaw;Naypyitaw;Naypyitaw|Birma;Burma
NA|namibisch|Namibier|Namibian|Windhoek;Windhuk|
NR|nauruisch|Nauruer|Nauruan||
NP|nepalesisch;nepalisch|Nepalese|Nepali;Nepalese|Kathmandu;Katmandu|
NL|niederländisch;holländisch|Niederländer;Holländer|Dutch;Dutchman;Dutchmen;Dutchwoman|Amsterdam|Niederlanden;~Holland;Netherlands
NZ|neuseeländisch|Neuseeländer|New Zealander|Wellington|
NI|nicaraguanisch|Nicaraguaner|Nicaraguan|Managua|
NE|nigrisch|Nigrer|Nigerien;Nigérien|Niamey|Niger
NG|nigerianisch|Nigerianer|Nigerian|Abuja|
MK|nordmazedonisch;mazedonisch|Nordmazedonier;Mazedonier|Macedonian;North Macedonian|Skopje|Nordmazedonien;Mazedonien;North Macedonia;Macedonia
NO|norwegisch|Norweger|Norwegian|Oslo|
OM|omanisch|Omaner|Omani|Maskat;Muscat|
PK|pakistanisch|Pakistaner;Pakistani|Pakistani|Islamabad|
PW|palauisch|Palauer|Palauan|Ngerulmud|
PS|palästinensisch;palaestinensisch|Palästinenser;Palaestinenser|Palestinian|Ramallah|Palästina;Palestine;Palästinensergebiete;Palästinensergebieten;Palestinian territories;Palestinian Territories;Palästinensische Autonomiebehörde;Palestinian Authority;Staat Palästina;State of Palestine
PA|panamaisch|Panamaer|Panamanian|Panama-Stadt;Panama City|
PG|papua-neuguineisch|Papua-Neuguineer|Papua New Guinean|Port Moresby|
PY|paraguayisch|Paraguayer|Paraguayan|Asunción;Asuncion|
PE|peruanisch|Peruaner|Peruvian|Lima|
PH|philippinisch|Philippiner|Filipino;Filipina;Philippine|Manila|
PL|polnisch|Polin|Polish;Poles|Warschau;Warsaw|
PT|portugiesisch|Portugiese|Portuguese|Lissabon;Lisbon|
QA|katarisch|Katarer|Qatari|Doha|Katar;Qatar
RO|rumänisch;rumaenisch|Rumäne|Romanian|Bukarest;Bucharest|
RU|russisch|Russe|Russian|Moskau;Moscow;Kreml;Kremlin|Russland;Russia;Russische Föderation;Russischen Föderation;Russian Federation
RW|ruandisch|Ruander|Rwandan;Rwandese|Kigali|Ruanda;Rwanda
KN|kittitianisch|Kittitianer|Kittitian;Nevisian|Basseterre|St. Kitts und Nevis;Saint Kitts and Nevis;St. Kitts and Nevis
LC|lucianisch|Lucianer|Saint Lucian||St. Lucia;Saint Lucia
VC|vincentisch|Vincenter|Vincentian|Kingstown|St. Vincent und die Grenadinen;Saint Vincent and the Grenadines;St. Vincent and the Grenadines
WS|samoanisch|Samoaner|Samoan|Apia|
SM|san-marinesisch|San-Marinese|Sammarinese||San Marino
ST|são-toméisch|São-Toméer|Santomean|São Tomé|São Tomé und Príncipe;Sao Tome and Principe;São Tomé and Príncipe
SA|saudi-arabisch;saudisch|Saudi;Saudi-Araber|Saudi;Saudi Arabian|Riad;Riyadh;Riyad|Saudi-Arabien;Saudiarabien;Saudi Arabia;=KSA
SN|senegalesisch|Senegalese|Senegalese|Dakar|
RS|serbisch|Serbe|Serbian;Serb|Belgrad;Belgrade|
SC|seychellisch|Seycheller|Seychellois||Seychellen;Seychelles
SL|sierra-leonisch|Sierra-Leoner|Sierra Leonean|Freetown|
SG|singapurisch|Singapurer|Singaporean||Singapur;Singapore
SK|slowakisch|Slowake|Slovak;Slovakian|Bratislava|
SI|slowenisch|Slowene|Slovenian;Slovene|Ljubljana|
SB|salomonisch|Salomoner|Solomon Islander|Honiara|Salomonen;Solomon Islands
SO|somalisch|Somalier;Somali|Somali;Somalian|Mogadischu;Mogadishu|
ZA|südafrikanisch;suedafrikanisch|Südafrikaner|South African|Pretoria;Kapstadt;Cape Town|
SS|südsudanesisch;suedsudanesisch|Südsudanese|South Sudanese|Juba|Südsudan;South Sudan
ES|spanisch|Spanier|Spanish;Spaniard|Madrid|
LK|sri-lankisch;srilankisch|Sri-Lanker;Srilanker|Sri Lankan|Colombo;Sri Jayewardenepura Kotte|
SD|sudanesisch|Sudanese|Sudanese|Khartum;Khartoum|
SR|surinamisch|Surinamer|Surinamese|Paramaribo|
SE|schwedisch|Schwede|Swedish;Swede|Stockholm|
CH|schweizerisch|Schweizer|Swiss|Bern|
SY|syrisch|Syrer|Syrian|Damaskus;Damascus|Syrien;Syria;Arabische Republik Syrien
TW|taiwanisch;taiwanesisch|Taiwaner;Taiwanese|Taiwanese|Taipeh;Taipei|Taiwan;Republic of China;Republik China
TJ|tadschikisch|Tadschike|Tajik;Tajikistani|Duschanbe;Dushanbe|
TZ|tansanisch|Tansanier|Tanzanian|Dodoma|Tansania;Tanzania
TH|thailändisch;thailaendisch|Thailänder;Thai|Thai|Bangkok|
TL|osttimoresisch;timoresisch|Osttimorese|Timorese|Dili|Osttimor;Timor-Leste;East Timor
TG|togoisch;togolesisch|Togoer;Togolese|Togolese|Lomé;Lome|
TO|tongaisch|Tongaer|Tongan|Nukuʻalofa;Nuku'alofa|
TT|trinidadisch|Trinidader|Trinidadian;Tobagonian|Port of Spain|
TN|tunesisch|Tunesier|Tunisian|Tunis|
TR|türkisch;tuerkisch|Türke;Tuerke|Turkish;Turk|Ankara|Türkei;Tuerkei;Türkiye;Turkiye;Turkey
TM|turkmenisch|Turkmene|Turkmen;Turkmenistani|Aschgabat;Ashgabat|
TV|tuvaluisch|Tuvaluer|Tuvaluan|Funafuti|
UG|ugandisch|Ugander|Ugandan|Kampala|
UA|ukrainisch|Ukrainer|Ukrainian|Kiew;Kyjiw;Kyiv;Kiev|
AE|emiratisch|Emirati|Emirati|Abu Dhabi;Abu Dabi|=VAE;=UAE;=U.A.E.;Emirate;Emiraten;Emirates;Vereinigte Arabische Emirate;Vereinigten Arabischen Emirate;Vereinigten Arabischen Emiraten;United Arab Emirates
GB|britisch|Brite|British;Briton;Brit|~London;Downing Street|=UK;=U.K.;Großbritannien;Grossbritannien;Britain;Great Britain;United Kingdom;Vereinigtes Königreich;Vereinigten Königreich;Vereinigten Königreichs;England;Englands;Scotland;Schottland;Schottlands;Wales
US|amerikanisch;us-amerikanisch|Amerikaner;US-Amerikaner|American|~Washington;Weißes Haus;Weißen Haus;Weiße Haus;White House;Pentagon|=US;=U.S.;=USA;=U.S.A.;Amerika;America;Vereinigte Staaten;Vereinigten Staaten;United States;United States of America
UY|uruguayisch|Uruguayer|Uruguayan|Montevideo|
UZ|usbekisch|Usbeke|Uzbek;Uzbekistani|Taschkent;Tashkent|
VU|vanuatuisch|Vanuatuer|Ni-Vanuatu;Vanuatuan|Port Vila|
VA|vatikanisch||Vatican||Vatikan;Vatikanstadt;Vatican;Vatican City;Heiliger Stuhl;Heiligen Stuhl;Holy See
VE|venezolanisch|Venezolaner|Venezuelan|Caracas|
VN|vietnamesisch|Vietnamese|Vietnamese|Hanoi|Viet Nam
YE|jemenitisch|Jemenit|Yemeni;Yemenite|Sanaa;Sana’a;Sana'a|Jemen;Yemen
ZM|sambisch|Sambier|Zambian|Lusaka|
ZW|simbabwisch|Simbabwer|Zimbabwean|Harare|
`;

/**
 * Phrases that contain a country form but do not refer to the state. They win as the longest
 * match at their position and yield nothing ("Latin America", "Niger Delta", "Paris Agreement").
 */
export const NON_COUNTRY_PHRASES: string[] = [
  'Latin America', 'Latin American', 'South America', 'South American', 'North America', 'North American',
  'Central America', 'Central American', 'Native American', 'African American', 'Asian American', 'American Samoa',
  'Amerikanisch-Samoa', 'Indian Ocean', 'Indischer Ozean', 'Indischen Ozean', 'Indische Ozean', 'Indischem Ozean',
  'Niger Delta', 'Niger River', 'Niger-Delta', 'New Mexico', 'Gulf of Mexico', 'Gulf of Guinea', 'New Guinea',
  'Northern Ireland', 'Northern Irish', 'Washington Post', 'Washington Times', 'Washington Examiner',
  'Washington State', 'Washington state', 'University of Washington', 'George Washington', 'Paris Agreement',
  'Paris Club', 'Paris Saint-Germain', 'Paris Hilton', 'Jack London', 'New South Wales', 'Jordan River',
  'Jordan Valley', 'Dead Sea', 'Georgia Tech', 'Turkish Airlines', 'Kiew-Klasse', 'Swiss Re',
  'Russian roulette', 'French fries', 'French toast', 'Dutch auction', 'Irish Sea', 'Irische See',
  'German measles', 'Spanish flu', 'Spanische Grippe', 'Holy See Press Office', 'Chinese Taipei',
  'Pentagon Papers', 'Amerikanischer Bürgerkrieg', 'American Civil War', 'Greek yoghurt', 'Greek yogurt',
  'New England', 'Neuengland', 'Turkey Point', 'Kongo-Fluss', 'Congo River', 'Congo Basin', 'Kongobecken',
];

/**
 * Currency nouns after a country form ("US-Dollar", "russischen Rubeln"): a currency is not a
 * reference to the state. Sticky: set lastIndex to the end of the country form, test the folded text.
 */
export const CURRENCY_WORDS =
  /[\s-]?(?:dollars?|dollar[sn]?|pfund|pound|pounds|rubel[n]?|rubles?|roubles?|yuan|renminbi|yen|rupien?|rupees?|real|reais|franken|francs?|pesos?|dinars?|dirhams?|riyals?|rials?|lira|liras|euros?|kronen?|kronor|kroner|z[lł]oty|forint|hryvnias?|griwna|tenge|won|shekels?|schekel)\b/iy;
