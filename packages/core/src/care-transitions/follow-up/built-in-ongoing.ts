import { step, UNREACHED_ESCALATION } from './built-in-discharge';
import type { FollowUpProgram } from './program';

/** After an outpatient visit (PV1-2 O or R): a call, a survey, the claim. */
export const POST_VISIT_FOLLOW_UP: FollowUpProgram = {
  code: 'post-visit-follow-up',
  name: {
    en: 'Post-visit follow-up',
    es: 'Seguimiento después de la consulta',
    lv: 'Aprūpe pēc vizītes',
    nb: 'Oppfølging etter besøk',
  },
  description: {
    en: 'A call a few days after an outpatient visit, a short survey and a claim check.',
    es: 'Una llamada unos días después de la consulta ambulatoria, una breve encuesta y la revisión de la reclamación.',
    lv: 'Zvans dažas dienas pēc ambulatorās vizītes, īsa aptauja un rēķina pārbaude.',
    nb: 'En samtale noen dager etter et poliklinisk besøk, en kort undersøkelse og kontroll av kravet.',
  },
  trigger: { kind: 'visit-end', patientClasses: ['O', 'R'] },
  caseCategory: 'discharge-follow-up',
  steps: [
    step({
      key: 'check-call',
      kind: 'call',
      dueBusinessDays: 3,
      title: {
        en: 'Call after the visit',
        es: 'Llamar después de la consulta',
        lv: 'Zvans pēc vizītes',
        nb: 'Ring etter besøket',
      },
      script: {
        en: 'Ask how the patient is, whether the plan from the visit is clear, and whether tests or referrals need booking.',
        es: 'Pregunte cómo está el paciente, si el plan de la consulta está claro y si hay pruebas o derivaciones por reservar.',
        lv: 'Pajautājiet, kā pacients jūtas, vai vizītes plāns ir skaidrs un vai jāpiesaka izmeklējumi vai nosūtījumi.',
        nb: 'Spør hvordan pasienten har det, om planen fra besøket er klar og om prøver eller henvisninger må bestilles.',
      },
      escalation: UNREACHED_ESCALATION,
    }),
    step({
      key: 'survey',
      kind: 'survey',
      dueBusinessDays: 5,
      required: false,
      title: {
        en: 'Send a survey',
        es: 'Enviar encuesta',
        lv: 'Nosūtīt aptauju',
        nb: 'Send undersøkelse',
      },
      script: {
        en: 'Send the post-visit survey in the patient’s language.',
        es: 'Envíe la encuesta posterior a la consulta en el idioma del paciente.',
        lv: 'Nosūtiet aptauju pēc vizītes pacienta valodā.',
        nb: 'Send undersøkelsen etter besøket på pasientens språk.',
      },
    }),
    step({
      key: 'claim-check',
      kind: 'claim-check',
      dueBusinessDays: 10,
      required: false,
      title: {
        en: 'Check the claim',
        es: 'Revisar la reclamación',
        lv: 'Pārbaudīt rēķinu',
        nb: 'Kontroller kravet',
      },
      script: {
        en: 'Check that the visit was billed to the right coverage.',
        es: 'Compruebe que la consulta se facturó a la cobertura correcta.',
        lv: 'Pārbaudiet, vai vizīte piestādīta pareizajai apdrošināšanai.',
        nb: 'Kontroller at besøket er fakturert riktig dekning.',
      },
    }),
  ],
};

/**
 * Diabetes care for an enrolled patient over a year: quarterly check-ins and adherence
 * checks, A1c reminders twice a year, a device refresher, education from the knowledge
 * base, and caregiver guidance only where the patient consented (product brief §3).
 */
