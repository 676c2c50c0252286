import type { DemoArticle } from './demo-kb-types';

/** Blood glucose meters and insulin: the questions people with diabetes ask most. */
export const GLUCOSE_ARTICLES: DemoArticle[] = [
  {
    key: 'glucose-meter-use',
    category: 'devices',
    audience: 'patient',
    texts: {
      en: [
        'How to check your blood sugar with a glucose meter',
        `Checking your blood sugar at home shows how food, activity and medicines affect you. It takes about a minute.

1. Wash your hands with warm water and soap, and dry them well. Sugar on your fingers can give a falsely high reading.
2. Put a new test strip into the meter.
3. Prick the side of a fingertip with the lancing device. The side hurts less than the pad.
4. Touch the drop of blood to the end of the strip and wait for the result.
5. Write the result down with the date and time, or check that the meter saved it.

## When to call us
- Your reading is below 70 mg/dL (3.9 mmol/L) twice in a row, or above 300 mg/dL (16.7 mmol/L).
- If you feel shaky or sweaty and your reading is low, first take 15 g of fast sugar (half a glass of juice), then check again after 15 minutes.
- The meter shows an error code you cannot clear.

Bring your meter or logbook to every appointment.`,
      ],
      es: [
        'Cómo medir su azúcar en la sangre con un glucómetro',
        `Medir su azúcar en la sangre en casa le muestra cómo le afectan la comida, la actividad y los medicamentos. Toma alrededor de un minuto.

1. Lávese las manos con agua tibia y jabón, y séquelas bien. El azúcar en los dedos puede dar un resultado falsamente alto.
2. Coloque una tira reactiva nueva en el glucómetro.
3. Pinche el costado de la yema de un dedo con el dispositivo de punción. El costado duele menos que el centro.
4. Acerque la gota de sangre al extremo de la tira y espere el resultado.
5. Anote el resultado con la fecha y la hora, o compruebe que el glucómetro lo guardó.

## Cuándo llamarnos
- Su resultado está por debajo de 70 mg/dL (3,9 mmol/L) dos veces seguidas, o por encima de 300 mg/dL (16,7 mmol/L).
- Si se siente tembloroso o sudoroso y su resultado es bajo, tome primero 15 g de azúcar rápida (medio vaso de jugo) y vuelva a medir a los 15 minutos.
- El glucómetro muestra un código de error que no puede borrar.

Traiga su glucómetro o su cuaderno de registro a cada cita.`,
      ],
      lv: [
        'Kā izmērīt cukura līmeni asinīs ar glikozes mērītāju',
        `Mērot cukura līmeni asinīs mājās, jūs redzat, kā jūs ietekmē ēdiens, kustības un zāles. Tas aizņem apmēram minūti.

1. Nomazgājiet rokas ar siltu ūdeni un ziepēm un rūpīgi nosusiniet. Cukurs uz pirkstiem var uzrādīt kļūdaini augstu rezultātu.
2. Ievietojiet mērītājā jaunu testa strēmeli.
3. Ar duršanas ierīci iedurstiet pirksta galiņa sānā. Sānos sāp mazāk nekā pirksta spilventiņā.
4. Pieskarieties ar asins pilienu strēmeles galam un pagaidiet rezultātu.
5. Pierakstiet rezultātu ar datumu un laiku vai pārbaudiet, vai mērītājs to saglabāja.

## Kad mums zvanīt
- Rezultāts divas reizes pēc kārtas ir zemāks par 3,9 mmol/l (70 mg/dl) vai augstāks par 16,7 mmol/l (300 mg/dl).
- Ja jūtat trīcēšanu vai svīstat un rezultāts ir zems, vispirms uzņemiet 15 g ātri uzsūcama cukura (pusglāzi sulas) un pēc 15 minūtēm izmēriet vēlreiz.
- Mērītājs rāda kļūdas kodu, ko nevarat novērst.

Ņemiet līdzi mērītāju vai pierakstu burtnīcu uz katru vizīti.`,
      ],
      nb: [
        'Slik måler du blodsukkeret med blodsukkerapparat',
        `Når du måler blodsukkeret hjemme, ser du hvordan mat, aktivitet og medisiner påvirker deg. Det tar omtrent ett minutt.

1. Vask hendene med varmt vann og såpe, og tørk dem godt. Sukker på fingrene kan gi et falskt høyt resultat.
2. Sett en ny teststrimmel i apparatet.
3. Stikk i siden av en fingertupp med stikkpennen. Siden gjør mindre vondt enn fingerputen.
4. Hold bloddråpen mot enden av strimmelen og vent på resultatet.
5. Skriv ned resultatet med dato og klokkeslett, eller sjekk at apparatet lagret det.

## Når du bør ringe oss
- Resultatet er under 3,9 mmol/l (70 mg/dl) to ganger på rad, eller over 16,7 mmol/l (300 mg/dl).
- Hvis du skjelver eller svetter og resultatet er lavt, ta først 15 g raskt sukker (et halvt glass juice), og mål igjen etter 15 minutter.
- Apparatet viser en feilkode du ikke får bort.

Ta med apparatet eller loggboken til hver time.`,
      ],
    },
  },
  {
    key: 'glucose-meter-care',
    category: 'devices',
    audience: 'patient',
    texts: {
      en: [
        'Looking after your glucose meter and test strips',
        `A meter gives reliable results only when it and its strips are looked after.

- Keep strips in their own closed container, away from heat, cold and damp. Never store them in the bathroom or a car.
- Check the expiry date. Once a container is opened, many strips last only three to six months: write the opening date on it.
- Use the strips made for your meter model.
- Clean the outside of the meter with a slightly damp cloth. Never let liquid get into the strip port.
- Run a control solution test when you open a new box of strips, if the meter was dropped, or if results do not match how you feel.
- Change the batteries when the meter warns you.

If the control test fails twice, do not rely on the meter: call us and we will help you get it checked or replaced.`,
      ],
      es: [
        'Cómo cuidar su glucómetro y sus tiras reactivas',
        `Un glucómetro da resultados fiables solo si él y sus tiras se cuidan bien.

- Guarde las tiras en su propio envase cerrado, lejos del calor, del frío y de la humedad. Nunca las guarde en el baño ni en el coche.
- Revise la fecha de caducidad. Una vez abierto el envase, muchas tiras duran solo de tres a seis meses: escriba en él la fecha de apertura.
- Use las tiras hechas para su modelo de glucómetro.
- Limpie el exterior del glucómetro con un paño apenas húmedo. Nunca deje que entre líquido en la ranura de la tira.
- Haga una prueba con solución de control cuando abra una caja nueva de tiras, si el glucómetro se cayó o si los resultados no coinciden con cómo se siente.
- Cambie las pilas cuando el glucómetro le avise.

Si la prueba de control falla dos veces, no confíe en el glucómetro: llámenos y le ayudaremos a revisarlo o reemplazarlo.`,
      ],
      lv: [
        'Kā kopt glikozes mērītāju un testa strēmeles',
        `Mērītājs sniedz ticamus rezultātus tikai tad, ja tas un strēmeles tiek pareizi koptas.

- Glabājiet strēmeles to oriģinālajā aizvērtajā iepakojumā, sargājot no karstuma, aukstuma un mitruma. Nekad neglabājiet tās vannasistabā vai automašīnā.
- Pārbaudiet derīguma termiņu. Pēc iepakojuma atvēršanas daudzas strēmeles derīgas tikai trīs līdz sešus mēnešus: uzrakstiet uz tā atvēršanas datumu.
- Izmantojiet strēmeles, kas paredzētas jūsu mērītāja modelim.
- Mērītāja ārpusi tīriet ar nedaudz mitru drāniņu. Nekad nepieļaujiet, ka šķidrums iekļūst strēmeles atverē.
- Veiciet pārbaudi ar kontrolšķīdumu, kad atverat jaunu strēmeļu kārbu, ja mērītājs ir nokritis vai ja rezultāti neatbilst jūsu pašsajūtai.
- Nomainiet baterijas, kad mērītājs par to brīdina.

Ja kontroles pārbaude divreiz neizdodas, nepaļaujieties uz mērītāju: zvaniet mums, un mēs palīdzēsim to pārbaudīt vai nomainīt.`,
      ],
      nb: [
        'Slik tar du vare på blodsukkerapparatet og teststrimlene',
        `Et apparat gir pålitelige resultater bare når det og strimlene blir tatt godt vare på.

- Oppbevar strimlene i sin egen lukkede boks, beskyttet mot varme, kulde og fukt. Ikke oppbevar dem på badet eller i bilen.
- Sjekk utløpsdatoen. Når boksen er åpnet, varer mange strimler bare tre til seks måneder: skriv åpningsdatoen på boksen.
- Bruk strimlene som er laget for din apparatmodell.
- Tørk av apparatet utvendig med en lett fuktet klut. Ikke la væske komme inn i strimmelåpningen.
- Gjør en test med kontrollvæske når du åpner en ny eske med strimler, hvis apparatet har falt i gulvet, eller hvis resultatene ikke stemmer med hvordan du føler deg.
- Bytt batterier når apparatet varsler om det.

Hvis kontrolltesten mislykkes to ganger, ikke stol på apparatet: ring oss, så hjelper vi deg med å få det sjekket eller byttet.`,
      ],
    },
  },
  {
    key: 'insulin-storage',
    category: 'medications',
    audience: 'patient',
    texts: {
      en: [
        'Storing insulin at home and when travelling',
        `Insulin loses its strength if it gets too warm or freezes.

- Keep unopened pens and vials in the refrigerator at 2–8 °C, away from the freezer compartment. Never use insulin that has been frozen.
- The pen or vial you are using can stay at room temperature (up to 25–30 °C, depending on the brand) for about four weeks. Check the leaflet for your insulin and write the date you started it on the label.
- Keep insulin out of direct sunlight and never leave it in a parked car.
- When travelling, carry insulin in your hand luggage, in an insulated bag. Bring a letter from us and more supplies than you expect to need.
- Do not use insulin that looks cloudy when it should be clear, or has flakes or crystals.

If you are unsure whether your insulin is still good, call the pharmacy or us before your next dose.`,
      ],
      es: [
        'Cómo guardar la insulina en casa y de viaje',
        `La insulina pierde su eficacia si se calienta demasiado o se congela.

- Guarde las plumas y los frascos sin abrir en el refrigerador, entre 2 y 8 °C, lejos del congelador. Nunca use insulina que se haya congelado.
- La pluma o el frasco que está usando puede quedarse a temperatura ambiente (hasta 25–30 °C, según la marca) durante unas cuatro semanas. Consulte el prospecto de su insulina y escriba en la etiqueta la fecha en que empezó a usarla.
- Mantenga la insulina lejos de la luz directa del sol y nunca la deje en un coche estacionado.
- De viaje, lleve la insulina en el equipaje de mano, en una bolsa térmica. Lleve una carta nuestra y más suministros de los que cree que necesitará.
- No use insulina que se vea turbia cuando debería ser transparente, ni si tiene grumos o cristales.

Si no está seguro de que su insulina siga en buen estado, llame a la farmacia o a nosotros antes de la siguiente dosis.`,
      ],
      lv: [
        'Kā uzglabāt insulīnu mājās un ceļojumā',
        `Insulīns zaudē iedarbību, ja tas pārkarst vai sasalst.

- Neatvērtas pildspalvas un flakonus glabājiet ledusskapī 2–8 °C temperatūrā, tālāk no saldētavas. Nekad nelietojiet insulīnu, kas ir bijis sasalis.
- Pildspalvu vai flakonu, ko pašlaik lietojat, var glabāt istabas temperatūrā (līdz 25–30 °C atkarībā no preparāta) apmēram četras nedēļas. Izlasiet sava insulīna lietošanas instrukciju un uzrakstiet uz etiķetes datumu, kad sākāt to lietot.
- Sargājiet insulīnu no tiešiem saules stariem un nekad neatstājiet to stāvošā automašīnā.
- Ceļojumā vediet insulīnu rokas bagāžā, termosomā. Paņemiet līdzi mūsu izsniegtu izziņu un vairāk piederumu, nekā domājat, ka būs vajadzīgs.
- Nelietojiet insulīnu, kas ir duļķains, lai gan tam vajadzētu būt dzidram, vai kurā ir pārslas vai kristāli.

Ja neesat pārliecināts, vai insulīns vēl ir derīgs, pirms nākamās devas zvaniet uz aptieku vai mums.`,
      ],
      nb: [
        'Slik oppbevarer du insulin hjemme og på reise',
        `Insulin mister virkningen hvis det blir for varmt eller fryser.

- Oppbevar uåpnede penner og hetteglass i kjøleskapet ved 2–8 °C, unna fryseren. Bruk aldri insulin som har vært frosset.
- Pennen eller hetteglasset du bruker, kan ligge i romtemperatur (opptil 25–30 °C, avhengig av merke) i omtrent fire uker. Les pakningsvedlegget for insulinet ditt, og skriv datoen du begynte på det, på etiketten.
- Hold insulinet unna direkte sollys, og la det aldri ligge i en parkert bil.
- På reise bærer du insulinet i håndbagasjen, i en isolert veske. Ta med et brev fra oss og mer utstyr enn du regner med å trenge.
- Ikke bruk insulin som er uklart når det skal være klart, eller som har flak eller krystaller.

Er du usikker på om insulinet fortsatt er godt, ring apoteket eller oss før neste dose.`,
      ],
    },
  },
];
