/**
 * Word pools for the evaluation corpus: fictional people, places and the words that fill the
 * templates' slots. All names are invented; any likeness to a real person is accidental.
 */

/** Chat participants (colleagues acting in their role): first name and the sender label. */
export const PARTICIPANTS = [
  { first: 'Marieke', sender: 'Marieke Hofstede' },
  { first: 'Joost', sender: 'Joost Verbeek' },
  { first: 'Annelies', sender: 'Annelies Kuipers' },
  { first: 'Rutger', sender: 'Rutger Zwaan' },
  { first: 'Fleur', sender: 'Fleur Dammers' },
  { first: 'Hatice', sender: 'Hatice Aydin' },
  { first: 'Bart', sender: 'Bart Lindeman' },
  { first: 'Iris', sender: 'Iris Wolters' },
  { first: 'Gijs', sender: 'Gijs Terpstra' },
  { first: 'Sabine', sender: 'Sabine Oosterhout' },
  { first: 'Wouter', sender: 'Wouter Faber' },
  { first: 'Nadia', sender: 'Nadia Bouzid' },
  { first: 'Frank', sender: 'Frank Heemskerk' },
  { first: 'Lieke', sender: 'Lieke van Bommel' },
  { first: 'Erik', sender: 'Erik Schuurman' },
  { first: 'Mirjam', sender: 'Mirjam Dolman' },
  { first: 'Thomas', sender: 'Thomas Rademaker' },
  { first: 'Carlijn', sender: 'Carlijn Evers' },
] as const;

/**
 * Public officials acting in their role (synthetic): never labelled, and listed in the eval
 * policy's neverFlag. `forms` are the ways the chats refer to them.
 */
export const OFFICIALS = [
  { full: 'Marten Verhoeven', forms: ['minister Verhoeven', 'Verhoeven', 'Marten Verhoeven', 'de minister (Verhoeven)'] },
  { full: 'Ingrid Stolk', forms: ['DG Stolk', 'Ingrid Stolk', 'Stolk', 'Ingrid (DG)'] },
  { full: 'Pieter Brandsma', forms: ['SG Brandsma', 'Brandsma', 'Pieter Brandsma'] },
  { full: 'Ronald Kamphuis', forms: ['Kamphuis', 'prof. Kamphuis', 'Ronald Kamphuis', 'OMT-voorzitter Kamphuis'] },
  { full: 'Willemijn Haagsma', forms: ['burgemeester Haagsma', 'Haagsma', 'Willemijn Haagsma'] },
  { full: 'Els Korteweg', forms: ['Els Korteweg', 'directeur Korteweg', 'Korteweg'] },
  { full: 'Frits Oudendijk', forms: ['Oudendijk', 'Frits Oudendijk', 'de NCTV (Oudendijk)'] },
] as const;

/** Private individuals' first names: disjoint from participants and officials. */
export const PRIVATE_FIRST = [
  'Sanne', 'Kees', 'Daan', 'Riet', 'Anouk', 'Bram', 'Fenna', 'Henk', 'Joke', 'Mohammed', 'Fatima', 'Yusuf',
  'Priya', 'Lotte', 'Sem', 'Noor', 'Tijn', 'Julia', 'Ties', 'Gerrit', 'Truus', 'Wim', 'Bep', 'Ans', 'Ahmet',
  'Elif', 'Jayden', 'Mila', 'Luuk', 'Evi', 'Roos', 'Thijs', 'Femke', 'Bas', 'Ilse', 'Kevin', 'Dewi', 'Shirley',
  'Romano', 'Chantal', 'Mehmet', 'Zeynep', 'Jesse', 'Lars', 'Maud', 'Hennie', 'Greetje', 'Dirk', 'Tineke', 'Sven',
];

export const PRIVATE_SURNAMES = [
  'Jansen', 'de Boer', 'Visser', 'Smit', 'Meijer', 'van Leeuwen', 'Bakker', 'Yilmaz', 'El Amrani', 'Kramer',
  'Hoekstra', 'Dekker', 'Brouwer', 'Mulder', 'de Graaf', 'van Dijk', 'Koster', 'Prins', 'Willems', 'Kok',
  'Veenstra', 'Pronk', 'van der Linden', 'Boukhari', 'Sahin', 'Groenewegen', 'Tuinstra', 'Zijlstra', 'Hendriks', 'Vos',
];

/** Relations for "mijn moeder", "zijn buurman". */
export const RELATIONS = [
  'moeder', 'vader', 'schoonmoeder', 'schoonvader', 'zus', 'broer', 'oma', 'opa', 'zoon', 'dochter', 'vrouw', 'man',
  'vriendin', 'vriend', 'neef', 'nicht', 'tante', 'oom', 'buurvrouw', 'buurman', 'zwager', 'schoonzus',
];
export const RELATIONS_F = ['dochter', 'zus', 'schoonzus', 'schoondochter', 'vriendin', 'nicht', 'buurvrouw'];
export const RELATIONS_M = ['vader', 'broer', 'zoon', 'zwager', 'neef', 'buurman', 'oom', 'schoonvader'];
export const POSSESSIVES = ['mijn', 'mijn', 'mijn', 'zijn', 'haar', 'onze', 'je'];

export const PLACES = [
  'Den Haag', 'Rotterdam', 'Zoetermeer', 'Delft', 'Leiden', 'Utrecht', 'Amersfoort', 'Bilthoven', 'Westland', 'Rijswijk',
  'Gouda', 'Dordrecht', 'Tilburg', 'Eindhoven', 'Zwolle', 'Groningen', 'Leeuwarden', 'Almere', 'Haarlem', 'Nijmegen',
  'Venlo', 'Maastricht', 'Breda', 'Arnhem', 'Katwijk', 'Wassenaar', 'Pijnacker', 'Schiedam', 'Vlaardingen', 'Lansingerland',
];

