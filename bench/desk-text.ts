/**
 * What seeded cases say: a subject and the patient's first words per category, and a few
 * staff answers, in the four languages CareDesk serves (en, es, lv, nb). Benchmark data,
 * not interface text: nothing here is shown by the product, so it lives outside the catalogs.
 */
export type DeskLanguage = 'en' | 'es' | 'lv' | 'nb';

interface CategoryText {
  subject: string;
  ask: string;
}

type ByLanguage<T> = Record<DeskLanguage, T>;

const CATEGORY_TEXT: Record<string, ByLanguage<CategoryText>> = {
  'claim-help': {
    en: {
      subject: 'Help with my insurance claim',
      ask: 'My insurer says the claim for my last visit is missing a code. Can you check what was sent and resubmit it?',
    },
    es: {
      subject: 'Ayuda con mi reclamación al seguro',
      ask: 'Mi aseguradora dice que a la reclamación de mi última visita le falta un código. ¿Pueden revisar lo que enviaron y volver a presentarla?',
    },
    lv: {
      subject: 'Palīdzība ar apdrošināšanas pieteikumu',
      ask: 'Apdrošinātājs saka, ka pieteikumam par manu pēdējo vizīti trūkst koda. Vai varat pārbaudīt, kas tika nosūtīts, un iesniegt to vēlreiz?',
    },
    nb: {
      subject: 'Hjelp med forsikringskravet mitt',
      ask: 'Forsikringsselskapet sier at kravet for mitt siste besøk mangler en kode. Kan dere sjekke hva som ble sendt og sende det på nytt?',
    },
  },
  'reimbursement-form': {
    en: {
      subject: 'Reimbursement form for my travel costs',
      ask: 'I need the reimbursement form for the trips to the clinic and to know which receipts to attach.',
    },
    es: {
      subject: 'Formulario de reembolso de mis gastos de viaje',
      ask: 'Necesito el formulario de reembolso de los viajes a la clínica y saber qué recibos debo adjuntar.',
    },
    lv: {
      subject: 'Ceļa izdevumu atmaksas veidlapa',
      ask: 'Man vajadzīga atmaksas veidlapa par braucieniem uz klīniku un jāzina, kurus čekus pievienot.',
    },
    nb: {
      subject: 'Refusjonsskjema for reiseutgifter',
      ask: 'Jeg trenger refusjonsskjemaet for reisene til klinikken og å vite hvilke kvitteringer jeg skal legge ved.',
    },
  },
  refill: {
    en: {
      subject: 'Refill of my blood pressure tablets',
      ask: 'I have five tablets left. Could the doctor renew the prescription and send it to my usual pharmacy?',
    },
    es: {
      subject: 'Renovar mis pastillas para la tensión',
      ask: 'Me quedan cinco pastillas. ¿Podría el médico renovar la receta y enviarla a mi farmacia de siempre?',
    },
    lv: {
      subject: 'Asinsspiediena tablešu receptes atjaunošana',
      ask: 'Man atlikušas piecas tabletes. Vai ārsts varētu atjaunot recepti un nosūtīt to uz manu ierasto aptieku?',
    },
    nb: {
      subject: 'Fornyelse av blodtrykkstablettene mine',
      ask: 'Jeg har fem tabletter igjen. Kan legen fornye resepten og sende den til apoteket jeg pleier å bruke?',
    },
  },
  'test-arrangement': {
    en: {
      subject: 'Arranging my blood test',
      ask: 'The doctor asked for a fasting blood test before my next appointment. When can I come in?',
    },
    es: {
      subject: 'Cita para mi análisis de sangre',
      ask: 'El médico pidió un análisis de sangre en ayunas antes de mi próxima cita. ¿Cuándo puedo ir?',
    },
    lv: {
      subject: 'Asins analīžu pieraksts',
      ask: 'Ārsts lūdza nodot asins analīzes tukšā dūšā pirms nākamās vizītes. Kad varu atnākt?',
    },
    nb: {
      subject: 'Time til blodprøve',
      ask: 'Legen ba om en fastende blodprøve før neste time. Når kan jeg komme?',
    },
  },
  'procedure-scheduling': {
    en: {
      subject: 'Scheduling my colonoscopy',
      ask: 'I received the referral for a colonoscopy. I can only come on Tuesday or Thursday mornings.',
    },
    es: {
      subject: 'Programar mi colonoscopia',
      ask: 'Recibí la derivación para una colonoscopia. Solo puedo ir los martes o jueves por la mañana.',
    },
    lv: {
      subject: 'Kolonoskopijas pieraksts',
      ask: 'Saņēmu nosūtījumu uz kolonoskopiju. Varu atnākt tikai otrdienu vai ceturtdienu rītos.',
    },
    nb: {
      subject: 'Time til koloskopi',
      ask: 'Jeg har fått henvisning til koloskopi. Jeg kan bare komme tirsdag eller torsdag formiddag.',
    },
  },
  'device-help': {
    en: {
      subject: 'My glucose meter shows an error',
      ask: 'The meter shows E-3 every time I test since yesterday. I changed the strips and it still happens.',
    },
    es: {
      subject: 'Mi glucómetro muestra un error',
      ask: 'Desde ayer el glucómetro muestra E-3 cada vez que hago la prueba. Cambié las tiras y sigue pasando.',
    },
    lv: {
      subject: 'Glikometrs rāda kļūdu',
      ask: 'Kopš vakardienas glikometrs katru reizi rāda E-3. Nomainīju strēmeles, bet tas joprojām atkārtojas.',
    },
    nb: {
      subject: 'Blodsukkermåleren viser feil',
      ask: 'Måleren viser E-3 hver gang jeg måler siden i går. Jeg har byttet strimler, og det skjer fortsatt.',
    },
  },
  'billing-question': {
    en: {
      subject: 'Question about my bill',
      ask: 'My statement shows a charge for a visit I thought my plan covered. What is it for?',
    },
    es: {
      subject: 'Pregunta sobre mi factura',
      ask: 'Mi estado de cuenta muestra un cargo por una visita que creía cubierta por mi plan. ¿A qué corresponde?',
    },
    lv: {
      subject: 'Jautājums par rēķinu',
      ask: 'Rēķinā ir maksa par vizīti, ko, manuprāt, sedza mana apdrošināšana. Par ko tā ir?',
    },
    nb: {
      subject: 'Spørsmål om regningen',
      ask: 'Regningen viser et beløp for et besøk jeg trodde forsikringen dekket. Hva gjelder det?',
    },
  },
  'billing-dispute': {
    en: {
      subject: 'I was charged twice',
      ask: 'The same appointment appears twice on my bill. Please correct it and refund the second payment.',
    },
    es: {
      subject: 'Me cobraron dos veces',
      ask: 'La misma cita aparece dos veces en mi factura. Por favor corríjanlo y devuélvanme el segundo pago.',
    },
    lv: {
      subject: 'Man iekasēja divreiz',
      ask: 'Viena un tā pati vizīte rēķinā ir divreiz. Lūdzu, izlabojiet to un atmaksājiet otro maksājumu.',
    },
    nb: {
      subject: 'Jeg ble belastet to ganger',
      ask: 'Samme time står to ganger på regningen. Vennligst rett det og refunder den andre betalingen.',
    },
  },
  'financial-assistance': {
    en: {
      subject: 'Applying for financial assistance',
      ask: 'I lost my job last month and cannot pay the open balance. Is there a payment plan or assistance?',
    },
    es: {
      subject: 'Solicitar ayuda financiera',
      ask: 'Perdí mi trabajo el mes pasado y no puedo pagar el saldo pendiente. ¿Hay un plan de pagos o alguna ayuda?',
    },
    lv: {
      subject: 'Pieteikums finansiālai palīdzībai',
      ask: 'Pagājušajā mēnesī zaudēju darbu un nevaru samaksāt atlikumu. Vai ir maksājumu grafiks vai palīdzība?',
    },
    nb: {
      subject: 'Søknad om økonomisk hjelp',
      ask: 'Jeg mistet jobben forrige måned og kan ikke betale restbeløpet. Finnes det en betalingsplan eller hjelp?',
    },
  },
  'discharge-follow-up': {
    en: {
      subject: 'Questions after my discharge',
      ask: 'I came home from the hospital on Monday. The wound is red around the stitches; should someone look at it?',
    },
    es: {
      subject: 'Preguntas después del alta',
      ask: 'Volví a casa del hospital el lunes. La herida está roja alrededor de los puntos; ¿debería verla alguien?',
    },
    lv: {
      subject: 'Jautājumi pēc izrakstīšanas',
      ask: 'Pirmdien atgriezos mājās no slimnīcas. Brūce ap šuvēm ir sarkana; vai kādam to vajadzētu apskatīt?',
    },
    nb: {
      subject: 'Spørsmål etter utskrivning',
      ask: 'Jeg kom hjem fra sykehuset mandag. Såret er rødt rundt stingene; bør noen se på det?',
    },
  },
  complaint: {
    en: {
      subject: 'Complaint about waiting time',
      ask: 'I waited almost two hours past my appointment time and nobody told me why. I would like an explanation.',
    },
    es: {
      subject: 'Queja por el tiempo de espera',
      ask: 'Esperé casi dos horas después de la hora de mi cita y nadie me dijo por qué. Quisiera una explicación.',
    },
    lv: {
      subject: 'Sūdzība par gaidīšanas laiku',
      ask: 'Gaidīju gandrīz divas stundas pēc norunātā laika, un neviens nepaskaidroja kāpēc. Vēlos saņemt paskaidrojumu.',
    },
    nb: {
      subject: 'Klage på ventetid',
      ask: 'Jeg ventet nesten to timer etter timen min, og ingen sa hvorfor. Jeg ønsker en forklaring.',
    },
  },
  general: {
    en: {
      subject: 'Change of address',
      ask: 'I have moved. Please update my address and phone number so letters reach me.',
    },
    es: {
      subject: 'Cambio de dirección',
      ask: 'Me he mudado. Por favor actualicen mi dirección y mi teléfono para que me lleguen las cartas.',
    },
    lv: {
      subject: 'Adreses maiņa',
      ask: 'Esmu pārcēlies. Lūdzu, atjauniniet manu adresi un tālruņa numuru, lai vēstules mani sasniegtu.',
    },
    nb: {
      subject: 'Ny adresse',
      ask: 'Jeg har flyttet. Vennligst oppdater adressen og telefonnummeret mitt så brevene når meg.',
    },
  },
};

