import type { SourceConversation } from '../source';

/** A municipal crisis staff, autumn 2020 to the curfew riots of January 2021. */
export const H02: SourceConversation = {
  file: 'h02-gemeente-crisisstaf.jsonl',
  title: 'Crisisstaf gemeente Zuidhaven',
  description: 'A municipal crisis staff (public order, enforcement, communication), October 2020 to February 2021: enforcement statistics next to named offenders, an illegal party, the curfew riots, an undermining case that is another dossier.',
  people: { koen: 'Koen Smit', samira: 'Samira el Idrissi', menno: 'Menno Postma', yvonne: 'Yvonne Bakker' },
  script: `
== 2020-10-12
08:31 koen: goedemorgen. vanaf woensdag dringend mondkapjesadvies in winkels en op de markt. burgemeester Ravensberg wil dat we vooral uitleggen, niet beboeten
08:35 samira: duidelijk. mijn boa's lopen woensdag en zaterdag op de markt
08:36 yvonne: ik maak een bericht voor de site en social. wie is het aanspreekpunt voor de pers?
08:40 koen: gewoon de persvoorlichter via het algemene nummer 14 0186
08:41 yvonne: 👍
13:10 menno: driehoek vanmiddag om 15u, agenda: horeca sluiting 22u, demonstratie zaterdag op het stationsplein
13:12 koen: ik schuif aan. samira kun jij cijfers handhaving van vorige week aanleveren?
13:30 samira: week 41: 212 waarschuwingen, 18 boetes, 2 horecazaken een last onder dwangsom. geen namen in de rapportage
13:31 koen: top dank
17:45 yvonne: ik ben weg, moet mijn jongste van voetbal halen. morgen vroeg weer
17:46 menno: doei!

== 2020-10-14
09:02 samira: eerste marktdag met mondkapjes: rustig, de meeste mensen dragen er een. 1 man werd agressief tegen een boa, die heeft hem een [[bekeuring|criminal]] gegeven
09:05 koen: ok. ging het goed met de boa?
09:06 samira: ja, geschrokken maar ok
11:20 menno: de organisator van de demonstratie van zaterdag heeft een melding gedaan. verwacht 200 man. politie schat in dat het rustig blijft
11:25 koen: contactgegevens organisator?
11:30 menno: [[Ruud Hermsen|name]], [[ruud.hermsen@gmail.com|email]], [[06-18443027|phone]]
11:31 koen: kun je hem bellen over de route? niet door de winkelstraat
11:31 menno: doe ik
15:40 yvonne: hoi! nog gefeliciteerd samira 🎂 even zakelijk: wil jij een quote geven voor de nieuwsbrief over de handhaving op de markt?
15:45 samira: dank je! ja stuur me de vragen
15:46 yvonne: 👍

== 2020-10-17
14:05 menno: demonstratie loopt, ca 150 man. 2 mensen aangehouden wegens het negeren van de afstandsregel na herhaalde waarschuwing
14:06 koen: ok. media?
14:10 yvonne: rtv en het dagblad. vooral foto's, geen incidenten in beeld
16:30 menno: afgelopen, rustig verlopen. politie meldt in totaal 3 aanhoudingen, 1 voor belediging
16:31 koen: fijn weekend verder!

== 2020-10-19
08:45 samira: café De Zwaan was zaterdagnacht om 01:30 nog open. eigenaar [[Stefan Brouwers|name]] heeft nu zijn tweede [[proces-verbaal|criminal]]. burgemeester overweegt sluiting voor 2 weken
08:50 koen: dossier compleet maken graag, dan kan het zo naar juridische zaken
10:10 yvonne: persvraag over De Zwaan binnengekomen. reactie: "wij doen geen mededelingen over individuele zaken" ok?
10:12 koen: ja prima
12:45 menno: de driehoek wil voor vrijdag een overzicht van alle horeca-overtredingen sinds 1 oktober, geanonimiseerd
12:50 samira: kan ik maken. 27 overtredingen, 9 zaken
14:20 yvonne: mijn dochter heeft sinds gisteren [[koorts|health]] en [[hoofdpijn|health]], dus ik werk vandaag en morgen thuis en wacht op de testuitslag
14:21 koen: geen probleem, beterschap voor haar
14:22 yvonne: dank!

== 2020-10-20
08:10 yvonne: dochter [[negatief|health]] gelukkig. ben er gewoon morgen
08:11 samira: 👍
09:30 koen: nieuwe landelijke maatregelen vanaf vanavond, alcoholverkoop na 20u verboden. samira kunnen jouw mensen dat meenemen?
09:35 samira: ja, maar mijn capaciteit is op. ik heb 3 boa's ziek thuis en 1 in quarantaine
09:40 koen: ik vraag de politie om ondersteuning
11:15 menno: klacht binnen van een buurman over een feest in de [[Populierenlaan 23|address]], gisteravond 40+ man. politie is geweest, er stonden 2 auto's half op de stoep: [[HG-602-X|plate]] en [[5-JKS-21|plate]]
11:20 samira: ja dat adres kennen we. bewoner heeft een [[strafbeschikking|criminal]] gekregen, 4e keer
11:22 koen: hoezo 4e keer?? dit moet naar de burgemeester
11:25 samira: ik maak een memo
11:30 menno: de buurman wil teruggebeld worden: [[010-4781263|phone]], [[k.jaspers@ziggo.nl|email]]
11:32 samira: ik bel hem vanmiddag

== 2020-10-22
08:20 koen: goedemorgen! 🌞 driehoek heeft besloten: De Zwaan gaat 2 weken dicht vanaf maandag
08:21 samira: ok, boa's leveren het besluit uit met de politie
08:25 yvonne: communicatie: alleen via het persbericht van de gemeente, geen namen
09:00 menno: de buurtvader van het Kerkplein, [[Hassan|name]], vraagt of zijn vrijwilligers een verklaring kunnen krijgen om na 22u op straat te mogen zijn. jongerenwerk
09:10 koen: er is (nog) geen avondklok menno 😄 ze mogen gewoon op straat
09:11 menno: haha klopt, ik bedoelde bij de jongerencentra binnen. ik check het
12:00 samira: vrijwilliger [[Hassan|name]] wil z'n onkosten vergoed, hij heeft zijn iban gestuurd: [[{iban:hassan:NL/RABO}|iban]]
12:05 koen: niet via de app svp 🙈 laat hem het formulier invullen
12:06 samira: ja sorry stuur ik door
15:30 yvonne: jullie ook zo'n zin in het weekend? wij gaan naar de efteling als het nog open is ##private
15:31 menno: ik ga klussen, badkamer eruit slopen 💪 ##private
15:35 samira: succes 😂 ##private

== 2020-11-02
08:30 koen: goedemorgen. weekendrapportage: 5 meldingen van feesten, 2 bekeuringen uitgedeeld. rest was al weg toen we kwamen
08:35 menno: het mondkapjesadvies wordt vanaf 1 december verplicht. de regeling staat online
08:36 samira: dat betekent dat mijn boa's moeten kunnen beboeten, ik heb een instructie nodig
08:40 koen: juridische zaken is ermee bezig
10:45 menno: nog een heel ander dossier: het ondermijningsteam wil in de driehoek van vrijdag de sluiting van een drugspand bespreken. [[Zwanenstraat 8|address]], [[hennepkwekerij|criminal]] aangetroffen ##topic
10:50 koen: is dat corona? anders graag via het reguliere overleg ##topic
10:51 menno: nee. ik zet het op de agenda van de reguliere driehoek ##topic
10:52 koen: dank ##topic
14:00 yvonne: kort: ik ben morgen om 10 bij de notaris, ben er daarna
14:01 koen: 👍

== 2020-11-09
09:00 samira: slecht nieuws, ik ben [[positief getest|health]]. geen erge klachten, wel moe. ik werk vanuit huis
09:01 koen: o nee, beterschap samira. neem rust
09:05 menno: heftig, beterschap! wie was er vorige week allemaal met jou in overleg?
09:10 samira: alleen jullie twee op woensdag, maar met afstand. de GGD belt vandaag
09:11 koen: ok ik heb geen klachten
09:12 menno: ik ook niet
11:00 yvonne: ik neem de markt deze week over qua communicatie. de boa's weten ervan
14:30 samira: GGD heeft gebeld, quarantaine voor mijn gezin. mijn zoon had ook al [[hoesten|health]], hij wordt morgen getest
14:35 koen: sterkte met het gezin
16:00 menno: de aanvraag voor de demonstratie van zaterdag 21-11 is binnen. zelfde organisator als oktober
16:05 koen: geen probleem, zelfde afspraken als toen

== 2020-11-16
08:15 samira: ben weer beter. [[test negatief|health]], ik kom morgen weer naar kantoor
08:16 koen: welkom terug!
08:16 yvonne: 🎉
10:20 menno: nieuwe instructie bestuurlijke strafbeschikking mondkapjes ligt klaar voor de burgemeester
10:25 samira: top. mijn mensen zijn er klaar voor
13:40 koen: driehoek over de jaarwisseling: landelijk vuurwerkverbod. politie verwacht meer onrust dan normaal
13:45 samira: handhaving op 31/12 tot 03:00. ik heb 14 boa's ingepland
15:00 yvonne: kerstborrel via teams op 18/12? ik stuur een uitnodiging 🎄 ##private
15:01 menno: ja leuk ##private
15:02 samira: ik neem bier mee 🍻 ##private

== 2020-12-01
08:00 samira: eerste dag mondkapjesplicht: 34 waarschuwingen, 6 boetes
08:05 koen: boetes voor wie? mensen met een medische uitzondering hopelijk niet?
08:10 samira: nee, die hebben we niet beboet. 1 vrouw had een verklaring van haar huisarts vanwege [[astma|health]], die hebben we laten gaan
08:12 koen: goed zo
11:00 yvonne: persvraag: hoeveel boetes zijn er uitgedeeld sinds 1 dec? antwoord: 6 vandaag. ok?
11:01 koen: prima
14:20 menno: demonstratie 12/12 aangevraagd door [[Ruud Hermsen|name]] weer. deze keer wil hij op de markt zelf
14:25 koen: nee, niet op de markt. alternatief aanbieden
14:30 menno: ok, ik bel hem

== 2020-12-15
09:00 koen: lockdown vanaf vandaag. horeca en niet-essentiële winkels dicht. burgemeester wil een ronde langs de winkelstraat om 11u
09:05 samira: ik loop mee
09:06 yvonne: ik ook, met de fotograaf
11:50 samira: winkelstraat rustig. 1 winkel nog open, eigenaar zegt dat hij "essentieel" is want hij verkoopt ook batterijen 🙄
11:51 koen: haha. waarschuwing?
11:52 samira: ja, schriftelijk
16:00 menno: de politie meldt dat de kroegbaas van de Zwaan opnieuw open was, met 20 man binnen. [[Brouwers|name]] is [[aangehouden|criminal]]
16:05 koen: jeetje. burgemeester wil hem morgen spreken? regel jij het met de advocaat?

== 2021-01-23
21:10 menno: avondklokrellen in het centrum. ME ter plaatse. groep van ca 80 jongeren bij het station
21:12 koen: ik kom naar het stadhuis
21:15 samira: boa's zijn teruggetrokken, te gevaarlijk
21:40 menno: ruiten ingegooid bij de Jumbo en bij de bank. politie heeft al 9 mensen aangehouden
22:30 koen: burgemeester heeft noodbevel afgekondigd voor het stationsgebied
22:31 yvonne: persbericht gaat er om 22:45 uit
23:50 menno: rustig nu. totaal 17 aanhoudingen, 2 agenten lichtgewond

== 2021-01-24
08:30 koen: goedemorgen iedereen, wat een nacht. driehoek om 10u. menno kun jij een overzicht maken?
08:40 menno: ja. volgens de politie staan er beelden van een auto die de relschoppers bracht, kenteken [[29-TPR-6|plate]]
08:45 koen: die info is voor de politie, niet voor ons overzicht
08:46 menno: klopt. weggelaten
10:50 samira: een van mijn boa's is [[bespuugd|criminal]] gisteren. hij doet [[aangifte|criminal]] en is vandaag vrij
10:51 koen: goed dat hij [[aangifte doet|criminal]]. ik bel hem straks
12:15 yvonne: de burgemeester wil zelf met de ouders van de jongeren praten. wie is de contactpersoon bij jongerenwerk?
12:20 menno: [[Chantal de Ruiter|name]], [[06 4130 8852|phone]]
12:21 yvonne: dank
15:00 menno: de politie heeft de jongen die de steen door de ruit van de bank gooide [[opgepakt|criminal]]. [[Dylan|name]], 16, woont in de [[Ruysdaelstraat 40|address]]
15:05 koen: geen namen in deze app svp, dit gaat naar het archief
15:06 menno: sorry. terecht
15:20 yvonne: de wijkagent, [[06-21450937|phone]], wil graag dat we een buurtbijeenkomst organiseren in de wijk
15:25 koen: goed idee. plan het in

== 2021-01-26
07:45 koen: vannacht rustig, 2 aanhoudingen
07:46 samira: gelukkig
08:30 menno: de politie wil de camerabeelden van de gemeente. formeel verzoek volgt via teamchef Kremer
09:10 yvonne: de bewonersbrief voor de wijk is klaar, kan iemand meelezen?
09:20 koen: ik lees mee
11:00 menno: winkeliers in het centrum hebben 14 aangiftes gedaan van schade, totaal geschat 85.000 euro
11:05 koen: dank, de burgemeester wil een tegemoetkoming regelen
14:45 samira: OvJ Timmer heeft vandaag de eerste snelrechtzaken. 4 jongeren
14:46 koen: ok

== 2021-02-01
09:00 koen: goedemorgen. evaluatie van de rellen: de burgemeester wil een rapport voor de raad. menno trekt, iedereen input voor vrijdag
09:05 menno: ik maak een opzet
09:10 samira: input handhaving komt donderdag
10:30 yvonne: heeft iemand de gegevens van die eigenaar van de kapotte kapsalon? hij wil de gemeente aansprakelijk stellen
10:35 menno: [[Erdal Yilmaz|name]], [[Hoogstraat 112b, 3011 PT|address]] Zuidhaven, [[e.yilmaz1979@hotmail.com|email]]
10:36 koen: gaat via juridische zaken, niet via ons
13:00 samira: ik heb een mail van een inwoner die zijn [[coronaboete|criminal]] wil aanvechten. zijn bsn staat in de mail: [[{bsn:bezwaar1:spaces}|bsn]]
13:02 koen: bezwaar loopt via het CJIB, niet via ons. stuur hem het standaardantwoord
13:05 samira: ok. zijn CJIB-nummer is {bsn:cjibnr} trouwens, dat zet ik in het antwoord
13:06 koen: prima
15:30 menno: ik heb vrijdag een dagje vrij, mijn vriendin is jarig 🎉 ##private
15:31 yvonne: gefeliciteerd alvast! wat gaan jullie doen? ##private
15:33 menno: uit eten kan niet, dus ik kook. iets met risotto ##private
15:34 samira: ambitieus 😂 ##private

== 2021-02-08
08:00 koen: sneeuw! 🌨️ boa's rijden vandaag niet, te glad. alleen te voet in het centrum
08:05 samira: klopt, we schaatsen naar het werk 😂
08:10 yvonne: de kinderen hebben me om 6u wakker gemaakt voor een sneeuwpop ##private
08:11 menno: haha hier ook ##private
10:00 koen: veel meldingen van mensen op het ijs bij de vijver in het park, te veel mensen bij elkaar. samira?
10:05 samira: 2 boa's gaan kijken. ijs is trouwens niet veilig
10:40 samira: handhaving bij de vijver: mensen gewaarschuwd, geen boetes
11:30 menno: de ondermijningszaak Zwanenstraat: de burgemeester heeft het pand voor 6 maanden gesloten ##topic
11:31 koen: ok, dank voor de update ##topic
14:00 yvonne: morgen ben ik er 's ochtends niet, ik mag al [[gevaccineerd|health]] worden vanwege mijn [[longziekte|health]]
14:02 koen: fijn voor je!
14:05 samira: 👍
`,
};
