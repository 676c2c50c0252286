import type { DemoArticle } from './demo-kb-types';

/** Financial assistance and payment plans, for patients and for the staff who screen them. */
export const FINANCIAL_ARTICLES: DemoArticle[] = [
  {
    key: 'financial-assistance',
    category: 'financial-help',
    audience: 'patient',
    texts: {
      en: [
        'Financial assistance: who can apply and how',
        `If paying for your care is hard, you may qualify for help that lowers or cancels what you owe. Asking does not affect the care you receive.

## Who can apply
- Patients with or without insurance whose household income is below the limits in our financial assistance policy.
- Patients facing large medical bills compared with their income, even above those limits.

## What to send
- The application form, from the portal or the front desk.
- Proof of income for everyone in your household: recent pay slips, a benefits letter or your latest tax return.
- Any bills you want the help to cover.

We decide within 30 days of receiving a complete application and tell you in writing. While your application is open, we pause collection on the bills it covers.

If you need help filling in the form, ask for a financial counsellor. They can help in your language.`,
      ],
      es: [
        'Ayuda económica: quién puede solicitarla y cómo',
        `Si le resulta difícil pagar su atención, puede tener derecho a una ayuda que reduzca o cancele lo que debe. Pedirla no afecta a la atención que recibe.

## Quién puede solicitarla
- Pacientes con o sin seguro cuyos ingresos familiares estén por debajo de los límites de nuestra política de ayuda económica.
- Pacientes con facturas médicas muy altas en relación con sus ingresos, incluso por encima de esos límites.

## Qué debe enviar
- El formulario de solicitud, disponible en el portal o en recepción.
- Comprobantes de ingresos de todas las personas de su hogar: recibos de sueldo recientes, una carta de prestaciones o su última declaración de impuestos.
- Las facturas que quiere que cubra la ayuda.

Decidimos en un plazo de 30 días desde que recibimos la solicitud completa y le informamos por escrito. Mientras su solicitud esté abierta, suspendemos el cobro de las facturas que cubre.

Si necesita ayuda para rellenar el formulario, pida hablar con un asesor financiero. Pueden ayudarle en su idioma.`,
      ],
      lv: [
        'Finansiālā palīdzība: kas var pieteikties un kā',
        `Ja jums ir grūti samaksāt par aprūpi, jums var pienākties palīdzība, kas samazina vai atceļ jūsu parādu. Pieteikšanās neietekmē aprūpi, ko saņemat.

## Kas var pieteikties
- Pacienti ar apdrošināšanu vai bez tās, kuru mājsaimniecības ienākumi ir zem mūsu finansiālās palīdzības noteikumos noteiktajām robežām.
- Pacienti, kuriem medicīniskie rēķini ir lieli salīdzinājumā ar ienākumiem, arī ja ienākumi pārsniedz šīs robežas.

## Kas jāiesniedz
- Pieteikuma veidlapa, kas pieejama portālā vai reģistratūrā.
- Visu mājsaimniecības locekļu ienākumus apliecinoši dokumenti: nesenas algas lapiņas, pabalsta piešķiršanas vēstule vai pēdējā nodokļu deklarācija.
- Rēķini, kurus vēlaties, lai palīdzība sedz.

Mēs pieņemam lēmumu 30 dienu laikā pēc pilnīga pieteikuma saņemšanas un paziņojam to rakstiski. Kamēr pieteikums tiek izskatīts, mēs apturam to rēķinu piedziņu, uz kuriem tas attiecas.

Ja jums vajadzīga palīdzība veidlapas aizpildīšanā, lūdziet finanšu konsultantu. Viņi var palīdzēt jūsu valodā.`,
      ],
      nb: [
        'Økonomisk hjelp: hvem kan søke, og hvordan',
        `Hvis det er vanskelig å betale for behandlingen, kan du ha rett til hjelp som reduserer eller sletter det du skylder. Å spørre påvirker ikke behandlingen du får.

## Hvem kan søke
- Pasienter med eller uten forsikring med husstandsinntekt under grensene i retningslinjene våre for økonomisk hjelp.
- Pasienter med store behandlingsregninger sammenlignet med inntekten, også over disse grensene.

## Hva du sender inn
- Søknadsskjemaet, som du finner i portalen eller i resepsjonen.
- Dokumentasjon på inntekt for alle i husstanden: nylige lønnsslipper, et vedtaksbrev om stønad eller siste skattemelding.
- Regningene du vil at hjelpen skal dekke.

Vi avgjør søknaden innen 30 dager etter at den er komplett, og gir deg svar skriftlig. Mens søknaden behandles, stanser vi innkrevingen av regningene den gjelder.

Trenger du hjelp med skjemaet, be om å få snakke med en økonomirådgiver. De kan hjelpe deg på ditt språk.`,
      ],
    },
  },
  {
    key: 'payment-plan',
    category: 'financial-help',
    audience: 'patient',
    texts: {
      en: [
        'Setting up a payment plan',
        `You can pay a bill in monthly instalments instead of all at once. Our payment plans have no interest and no fees.

1. Ask through the portal, by phone or at the front desk, and tell us which bills to include.
2. Choose a monthly amount you can keep paying. The plan usually runs for up to 12 months; longer plans are possible for large balances.
3. Choose how to pay: automatic card payment, bank transfer or at the front desk.

Once the plan is set up, we do not send those bills to collections as long as the payments arrive. If you miss a payment, we will contact you first; call us as soon as you know a payment will be late and we can change the plan.

New bills are not added automatically: ask us if you want them included. If even small payments are hard, ask about financial assistance.`,
      ],
      es: [
        'Cómo acordar un plan de pagos',
        `Puede pagar una factura en cuotas mensuales en lugar de todo de una vez. Nuestros planes de pago no tienen intereses ni comisiones.

1. Pídalo por el portal, por teléfono o en recepción, y díganos qué facturas incluir.
2. Elija una cuota mensual que pueda mantener. El plan suele durar hasta 12 meses; para saldos grandes son posibles plazos más largos.
3. Elija cómo pagar: cargo automático a tarjeta, transferencia bancaria o en recepción.

Una vez acordado el plan, no enviamos esas facturas a cobranza mientras lleguen los pagos. Si se atrasa en un pago, nos pondremos en contacto con usted primero; llámenos en cuanto sepa que un pago se retrasará y podremos cambiar el plan.

Las facturas nuevas no se añaden automáticamente: pídanoslo si quiere incluirlas. Si incluso los pagos pequeños le resultan difíciles, pregunte por la ayuda económica.`,
      ],
      lv: [
        'Kā vienoties par maksājumu grafiku',
        `Rēķinu varat apmaksāt ikmēneša maksājumos, nevis uzreiz visu. Mūsu maksājumu grafikiem nav procentu un komisijas maksas.

1. Pieprasiet to portālā, pa tālruni vai reģistratūrā un pasakiet, kurus rēķinus iekļaut.
2. Izvēlieties ikmēneša summu, ko spēsiet maksāt regulāri. Grafiks parasti ilgst līdz 12 mēnešiem; lielām summām iespējams ilgāks termiņš.
3. Izvēlieties maksāšanas veidu: automātisks kartes maksājums, bankas pārskaitījums vai maksājums reģistratūrā.

Kad grafiks ir saskaņots, mēs nenododam šos rēķinus parādu piedziņai, kamēr maksājumi pienāk. Ja nokavējat maksājumu, vispirms sazināsimies ar jums; zvaniet mums, tiklīdz zināt, ka maksājums kavēsies, un mēs varēsim grafiku mainīt.

Jauni rēķini netiek pievienoti automātiski: pasakiet mums, ja vēlaties tos iekļaut. Ja grūti samaksāt pat nelielas summas, jautājiet par finansiālo palīdzību.`,
      ],
      nb: [
        'Slik får du en nedbetalingsplan',
        `Du kan betale en regning i månedlige avdrag i stedet for alt på en gang. Nedbetalingsplanene våre har ingen renter eller gebyrer.

1. Spør i portalen, på telefon eller i resepsjonen, og si hvilke regninger som skal være med.
2. Velg et månedlig beløp du klarer å betale fast. Planen varer vanligvis i opptil 12 måneder; for store beløp kan den vare lenger.
3. Velg hvordan du vil betale: automatisk kortbetaling, bankoverføring eller i resepsjonen.

Når planen er satt opp, sender vi ikke disse regningene til inkasso så lenge betalingene kommer. Hvis du går glipp av en betaling, kontakter vi deg først; ring oss så snart du vet at en betaling blir forsinket, så kan vi endre planen.

Nye regninger legges ikke til automatisk: si fra hvis du vil ha dem med. Er selv små beløp vanskelige å betale, spør om økonomisk hjelp.`,
      ],
    },
  },
  {
    key: 'financial-screening',
    category: 'financial-help',
    audience: 'internal',
    texts: {
      en: [
        'Screening a caller for financial assistance',
        `Offer financial assistance whenever a patient says they cannot pay, asks about a discount or has a balance in collections. Never make someone ask twice.

1. Ask the household size and the approximate monthly income before tax. Use the screening table in the billing workspace to see the likely discount band.
2. Explain what to send (application, proof of income, bills) and that a counsellor can help in their language.
3. Create a case with the category financial assistance, link the open bills, and set the due date 30 days out.
4. Put the linked bills on hold straight away: the policy forbids collection activity while an application is open.
5. If the patient is uninsured, also check for Medicaid or other coverage they may qualify for, including retroactive coverage.

Do not promise an outcome on the phone. Record what the patient told you in the case, not in free-text notes on the account.`,
      ],
      es: [
        'Cribado de ayuda económica en una llamada',
        `Ofrezca la ayuda económica siempre que un paciente diga que no puede pagar, pregunte por un descuento o tenga un saldo en cobranza. Nunca haga que alguien tenga que pedirlo dos veces.

1. Pregunte el número de personas del hogar y los ingresos mensuales aproximados antes de impuestos. Use la tabla de cribado del espacio de facturación para ver el tramo de descuento probable.
2. Explique qué debe enviar (solicitud, comprobantes de ingresos, facturas) y que un asesor puede ayudarle en su idioma.
3. Cree un caso con la categoría ayuda económica, vincule las facturas pendientes y fije el vencimiento a 30 días.
4. Suspenda de inmediato el cobro de las facturas vinculadas: la política prohíbe gestiones de cobro mientras haya una solicitud abierta.
5. Si el paciente no tiene seguro, compruebe también si puede tener derecho a Medicaid u otra cobertura, incluida la cobertura retroactiva.

No prometa un resultado por teléfono. Registre lo que le dijo el paciente en el caso, no en notas libres de la cuenta.`,
      ],
      lv: [
        'Zvanītāja atbilstības pārbaude finansiālajai palīdzībai',
        `Piedāvājiet finansiālo palīdzību ikreiz, kad pacients saka, ka nevar samaksāt, jautā par atlaidi vai viņa parāds ir nodots piedziņai. Nekad nelieciet to lūgt divreiz.

1. Pajautājiet mājsaimniecības lielumu un aptuvenos ikmēneša ienākumus pirms nodokļiem. Izmantojiet norēķinu darba vietas pārbaudes tabulu, lai redzētu iespējamo atlaides pakāpi.
2. Paskaidrojiet, kas jāiesniedz (pieteikums, ienākumus apliecinoši dokumenti, rēķini), un to, ka konsultants var palīdzēt pacienta valodā.
3. Izveidojiet lietu ar kategoriju “finansiālā palīdzība”, piesaistiet neapmaksātos rēķinus un iestatiet termiņu pēc 30 dienām.
4. Nekavējoties apturiet piesaistīto rēķinu piedziņu: noteikumi aizliedz piedziņas darbības, kamēr pieteikums tiek izskatīts.
5. Ja pacientam nav apdrošināšanas, pārbaudiet arī, vai viņam nepienākas Medicaid vai cits segums, arī ar atpakaļejošu datumu.

Nesoliet iznākumu pa tālruni. Pacienta sniegto informāciju ierakstiet lietā, nevis brīvā teksta piezīmēs kontā.`,
      ],
      nb: [
        'Kartlegging av økonomisk hjelp i en samtale',
        `Tilby økonomisk hjelp hver gang en pasient sier at de ikke klarer å betale, spør om rabatt eller har et beløp til inkasso. La aldri noen måtte spørre to ganger.

1. Spør hvor mange som bor i husstanden og omtrentlig månedlig inntekt før skatt. Bruk kartleggingstabellen i faktureringsverktøyet for å se sannsynlig rabattnivå.
2. Forklar hva som skal sendes inn (søknad, dokumentasjon på inntekt, regninger), og at en rådgiver kan hjelpe på pasientens språk.
3. Opprett en sak med kategorien økonomisk hjelp, knytt til de åpne regningene, og sett fristen til 30 dager fram i tid.
4. Sett de tilknyttede regningene på pause med en gang: retningslinjene forbyr inkasso mens en søknad er åpen.
5. Hvis pasienten mangler forsikring, sjekk også om de kan ha rett til Medicaid eller annen dekning, også med tilbakevirkende kraft.

Ikke lov et utfall på telefonen. Skriv det pasienten fortalte i saken, ikke i fritekstnotater på kontoen.`,
      ],
    },
  },
];
