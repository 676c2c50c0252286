import type { DemoArticle } from './demo-kb-types';

/** Preparing for tests and procedures, and asking for refills. */
export const TEST_ARTICLES: DemoArticle[] = [
  {
    key: 'fasting-blood-test',
    category: 'test-preparation',
    audience: 'patient',
    texts: {
      en: [
        'Preparing for a fasting blood test',
        `Some blood tests, such as blood sugar and cholesterol, need you to fast first so that your last meal does not change the result.

- Do not eat or drink anything except water for 8 to 12 hours before the test. Your appointment letter says how long.
- Drink water as usual: it makes the blood draw easier.
- No coffee, tea, juice, chewing gum or smoking during the fast.
- Take your usual medicines with water unless we told you otherwise. If you use insulin or tablets for diabetes, ask us how to adjust them, because fasting can make your blood sugar drop.
- Book an early morning appointment, so most of the fast happens while you sleep, and bring a snack for afterwards.

If you ate by mistake, tell the staff at the laboratory: the test may need a new date, and that is better than a wrong result.`,
      ],
      es: [
        'Cómo prepararse para un análisis de sangre en ayunas',
        `Algunos análisis de sangre, como los de azúcar y colesterol, requieren que esté en ayunas para que su última comida no altere el resultado.

- No coma ni beba nada, salvo agua, durante 8 a 12 horas antes del análisis. Su carta de cita indica cuántas horas.
- Beba agua como siempre: facilita la extracción de sangre.
- Nada de café, té, jugos, chicle ni tabaco durante el ayuno.
- Tome sus medicamentos habituales con agua, salvo que le hayamos dicho lo contrario. Si usa insulina o pastillas para la diabetes, pregúntenos cómo ajustarlas, porque el ayuno puede bajarle el azúcar.
- Pida una cita temprano por la mañana, así la mayor parte del ayuno ocurre mientras duerme, y lleve algo para comer después.

Si comió por error, dígaselo al personal del laboratorio: puede ser necesario cambiar la fecha del análisis, y eso es mejor que un resultado equivocado.`,
      ],
      lv: [
        'Kā sagatavoties asins analīzēm tukšā dūšā',
        `Dažām asins analīzēm, piemēram, cukura un holesterīna noteikšanai, jāierodas tukšā dūšā, lai pēdējā maltīte neietekmētu rezultātu.

- 8–12 stundas pirms analīzēm neēdiet un nedzeriet neko, izņemot ūdeni. Cik stundas, ir norādīts jūsu pieraksta vēstulē.
- Dzeriet ūdeni kā parasti: tas atvieglo asins paņemšanu.
- Badošanās laikā nedzeriet kafiju, tēju vai sulu, nekošļājiet košļājamo gumiju un nesmēķējiet.
- Parastās zāles lietojiet ar ūdeni, ja vien neesam teikuši citādi. Ja lietojat insulīnu vai tabletes pret diabētu, pajautājiet mums, kā pielāgot devas, jo badošanās var pazemināt cukura līmeni asinīs.
- Pierakstieties uz agru rīta laiku, lai lielākā badošanās daļa paiet miegā, un paņemiet līdzi uzkodu, ko apēst pēc tam.

Ja kļūdas pēc esat paēdis, pasakiet to laboratorijas darbiniekiem: iespējams, analīzes būs jāatliek, un tas ir labāk nekā nepareizs rezultāts.`,
      ],
      nb: [
        'Slik forbereder du deg til en fastende blodprøve',
        `Noen blodprøver, som blodsukker og kolesterol, krever at du faster først, slik at det siste måltidet ikke påvirker resultatet.

- Ikke spis eller drikk noe annet enn vann de siste 8 til 12 timene før prøven. Innkallingen sier hvor lenge.
- Drikk vann som vanlig: det gjør blodprøvetakingen enklere.
- Ikke kaffe, te, juice, tyggegummi eller røyk mens du faster.
- Ta de faste medisinene dine med vann, med mindre vi har sagt noe annet. Bruker du insulin eller tabletter mot diabetes, spør oss hvordan du skal justere dem, fordi faste kan gi lavt blodsukker.
- Bestill en tidlig morgentime, så mesteparten av fasten skjer mens du sover, og ta med noe å spise etterpå.

Har du spist ved en feil, si fra til personalet på laboratoriet: prøven må kanskje tas en annen dag, og det er bedre enn et feil resultat.`,
      ],
    },
  },
  {
    key: 'colonoscopy-preparation',
    category: 'test-preparation',
    audience: 'patient',
    texts: {
      en: [
        'Getting ready for a colonoscopy',
        `A colonoscopy lets the doctor look inside your large bowel. It only works if the bowel is completely empty, so the preparation matters as much as the test.

## A week before
- Tell us if you take blood thinners, iron tablets or medicines for diabetes: some need to be paused.
- Arrange for an adult to take you home. You may not drive for the rest of the day after sedation.

## Three days before
- Eat a low-fibre diet: white bread, white rice, pasta, eggs, fish and chicken. Avoid seeds, nuts, whole grains, raw fruit and vegetables.

## The day before
- Clear liquids only from the time in your instructions: water, clear broth, apple juice, tea without milk. Nothing red or purple.
- Drink the bowel preparation exactly as instructed, usually in two parts. Stay near a toilet.

You are ready when what comes out is clear or pale yellow liquid. If it is still brown and cloudy on the morning of the test, call us before you leave home.`,
      ],
      es: [
        'Cómo prepararse para una colonoscopia',
        `La colonoscopia permite al médico ver el interior del intestino grueso. Solo funciona si el intestino está totalmente vacío, así que la preparación importa tanto como la prueba.

## Una semana antes
- Díganos si toma anticoagulantes, pastillas de hierro o medicamentos para la diabetes: algunos deben suspenderse.
- Organice que un adulto le lleve a casa. Después de la sedación no podrá conducir el resto del día.

## Tres días antes
- Siga una dieta baja en fibra: pan blanco, arroz blanco, pasta, huevos, pescado y pollo. Evite semillas, frutos secos, cereales integrales y frutas y verduras crudas.

## El día anterior
- Solo líquidos claros desde la hora que indican sus instrucciones: agua, caldo claro, jugo de manzana, té sin leche. Nada rojo ni morado.
- Tome la preparación intestinal exactamente como se le indicó, normalmente en dos partes. Quédese cerca de un baño.

Está listo cuando lo que expulsa es líquido claro o amarillo pálido. Si por la mañana del día de la prueba sigue siendo marrón y turbio, llámenos antes de salir de casa.`,
      ],
      lv: [
        'Kā sagatavoties kolonoskopijai',
        `Kolonoskopija ļauj ārstam apskatīt resnās zarnas iekšpusi. Tā izdodas tikai tad, ja zarnas ir pilnīgi tukšas, tāpēc sagatavošanās ir tikpat svarīga kā pats izmeklējums.

## Nedēļu iepriekš
- Pastāstiet mums, ja lietojat asins šķidrinātājus, dzelzs tabletes vai zāles pret diabētu: dažu zāļu lietošana jāpārtrauc.
- Sarunājiet, lai kāds pieaugušais jūs aizved mājās. Pēc sedācijas līdz dienas beigām nedrīkstat vadīt automašīnu.

## Trīs dienas iepriekš
- Ēdiet maz šķiedrvielu saturošu pārtiku: baltmaizi, baltos rīsus, makaronus, olas, zivis un vistu. Izvairieties no sēklām, riekstiem, pilngraudu produktiem, svaigiem augļiem un dārzeņiem.

## Iepriekšējā dienā
- No instrukcijā norādītā laika dzeriet tikai dzidrus šķidrumus: ūdeni, dzidru buljonu, ābolu sulu, tēju bez piena. Neko sarkanu vai violetu.
- Zarnu attīrīšanas līdzekli dzeriet tieši tā, kā norādīts, parasti divās daļās. Uzturieties tualetes tuvumā.

Jūs esat gatavs, kad izdalās dzidrs vai gaiši dzeltens šķidrums. Ja izmeklējuma dienas rītā tas joprojām ir brūns un duļķains, pirms iziešanas no mājām zvaniet mums.`,
      ],
      nb: [
        'Slik gjør du deg klar til koloskopi',
        `Ved koloskopi ser legen på innsiden av tykktarmen. Undersøkelsen fungerer bare hvis tarmen er helt tom, så forberedelsene er like viktige som selve undersøkelsen.

## En uke før
- Si fra hvis du bruker blodfortynnende, jerntabletter eller medisiner mot diabetes: noen må settes på pause.
- Avtal at en voksen følger deg hjem. Etter beroligende medisin kan du ikke kjøre bil resten av dagen.

## Tre dager før
- Spis fiberfattig mat: loff, hvit ris, pasta, egg, fisk og kylling. Unngå frø, nøtter, grovt korn og rå frukt og grønnsaker.

## Dagen før
- Bare klare væsker fra tidspunktet i instruksjonen din: vann, klar buljong, eplejuice, te uten melk. Ikke noe rødt eller lilla.
- Drikk tarmtømmingsmiddelet nøyaktig som beskrevet, vanligvis i to omganger. Hold deg nær et toalett.

Du er klar når det som kommer ut, er klar eller lysegul væske. Er det fortsatt brunt og grumsete om morgenen på undersøkelsesdagen, ring oss før du drar hjemmefra.`,
      ],
    },
  },
  {
    key: 'prescription-refill',
    category: 'medications',
    audience: 'patient',
    texts: {
      en: [
        'Asking for a prescription refill',
        `You can ask for a refill through the portal, by phone or at the front desk. Ask when you still have at least a week of medicine left: some refills need the doctor to review your results first.

When you ask, tell us:
- the name and strength of the medicine, as printed on the label;
- how you take it now, if that has changed;
- which pharmacy you use.

We usually answer within two working days. We will contact you if you need a check-up, a blood test or a new appointment before the refill can be approved.

Never stop a medicine because you ran out without talking to us: for some medicines, such as those for blood pressure, epilepsy or mood, stopping suddenly can be dangerous.`,
      ],
      es: [
        'Cómo pedir una nueva receta de su medicamento',
        `Puede pedir la renovación de una receta por el portal, por teléfono o en recepción. Pídala cuando todavía le quede al menos una semana de medicamento: algunas renovaciones requieren que el médico revise antes sus resultados.

Al pedirla, indíquenos:
- el nombre y la dosis del medicamento, tal como aparecen en la etiqueta;
- cómo lo toma ahora, si ha cambiado;
- qué farmacia usa.

Normalmente respondemos en dos días hábiles. Nos pondremos en contacto con usted si necesita una revisión, un análisis de sangre o una nueva cita antes de aprobar la receta.

Nunca deje un medicamento porque se le acabó sin hablar antes con nosotros: con algunos medicamentos, como los de la presión arterial, la epilepsia o el estado de ánimo, dejarlos de golpe puede ser peligroso.`,
      ],
      lv: [
        'Kā pieprasīt atkārtotu recepti',
        `Atkārtotu recepti varat pieprasīt portālā, pa tālruni vai reģistratūrā. Pieprasiet to, kamēr zāles vēl pietiek vismaz nedēļai: dažkārt ārstam pirms receptes izrakstīšanas jāpārskata jūsu analīžu rezultāti.

Pieprasot norādiet:
- zāļu nosaukumu un stiprumu, kā norādīts uz iepakojuma;
- kā jūs tās lietojat tagad, ja tas ir mainījies;
- kuru aptieku izmantojat.

Parasti atbildam divu darba dienu laikā. Ja pirms receptes apstiprināšanas vajadzīga pārbaude, asins analīzes vai jauna vizīte, mēs ar jums sazināsimies.

Nekad nepārtrauciet zāļu lietošanu tikai tāpēc, ka tās beigušās, iepriekš nerunājot ar mums: dažu zāļu, piemēram, asinsspiediena, epilepsijas vai garastāvokļa zāļu, pēkšņa pārtraukšana var būt bīstama.`,
      ],
      nb: [
        'Slik ber du om ny resept',
        `Du kan be om fornyet resept i portalen, på telefon eller i resepsjonen. Be om det mens du har minst en uke med medisin igjen: noen resepter krever at legen ser på prøvesvarene dine først.

Når du spør, fortell oss:
- navnet og styrken på medisinen, slik det står på etiketten;
- hvordan du tar den nå, hvis det er endret;
- hvilket apotek du bruker.

Vi svarer vanligvis innen to virkedager. Vi tar kontakt hvis du trenger en kontroll, en blodprøve eller en ny time før resepten kan fornyes.

Ikke slutt med en medisin fordi den er tom uten å snakke med oss først: for noen medisiner, som mot blodtrykk, epilepsi eller depresjon, kan det være farlig å slutte brått.`,
      ],
    },
  },
];