const STAFF_REPLIES: ByLanguage<string[]> = {
  en: [
    'Thank you for writing. I have looked into this and will get back to you by tomorrow.',
    'This is done now. Please reply here if anything is still unclear.',
    'Could you send us a photo of the letter you received? Then we can continue.',
  ],
  es: [
    'Gracias por escribirnos. Lo he revisado y le responderé mañana como tarde.',
    'Ya está hecho. Por favor responda aquí si algo no queda claro.',
    '¿Podría enviarnos una foto de la carta que recibió? Así podremos continuar.',
  ],
  lv: [
    'Paldies par ziņu. Esmu to izskatījis un atbildēšu līdz rītdienai.',
    'Tas ir izdarīts. Lūdzu, atbildiet šeit, ja kaut kas joprojām nav skaidrs.',
    'Vai varat atsūtīt saņemtās vēstules fotoattēlu? Tad varēsim turpināt.',
  ],
  nb: [
    'Takk for at du skrev. Jeg har sett på dette og svarer deg innen i morgen.',
    'Dette er ordnet nå. Svar gjerne her hvis noe fortsatt er uklart.',
    'Kan du sende oss et bilde av brevet du fikk? Da kan vi gå videre.',
  ],
};

const PATIENT_FOLLOW_UPS: ByLanguage<string[]> = {
  en: ['Thank you, that helps.', 'I attached the letter now. When will I hear back?'],
  es: ['Gracias, eso me ayuda.', 'Ya adjunté la carta. ¿Cuándo tendré respuesta?'],
  lv: ['Paldies, tas palīdz.', 'Pievienoju vēstuli. Kad saņemšu atbildi?'],
  nb: ['Takk, det hjelper.', 'Jeg har lagt ved brevet nå. Når hører jeg fra dere?'],
};

const INTERNAL_NOTES = [
  'Checked the record; asked billing for the statement detail.',
  'Called the pharmacy, prescription is waiting for the doctor to sign.',
  'Patient verified by date of birth and address.',
];

/** The texts of a category in a language; an unknown category reads as a general request. */
export function categoryText(category: string, language: DeskLanguage): CategoryText {
  return (CATEGORY_TEXT[category] ?? CATEGORY_TEXT.general!)[language];
}

export const staffReply = (language: DeskLanguage, n: number): string =>
  STAFF_REPLIES[language][n % STAFF_REPLIES[language].length]!;

export const patientFollowUp = (language: DeskLanguage, n: number): string =>
  PATIENT_FOLLOW_UPS[language][n % PATIENT_FOLLOW_UPS[language].length]!;

/** Internal notes are written in the desk's working language. */
export const internalNote = (n: number): string => INTERNAL_NOTES[n % INTERNAL_NOTES.length]!;

export function asDeskLanguage(tag: string): DeskLanguage {
  return tag === 'es' || tag === 'lv' || tag === 'nb' ? tag : 'en';
}
