import type { SourceConversation } from '../source';

/** A ministry directorate's MT app, November 2019 to June 2020: other dossiers first, then the support schemes. */
export const H03: SourceConversation = {
  file: 'h03-mt-directie-ondernemen.jsonl',
  title: 'MT directie Ondernemen',
  description: 'A ministry directorate\'s management team: from November 2019 (before the period, other dossiers), across 15 December 2019 at night, to the 2020 support schemes for businesses; IBANs of applicants and suppliers, fraud, and dossiers that are not the crisis.',
  people: { hanneke: 'Hanneke Vos', olaf: 'Olaf Brink', tessa: 'Tessa Groen', jeroen: 'Jeroen Maas' },
  script: `
== 2019-11-04
08:15 hanneke: morning all. vandaag MT om 10u, agenda: brexit-loket, winkeltijdenwet, begroting 2020 ##topic
08:20 olaf: ik ben er, wel 10 min later, trein staat stil bij Gouda 🙄 ##topic
08:21 hanneke: np ##topic
12:40 tessa: het brexit-loket heeft vorige week 1.240 vragen gehad van ondernemers, vooral over douane. notitie volgt ##topic
12:45 jeroen: goed, kan die mee naar het overleg met de DG? ##topic
12:46 tessa: ja ##topic
17:30 olaf: weet iemand een goede kinderopvang in Voorburg? we gaan verhuizen in januari ##private
17:35 jeroen: de Kleine Reus, mijn dochter zit daar. heel tevreden ##private
17:36 olaf: thx! ##private

== 2019-11-12
09:00 hanneke: DG Hamstra wil voor vrijdag een beslisnota over de winkeltijdenwet. tessa, jij trekt? ##topic
09:05 tessa: ja. met input van juridische zaken ##topic
10:30 jeroen: ik ben vandaag vanaf 14u weg, mijn zoon heeft een [[gebroken pols|health]], we moeten naar de gipskamer ##topic
10:31 hanneke: ah vervelend, sterkte ##topic
10:31 olaf: auw! beterschap voor hem ##topic
15:20 olaf: de bewindspersoon wil voor de kerst nog een brief over het MKB-actieplan naar de Kamer. ik maak een planning ##topic
15:25 hanneke: 👍 ##topic

== 2019-11-25
08:45 tessa: goedemorgen. de nota winkeltijden ligt bij de DG. reactie verwacht donderdag ##topic
09:10 olaf: weekend gehad? ik heb de hele zaterdag dozen ingepakt 📦 ##private
09:12 tessa: haha succes. hier verjaardag van mijn schoonmoeder, 70 geworden ##private
09:13 jeroen: gefeliciteerd aan haar 🎉 ##private
13:00 hanneke: vraag van P&O: wie wil er in de sollicitatiecommissie voor de vacature senior beleidsmedewerker? ##topic
13:10 jeroen: ik ##topic
13:11 hanneke: top ##topic
16:40 olaf: kamervragen van Kamerlid Wijnands over de brexit-voorbereiding van het MKB. deadline 3 weken ##topic
16:45 tessa: ik neem ze ##topic

== 2019-12-09
08:30 hanneke: laatste MT van het jaar is op 19/12. daarna kerstborrel bij de Zwarte Ruiter, ik betaal het eerste rondje 😉 ##private
08:31 olaf: 🍻 ##private
08:31 tessa: yes! ##private
11:15 jeroen: de aanbesteding voor het nieuwe ondernemersportaal is gegund. bezwaartermijn loopt tot 6 januari ##topic
11:20 hanneke: mooi. dank jeroen ##topic
14:00 tessa: kamervragen Wijnands zijn af, liggen ter parafering bij de DG ##topic
14:01 hanneke: 👍 ##topic

== 2019-12-13
16:50 olaf: ik ben de komende week alleen 's ochtends bereikbaar, we verhuizen. nieuw adres voor de kerstkaartjes: [[Fonteinkruidweg 31, 2272 TH|address]] Voorburg 🙂 ##private
16:52 hanneke: succes met de verhuizing! ##private
16:53 jeroen: sterkte met de dozen 😅 ##private

== 2019-12-14
23:58 tessa: sorry voor het late bericht. de DG wil maandag om 9u de nota winkeltijden bespreken. kan iemand mee? ##topic

== 2019-12-15
00:04 olaf: ik kan mee ##topic
09:30 hanneke: dank olaf. en tessa, ga slapen 😄 ##topic
10:00 tessa: haha ja, ik was nog even aan het bijwerken ##topic

== 2019-12-19
14:00 hanneke: MT: besluitenlijst staat in de map. fijne kerst allemaal, jullie hebben hard gewerkt ##topic
18:30 jeroen: bedankt voor het rondje hanneke! 🍻 ##private
18:31 tessa: gezellig was het! ##private

== 2020-01-27
08:30 hanneke: goedemorgen, gelukkig nieuwjaar nog (ja het is al eind januari 😅). DG vraagt wat het nieuwe virus in China betekent voor onze bedrijven. leveringsproblemen?
08:45 olaf: hebben we via de ambassade al wat signalen. vooral in de elektronica en textiel. ik maak een kort overzicht
08:50 jeroen: de branches zeggen nog niks. ik bel FME en Techniek Nederland vandaag
12:30 olaf: overzicht gaat naar DG. kort: voorraden tot maart, daarna risico

== 2020-02-24
09:00 tessa: het virus is nu in Italië. de ondernemers met vestigingen in Lombardije bellen het brexit-loket 😂 omdat ze niet weten waar ze anders heen moeten
09:05 hanneke: laat het loket die vragen registreren. misschien moeten we een apart corona-loket
09:06 olaf: zou ik doen
13:45 jeroen: mijn vader is gisteren [[opgenomen|health]] met [[hartklachten|health]], niks met corona gelukkig. hij ligt in het [[ziekenhuis|health]] in Leiden, gaat redelijk ##private
13:47 hanneke: oh jeroen wat naar, sterkte ##private
13:48 tessa: sterkte!! ##private

== 2020-03-12
08:00 hanneke: crisis modus. minister Scholtens wil uiterlijk maandag een noodpakket voor ondernemers. iedereen prio hierop
08:05 olaf: wij hebben een schets van een regeling voor zzp'ers, lijkt op de bijstand maar dan snel
08:10 tessa: en een loonkostenregeling voor grote bedrijven. SZW moet mee
08:11 jeroen: ik bel SZW nu
11:30 hanneke: overleg met de DG om 13u, daarna MCCb. ik stuur de stukken door
22:40 olaf: concept regeling TOGS (4000 euro per ondernemer) staat in de map. ik ga slapen, kan iemand nog meelezen?
22:55 tessa: ik lees mee
23:30 tessa: gelezen, 3 opmerkingen in de kantlijn

== 2020-03-17
08:15 hanneke: goedemorgen team, het pakket is gepresenteerd. nu de uitvoering: RVO doet de TOGS, gemeenten de TOZO, UWV de NOW
08:20 olaf: RVO verwacht 100.000+ aanvragen in de eerste week
08:21 jeroen: dat gaat wat worden
14:00 tessa: de minister krijgt veel mail van ondernemers. de DG wil dat wij er een paar beantwoorden. eerste: een kapper uit Tilburg, [[Marloes van den Broek|name]], ze heeft geen KvK-inschrijving met een vestigingsadres en valt erbuiten
14:10 hanneke: lastig. leg het voor aan RVO
17:00 olaf: ik moet om 17:15 weg, de kinderen zitten thuis nu de scholen dicht zijn. ben 's avonds weer online

== 2020-03-23
09:00 jeroen: RVO meldt: 32.000 aanvragen TOGS in 4 dagen. betaling start volgende week
09:10 hanneke: mooi werk. graag een update per 2 dagen
11:20 tessa: mailtje van een ondernemer: "ik heb geen geld ontvangen, mijn rekeningnummer is [[{iban:ondernemer1:NL/INGB}|iban]], graag snel!!" hoe gaan we daar mee om?
11:25 hanneke: niet in de app zetten aub. doorzetten naar RVO
11:26 tessa: sorry ja
14:40 olaf: nieuwe vraag vanuit de Kamer: de commissie EZK wil weten hoeveel ondernemers zijn afgewezen. data van RVO nodig
14:45 jeroen: ik vraag het op

== 2020-03-26
08:30 hanneke: de mondkapjes leverancier die de DG noemde: welke was dat? het LCH vraagt of wij contact hebben
08:40 olaf: een Belgische firma. contactpersoon [[Dries Verhaegen|name]], [[+32 478 21 66 09|phone]], [[dries@verhaegen-medical.be|email]]. IBAN voor de aanbetaling: [[{iban:verhaegen:BE/735:grouped}|iban]]
08:41 hanneke: waarom hebben wij de IBAN?? dit is niet onze inkoop
08:45 olaf: ze hebben het naar iedereen gestuurd. ik stuur het door naar het LCH en verwijder het
10:00 tessa: oh, en een Duitse partij met hetzelfde verhaal, IBAN {ibanx:duits1:DE/37040044:compact}. maar volgens mij klopt die niet eens
10:05 jeroen: nee die haalt de controle niet, dat is dus al verdacht 🚩
10:06 hanneke: doorzetten naar het LCH en FIOD laten kijken
15:30 olaf: mijn moeder belde, ze is [[positief getest|health]]. ze heeft alleen wat [[verkoudheid|health]] gelukkig. ik ben er morgen wel ##private
15:35 tessa: oh nee, sterkte olaf ##private
15:36 hanneke: houd ons op de hoogte, en neem vrij als het nodig is ##private

== 2020-03-30
08:00 jeroen: goedemorgen! RVO meldt [[fraude|criminal]] bij de TOGS: een ondernemer die 14 aanvragen heeft gedaan met verschillende KvK-nummers
08:05 hanneke: wat gaan ze doen?
08:10 jeroen: RVO heeft [[aangifte gedaan|criminal]] tegen hem. naam is bij ons bekend maar dat hoort hier niet
08:11 hanneke: goed
11:00 tessa: FIOD heeft de Duitse partij onderzocht: het was een nep-bedrijf. de man achter de mondkapjes, [[Heinz Krüger|name]], is in Düsseldorf [[gearresteerd|criminal]]
11:05 olaf: wow 😳
11:06 hanneke: goed werk. meld het bij de DG
14:20 olaf: Kamerlid Wijnands wil een debat over de ondernemers die buiten de TOGS vallen. de minister vraagt input voor woensdag
14:30 tessa: ik schrijf het. hoeveel kappers en schoonheidsspecialisten vallen erbuiten, weten we dat?
14:40 jeroen: RVO schat 20-25 duizend
17:00 tessa: mooi weer morgen zeggen ze, 20 graden ☀️ ik ga 's avonds op het balkon werken ##private
17:01 olaf: 😎 ##private

== 2020-04-06
08:30 hanneke: goedemorgen, update van de minister: NOW 2.0 moet per juni klaar zijn. voorstel: olaf en jeroen
08:35 jeroen: ok, prima
10:15 tessa: even een heel ander dossier: de evaluatie van het MKB-actieplan loopt vertraging op, de onderzoekers kunnen geen bedrijven bezoeken. nieuwe deadline december ##topic
10:20 hanneke: accepteren. meld het bij de DG ##topic
10:21 tessa: doe ik ##topic
13:00 olaf: mijn moeder is beter! [[test negatief|health]] 💪 ##private
13:02 hanneke: fijn olaf! ##private
13:03 jeroen: top ##private
16:30 jeroen: de TOZO-aanvraag van de buurman van een collega (!) is al 4 weken in behandeling bij de gemeente. iemand een contact bij de VNG?
16:35 tessa: ik heb een contact, stuur me de gegevens
16:40 jeroen: [[Wim Hoogendoorn|name]], geb [[14-07-1962|dob]], aanvraagnummer {bsn:tozoaanvraag}
16:42 tessa: ok. maar jeroen, geen privé-gunsten via de VNG hè 😉
16:43 jeroen: haha nee klopt. ik stuur het terug

== 2020-04-20
09:00 hanneke: MT: tessa is de komende weken afwezig, ze is [[overspannen|health]]. we verdelen haar werk. geen vragen over hoe en wat, laat haar met rust aub
09:05 olaf: ok, ik neem de Kamerbrief over
09:06 jeroen: ik de RVO-update
12:00 olaf: fraude update: RVO heeft 41 verdachte aanvragen. 6 aangiftes
12:05 hanneke: ok
14:30 jeroen: de vacature senior beleidsmedewerker: we hebben 2 goede kandidaten. gesprekken via teams volgende week ##topic
14:35 hanneke: prima, plan maar in ##topic

== 2020-05-11
08:15 hanneke: goedemorgen! vandaag de 1,5 meter economie: welke sectoren kunnen wanneer weer open? minister wil scenario's
08:30 olaf: horeca 1 juni, kappers 11 mei. dat staat al
08:40 jeroen: de evenementenbranche wil een eigen regeling. brief van de branchevereniging binnen
09:10 hanneke: tessa is volgende week weer terug, in halve dagen. welkom terug alvast
11:00 olaf: een ondernemer belt steeds naar mijn mobiel. weet niet hoe hij aan mijn nummer komt. [[06-33918420|phone]] is zijn nummer, als hij jullie ook belt: doorverwijzen naar RVO 0800-8051. hij heeft me ook zijn iban gestuurd ([[{iban:belter:NL/TRIO:lower}|iban]]) alsof ik het geld overmaak 🙄
11:05 jeroen: lol mij heeft hij ook gebeld
16:20 olaf: de bouw van de nieuwe parkeergarage hier bij het ministerie gaat vertraging oplopen, het MT van de facilitaire dienst vraagt wie er een parkeerplek wil houden ##topic
16:25 hanneke: ik niet, ik fiets ##topic
16:26 jeroen: ik ook niet meer, thuiswerken 😄 ##topic

== 2020-05-25
08:00 tessa: goedemorgen allemaal! ik ben er weer 😊 rustig aan, maar ik ben er
08:01 hanneke: welkom terug tessa!!
08:01 olaf: 🌷
08:02 jeroen: 🎉
10:00 hanneke: NOW 2.0: de minister wil een bonusverbod en een ontslagboete. olaf schrijft de uitgangspunten
10:05 olaf: ja. concept woensdag
14:00 jeroen: de FIOD-zaak van die Duitse mondkapjes: [[Krüger|name]] is [[veroordeeld|criminal]] tot 3 jaar, las ik in het Handelsblatt. DG wil dat we het noemen in de Kamerbrief
14:05 hanneke: zonder naam dan
14:06 jeroen: ja uiteraard

== 2020-06-15
09:00 hanneke: laatste MT voor de zomer. dank iedereen voor een bizar voorjaar
09:10 olaf: ik ben 3 weken weg vanaf 6 juli. naar Frankrijk met de caravan 🚐 ##private
09:12 jeroen: wij naar Texel ##private
09:13 tessa: lekker allemaal ##private
11:00 tessa: het brexit-loket wordt samengevoegd met het nieuwe ondernemersloket. kunnen we dat in juli regelen? ##topic
11:05 hanneke: ja. agenda MT juli ##topic
`,
};
