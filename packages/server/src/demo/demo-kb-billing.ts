import type { DemoArticle } from './demo-kb-types';

/** Reading an EOB, questions about a bill, and the agents' checklist for both. */
export const BILLING_ARTICLES: DemoArticle[] = [
  {
    key: 'reading-an-eob',
    category: 'insurance-billing',
    audience: 'patient',
    texts: {
      en: [
        'How to read an Explanation of Benefits (EOB)',
        `An Explanation of Benefits is a statement from your insurer after it processes a claim. It is not a bill: do not pay from it. Compare it with the bill from us when that arrives.

## The lines that matter
- Amount billed: what the provider charged for each service.
- Allowed amount: the price your plan agreed to; the difference is written off if the provider is in network.
- Plan paid: what the insurer paid.
- Your responsibility: deductible, copay and coinsurance together. This is what you may owe.
- Remark or reason codes: short codes that explain a denial or reduction, listed at the bottom of the statement.

## Check
- The dates and services match care you received.
- The provider and your name and member number are right.

If a service was denied, or something looks wrong, contact us before paying anything. We can check for a coding error or help you appeal.`,
      ],
      es: [
        'Cómo leer una Explicación de Beneficios (EOB)',
        `La Explicación de Beneficios es un estado de cuenta que envía su aseguradora después de procesar un reclamo. No es una factura: no pague con base en ella. Compárela con nuestra factura cuando llegue.

## Las líneas importantes
- Monto facturado: lo que el proveedor cobró por cada servicio.
- Monto permitido: el precio acordado por su plan; la diferencia se cancela si el proveedor está dentro de la red.
- Pagado por el plan: lo que pagó la aseguradora.
- Su responsabilidad: deducible, copago y coseguro juntos. Es lo que usted podría deber.
- Códigos de observación o de motivo: códigos breves al pie del documento que explican un rechazo o una reducción.

## Compruebe
- Que las fechas y los servicios coincidan con la atención que recibió.
- Que el proveedor, su nombre y su número de afiliado sean correctos.

Si se rechazó un servicio o algo parece incorrecto, comuníquese con nosotros antes de pagar. Podemos revisar si hay un error de codificación o ayudarle a apelar.`,
      ],
      lv: [
        'Kā lasīt apdrošinātāja maksājumu paskaidrojumu (EOB)',
        `Maksājumu paskaidrojums (Explanation of Benefits, EOB) ir apdrošinātāja pārskats pēc pieprasījuma apstrādes. Tas nav rēķins: nemaksājiet, pamatojoties uz to. Salīdziniet to ar mūsu rēķinu, kad tas pienāk.

## Svarīgākās rindas
- Pieprasītā summa: ko pakalpojuma sniedzējs prasīja par katru pakalpojumu.
- Atļautā summa: cena, par kuru vienojies jūsu apdrošināšanas plāns; starpība tiek norakstīta, ja sniedzējs ir līgumpartneris.
- Plāns samaksāja: ko samaksāja apdrošinātājs.
- Jūsu daļa: pašrisks, līdzmaksājums un līdzapdrošināšana kopā. Tik daudz jūs varētu būt parādā.
- Piezīmju vai iemeslu kodi: īsi kodi dokumenta apakšā, kas izskaidro atteikumu vai samazinājumu.

## Pārbaudiet
- Vai datumi un pakalpojumi atbilst saņemtajai aprūpei.
- Vai pakalpojuma sniedzējs, jūsu vārds un apdrošinātās personas numurs ir pareizi.

Ja pakalpojums tika atteikts vai kaut kas šķiet nepareizi, sazinieties ar mums, pirms kaut ko maksājat. Mēs varam pārbaudīt, vai nav kodēšanas kļūdas, vai palīdzēt iesniegt apelāciju.`,
      ],
      nb: [
        'Slik leser du en oversikt over forsikringsutbetaling (EOB)',
        `En Explanation of Benefits (EOB) er en oversikt fra forsikringsselskapet etter at et krav er behandlet. Den er ikke en regning: ikke betal ut fra den. Sammenlign den med regningen fra oss når den kommer.

## Linjene som betyr noe
- Fakturert beløp: det tjenesteyteren tok betalt for hver tjeneste.
- Godkjent beløp: prisen forsikringsavtalen din har avtalt; differansen strykes hvis tjenesteyteren er i nettverket.
- Utbetalt av forsikringen: det forsikringsselskapet betalte.
- Din andel: egenandel, fast egenbetaling og prosentvis egenandel til sammen. Dette er det du kan skylde.
- Merknads- eller årsakskoder: korte koder nederst i oversikten som forklarer et avslag eller en reduksjon.

## Sjekk
- At datoer og tjenester stemmer med behandlingen du fikk.
- At tjenesteyter, navnet ditt og medlemsnummeret er riktige.

Hvis en tjeneste ble avslått, eller noe ser feil ut, kontakt oss før du betaler noe. Vi kan sjekke om det er en kodefeil eller hjelpe deg å klage.`,
      ],
    },
  },
  {
    key: 'bill-questions',
    category: 'insurance-billing',
    audience: 'patient',
    texts: {
      en: [
        'Questions about your bill: what to check first',
        `Before you call about a bill, have it in front of you with any Explanation of Benefits from your insurer.

1. Check that the patient name, dates of service and services listed are right.
2. Look for a line showing an insurance payment. If there is none, your insurer may not have received the claim: check that we have your current insurance card.
3. Compare the amount due with "your responsibility" on the EOB. They should match.
4. Note the account number printed on the bill.

## How we can help
- Correct the bill and send the claim again if insurance details were wrong.
- Explain any charge line by line.
- Put the account on hold while a question or dispute is open, so no late notices are sent.
- Set up a payment plan or check whether you qualify for financial help.

You can ask through the portal or by phone. Keep notes of who you spoke to and when.`,
      ],
      es: [
        'Preguntas sobre su factura: qué revisar primero',
        `Antes de llamar por una factura, téngala a mano junto con la Explicación de Beneficios de su aseguradora.

1. Compruebe que el nombre del paciente, las fechas y los servicios sean correctos.
2. Busque una línea con un pago del seguro. Si no la hay, es posible que su aseguradora no haya recibido el reclamo: confirme que tenemos su tarjeta de seguro vigente.
3. Compare el saldo con «su responsabilidad» en la EOB. Deben coincidir.
4. Anote el número de cuenta que aparece en la factura.

## Cómo podemos ayudarle
- Corregir la factura y reenviar el reclamo si los datos del seguro estaban mal.
- Explicarle cada cargo línea por línea.
- Suspender el cobro mientras haya una pregunta o una disputa abierta, para que no se envíen avisos de atraso.
- Acordar un plan de pagos o comprobar si puede recibir ayuda económica.

Puede preguntar por el portal o por teléfono. Anote con quién habló y cuándo.`,
      ],
      lv: [
        'Jautājumi par rēķinu: ko pārbaudīt vispirms',
        `Pirms zvanāt par rēķinu, sagatavojiet to un apdrošinātāja maksājumu paskaidrojumu (EOB), ja tāds ir.

1. Pārbaudiet, vai pacienta vārds, pakalpojumu datumi un pakalpojumi ir norādīti pareizi.
2. Meklējiet rindu ar apdrošinātāja maksājumu. Ja tādas nav, iespējams, apdrošinātājs nav saņēmis pieprasījumu: pārliecinieties, ka mums ir jūsu derīgā apdrošināšanas karte.
3. Salīdziniet maksājamo summu ar “jūsu daļu” paskaidrojumā. Tām jāsakrīt.
4. Pierakstiet rēķinā norādīto konta numuru.

## Kā mēs varam palīdzēt
- Izlabot rēķinu un atkārtoti nosūtīt pieprasījumu, ja apdrošināšanas dati bija nepareizi.
- Izskaidrot katru rēķina rindu.
- Apturēt piedziņu, kamēr jautājums vai strīds nav atrisināts, lai netiktu sūtīti atgādinājumi par kavējumu.
- Vienoties par maksājumu grafiku vai pārbaudīt, vai jums pienākas finansiāla palīdzība.

Jautāt varat portālā vai pa tālruni. Pierakstiet, ar ko un kad runājāt.`,
      ],
      nb: [
        'Spørsmål om regningen: dette sjekker du først',
        `Før du ringer om en regning, ha den foran deg sammen med eventuell EOB fra forsikringsselskapet.

1. Sjekk at pasientnavn, behandlingsdatoer og tjenester stemmer.
2. Se etter en linje med utbetaling fra forsikringen. Finnes den ikke, har forsikringsselskapet kanskje ikke fått kravet: sjekk at vi har det gjeldende forsikringskortet ditt.
3. Sammenlign beløpet du skal betale med «din andel» i EOB-en. De skal være like.
4. Noter kontonummeret som står på regningen.

## Slik kan vi hjelpe
- Rette regningen og sende kravet på nytt hvis forsikringsopplysningene var feil.
- Forklare hver post linje for linje.
- Stanse innkrevingen mens et spørsmål eller en tvist er åpen, så det ikke sendes purringer.
- Sette opp en nedbetalingsplan eller sjekke om du kan få økonomisk hjelp.

Du kan spørre i portalen eller på telefon. Noter hvem du snakket med og når.`,
      ],
    },
  },
  {
    key: 'eob-denial-checklist',
    category: 'insurance-billing',
    audience: 'internal',
    texts: {
      en: [
        'EOB and denial questions: agent checklist',
        `Use this when a patient calls about an Explanation of Benefits or a denied claim.

1. Verify identity with two identifiers before opening billing details. A relative needs an active consent that covers billing.
2. Find the claim by date of service and compare the EOB's allowed amount and patient responsibility with our statement.
3. Read the remark and adjustment reason codes. Common ones: CO-16 (missing information, usually fixed by resubmitting), CO-97 (bundled into another service), PR-1 (deductible: the patient owes it).
4. Missing information or a wrong member ID: correct the registration and resubmit; tell the patient to expect a new EOB within 30 days.
5. Medical necessity or prior authorisation denials: create a case for the billing team with the EOB attached; do not promise a reversal.

Put the account on billing hold while the case is open and tell the patient you have done so. Send the patient article on reading an EOB with your reply.`,
      ],
      es: [
        'Preguntas sobre EOB y rechazos: lista de comprobación para agentes',
        `Úsela cuando un paciente llame por una Explicación de Beneficios o un reclamo rechazado.

1. Verifique la identidad con dos identificadores antes de abrir los datos de facturación. Un familiar necesita un consentimiento vigente que cubra la facturación.
2. Busque el reclamo por fecha de servicio y compare el monto permitido y la responsabilidad del paciente de la EOB con nuestro estado de cuenta.
3. Lea los códigos de observación y de motivo de ajuste. Los más comunes: CO-16 (falta información; suele resolverse reenviando), CO-97 (incluido en otro servicio), PR-1 (deducible: lo debe el paciente).
4. Falta información o el número de afiliado es incorrecto: corrija el registro y reenvíe el reclamo; avise al paciente de que recibirá una nueva EOB en 30 días.
5. Rechazos por necesidad médica o autorización previa: cree un caso para el equipo de facturación con la EOB adjunta; no prometa que se revertirá.

Suspenda el cobro de la cuenta mientras el caso esté abierto y dígaselo al paciente. Envíe con su respuesta el artículo para pacientes sobre cómo leer una EOB.`,
      ],
      lv: [
        'Jautājumi par EOB un atteikumiem: kontrolsaraksts operatoriem',
        `Izmantojiet, kad pacients zvana par apdrošinātāja maksājumu paskaidrojumu (EOB) vai atteiktu pieprasījumu.

1. Pirms norēķinu datu atvēršanas pārbaudiet identitāti ar diviem identifikatoriem. Radiniekam vajadzīga spēkā esoša piekrišana, kas attiecas uz norēķiniem.
2. Atrodiet pieprasījumu pēc pakalpojuma datuma un salīdziniet EOB atļauto summu un pacienta daļu ar mūsu rēķinu.
3. Izlasiet piezīmju un korekcijas iemeslu kodus. Biežākie: CO-16 (trūkst informācijas, parasti pietiek ar atkārtotu iesniegšanu), CO-97 (iekļauts citā pakalpojumā), PR-1 (pašrisks: jāmaksā pacientam).
4. Trūkst informācijas vai nepareizs apdrošinātās personas numurs: izlabojiet reģistrācijas datus un iesniedziet atkārtoti; pasakiet pacientam, ka jauns EOB pienāks 30 dienu laikā.
5. Atteikumi medicīniskās nepieciešamības vai iepriekšējas atļaujas dēļ: izveidojiet lietu norēķinu komandai ar pievienotu EOB; nesoliet, ka lēmums tiks mainīts.

Kamēr lieta ir atvērta, apturiet konta piedziņu un pasakiet to pacientam. Atbildē pievienojiet pacientiem paredzēto rakstu par EOB lasīšanu.`,
      ],
      nb: [
        'Spørsmål om EOB og avslag: sjekkliste for saksbehandlere',
        `Bruk denne når en pasient ringer om en EOB eller et avslått krav.

1. Bekreft identiteten med to identifikatorer før du åpner fakturaopplysninger. En pårørende må ha et gyldig samtykke som omfatter fakturaopplysninger.
2. Finn kravet etter behandlingsdato, og sammenlign godkjent beløp og pasientens andel i EOB-en med vår regning.
3. Les merknads- og justeringskodene. Vanlige koder: CO-16 (mangler opplysninger, løses som regel ved å sende på nytt), CO-97 (inngår i en annen tjeneste), PR-1 (egenandel: pasienten skylder den).
4. Manglende opplysninger eller feil medlemsnummer: rett registreringen og send kravet på nytt; si til pasienten at ny EOB kommer innen 30 dager.
5. Avslag på grunn av medisinsk nødvendighet eller forhåndsgodkjenning: opprett en sak til faktureringsteamet med EOB-en vedlagt; ikke lov at avslaget blir omgjort.

Sett kontoen på fakturapause mens saken er åpen, og si fra til pasienten. Send pasientartikkelen om hvordan man leser en EOB sammen med svaret ditt.`,
      ],
    },
  },
];