export const DIABETES_CARE: FollowUpProgram = {
  code: 'diabetes-care',
  name: {
    en: 'Diabetes care',
    es: 'Cuidado de la diabetes',
    lv: 'Diabēta aprūpe',
    nb: 'Diabetesoppfølging',
  },
  description: {
    en: 'Quarterly check-ins, A1c test reminders, a meter refresher, medicine adherence and caregiver guidance with consent.',
    es: 'Contactos trimestrales, recordatorios de la prueba A1c, repaso del glucómetro, adherencia a la medicación y orientación al cuidador con consentimiento.',
    lv: 'Ceturkšņa sazināšanās, atgādinājumi par HbA1c analīzi, glikometra lietošanas atkārtojums, zāļu lietošanas pārbaude un padomi aprūpētājam ar piekrišanu.',
    nb: 'Kvartalsvise samtaler, påminnelser om HbA1c-prøve, repetisjon av blodsukkerapparatet, etterlevelse av legemidler og veiledning til pårørende med samtykke.',
  },
  trigger: { kind: 'enrolment' },
  caseCategory: 'general',
  steps: [
    step({
      key: 'check-in',
      kind: 'check-in',
      dueBusinessDays: 5,
      repeat: { everyDays: 91, times: 4 },
      title: {
        en: 'Check in',
        es: 'Contacto de control',
        lv: 'Kontrolzvans',
        nb: 'Oppfølgingssamtale',
      },
      script: {
        en: 'Ask about blood sugar readings, lows, foot problems and how the patient is managing.',
        es: 'Pregunte por las lecturas de glucosa, las hipoglucemias, los problemas en los pies y cómo lo lleva el paciente.',
        lv: 'Jautājiet par glikozes mērījumiem, hipoglikēmijām, pēdu problēmām un to, kā pacientam veicas.',
        nb: 'Spør om blodsukkermålinger, føling, problemer med føttene og hvordan pasienten har det.',
      },
      escalation: { ...UNREACHED_ESCALATION, send: 'letter' },
    }),
    step({
      key: 'a1c-reminder',
      kind: 'lab-reminder',
      dueBusinessDays: 10,
      repeat: { everyDays: 182, times: 2 },
      title: {
        en: 'Remind about the A1c test',
        es: 'Recordar la prueba A1c',
        lv: 'Atgādināt par HbA1c analīzi',
        nb: 'Minn om HbA1c-prøven',
      },
      script: {
        en: 'Remind the patient that their A1c test is due and help them book it.',
        es: 'Recuerde al paciente que le toca la prueba A1c y ayúdele a reservarla.',
        lv: 'Atgādiniet pacientam, ka jāveic HbA1c analīze, un palīdziet pieteikties.',
        nb: 'Minn pasienten på at HbA1c-prøven skal tas, og hjelp med å bestille time.',
      },
    }),
    step({
      key: 'meter-refresher',
      kind: 'device-refresher',
      dueBusinessDays: 15,
      required: false,
      title: {
        en: 'Glucose meter refresher',
        es: 'Repaso del glucómetro',
        lv: 'Glikometra lietošanas atkārtojums',
        nb: 'Repetisjon av blodsukkerapparatet',
      },
      script: {
        en: 'Walk through checking blood sugar step by step and ask the patient to show you how they do it.',
        es: 'Repase paso a paso cómo medir la glucosa y pida al paciente que le muestre cómo lo hace.',
        lv: 'Soli pa solim izejiet cauri glikozes mērīšanai un palūdziet pacientam parādīt, kā viņš to dara.',
        nb: 'Gå gjennom blodsukkermåling trinn for trinn og be pasienten vise hvordan de gjør det.',
      },
    }),
    step({
      key: 'adherence',
      kind: 'adherence-check',
      dueBusinessDays: 20,
      repeat: { everyDays: 91, times: 4 },
      title: {
        en: 'Check medicine adherence',
        es: 'Comprobar la adherencia',
        lv: 'Pārbaudīt zāļu lietošanu',
        nb: 'Sjekk legemiddelbruk',
      },
      script: {
        en: 'Ask whether the patient takes their diabetes medicines as prescribed and whether cost or side effects get in the way.',
        es: 'Pregunte si toma los medicamentos para la diabetes como se le indicó y si el costo o los efectos secundarios se lo impiden.',
        lv: 'Jautājiet, vai pacients lieto diabēta zāles, kā nozīmēts, un vai to netraucē izmaksas vai blakusparādības.',
        nb: 'Spør om pasienten tar diabetesmedisinene som forskrevet, og om pris eller bivirkninger er til hinder.',
      },
      escalation: UNREACHED_ESCALATION,
    }),
    step({
      key: 'education',
      kind: 'education',
      dueBusinessDays: 3,
      required: false,
      title: {
        en: 'Send education',
        es: 'Enviar material educativo',
        lv: 'Nosūtīt izglītojošu materiālu',
        nb: 'Send informasjon',
      },
      script: {
        en: 'Send a knowledge-base article on checking blood sugar in the patient’s language.',
        es: 'Envíe un artículo de la base de conocimiento sobre cómo medir la glucosa, en el idioma del paciente.',
        lv: 'Nosūtiet zināšanu bāzes rakstu par glikozes mērīšanu pacienta valodā.',
        nb: 'Send en artikkel fra kunnskapsbasen om blodsukkermåling på pasientens språk.',
      },
    }),
    step({
      key: 'caregiver-guidance',
      kind: 'caregiver-guidance',
      dueBusinessDays: 10,
      required: false,
      needsCaregiverConsent: true,
      title: {
        en: 'Guide the caregiver',
        es: 'Orientar al cuidador',
        lv: 'Konsultēt aprūpētāju',
        nb: 'Veiled pårørende',
      },
      script: {
        en: 'Only with the patient’s consent: explain to the caregiver the signs of low and high blood sugar and what to do.',
        es: 'Solo con el consentimiento del paciente: explique al cuidador los signos de glucosa baja y alta y qué hacer.',
        lv: 'Tikai ar pacienta piekrišanu: izskaidrojiet aprūpētājam zema un augsta cukura pazīmes un rīcību.',
        nb: 'Bare med pasientens samtykke: forklar pårørende tegnene på lavt og høyt blodsukker og hva de skal gjøre.',
      },
    }),
  ],
};

