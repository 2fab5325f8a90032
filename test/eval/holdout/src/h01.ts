import type { SourceConversation } from '../source';

/** A GGD outbreak team for nursing homes, spring 2020: residents, their families, staff. */
export const H01: SourceConversation = {
  file: 'h01-uitbraakteam-vvt.jsonl',
  title: 'Uitbraakteam VVT GGD Noordoost',
  description: 'A regional health service team handling outbreaks in nursing homes, spring 2020: residents and relatives named, contact lists pasted, bed capacity as work context, one other infectious-disease dossier.',
  people: { ans: 'Ans Hoekstra', ruben: 'Ruben Mulder', priya: 'Priya Ramdin', dirkjan: 'Dirk-Jan Veenstra' },
  script: `
== 2020-03-23
07:48 ans: goedemorgen. melding binnen van De Wilgenhof (zorggroep Eemsdelta): 4 bewoners met koorts en hoesten sinds za. ik ga er vanochtend heen met priya
07:51 priya: top, ik neem testsets mee. hoeveel hebben we er nog?
07:52 ruben: 40 op voorraad, morgen nieuwe levering
07:53 ruben: zijn die bewoners al door de SO gezien?
08:10 ans: volgens de locatiemanager wel. ze heet [[Jolanda Smeenk|name]], mob [[06-41872093|phone]]
08:14 dirkjan: ik zet het door naar de gemeente, burgemeester Dijkhuizen wil alle vvt-uitbraken weten
11:40 priya: 7 afnames gedaan. mevr [[Kooistra|name]] (kamer 14) heeft hoge [[koorts|health]] en is erg [[benauwd|health]], SO overweegt insturen
11:41 ans: ok. geb datum en bsn van haar heb je?
11:49 priya: [[{bsn:kooistra}|bsn]] geb [[02-11-1931|dob]]
11:50 ruben: pls niet in de app, gewoon in hpzone zetten 🙈
11:51 priya: sorry ja idd, te snel
13:02 dirkjan: gemeente vraagt of er een bezoekverbod komt voor de wilgenhof. wat adviseren we?
13:05 ans: ja, advies: per direct geen bezoek behalve palliatief. ik stuur het op via infectieziekten@ggdnoordoost.nl
16:44 ruben: wie kan er morgen vroeg BCO doen voor het personeel van de wilgenhof? ik heb 22 medewerkers op de lijst
16:50 priya: ik. mss moet er nog iemand bij, wordt veel bellen
16:51 ruben: ik vraag het bij de pool

== 2020-03-24
08:30 ans: uitslagen wilgenhof: 5 van 7 positief. mevr [[Kooistra|name]] is vannacht [[opgenomen|health]] in het Martini
08:31 priya: ai. haar dochter belde me gisteravond nog, die was al zo ongerust
08:33 ans: wil jij haar terugbellen? nr staat in het dossier
08:34 priya: doe ik
08:40 ruben: personeel: 22 gebeld, 3 met klachten, die blijven thuis en worden morgen getest
08:41 ruben: 1 verzorgende zegt dat ze al sinds vorige week [[keelpijn|health]] heeft en gewoon heeft doorgewerkt 😬
08:44 ans: das niet handig nee. wel netjes blijven tegen haar, ze wist niet beter
08:50 dirkjan: vraag vanuit het GBT van 10u: hoeveel verpleeghuizen in de regio hebben nu een uitbraak?
08:58 ans: 6 locaties, 31 positieve bewoners totaal, 2 overleden. landelijk zelfde trend
10:15 ruben: fyi de testlijn voor zorgpersoneel is 0800-7021, mocht iemand het vragen
12:30 ans: om 14u overleg met dr [[Bolhuis|name]] (SO wilgenhof) over cohortverpleging
12:31 ruben: zeg maar wat je nodig hebt
17:55 priya: dochter van mevr [[Kooistra|name]] gesproken. ze wil graag info over bezoek per mail: [[a.broekhuis-kooistra@hotmail.com|email]]
17:58 ans: prima, stuur maar de standaardbrief
18:02 priya: gedaan. en nu ga ik koken, ben kapot 😅

== 2020-03-25
07:30 dirkjan: goedemorgen! hoe was jullie avond, hier de kids de hele avond tiktok dansjes 🙄 anyway: de gemeente wil een tweede locatie voor cohortzorg, hebben jullie een voorkeur?
07:45 ans: haha herkenbaar. geen voorkeur, wel graag dicht bij het ziekenhuis
07:46 ans: heb jij die RIVM notitie over verpleeghuizen al gezien? er staat nog steeds "no evidence of asymptomatic spread" in, lijkt me achterhaald
07:50 ruben: ja. snap niet dat dat er nog in staat tbh
09:12 priya: mevr [[Kooistra|name]] gaat niet goed, ligt nu op de [[IC|health]] zegt de dochter
09:14 ans: 😢
09:14 ruben: wat naar
09:20 dirkjan: IC-bezetting regio staat op 91% trouwens, UMCG schaalt op naar 60 bedden
09:21 ans: ja zag ik. patientenspreiding gaat via het LCPS
10:05 ruben: nieuwe melding: De Hooge Veenen, 2 medewerkers ziek. locatiemanager vraagt of de rest van het team getest mag worden
10:10 ans: ja, via de zorgteststraat. hun planningslijn is 088-1191500
14:40 ruben: ff tussendoor, tips voor een cadeau voor een 6-jarige? mijn neefje is vrijdag jarig en ik heb echt 0 tijd ##private
14:42 priya: lego. altijd lego ##private
14:42 dirkjan: slijm maken setje. ouders haten je, kind vindt het geweldig 😂 ##private
14:43 ruben: hahah die is goed ##private

== 2020-03-26
08:05 ans: update mevr [[Kooistra|name]]: gaat iets beter, ze is van de [[beademing|health]] af
08:07 priya: oh gelukkig
08:30 ruben: hoeveel BCO capaciteit hebben we volgende week? moet het doorgeven aan de landelijke coördinatie
08:45 priya: ik kan ma t/m do. vrijdag worden bij mijn zoontje de [[amandelen geknipt|health]] dus dan ben ik vrij
08:46 ruben: prima, sterkte vrijdag!
09:00 dirkjan: ik ben er vandaag niet, [[migraine|health]]. telefoon staat aan voor spoed
09:02 ans: beterschap!
11:20 priya: contactpersonen wilgenhof afd eikenlaan voor de bellijst:⏎kamer 3 - dochter [[06 2281 4470|phone]]⏎kamer 5 - zoon [[+31 6 19027735|phone]]⏎kamer 9 - buurvrouw [[0596-617204|phone]]⏎kamer 11 - [[h.dijkema52@gmail.com|email]]
14:10 ruben: kan iemand in hpzone zoeken op bsn {bsnx:wilgenhofmw}? ik krijg niks
14:15 ans: dat nummer klopt niet, haalt de 11-proef niet. typo?
14:16 ruben: idd laatste cijfer verkeerd overgetypt. goede is [[{bsn:wilgenhofmw}|bsn]]
14:17 ans: staat er. ze is gisteren [[positief getest|health]], BCO loopt al
14:30 ans: ik heb er trouwens een cluster van gemaakt, cluster-id {bsn:clusterwilgenhof}, hang alle cases daaronder aub

== 2020-03-27
08:02 ruben: goedemorgen. landelijk: vanaf maandag testen we ook zorgpersoneel met milde klachten. nieuwe werkinstructie in teams
08:10 ans: eindelijk
08:12 dirkjan: gemeente vraagt hoe het zit met de zoon van dhr [[Albert Tammenga|name]]. hij stond gisteren weer voor de deur van de hooge veenen en wilde met alle geweld naar binnen
08:15 ans: de locatie heeft [[aangifte gedaan|criminal]] en hij is door de politie [[aangehouden|criminal]], zei de manager
08:16 dirkjan: jeetje. ok, ik licht de burgemeester in, die gaat er vast naar vragen
08:20 ruben: hij reed in een grijze caddy, [[VZ-418-H|plate]], beveiliging heeft het kenteken doorgegeven
08:21 ans: dat hoeft voor ons niet, wij doen de zorg kant 🙂
10:40 priya: hoe gaat het met jullie eigenlijk? ik merk dat ik slecht slaap van alle verhalen
10:48 ans: zelfde hier. neem vrijdag echt vrij priya
10:50 priya: ja doe ik, maandag weer fris
16:30 dirkjan: de RAV meldt: bij ambulanceritten naar verpleeghuizen 40% meer dan vorig jaar maart. ter info voor het GBT

== 2020-03-30
08:00 priya: goedemorgen! [[operatie|health]] ging goed, hij eet alweer ijsjes 🍦 ##private
08:01 ruben: top! ##private
08:01 ans: fijn om te horen 😊 ##private
08:20 ruben: weekplanning BCO staat in de sheet. let op, de scripts zijn aangepast (vraag ook naar reukverlies)
08:31 ans: nieuwe meldingen weekend: 2 locaties erbij. Het Anker (Winsum) en Zonnehoek (Bedum). bewoners nog niet getest
08:33 priya: ik ga naar zonnehoek. contact daar is [[Wietske|name]], [[w.vanderploeg@zonnehoek-zorg.nl|email]]
08:34 ans: ok, ik het anker
12:10 ans: Het Anker: 12 bewoners getest, uitslag morgen. personeel heeft geen klachten, zegt het management
12:15 priya: zonnehoek: bewoner kamer 2 heeft [[diarree|health]] en [[koorts|health]], de rest heeft geen klachten
12:16 ans: diarree past er ook bij. noteer als verdacht
15:00 dirkjan: GBT wil weten of we bij verpleeghuizen ook handhaving nodig hebben voor het bezoekverbod. volgens mij niet?
15:04 ans: nee, de zorgorganisaties regelen het zelf. alleen bij escalaties zoals bij de hooge veenen de politie

== 2020-03-31
07:55 ans: uitslagen het anker: 4 positief. lijst in hpzone
08:10 ruben: de BCO van gisteren: index zonnehoek had bezoek van zijn kleindochter [[Femke|name]] ([[17-05-1998|dob]]) op 22/3, zij woont [[Oude Boteringestraat 51a, 9712 GE|address]] Groningen. wij bellen haar
08:12 ans: goed. vergeet niet te vragen naar klachten
09:40 ruben: gebeld: ze is gelukkig niet ziek, geen koorts. blijft tot 5/4 in quarantaine
11:00 priya: even iets heel anders: tbc-contactonderzoek azc Ter Apel loopt ook nog. wie neemt de mantouxuitslagen van donderdag? ##topic
11:05 ans: ik doe ze wel, ligt toch bij mij op de plank. maar na de uitbraak stuff ##topic
11:06 priya: dank je ##topic
13:20 dirkjan: is er iemand die maandag namens de GGD bij het gemeentelijk beleidsteam kan aanschuiven? ze willen een update over de vvt
13:25 ans: ik

== 2020-04-02
08:15 ruben: goedemorgen allemaal, vandaag ben ik [[ziek|health]] thuis, [[verkouden|health]] en wat [[verhoging|health]]. laat me vanmiddag testen. priya kun jij de planning doen?
08:16 priya: ja natuurlijk, beterschap!
08:16 ans: uitzieken he
14:30 ruben: [[negatief|health]]! morgen ben ik er weer
14:31 ans: 🎉
15:00 dirkjan: vraag van de gemeente: willen we ook de kinderdagverblijven monitoren? ik zeg nee maar check
15:10 ans: nee, de kdv's vallen buiten onze opdracht nu. landelijk is er een lijn
16:00 priya: de dochter van dhr [[Tammenga|name]] belde boos, ze wil dat we haar broer zijn adres niet doorgeven aan de politie. heb uitgelegd dat wij dat niet doen
16:02 ans: goed gedaan. leg het vast in het dossier

== 2020-04-03
08:00 ans: mooi bericht uit het martini: mevr [[Kooistra|name]] is [[ontslagen uit het ziekenhuis|health]] en terug op de wilgenhof
08:02 priya: ohh wat fijn!! 🥹
08:02 dirkjan: goed nieuws voor een keer
08:03 ruben: ❤️
09:30 ruben: de landelijke sheet wil van elke locatie het aantal positieve bewoners, medewerkers en overledenen. deadline 12u
10:55 ans: ingevuld. 47 bewoners positief, 19 medewerkers, 5 overleden
13:15 dirkjan: fyi: iemand van de krant belde de gemeente over de wilgenhof. woordvoering gaat via de GGD, nummer van de perslijn is 088-1191222
13:20 ans: 👍 ik laat mij niet citeren 😅
17:10 priya: weekend! iemand leuke plannen? wij gaan fietsen als het droog blijft ##private
17:15 ans: tuin. ik heb 40 zakken potgrond besteld, geen idee waarom ##private
17:16 ruben: ik slaap. gewoon slapen. 2 dagen lang ##private
17:16 priya: 😂😂 ##private

== 2020-04-06
08:05 ans: goedemorgen. weekend 3 nieuwe meldingen, 1 met een overleden bewoner. details in de sitrap
08:20 ruben: moet er iemand mee naar De Esch? ik kan om 10u
08:22 ans: ja graag. contactpersoon is [[Marco|name]], [[06 38 17 29 04|phone]]
11:40 ruben: de esch: 9 afnames, 1 bewoonster heeft [[dementie|health]] en werkt niet mee, SO doet het morgen
11:45 ans: ok. geen dwang natuurlijk
14:00 dirkjan: het GBT heeft besloten: alle vvt-locaties met een uitbraak krijgen extra beschermingsmiddelen uit de regionale voorraad. lijst volgt
14:02 ans: 👏
15:30 priya: wie heeft de mail van mevr [[Broekhuis|name]] gezien? ze klaagt over de informatie, cc aan de wethouder
15:32 ans: ik. antwoord ik vanavond, ze heeft deels gelijk
15:33 ans: btw zij is die dochter van mevr [[kooistra|name]]
15:33 priya: ahh ok

== 2020-04-08
08:10 ruben: morning! update BCO: we lopen achter, 34 cases open. kunnen jullie vandaag allebei 2u bellen?
08:12 priya: yes
10:30 priya: index van gisteren (medewerker zonnehoek) werkt ook in de thuiszorg. ze wil niet dat haar werkgever weet dat ze [[positief|health]] is 🙁
10:33 ans: lastig. we moeten haar werkgever wel informeren vanwege de clienten. leg het haar goed uit
10:40 priya: ze snapt het, vindt het wel heel rot
13:45 ans: nog een admin dingetje: P&O schuift de jaargesprekken door naar juni, nieuwe planning volgt. wel je zelfevaluatie alvast invullen ##topic
13:46 ruben: ugh ja. dat formulier staat op intranet? ##topic
13:47 ans: ja onder HR > gesprekscyclus ##topic
16:20 dirkjan: gemeente Delfzijl vraagt of hun vrijwilligers die boodschappen doen voor bewoners van aanleunwoningen ook getest kunnen worden
16:35 ans: alleen bij klachten. ik stuur ze de criteria

== 2020-04-14
08:00 ans: goedemorgen, na het paasweekend: geen nieuwe locaties! 🤞
08:01 priya: eindelijk goed nieuws
08:02 ruben: hoe was pasen iedereen? wij hebben eieren gezocht in de tuin, kleine vond er 3 van de 40 😂 ##private
08:05 priya: haha. hier videobellen met oma, die wist niet hoe het scherm om moest ##private
08:05 dirkjan: herkenbaar 😂 ##private
10:15 ruben: landelijk: verpleeghuizen mogen misschien vanaf mei beperkt bezoek. scenario's worden uitgewerkt door VWS
10:20 ans: dan willen ze vast ons advies over de uitvoering. zet het op de agenda van donderdag
14:50 priya: dhr [[Tammenga|name]] senior ([[30-01-1935|dob]], bsn [[{bsn:tammengasr:spaces}|bsn]]) is [[positief|health]]. zoon zit in [[voorarrest|criminal]] begreep ik van de manager
14:52 ans: die info over de zoon hoeven wij niet, laat maar weg uit het verslag
14:53 priya: klopt, sorry

== 2020-04-21
09:00 ans: iedereen heeft het verslag van het regio-overleg? vooral de passage over het wisselen van personeel tussen locaties
09:05 ruben: ja. personeel dat op meerdere locaties werkt is echt ons grootste probleem
09:06 priya: idd. die verzorgende met [[keelpijn|health]] van de wilgenhof werkte ook op de esch bleek
09:08 ans: jep. daarom willen we vaste teams per locatie
11:30 dirkjan: gemeente vraagt om een factsheet voor de gemeenteraad. kan iemand input leveren over ziekenhuiscapaciteit en de vvt?
11:45 ans: ik lever 5 bullets voor vrijdag. ziekenhuisopnames nemen af, IC ook
15:10 ruben: komt er nog iemand naar de borrel via teams vrijdag 16u? ik hoorde dat er een quiz is ##private
15:12 priya: ik ben erbij! ##private
15:13 ans: misschien, ik moet de hond nog uitlaten ##private

== 2020-05-04
08:10 dirkjan: goedemorgen. vanaf 11 mei beperkt bezoek in 26 pilotlocaties. in onze regio zijn dat er 2
08:12 ans: welke?
08:15 dirkjan: Het Anker en een locatie van Zorggroep Oosterlengte. contactpersoon daar: [[r.kuipers@oosterlengte.nl|email]], [[06-50918277|phone]]
08:20 ans: ok. ik bel [[Kuipers|name]] vandaag
12:00 priya: ik heb morgen mijn eerste dag vrij in 3 weken. ga naar mijn zus in zwolle 😍 ##private
12:02 ruben: verdiend!! ##private
12:05 ans: geniet ervan ##private
16:40 ans: laatste voor vandaag: de zoon van dhr [[tammenga|name]] heeft een [[taakstraf|criminal]] gekregen las ik in de krant. gaat ons niet aan, maar de manager wil weten of hij weer op bezoek mag
16:44 ruben: dat bepaalt de locatie zelf toch
16:45 ans: klopt, heb ik ook gezegd

== 2020-05-08
09:00 ans: evaluatie uitbraakaanpak maart-april: concept staat in teams. input graag voor woensdag
09:15 priya: kijk ik vanmiddag naar
11:10 dirkjan: vanuit de gemeente een groot compliment voor het team, dat wilde de burgemeester even laten weten
11:11 ans: wat lief. dank!
`,
};
