import type { SourceConversation } from '../source';

/** An informal group of contact tracers, August 2020 to September 2022: mostly privé, some work, identifiers pasted by mistake. */
export const H05: SourceConversation = {
  file: 'h05-bco-maatjes.jsonl',
  title: 'BCO maatjes (informeel)',
  description: 'An informal WhatsApp group of four contact tracers: long run-on voice-note-like messages, family news, a car for sale, a birth, identifiers pasted into the wrong chat, shop talk about calls and scripts, and a reunion after the period ends.',
  people: { kim: 'Kim de Jong', mo: 'Mohamed Amrani', sjoerd: 'Sjoerd Wiersma', fenna: 'Fenna Bos' },
  script: `
== 2020-08-17
19:02 kim: hoi allemaal! leuk dat we nu een appgroep hebben, dan hoeven we niet alles via teams 😄 ##private
19:05 mo: yes! welkom in de groep van de echte bellers 📞 ##private
19:06 sjoerd: haha eindelijk ##private
19:10 fenna: goeie ##private
21:30 sjoerd: vraagje, hoe lang duurt bij jullie gemiddeld een gesprek? ik zit op 35 min en mijn teamleider vindt dat te lang
21:35 kim: 25 ofzo. als ze veel contacten hebben duurt het langer
21:36 mo: ik doe soms een uur idd, vooral bij oudere mensen die het verhaal willen vertellen
21:37 sjoerd: ok dan ben ik niet de enige

== 2020-08-20
08:15 fenna: morning! ik ben vandaag vrij, mijn broertje gaat verhuizen en ik moet dozen tillen 💪 ##private
08:16 kim: succes met tillen!! ##private
12:40 mo: jullie dit ook al gezien? de nieuwe scripts vanaf maandag, we moeten nu ook vragen naar werk in de zorg
12:45 sjoerd: ja. duurt nog langer dan 😅
12:46 kim: whatever, we doen het gewoon

== 2020-09-03
17:30 sjoerd: oeps. ik plakte net per ongeluk iets in de verkeerde chat. hier stond een bsn [[{bsn:sjoerdfout}|bsn]] en een nummer [[06-52283914|phone]] en geboortedatum [[11-10-1988|dob]] van een index, heb het bericht nu verwijderd maar dit staat er nog. sorry!!
17:31 kim: haha gebeurt. verwijder maar voor iedereen
17:32 sjoerd: gedaan, en gemeld bij de privacy officer
17:33 fenna: goed dat je het meldt 👍

== 2020-09-14
20:10 kim: ik heb echt een vermoeiende dag gehad. ik had een man aan de lijn die echt alles wilde weten over hoe lang hij in quarantaine moest en toen ik het uitlegde begon hij te schreeuwen dat het allemaal onzin is en dat hij toch gaat werken, ik weet niet meer hoe ik zulke gesprekken moet doen eerlijk gezegd
20:15 mo: ahh kim. dat is zwaar. bespreek het met je teamleider morgen, er is toch intervisie?
20:16 fenna: ja, en die man is niet jouw probleem. jij doet je werk goed
20:20 kim: dank jullie ❤️
22:00 sjoerd: ik heb morgen ff geen auto, iemand die me kan oppikken bij het station? rond 8u ##private
22:05 fenna: ik kan, ik kom daar toch langs ##private
22:05 sjoerd: top dank! ##private

== 2020-09-28
09:00 mo: goedemorgen allemaal. mijn vader is [[positief|health]], hij heeft [[koorts|health]] en is heel moe. hij is 68 dus we zijn een beetje bang ##private
09:02 kim: oh mo, sterkte. hou ons op de hoogte ##private
09:05 fenna: sterkte!! ❤️ ##private
09:10 sjoerd: hoop dat het meevalt ##private
18:30 mo: update: vader is [[opgenomen|health]] voor zuurstof. niet op de IC gelukkig ##private
18:31 kim: 🙏 ##private
18:35 fenna: veel sterkte mo ##private

== 2020-10-05
08:00 mo: vader is thuis! 🙏 dank voor jullie berichtjes ##private
08:01 sjoerd: top!! ##private
08:01 kim: yessss ##private
12:15 fenna: weten jullie al of we in december nog steeds op het Mediaplein zitten? ik hoorde dat de GGD een nieuw callcenter opent
12:20 mo: zou kunnen. ik hoorde ook iets over Utrecht
12:21 kim: niemand weet het
16:45 sjoerd: jongens ik verkoop mijn polo. 2014, 120 dkm, kenteken [[85-hbz-2|plate]]. iemand interesse of weet iemand iemand? ##private
16:50 kim: welke kleur? ##private
16:51 sjoerd: zwart. 6500 euro ##private
16:52 mo: te duur 😂 ##private

== 2020-10-26
21:40 fenna: mijn fiets is [[gejat|criminal]] bij het station 😡 ik heb [[aangifte gedaan|criminal]] maar ik heb geen hoop ##private
21:42 kim: balen!! ##private
21:43 mo: in utrecht is het een sport ##private
21:45 sjoerd: ik heb nog een oude fiets als je wilt, staat in de schuur ##private
21:46 fenna: echt? ja graag! ##private

== 2020-11-11
07:40 kim: ik ben [[ziek|health]] jongens, [[koorts|health]] en [[hoofdpijn|health]]. ik laat me vandaag testen. heb me al afgemeld bij het rooster
07:41 fenna: beterschap kim!
07:42 mo: beterschap, en rust lekker
16:30 kim: [[positief|health]] 😭
16:31 sjoerd: ah nee!! beterschap
16:32 fenna: ahh kim. zuurtjes en netflix
16:35 kim: haha. mijn vriend [[Jesse|name]] moet nu ook in quarantaine, die is er niet blij mee 😂 ##private
16:36 mo: arme [[Jesse|name]] ##private

== 2020-11-23
10:00 kim: ik ben weer beter, maandag weer aan het werk 💪
10:01 fenna: welkom terug!
10:02 sjoerd: top
14:20 mo: haha ik had net een index die ik vroeg waar hij geweest was en toen zei hij "alleen bij mijn vriendin" en toen vroeg ik naar contacten en toen bleek hij ook nog 3 andere vriendinnen te hebben 💀 hoe moet ik dit in het systeem zetten
14:21 fenna: hahahaha
14:22 kim: gewoon als contacten, niet als vriendinnen 😂
14:23 sjoerd: nice

== 2020-12-14
20:00 fenna: wie komt er vrijdag naar de kerstborrel? het is online, de GGD stuurt een pakketje met bitterballen thuis 😋 ##private
20:02 mo: ik ben erbij ##private
20:05 kim: ik ook ##private
20:10 sjoerd: mijn adres is veranderd, doorgeven aan de organisatie? ik woon nu op de [[Merelstraat 9, 3514 CN|address]] ##private
20:11 fenna: ja geef maar aan de teamleider door ##private

== 2021-01-08
11:00 sjoerd: gelukkig nieuwjaar allemaal! 🎆 ##private
11:02 kim: ook! ##private
11:05 mo: happy new year 🥂 ##private
14:30 fenna: hebben jullie ook zo'n enorme piek? ik heb vandaag 11 gesprekken gehad, allemaal na kerst
14:35 kim: ja, we lopen 3 dagen achter
14:36 mo: de BCO wordt weer afgeschaald naar alleen huisgenoten, las ik op intranet
14:37 sjoerd: logisch met deze aantallen

== 2021-02-10
18:45 mo: jongens ik ga verhuizen naar amsterdam! nieuwe baan bij de GGD daar vanaf april ##private
18:46 kim: wat?? gefeliciteerd!! 🥳 ##private
18:47 fenna: noooo we gaan je missen 😭 ##private
18:50 sjoerd: mooi man ##private
19:10 mo: ik blijf gewoon in de groep hoor 😂 ##private

== 2021-03-04
09:30 fenna: vraagje voor mo: kun jij het cadeau voor [[Annemieke|name]] regelen? ze gaat met pensioen. iedereen 10 euro? ##private
09:35 mo: ja doe ik. tikkie volgt, of maak het over op [[{iban:mocadeau:NL/BUNQ:compact}|iban]] ##private
09:36 kim: done ##private
09:40 sjoerd: overgemaakt ##private
10:00 fenna: ook gedaan. oh wacht ik heb het naar {ibanx:mocadeau:NL/BUNQ:compact} gestuurd, een cijfer fout. de bank weigerde hem gelukkig ##private
10:01 mo: haha ok, ik zie het nu binnenkomen ##private

== 2021-04-15
19:00 mo: eerste week in amsterdam. hier hebben ze een nieuw systeem voor het vastleggen van contacten, veel beter dan bij ons. ik stuur jullie morgen wat screenshots, mag dat?
19:05 kim: screenshots zonder persoonsgegevens he mo 😉
19:06 mo: uiteraard 😄
21:00 sjoerd: iemand die de wedstrijd kijkt? 2-0 😱 ##private
21:02 fenna: nee ik ben aan het bakken ##private

== 2021-05-20
08:20 kim: ik heb mijn [[eerste prik|health]] gehad, Pfizer! arm doet pijn 💉 ##private
08:22 fenna: yay!! ##private
08:25 sjoerd: ik volgende week ##private
13:00 fenna: de buurjongen is [[opgepakt|criminal]] voor [[inbraak|criminal]] in de hele straat. we wisten het al, maar toch schrik je ervan ##private
13:02 kim: jeetje! ##private
13:05 mo: gelukkig hebben ze hem ##private

== 2021-06-30
22:10 sjoerd: laatste dag voor de zomer. ik ga 3 weken weg met de camper naar Noorwegen 🇳🇴. nog tips? ##private
22:15 fenna: lofoten! ##private
22:15 mo: neem muggenspray mee ##private

== 2021-08-23
09:10 kim: back to work. BCO is rustig nu. ik heb 2 gesprekken gehad in 2 dagen 😴
09:15 fenna: hier ook. ik word nu ingezet bij de vaccinatie
09:20 sjoerd: ik ga van de GGD weg, ik heb een baan bij de gemeente, team jeugd. blijf wel in de groep! ##private
09:21 kim: oh gefeliciteerd! ##private

== 2021-09-03
17:20 fenna: ze is er!! 👶💕 [[Mila|name]], geboren op [[2 september 2021|dob]], 3240 gram. moeder en kind maken het goed ##private
17:21 kim: AAAHHH gefeliciteerd!!! 😍 ##private
17:21 mo: mazzeltov! 🎉 ##private
17:25 sjoerd: gefeliciteerd fenna en [[Daan|name]]!! ##private
17:40 fenna: dank jullie!! kraambezoek mag vanaf volgende week, bel even van tevoren: [[06 41 98 30 57|phone]] (mobiel van [[Daan|name]], die van mij is leeg 😂) ##private
17:41 kim: ❤️ ##private

== 2021-11-29
20:00 kim: ik moet jullie wat vertellen. ik heb nog steeds last van [[long covid|health]] sinds vorig jaar. ik ga minder werken, 24 uur. voor de duidelijkheid, niks ernstigs, maar ik ben snel moe
20:05 fenna: ahh kim, goed dat je het vertelt. neem je tijd
20:06 mo: sterkte kim ❤️
20:10 sjoerd: als je iets nodig hebt, zeg het

== 2022-01-17
10:30 mo: de BCO wordt helemaal afgeschaald. vanaf februari alleen nog bij uitbraken in de zorg. ze zoeken mensen voor de teststraten
10:35 kim: ik blijf bij de vaccinatie
10:40 fenna: ik ook. de boosters lopen goed
12:00 sjoerd: mijn moeder heeft een [[herseninfarct|health]] gehad, ze ligt in het Antonius. ik ben deze week niet op de app ##private
12:05 kim: oh sjoerd wat erg. heel veel sterkte ##private
12:06 fenna: sterkte ❤️ ##private
12:08 mo: 🙏 ##private

== 2022-02-14
20:00 sjoerd: update moeder: ze is [[gerevalideerd|health]] en weer thuis, ze praat nog slecht maar het gaat de goede kant op ##private
20:05 kim: wat fijn om te horen ##private
20:06 fenna: 💕 ##private

== 2022-06-01
19:00 fenna: zullen we een reünie doen? in september? ik maak een lijstje met mailadressen: [[kimdejong88@gmail.com|email]], [[mo.amrani@outlook.com|email]], [[sjoerdwiersma@live.nl|email]], [[fenna.bos@icloud.com|email]] ##private
19:05 kim: yes!! ik maak alvast een potje voor de drank, [[{iban:kimpot:NL/INGB:grouped}|iban]] ##private
19:06 mo: ik ben erbij ##private

== 2022-09-10
15:00 fenna: reünie bij mij thuis op 24 september! [[Bloemstraat 17, 3581 WB|address]] Utrecht. parkeren in de straat is lastig, neem de fiets of het OV ##private
15:05 kim: ik neem de trein. [[mila|name]] is er toch ook? 😍 ##private
15:06 fenna: ja natuurlijk ##private
15:10 sjoerd: ik kom met de auto, kenteken [[KTL29D|plate]] voor als je een parkeervergunning moet aanvragen ##private
15:12 fenna: top, zet ik erop ##private
15:20 mo: ik neem [[Yara|name]] mee, mijn vriendin ##private

== 2022-09-25
10:00 kim: wat een leuke avond was het! dank fenna ❤️ ##private
10:02 mo: top avond! ##private
10:05 sjoerd: idem, tot de volgende 🍻 ##private
`,
};
