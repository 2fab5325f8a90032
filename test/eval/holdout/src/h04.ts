import type { SourceConversation } from '../source';

/** A press team for the vaccination campaign, 2021, with a few messages after the period ends. */
export const H04: SourceConversation = {
  file: 'h04-woordvoering-vaccinatie.jsonl',
  title: 'Woordvoering vaccinatiecampagne',
  description: 'A ministry press team during the 2021 vaccination campaign, Dutch mixed with English for the foreign press desk: journalists and citizens with their numbers, side effects of named people versus Lareb figures, other campaigns, and messages after the period ends (2022-06-30).',
  people: { emma: 'Emma Kingma', sander: 'Sander de Graaf', noor: 'Noor Haddou', tim: 'Tim Verwey' },
  script: `
== 2021-01-06
07:55 emma: goedemorgen! vandaag de eerste prik in Veghel. minister Everaerts is erbij om 9u. wie gaat mee?
07:58 sander: ik. pers is uitgenodigd tot 30 man, de rest via de livestream
08:01 tim: foreign press desk asks for an english Q&A by 3pm. can someone help?
08:05 noor: ik doe de Q&A, tim stuur je me de vragen die binnengekomen zijn
08:06 tim: thx noor, sent
09:40 sander: prik is gezet bij een verpleegkundige van een verpleeghuis, [[Sanne|name]]. ze vond het prima om met naam in beeld te komen
09:41 emma: mooi. in het persbericht wel alleen haar voornaam en functie
11:30 noor: NOS belt: klopt het dat er nog maar 30.000 doses zijn? antwoord: "er komen deze week 150.000 bij", ok?
11:32 emma: ja goed
15:10 tim: Q&A english sent to the desk 👍
15:11 emma: 🙏

== 2021-01-12
08:30 sander: journalist van het AD wil een achtergrondgesprek over de vaccinvolgorde. [[Lisa Verbeek|name]], [[06-29371145|phone]], [[l.verbeek@ad.nl|email]]
08:35 emma: plan maar voor donderdag, met iemand van het programma erbij
08:40 noor: goedemorgen. mijn oma gaat maandag haar [[eerste prik|health]] halen, ze is er zo blij mee 🥹 ##private
08:41 tim: ahh lief ##private
08:41 sander: wat fijn voor haar ##private
13:20 tim: de Lareb heeft 340 meldingen van bijwerkingen. geen ernstige. persvraag van Trouw
13:25 emma: antwoord via de Lareb laten lopen, wij verwijzen
16:45 noor: een burger mailt woordvoering@minvws.nl: hij krijgt geen afspraak. hij zet zijn bsn erbij: [[{bsn:burgervacc1:dots}|bsn]] en geb. [[21-03-1944|dob]]
16:50 emma: doorsturen naar de GGD, en de mail niet bewaren in onze map
16:51 noor: ja

== 2021-01-18
08:00 emma: goedemorgen team. deze week de campagne "Vaccineren helpt" op tv. tim kun jij de tv-spot inplannen met het bureau?
08:10 tim: ja. contact bij het bureau is [[Kevin Dam|name]], [[k.dam@bureauvanderkamp.nl|email]]
08:12 sander: en die andere campagne? rookvrije generatie? ligt die stil? ##topic
08:15 emma: ja, tot na de zomer. de stichting is er niet blij mee ##topic
08:16 sander: snap ik ##topic
12:00 noor: iemand [[dreigt|criminal]] op twitter het vaccinatiecentrum in Zwolle in brand te steken. de GGD heeft [[aangifte gedaan|criminal]]
12:05 emma: ok. geen reactie vanuit ons, de GGD doet woordvoering
12:06 tim: er zijn er meer van zulke accounts. de politie houdt het in de gaten
14:30 sander: mijn vrouw is [[zwanger|health]]!! 🥳 nummer 2, in augustus ##private
14:31 emma: gefeliciteerd!!! 🎉 ##private
14:31 noor: yaaay ##private
14:32 tim: congrats man ##private

== 2021-01-25
07:50 emma: goedemorgen. avondklok sinds zaterdag, gisteren rellen in Eindhoven. is er een lijn voor vragen over de prikken tijdens de avondklok?
07:55 noor: ja: mensen met een afspraak na 21u nemen hun uitnodiging mee
08:30 tim: a Reuters journalist wants to know if the riots affect the vaccination centres. answer: "no, all centres are open", ok?
08:31 emma: yes, go ahead
11:15 sander: vraag van het Parool over de verpleegkundige in Zwolle die een [[allergische reactie|health]] kreeg na haar prik. naam staat in hun artikel al, [[Demi Hulshof|name]]
11:20 emma: wij doen geen mededelingen over individuele gevallen. verwijzen naar de Lareb en het RIVM
11:21 sander: 👍
15:00 noor: ik ben morgenochtend bij de huisarts, [[rugklachten|health]]. middag ben ik er
15:01 emma: ok, sterkte

== 2021-02-02
08:00 tim: morning all ☕ the new EMA advice on AstraZeneca for over 65s is out. we need a dutch line
08:10 emma: gezondheidsraad komt vanmiddag met een advies. tot die tijd: "we wachten het advies af"
13:00 noor: persconferentie vanavond om 19u. ik zit bij de minister, sander doet de vragenronde
13:01 sander: ok
19:45 sander: vragen gingen vooral over de scholen en de avondklok. niks over vaccins
19:46 emma: top, dank
21:10 tim: anyone watching the Ajax game? 😂 ##private
21:11 sander: helaas ja ##private
21:12 noor: nee, ik kijk bake off 🍰 ##private

== 2021-02-15
08:20 emma: goedemorgen. telefoonnummer voor de afspraken wordt aangepast: 0800-6141 in plaats van 0800-1714. let op in alle teksten
08:25 noor: pas ik aan in de Q&A
08:30 tim: en de engelse versie
11:40 sander: een vrouw belde naar mijn mobiel (via de persafdeling?). haar man heeft [[COPD|health]] en krijgt geen uitnodiging. ze wil teruggebeld worden: [[06 - 1857 3320|phone]]. zijn bsn heeft ze ook ingesproken, [[{bsn:copdman}|bsn]]
11:45 emma: verwijs haar naar de huisarts, de groepen met medische indicatie komen in april
11:46 sander: ok heb ik gedaan
14:10 noor: de campagne voor orgaandonatie mag weer starten in april, de stichting vraagt om een planning ##topic
14:15 emma: zet het op de lijst voor het kernteam van vrijdag ##topic

== 2021-03-15
08:00 emma: AstraZeneca is gepauzeerd. persconferentie om 12u. iedereen standby
08:05 tim: international press is calling already. BBC, Le Monde, Der Spiegel
08:06 tim: line for now: "precautionary pause, awaiting EMA"
08:07 emma: 👍 ja
10:30 noor: de vrouw uit Noorwegen met de [[trombose|health]] na de prik, de NOS wil weten of wij de casus kennen. antwoord nee?
10:32 emma: we kennen de casus niet, we verwijzen naar de EMA
16:00 sander: Lareb heeft tot nu toe 10 meldingen van trombose na AstraZeneca in Nederland. geen ernstige
16:05 emma: ok. dat cijfer mag naar buiten, met de verwijzing
17:30 tim: i'm off, my daughter has a [[fever|health]]. back online at 9
17:32 emma: sterkte tim

== 2021-03-22
09:00 emma: goedemorgen! het vaccinatieprogramma heeft een nieuwe programmadirecteur, Okafor. intro morgen om 10u
09:10 sander: welkom alvast 👋
11:20 noor: de journalist van het AD ([[Verbeek|name]]) vraagt of ze Okafor mag interviewen
11:25 emma: niet in de eerste week
13:15 tim: fyi the german embassy asked for numbers of vaccinated dutch citizens abroad. we don't have those
13:20 emma: klopt, laat BZ het beantwoorden
15:40 sander: mijn schoonvader is met spoed [[geopereerd|health]], gaat goed nu. ik neem morgen een dag vrij
15:42 emma: natuurlijk, sterkte!

== 2021-04-06
08:30 noor: goedemorgen. pasen voorbij, de 60-plussers krijgen hun uitnodiging. de lijn: "geboortejaar 1956 tot en met 1960"
08:35 emma: ja
10:00 tim: a journalist from Politico, [[Mark Stevenson|name]], asks for an interview with the minister. his number [[+44 7911 204 386|phone]], mail [[mark.stevenson@politico.eu|email]]
10:05 emma: minister heeft geen tijd, bied een schriftelijke reactie aan
10:06 tim: ok will do
12:10 sander: burger mailt dat haar dochter na de prik [[flauwgevallen|health]] is en in het [[ziekenhuis|health]] ligt. ze wil haar verhaal in de media. mail van [[jolien.brinkman@kpnmail.nl|email]]
12:15 emma: meelevend antwoorden en doorverwijzen naar de Lareb
15:00 noor: de stand van vandaag: 3,5 miljoen prikken gezet, 2,9 miljoen mensen minstens één keer
15:01 emma: mooi

== 2021-04-26
09:00 emma: ik ben er vandaag niet, mijn zoontje heeft [[waterpokken|health]] 🙈 bereikbaar voor spoed
09:02 noor: beterschap voor hem!
09:02 tim: get well soon to him
11:00 sander: koningsdag morgen: geen persmomenten, de minister is vrij
14:00 noor: de prikstraat in de Jaarbeurs: er was een incident, een man heeft een medewerker [[bedreigd|criminal]] en is [[aangehouden|criminal]]. geen gewonden
14:05 emma: ok. de GGD regio Utrecht doet de woordvoering
16:30 tim: haha look at this, someone made a vaccine cake 😂🎂 ##private
16:31 noor: hahaha fantastisch ##private

== 2021-05-17
08:30 emma: goedemorgen. nieuw: de 1,5 meter campagne wordt afgebouwd. de wetenschappers van het OMT adviseren dat over 4 weken
08:45 sander: prima
10:15 noor: ik moet jullie wat vertellen: ik ben [[zwanger|health]] 🤰 uitgerekend in november. nog niet tegen iedereen zeggen aub ##private
10:16 emma: ahhhh gefeliciteerd noor!! 🥰 ##private
10:16 tim: congrats!! ##private
10:17 sander: super!! ##private
13:00 tim: the international media centre wants a list of all vaccination locations with address. can I share the GGD list?
13:05 emma: ja, dat zijn de openbare adressen, geen probleem
15:20 sander: de vrouw van de [[COPD|health]]-man belde weer naar mijn mobiel. haar man heeft nu wel zijn [[eerste prik|health]] gehad, ze wilde bedanken 😊
15:22 emma: lief

== 2021-06-21
09:00 emma: laatste persconferentie voor de zomer, vrijdag. daarna ga ik 3 weken op vakantie
09:05 noor: waarheen? ##private
09:06 emma: kreta! 🇬🇷 ##private
09:06 noor: jaloers ##private
11:00 tim: a journalist from the FT wants the dutch vaccine order figures. those are in the Kamerbrief of june 10th, right?
11:05 sander: ja, bijlage 2
11:06 tim: 👍
14:00 sander: iemand wil dat we een Kamerlid aanspreken op desinformatie. niet onze rol toch?
14:02 emma: nee, niet onze rol

== 2022-06-30
17:00 emma: laatste dag van het programma vaccinatie. dank iedereen voor anderhalf jaar 🙏
17:01 noor: dank emma ❤️

== 2022-07-01
09:00 tim: first day without the programme. strange feeling 😅
09:05 sander: haha ja. ik zit nu op het apenpokken dossier, nieuwe persvragen komen binnen ##topic
09:10 emma: succes! ##topic

== 2022-09-15
16:00 emma: reünie woordvoering vaccinatie op 30/9 bij mij thuis, [[Prinsengracht 514-2|address]] Amsterdam. neem je partner mee! ##private
16:10 sander: wij komen! ##private
16:11 tim: count me in ##private
16:20 noor: ik kom met de baby 👶 ##private
17:00 sander: btw OVV-rapport over de coronacrisis komt volgende maand, er komen vast persvragen over de vaccinatie. wie pakt dat op?
17:05 emma: ik, vanaf mijn nieuwe plek bij de DG
`,
};