/** Medication adherence: monthly checks for six months and a review with the patient. */
export const MEDICATION_ADHERENCE: FollowUpProgram = {
  code: 'medication-adherence',
  name: {
    en: 'Medication adherence',
    es: 'Adherencia a la medicación',
    lv: 'Zāļu lietošanas atbalsts',
    nb: 'Legemiddeletterlevelse',
  },
  description: {
    en: 'Monthly adherence checks for six months and a medicine review.',
    es: 'Comprobaciones mensuales de adherencia durante seis meses y una revisión de medicamentos.',
    lv: 'Ikmēneša zāļu lietošanas pārbaudes sešus mēnešus un medikamentu pārskats.',
    nb: 'Månedlige kontroller av legemiddelbruk i seks måneder og en legemiddelgjennomgang.',
  },
  trigger: { kind: 'enrolment' },
  caseCategory: 'refill',
  steps: [
    step({
      key: 'adherence',
      kind: 'adherence-check',
      dueBusinessDays: 5,
      repeat: { everyDays: 30, times: 6 },
      title: {
        en: 'Check medicine adherence',
        es: 'Comprobar la adherencia',
        lv: 'Pārbaudīt zāļu lietošanu',
        nb: 'Sjekk legemiddelbruk',
      },
      script: {
        en: 'Ask which doses were missed this month and why; offer reminders or a pharmacist call.',
        es: 'Pregunte qué dosis se saltó este mes y por qué; ofrezca recordatorios o una llamada del farmacéutico.',
        lv: 'Jautājiet, kuras devas šomēnes izlaistas un kāpēc; piedāvājiet atgādinājumus vai farmaceita zvanu.',
        nb: 'Spør hvilke doser som ble glemt denne måneden og hvorfor; tilby påminnelser eller en samtale med farmasøyt.',
      },
      escalation: UNREACHED_ESCALATION,
    }),
    step({
      key: 'medication-review',
      kind: 'medication-review',
      dueBusinessDays: 10,
      title: {
        en: 'Review medicines',
        es: 'Revisar los medicamentos',
        lv: 'Pārskatīt medikamentus',
        nb: 'Gå gjennom legemidlene',
      },
      script: {
        en: 'Go through every medicine the patient takes, including ones bought without a prescription.',
        es: 'Repase todos los medicamentos que toma el paciente, incluidos los de venta libre.',
        lv: 'Pārskatiet visas pacienta lietotās zāles, arī bezrecepšu.',
        nb: 'Gå gjennom alle legemidler pasienten bruker, også reseptfrie.',
      },
    }),
  ],
};