export const REGIONS = ['Haaglanden', 'Rotterdam-Rijnmond', 'Hollands Midden', 'Utrecht', 'Brabant-Noord', 'Zuid-Limburg', 'Gelderland-Zuid', 'Twente', 'Fryslân', 'Kennemerland'];

export const STREET_STEMS = [
  'Esdoorn', 'Linden', 'Reiger', 'Merel', 'Kastanje', 'Beuken', 'Eiken', 'Tulp', 'Narcis', 'Seringen', 'Kerk', 'Molen',
  'School', 'Dorps', 'Stations', 'Zuider', 'Noorder', 'Ooster', 'Wester', 'Hooge', 'Boomgaard', 'Zwaluw', 'Vlinder',
  'Koningin Julianna', 'Prins Bernhard', 'Willem de Zwijger', 'Van Ostade', 'Frederik Hendrik', 'Jan Steen', 'Rembrandt',
];
export const STREET_SUFFIXES = ['straat', 'straat', 'straat', 'laan', 'laan', 'weg', 'weg', 'plein', 'gracht', 'kade', 'singel', 'dreef', 'hof', 'pad', 'dijk'];
/** Multi-word street names the suffix trick does not build. */
export const STREETS_SPECIAL = ['Laan van Nieuw Oost-Indië', 'Laan van Meerdervoort', 'Burgemeester Hoffmannplein', 'Van Alphenstraat', 'Oude Rijn', 'Lange Voorhout', 'Nieuwe Binnenweg', 'Achterom'];

/** Government office addresses (fictional): not personal data. */
export const OFFICE_ADDRESSES = ['Parkstraat 83', 'Zuiderhof 14', 'Lindenkade 2', 'Wilhelminaplein 50', 'Stationsplein 120'];

export const DOCUMENTS = [
  'de Kamerbrief', 'de beslisnota', 'het OMT-advies', 'de factsheet', 'de Q&A', 'de persverklaring', 'het draaiboek',
  'de notitie voor het MCCb', 'de spreektekst', 'de routekaart', 'het dashboard', 'de situatieschets', 'het sitrap',
  'de modelberekening', 'de verzamelbrief', 'de aanbiedingsbrief', 'het besluitvormingsmemo', 'de monitor', 'het logistieke plan',
  'de crisiscommunicatie-lijn', 'de noodverordening', 'de aanwijzing', 'het scenario-overzicht', 'de briefing voor het Catshuis',
];

export const MEETINGS = ['het MCCb', 'het OMT', 'het Catshuisoverleg', 'het ICCb', 'het DGO', 'het Veiligheidsberaad', 'de RBT-call', 'de persconferentie', 'het IAO', 'de GGD-call', 'het ROT', 'het bestuurlijk overleg', 'de staf'];

export const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];

// ---------------------------------------------------------------- special-category wording

/** Diagnoses and conditions, with Dutch morphology: compounds, plurals, diminutives. */
export const HEALTH_DIAG = [
  'longontsteking', 'darmkanker', 'borstkanker', 'huidkanker', 'griep', 'griepje', 'blaasontsteking', 'hernia', 'migraine',
  'burn-out', 'depressie', 'diabetes', 'suikerziekte', 'astma', 'hartinfarct', 'herseninfarct', 'beroerte', 'longembolie',
  'hersenschudding', 'nierstenen', 'gordelroos', 'ziekte van Lyme', 'long covid', 'corona', 'covid', 'bronchitis', 'angststoornis',
  'keelontsteking', 'oorontsteking', 'reuma', 'hartritmestoornis', 'epilepsie', 'ADHD', 'postnatale depressie', 'slaapapneu',
];
export const HEALTH_TREAT = [
  'operatie', 'operatietje', 'knieoperatie', 'heupoperatie', 'chemokuur', 'chemo', 'bestralingen', 'antibioticakuur',
  'pilletjes', 'pijnstillers', 'antidepressiva', 'insuline', 'fysiotherapie', 'revalidatie', 'dialyse', 'psychotherapie',
  'ziekenhuisopname', 'MRI-scan', 'darmonderzoek', 'bloedtransfusie', 'bypassoperatie', 'staaroperatie',
];
/** Symptoms as nouns ("heeft koorts") and as adjectives ("is misselijk"). */
export const HEALTH_SYMPTOM_NOUN = ['koorts', 'hoge koorts', 'hoofdpijn', 'buikpijn', 'keelpijn', 'hoestbuien', 'rugklachten', 'migraine', 'oorpijn', 'een longontsteking'];
export const HEALTH_SYMPTOM_ADJ = ['benauwd', 'misselijk', 'duizelig', 'verkouden', 'ziek', 'doodziek', 'grieperig', 'snotverkouden', 'koortsig'];

/** Criminal-law events about a person: "is opgepakt" and "heeft een taakstraf gekregen". */
export const CRIME_IS = ['opgepakt', 'aangehouden', 'veroordeeld', 'vastgezet', 'gearresteerd', 'in voorarrest genomen', 'voorgeleid', 'in hoger beroep veroordeeld', 'beboet voor rijden onder invloed'];
export const CRIME_HAS = [
  'een taakstraf gekregen', 'een werkstraf gekregen', 'een enkelband', 'een strafblad', 'een celstraf gekregen', 'een strafbeschikking gekregen',
  'een dagvaarding gekregen', 'voorwaardelijk gekregen', 'een gebiedsverbod', 'een contactverbod', 'twee maanden cel gekregen',
];
