import type { DemoArticle } from './demo-kb-types';

/** CPAP and nebulisers: cleaning, use, and what staff ask on the phone. */
export const BREATHING_ARTICLES: DemoArticle[] = [
  {
    key: 'cpap-cleaning',
    category: 'devices',
    audience: 'patient',
    texts: {
      en: [
        'Cleaning your CPAP mask, tubing and humidifier',
        `A clean CPAP machine is more comfortable and helps prevent skin irritation and infections.

## Every day
- Wipe the mask cushion with a damp cloth or an unscented mask wipe to remove skin oils.
- Empty the humidifier chamber, rinse it and let it air-dry. Refill it only with distilled or boiled and cooled water.

## Every week
- Wash the mask, headgear and tubing in warm water with a few drops of mild dish soap. Rinse well.
- Hang the tubing to dry out of direct sunlight, and let everything dry completely before use.
- Check the filter: rinse a reusable filter, and replace a disposable one when it looks grey.

Do not use bleach, alcohol or scented products: they damage the mask and can irritate your lungs.

Call us if the mask leaks even when clean, if your skin is sore, or if the machine makes new noises. Mask cushions usually need replacing every few months.`,
      ],
      es: [
        'Cómo limpiar la mascarilla, el tubo y el humidificador de su CPAP',
        `Un equipo de CPAP limpio es más cómodo y ayuda a prevenir irritaciones de la piel e infecciones.

## Cada día
- Limpie el cojín de la mascarilla con un paño húmedo o una toallita para mascarillas sin perfume, para quitar la grasa de la piel.
- Vacíe la cámara del humidificador, enjuáguela y déjela secar al aire. Vuelva a llenarla solo con agua destilada o hervida y enfriada.

## Cada semana
- Lave la mascarilla, el arnés y el tubo en agua tibia con unas gotas de jabón suave para platos. Enjuague bien.
- Cuelgue el tubo para que se seque lejos de la luz directa del sol, y deje que todo se seque por completo antes de usarlo.
- Revise el filtro: enjuague el filtro reutilizable y cambie el desechable cuando se vea gris.

No use lejía, alcohol ni productos perfumados: dañan la mascarilla y pueden irritar sus pulmones.

Llámenos si la mascarilla tiene fugas aunque esté limpia, si le duele la piel o si el equipo hace ruidos nuevos. Los cojines de la mascarilla suelen cambiarse cada pocos meses.`,
      ],
      lv: [
        'Kā tīrīt CPAP masku, caurules un mitrinātāju',
        `Tīra CPAP ierīce ir ērtāka un palīdz novērst ādas kairinājumu un infekcijas.

## Katru dienu
- Noslaukiet maskas spilventiņu ar mitru drāniņu vai bezsmaržas maskas salveti, lai notīrītu ādas taukus.
- Iztukšojiet mitrinātāja tvertni, izskalojiet to un ļaujiet nožūt gaisā. Uzpildiet to tikai ar destilētu vai vārītu un atdzesētu ūdeni.

## Katru nedēļu
- Mazgājiet masku, galvas siksnas un cauruli siltā ūdenī ar dažiem pilieniem maiga trauku mazgāšanas līdzekļa. Rūpīgi noskalojiet.
- Cauruli pakariet žūt vietā, kur nespīd tieša saule, un pirms lietošanas ļaujiet visam pilnībā izžūt.
- Pārbaudiet filtru: atkārtoti lietojamu filtru izskalojiet, bet vienreizlietojamo nomainiet, kad tas kļuvis pelēks.

Nelietojiet balinātāju, spirtu vai smaržīgus līdzekļus: tie bojā masku un var kairināt plaušas.

Zvaniet mums, ja maska arī tīra laiž cauri gaisu, ja āda ir iekaisusi vai ja ierīce sāk radīt jaunas skaņas. Maskas spilventiņus parasti jāmaina ik pēc dažiem mēnešiem.`,
      ],
      nb: [
        'Slik rengjør du CPAP-masken, slangen og luftfukteren',
        `En ren CPAP er mer behagelig og hjelper mot hudirritasjon og infeksjoner.

## Hver dag
- Tørk av maskeputen med en fuktig klut eller en uparfymert maskeserviett for å fjerne hudfett.
- Tøm vannkammeret i luftfukteren, skyll det og la det lufttørke. Fyll det bare med destillert eller kokt og avkjølt vann.

## Hver uke
- Vask masken, hodebåndet og slangen i lunkent vann med noen dråper mildt oppvaskmiddel. Skyll godt.
- Heng slangen til tørk unna direkte sollys, og la alt tørke helt før bruk.
- Sjekk filteret: skyll et gjenbrukbart filter, og bytt et engangsfilter når det ser grått ut.

Ikke bruk klor, sprit eller parfymerte produkter: de skader masken og kan irritere lungene.

Ring oss hvis masken lekker selv når den er ren, hvis huden blir sår, eller hvis maskinen lager nye lyder. Maskeputer må vanligvis byttes med noen måneders mellomrom.`,
      ],
    },
  },
  {
    key: 'nebuliser-use',
    category: 'devices',
    audience: 'patient',
    texts: {
      en: [
        'Using a nebuliser at home',
        `A nebuliser turns liquid medicine into a mist you breathe in through a mouthpiece or mask. A treatment usually takes 10 to 15 minutes.

1. Wash your hands.
2. Put the prescribed dose of medicine into the medicine cup. Do not mix medicines in the cup unless we told you to.
3. Attach the cup to the mouthpiece or mask and connect the tubing to the compressor.
4. Sit upright, switch the compressor on and breathe slowly and deeply through your mouth.
5. Keep going until the mist stops and the cup is empty; tap the cup once near the end.
6. Switch off, then rinse the cup and let it dry (see the article on cleaning your nebuliser).

Stop and call us if you feel your heart racing, get dizzy or shaky, or if your breathing gets worse. If you are struggling to breathe or cannot speak in full sentences, call the emergency number.`,
      ],
      es: [
        'Cómo usar un nebulizador en casa',
        `Un nebulizador convierte el medicamento líquido en una neblina que usted respira por una boquilla o una mascarilla. Un tratamiento suele durar de 10 a 15 minutos.

1. Lávese las manos.
2. Ponga la dosis recetada de medicamento en el vaso del nebulizador. No mezcle medicamentos en el vaso a menos que se lo hayamos indicado.
3. Conecte el vaso a la boquilla o a la mascarilla, y el tubo al compresor.
4. Siéntese derecho, encienda el compresor y respire lenta y profundamente por la boca.
5. Continúe hasta que deje de salir neblina y el vaso esté vacío; dé un golpecito al vaso cerca del final.
6. Apague el equipo, enjuague el vaso y déjelo secar (vea el artículo sobre la limpieza del nebulizador).

Deténgase y llámenos si siente el corazón acelerado, mareos o temblores, o si su respiración empeora. Si le cuesta mucho respirar o no puede decir frases completas, llame al número de emergencias.`,
      ],
      lv: [
        'Kā lietot nebulizatoru mājās',
        `Nebulizators pārvērš šķidrās zāles miglā, ko ieelpojat caur iemuti vai masku. Viena procedūra parasti ilgst 10–15 minūtes.

1. Nomazgājiet rokas.
2. Iepildiet zāļu trauciņā izrakstīto zāļu devu. Nejauciet zāles trauciņā, ja vien mēs to neesam norādījuši.
3. Pievienojiet trauciņu iemutim vai maskai un cauruli kompresoram.
4. Sēdiet taisni, ieslēdziet kompresoru un elpojiet lēni un dziļi caur muti.
5. Turpiniet, līdz migla vairs neveidojas un trauciņš ir tukšs; procedūras beigās viegli piesitiet pie trauciņa.
6. Izslēdziet ierīci, izskalojiet trauciņu un ļaujiet tam nožūt (skatiet rakstu par nebulizatora tīrīšanu).

Pārtrauciet un zvaniet mums, ja jūtat paātrinātu sirdsdarbību, reiboni vai trīci vai ja elpošana pasliktinās. Ja jums ir ļoti grūti elpot vai nevarat izrunāt pilnus teikumus, zvaniet uz neatliekamās palīdzības numuru.`,
      ],
      nb: [
        'Slik bruker du forstøver hjemme',
        `En forstøver gjør flytende medisin om til damp som du puster inn gjennom et munnstykke eller en maske. En behandling tar vanligvis 10 til 15 minutter.

1. Vask hendene.
2. Ha den foreskrevne dosen medisin i medisinbegeret. Ikke bland medisiner i begeret med mindre vi har sagt at du skal.
3. Fest begeret til munnstykket eller masken, og koble slangen til kompressoren.
4. Sitt oppreist, slå på kompressoren og pust rolig og dypt gjennom munnen.
5. Fortsett til det ikke kommer mer damp og begeret er tomt; bank lett på begeret mot slutten.
6. Slå av, skyll begeret og la det tørke (se artikkelen om rengjøring av forstøveren).

Stopp og ring oss hvis hjertet ditt slår fort, du blir svimmel eller skjelven, eller pusten blir verre. Hvis du strever med å puste eller ikke klarer å si hele setninger, ring nødnummeret.`,
      ],
    },
  },
  {
    key: 'nebuliser-cleaning',
    category: 'devices',
    audience: 'patient',
    texts: {
      en: [
        'Cleaning and storing your nebuliser',
        `Germs grow quickly in damp nebuliser parts, so clean them after every use.

## After every treatment
- Take the medicine cup and mouthpiece or mask apart.
- Rinse them under warm running water, shake off the water and let them air-dry on a clean towel.
- Do not wash the tubing; if moisture is inside it, run the compressor with the tubing attached for a minute to dry it.

## Once a week
- Wash the parts in warm soapy water, rinse, then soak them as the leaflet for your model says (for example in a vinegar and water solution) and rinse again.
- Wipe the compressor with a damp cloth; never put it in water.

Store the dry parts in a clean, closed bag. Replace the cup and mouthpiece as the maker recommends, usually every six months, and the compressor filter when it changes colour.`,
      ],
      es: [
        'Cómo limpiar y guardar su nebulizador',
        `Los gérmenes crecen rápido en las piezas húmedas del nebulizador, así que límpielas después de cada uso.

## Después de cada tratamiento
- Separe el vaso del medicamento y la boquilla o la mascarilla.
- Enjuáguelos con agua tibia del grifo, sacuda el agua y déjelos secar al aire sobre una toalla limpia.
- No lave el tubo; si tiene humedad por dentro, haga funcionar el compresor con el tubo conectado durante un minuto para secarlo.

## Una vez por semana
- Lave las piezas con agua tibia y jabón, enjuáguelas, póngalas en remojo como indica el folleto de su modelo (por ejemplo, en una mezcla de vinagre y agua) y vuelva a enjuagarlas.
- Limpie el compresor con un paño húmedo; nunca lo meta en agua.

Guarde las piezas secas en una bolsa limpia y cerrada. Cambie el vaso y la boquilla cuando lo recomiende el fabricante, normalmente cada seis meses, y el filtro del compresor cuando cambie de color.`,
      ],
      lv: [
        'Kā tīrīt un uzglabāt nebulizatoru',
        `Mitrās nebulizatora detaļās mikrobi savairojas ātri, tāpēc tīriet tās pēc katras lietošanas reizes.

## Pēc katras procedūras
- Izjauciet zāļu trauciņu un iemuti vai masku.
- Noskalojiet tos zem silta tekoša ūdens, nokratiet ūdeni un ļaujiet nožūt uz tīra dvieļa.
- Cauruli nemazgājiet; ja tajā ir mitrums, minūti darbiniet kompresoru ar pievienotu cauruli, lai to izžāvētu.

## Reizi nedēļā
- Mazgājiet detaļas siltā ziepjūdenī, noskalojiet, tad iemērciet, kā norādīts jūsu modeļa instrukcijā (piemēram, etiķa un ūdens šķīdumā), un noskalojiet vēlreiz.
- Kompresoru noslaukiet ar mitru drāniņu; nekad nelieciet to ūdenī.

Sausās detaļas glabājiet tīrā, aizvērtā maisiņā. Trauciņu un iemuti mainiet, kā iesaka ražotājs, parasti ik pēc sešiem mēnešiem, bet kompresora filtru — kad tas maina krāsu.`,
      ],
      nb: [
        'Slik rengjør og oppbevarer du forstøveren',
        `Bakterier vokser raskt i fuktige deler av forstøveren, så rengjør dem etter hver bruk.

## Etter hver behandling
- Ta fra hverandre medisinbegeret og munnstykket eller masken.
- Skyll delene under lunkent rennende vann, rist av vannet og la dem lufttørke på et rent håndkle.
- Ikke vask slangen; er det fukt i den, la kompressoren gå et minutt med slangen på for å tørke den.

## En gang i uken
- Vask delene i lunkent såpevann, skyll, legg dem i bløt slik bruksanvisningen for din modell sier (for eksempel i en blanding av eddik og vann), og skyll igjen.
- Tørk av kompressoren med en fuktig klut; legg den aldri i vann.

Oppbevar de tørre delene i en ren, lukket pose. Bytt begeret og munnstykket slik produsenten anbefaler, vanligvis hver sjette måned, og kompressorfilteret når det skifter farge.`,
      ],
    },
  },
  {
    key: 'cpap-calls',
    category: 'devices',
    audience: 'internal',
    texts: {
      en: [
        'CPAP problems on the phone: what to ask before escalating',
        `Most CPAP calls are about comfort and leaks and can be solved on the first call.

1. Confirm the patient's identity before discussing their therapy.
2. Ask what changed: a new mask, weight gain or loss, a cold or blocked nose, snoring again.
3. Leaks: ask the patient to check the cushion for wear, refit the headgear while lying down, and confirm the mask size.
4. Dry mouth or nose: suggest raising humidity one step; a chin strap may help people who breathe through the mouth.
5. Machine errors: note the exact code and the model. Do not advise opening the device.

## Escalate the same day
- The patient reports chest pain, new breathlessness or fainting: direct them to emergency care.
- The machine will not start or blows hot air.
- The patient has stopped using CPAP and drives for work.

Log the call with the case category device help, and attach the article on cleaning the mask when you reply.`,
      ],
      es: [
        'Problemas con la CPAP por teléfono: qué preguntar antes de escalar',
        `La mayoría de las llamadas sobre CPAP tratan de comodidad y fugas, y se pueden resolver en la primera llamada.

1. Confirme la identidad del paciente antes de hablar de su terapia.
2. Pregunte qué ha cambiado: una mascarilla nueva, un aumento o pérdida de peso, un resfriado o la nariz tapada, si vuelve a roncar.
3. Fugas: pida al paciente que revise si el cojín está desgastado, que ajuste el arnés acostado y que confirme la talla de la mascarilla.
4. Boca o nariz secas: sugiera subir un nivel la humedad; una mentonera puede ayudar a quien respira por la boca.
5. Errores del equipo: anote el código exacto y el modelo. No aconseje abrir el equipo.

## Escalar el mismo día
- El paciente refiere dolor en el pecho, falta de aire nueva o desmayos: indíquele que acuda a urgencias.
- El equipo no arranca o sopla aire caliente.
- El paciente dejó de usar la CPAP y conduce por trabajo.

Registre la llamada con la categoría de caso ayuda con dispositivos y adjunte el artículo sobre la limpieza de la mascarilla al responder.`,
      ],
      lv: [
        'CPAP problēmas pa tālruni: kas jājautā pirms eskalācijas',
        `Lielākā daļa zvanu par CPAP ir par ērtumu un gaisa noplūdi, un tos var atrisināt jau pirmajā sarunā.

1. Pirms runājat par terapiju, pārliecinieties par pacienta identitāti.
2. Pajautājiet, kas ir mainījies: jauna maska, svara pieaugums vai zudums, saaukstēšanās vai aizlikts deguns, atkal sākusies krākšana.
3. Noplūde: palūdziet pacientam pārbaudīt, vai spilventiņš nav nolietojies, pielāgot galvas siksnas guļus un pārliecināties par maskas izmēru.
4. Sausa mute vai deguns: iesakiet palielināt mitrināšanu par vienu pakāpi; tiem, kas elpo caur muti, var palīdzēt zoda saite.
5. Ierīces kļūdas: pierakstiet precīzu kodu un modeli. Neiesakiet ierīci atvērt.

## Eskalēt tajā pašā dienā
- Pacients sūdzas par sāpēm krūtīs, jaunu elpas trūkumu vai ģīboni: novirziet viņu uz neatliekamo palīdzību.
- Ierīce neieslēdzas vai pūš karstu gaisu.
- Pacients ir pārtraucis lietot CPAP un darbā vada transportlīdzekli.

Reģistrējiet zvanu ar lietas kategoriju “palīdzība ar ierīci” un, atbildot pacientam, pievienojiet rakstu par maskas tīrīšanu.`,
      ],
      nb: [
        'CPAP-problemer på telefon: dette spør du om før du eskalerer',
        `De fleste CPAP-henvendelser gjelder komfort og lekkasje og kan løses i første samtale.

1. Bekreft pasientens identitet før dere snakker om behandlingen.
2. Spør hva som er endret: ny maske, vektoppgang eller vektnedgang, forkjølelse eller tett nese, snorking igjen.
3. Lekkasje: be pasienten sjekke om puten er slitt, justere hodebåndet liggende og bekrefte maskestørrelsen.
4. Tørr munn eller nese: foreslå å øke fuktigheten ett trinn; et hakebånd kan hjelpe dem som puster med munnen.
5. Feil på maskinen: noter nøyaktig feilkode og modell. Ikke råd pasienten til å åpne maskinen.

## Eskaler samme dag
- Pasienten forteller om brystsmerter, ny tungpust eller besvimelse: henvis til akutthjelp.
- Maskinen starter ikke eller blåser varm luft.
- Pasienten har sluttet med CPAP og kjører i jobben.

Registrer samtalen med sakskategorien hjelp med utstyr, og legg ved artikkelen om rengjøring av masken når du svarer.`,
      ],
    },
  },
];
