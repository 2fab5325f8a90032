import type { SourceConversation } from '../source';

/** A municipal team that helped people in quarantine, November and December 2021: intake details pasted in the chat. */
export const H06: SourceConversation = {
  file: 'h06-quarantainesteun.jsonl',
  title: 'Team quarantainesteun gemeente Zuidhaven',
  description: 'A municipal team arranging groceries and help for residents in isolation, late 2021: intake forms pasted into the chat (names, dates of birth, addresses, BSN, IBAN), a volunteers\' contact list, and a hotel for travellers in quarantine.',
  people: { lars: 'Lars Koopman', inge: 'Inge Vermeulen', dewi: 'Dewi Sastro', bram: 'Bram Hendriks' },
  script: `
== 2021-11-15
08:30 lars: goedemorgen! 4 nieuwe aanmeldingen voor quarantainesteun via het formulier. ik zet ze hier, daarna verwijder ik ze weer
08:32 lars: 1. mevr [[Hendrika Wassink|name]], geb [[09-04-1940|dob]], [[Lindelaan 4, 3071 KM|address]], tel [[010-4123387|phone]]: boodschappen 2x per week
08:33 lars: 2. dhr [[Okan Demir|name]] (geb. [[23/06/1979|dob]]), [[Schepenstraat 88b|address]], [[06-27771032|phone]], is [[positief|health]] en alleenstaand, heeft [[diabetes|health]]. wil hulp bij [[medicijnen|health]] ophalen
08:34 lars: 3. gezin [[Van Oosten|name]], postcode 3072, vraagt iemand om de hond uit te laten. nummer volgt
08:35 lars: 4. [[Gerard|name]] (geen achternaam opgegeven), [[+31 6 4410 2289|phone]], [[g.peelen@planet.nl|email]]
08:40 inge: ik neem 1 en 2
08:41 dewi: ik 3 en 4
08:45 bram: ik ben er alleen vanmiddag, ik pak de nieuwe van vanmiddag
10:20 inge: mevr [[Wassink|name]] gebeld. ze is [[doof|health]] aan 1 kant dus praat hard en langzaam 😅 boodschappenlijst heb ik
10:50 inge: dhr [[Demir|name]]: de apotheek bezorgt zelf, dat hoeft dus niet. wel boodschappen
11:30 dewi: de familie [[van oosten|name]] heeft geen hulp meer nodig, de buurman laat de hond uit
11:31 lars: 👍
14:00 bram: nieuwe aanmelding: [[Johanna de Lange-Prins|name]], [[Zeemanstraat 21|address]], BSN [[{bsn:delange:dots}|bsn]], [[0612008274|phone]]. ze vraagt of ze een vergoeding kan krijgen voor de boodschappen die haar dochter voor haar doet
14:05 lars: BSN hebben we niet nodig, wil je dat uit het formulier halen? vergoeding kan, via de bijzondere bijstand
14:06 bram: ah ok, ik haal het weg. ik stuur haar het formulier

== 2021-11-16
09:00 lars: dagstart: 14 lopende hulpvragen. nieuw van vannacht: een man in quarantaine in het hotel aan de A16, hij wil naar huis
09:05 dewi: ik bel hem. welk hotel?
09:06 lars: Van der Valk, kamer 212. duitse vrachtwagenchauffeur, nummer [[+49 170 3358921|phone]]. zijn vrachtwagen ([[BX-774-F|plate]]) staat op het terrein, de hotelmanager wil weten hoe lang nog
09:40 dewi: gesproken. hij is [[positief|health]] en mag vrijdag weg. de werkgever betaalt het hotel
09:41 lars: ok
11:15 inge: mevr [[Wassink|name]] wil de boodschappen terugbetalen op mijn eigen rekening?? dat mag toch niet
11:17 lars: nee. de boodschappen gaan via de pinpas van de gemeente, leg maar uit
13:30 bram: mevr [[de Lange|name]] heeft het formulier teruggestuurd, met haar iban [[{iban:delange:NL/ASNB}|iban]]
13:35 lars: mooi, door naar de bijzondere bijstand
16:00 dewi: ik ben morgen vrij, mijn dochter wordt [[geopereerd|health]] aan haar knie
16:01 lars: sterkte morgen!

== 2021-11-18
08:30 lars: overzicht: 9 nieuwe aanvragen. de lijst staat in de gedeelde map, ik zet ze niet meer hier 👍
08:31 inge: 👍
10:00 inge: dhr [[Demir|name]] belde: hij is weer [[negatief|health]] en wil de vrijwilliger iets geven. [[Roos|name]] was het toch?
10:05 bram: ja, [[Roos|name]] van de voedselbank. haar nummer is [[06-39402175|phone]]
11:20 dewi: een aanmelding met een raar BSN: {bsnx:raarbsn:spaces}. het systeem zegt dat hij niet klopt
11:22 lars: vraag het opnieuw, of laat het weg. we hebben het niet nodig
13:00 bram: vraag van wethouder Çelik: hoeveel mensen hebben we dit jaar geholpen?
13:10 lars: 412 huishoudens, waarvan 38 in een hotel
13:11 bram: dank
15:30 lars: hebben jullie mijn mail over de kerstlunch gezien? 17 december bij de Griek, wie komt? ##private
15:31 inge: ik! ##private
15:32 dewi: ja ##private
15:35 bram: ik ben er niet, dan zit ik op Curaçao 🏝️ ##private

== 2021-11-25
09:00 lars: goedemorgen. nieuwe regels: quarantaine voor huisgenoten wordt korter. pas het belscript aan aub
09:10 inge: ok
10:30 dewi: aanmelding vanuit het azc: een moeder met 3 kinderen, allemaal [[positief|health]]. ze spreekt alleen Arabisch, tolk via het COA
10:35 lars: het COA regelt de boodschappen. wij alleen als ze erom vragen
12:00 bram: een meneer belt boos, hij heeft een [[boete|criminal]] gekregen omdat hij tijdens zijn quarantaine naar de supermarkt ging. hij denkt dat wij hem hebben aangegeven 😬
12:05 lars: wij geven niemand aan. leg dat uit
12:06 bram: heb ik gedaan. hij wil een klacht indienen: [[fred.vanbeek@ziggo.nl|email]], [[Heemraadssingel 140a, 3021 DL|address]]
12:10 lars: stuur hem het klachtenformulier
14:20 inge: contactlijst vrijwilligers voor december:⏎[[Roos|name]] [[06-39402175|phone]]⏎[[Ahmed|name]] [[06 1127 5580|phone]]⏎[[Tineke|name]] [[010-4667021|phone]]⏎[[Ben|name]] [[ben.stolwijk@hotmail.com|email]]
14:22 lars: dank. en niet verder delen he
14:25 dewi: de taxi die mevr [[Wassink|name]] naar de teststraat bracht had een lekke band 😂 de chauffeur heeft haar toch op tijd gebracht

== 2021-12-03
09:00 lars: goedemorgen. de dienstverlening stopt per 1 januari, de landelijke regeling loopt af. iedereen helpt mee met de overdracht
09:10 inge: jammer, maar logisch
11:30 bram: de gegevens van alle aanmelders moeten na 1 maart vernietigd worden. lars, check jij dat met de privacy officer?
11:35 lars: ja
13:00 dewi: mevr [[Wassink|name]] heeft een kerstkaart naar het stadhuis gestuurd ❤️ "voor de lieve mensen van de boodschappen"
13:01 inge: ahhh
13:02 bram: 🥹
15:00 inge: heeft iemand zin om zaterdag mee te gaan schaatsen op de ijsbaan? ##private
15:05 dewi: ik kan niet schaatsen 😂 ##private
15:06 inge: leer je toch ##private

== 2021-12-10
10:00 lars: laatste week. ik wil iedereen bedanken. wethouder Çelik komt donderdag langs met taart 🎂
10:05 bram: 🙌
10:06 dewi: 🥳
14:00 inge: overdracht naar het wijkteam: 8 mensen hebben nog hulp nodig. de dossiers gaan via wijkteam@zuidhaven.nl
14:05 lars: top, dank inge
`,
};
