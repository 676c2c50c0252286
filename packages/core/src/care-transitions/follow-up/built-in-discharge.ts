import type { FollowUpProgram, Localized, ProgramStep } from './program';

/** A step with the defaults most steps share; the programs below say only what differs. */
export function step(
  fields: Pick<ProgramStep, 'key' | 'kind' | 'title' | 'script' | 'dueBusinessDays'> &
    Partial<ProgramStep>,
): ProgramStep {
  return {
    checklist: [],
    repeat: null,
    required: true,
    escalation: null,
    needsCaregiverConsent: false,
    articleId: null,
    ...fields,
  };
}

const UNREACHED_MESSAGE: Localized = {
  en: 'We tried to call you several times to see how you are doing since your visit, but could not reach you. Please call us or reply here when it suits you. If you feel worse, call your doctor, or 911 in an emergency.',
  es: 'Intentamos llamarle varias veces para saber cómo se encuentra después de su visita, pero no pudimos comunicarnos. Llámenos o responda aquí cuando le convenga. Si se siente peor, llame a su médico, o al 911 en caso de emergencia.',
  lv: 'Mēs vairākas reizes mēģinājām jums piezvanīt, lai uzzinātu, kā jūtaties pēc vizītes, bet nesazvanījām. Lūdzu, piezvaniet mums vai atbildiet šeit, kad jums ērti. Ja jūtaties sliktāk, zvaniet savam ārstam, ārkārtas gadījumā — 113.',
  nb: 'Vi har prøvd å ringe deg flere ganger for å høre hvordan det går etter besøket, men nådde deg ikke. Ring oss eller svar her når det passer. Hvis du blir verre, ring legen din, eller 113 ved nødstilfelle.',
};

/** After three unanswered attempts: supervisors told, the patient written to (issue #6 point 4). */
export const UNREACHED_ESCALATION = {
  afterUnansweredAttempts: 3,
  notifySupervisor: true,
  send: 'portal-message',
  message: UNREACHED_MESSAGE,
} as const satisfies ProgramStep['escalation'];

/**
 * Discharge follow-up, transitional-care style: an interactive contact within 2 business
 * days of discharge (standards brief §3 trigger rule 1; product brief, rules), then the
 * medication review, the services the patient may need at home, and the claim.
 */
export const DISCHARGE_FOLLOW_UP: FollowUpProgram = {
  code: 'discharge-follow-up',
  name: {
    en: 'Discharge follow-up',
    es: 'Seguimiento tras el alta',
    lv: 'Pēcizrakstīšanas aprūpe',
    nb: 'Oppfølging etter utskrivning',
  },
  description: {
    en: 'Contact within 2 business days of discharge, medication review, home health, transport, physical therapy and the claim.',
    es: 'Contacto en los 2 días hábiles siguientes al alta, revisión de medicamentos, atención domiciliaria, transporte, fisioterapia y la reclamación.',
    lv: 'Saziņa 2 darba dienu laikā pēc izrakstīšanas, medikamentu pārskats, aprūpe mājās, transports, fizioterapija un rēķina pārbaude.',
    nb: 'Kontakt innen 2 virkedager etter utskrivning, legemiddelgjennomgang, hjemmesykepleie, transport, fysioterapi og kravet.',
  },
  trigger: { kind: 'discharge', patientClasses: ['I', 'E', 'B'], excludeDispositions: [] },
  caseCategory: 'discharge-follow-up',
  steps: [
    step({
      key: 'first-call',
      kind: 'call',
      dueBusinessDays: 2,
      title: {
        en: 'Call the patient',
        es: 'Llamar al paciente',
        lv: 'Piezvanīt pacientam',
        nb: 'Ring pasienten',
      },
      script: {
        en: 'Introduce yourself and say you are calling from the clinic to see how they are since leaving hospital. Ask about symptoms, medicines and appointments. If they describe chest pain, trouble breathing or confusion, follow the emergency protocol.',
        es: 'Preséntese y diga que llama de la clínica para saber cómo está desde el alta. Pregunte por síntomas, medicamentos y citas. Si describe dolor en el pecho, dificultad para respirar o confusión, siga el protocolo de emergencia.',
        lv: 'Iepazīstinieties un pasakiet, ka zvanāt no klīnikas, lai uzzinātu, kā pacients jūtas pēc izrakstīšanas. Jautājiet par simptomiem, zālēm un vizītēm. Ja pacients min sāpes krūtīs, elpas trūkumu vai apjukumu, rīkojieties pēc ārkārtas protokola.',
        nb: 'Presenter deg og si at du ringer fra klinikken for å høre hvordan det går etter utskrivningen. Spør om symptomer, legemidler og timer. Ved brystsmerter, pustevansker eller forvirring: følg nødprosedyren.',
      },
      checklist: [
        {
          en: 'Patient is home and safe',
          es: 'El paciente está en casa y seguro',
          lv: 'Pacients ir mājās un drošībā',
          nb: 'Pasienten er hjemme og trygg',
        },
        {
          en: 'New or worse symptoms asked about',
          es: 'Preguntado por síntomas nuevos o peores',
          lv: 'Pajautāts par jauniem vai pastiprinātiem simptomiem',
          nb: 'Spurt om nye eller verre symptomer',
        },
        {
          en: 'Follow-up appointment confirmed',
          es: 'Cita de seguimiento confirmada',
          lv: 'Kontrolvizīte apstiprināta',
          nb: 'Kontrolltime bekreftet',
        },
      ],
      escalation: UNREACHED_ESCALATION,
    }),
    step({
      key: 'medication-review',
      kind: 'medication-review',
      dueBusinessDays: 5,
      title: {
        en: 'Review medicines',
        es: 'Revisar los medicamentos',
        lv: 'Pārskatīt medikamentus',
        nb: 'Gå gjennom legemidlene',
      },
      script: {
        en: 'Go through the discharge medicine list with the patient: what is new, changed or stopped, and whether they have picked everything up.',
        es: 'Repase con el paciente la lista de medicamentos del alta: qué es nuevo, qué cambió o se suspendió, y si ya lo ha recogido todo.',
        lv: 'Kopā ar pacientu pārskatiet izrakstīšanas medikamentu sarakstu: kas ir jauns, mainīts vai pārtraukts, un vai viss ir saņemts aptiekā.',
        nb: 'Gå gjennom legemiddellisten fra utskrivningen med pasienten: hva som er nytt, endret eller seponert, og om alt er hentet.',
      },
      escalation: UNREACHED_ESCALATION,
    }),
    step({
      key: 'home-health',
      kind: 'home-health',
      dueBusinessDays: 2,
      required: false,
      title: {
        en: 'Arrange home health',
        es: 'Organizar atención domiciliaria',
        lv: 'Organizēt aprūpi mājās',
        nb: 'Ordne hjemmesykepleie',
      },
      script: {
        en: 'If the discharge summary orders home health, send the referral and track it until the agency confirms the first visit.',
        es: 'Si el informe de alta indica atención domiciliaria, envíe la derivación y haga seguimiento hasta que la agencia confirme la primera visita.',
        lv: 'Ja izrakstā norādīta aprūpe mājās, nosūtiet nosūtījumu un sekojiet, līdz aģentūra apstiprina pirmo vizīti.',
        nb: 'Hvis epikrisen bestiller hjemmesykepleie: send henvisningen og følg opp til tjenesten bekrefter første besøk.',
      },
    }),
    step({
      key: 'transport',
      kind: 'transport',
      dueBusinessDays: 5,
      required: false,
      title: {
        en: 'Arrange transport',
        es: 'Organizar transporte',
        lv: 'Organizēt transportu',
        nb: 'Ordne transport',
      },
      script: {
        en: 'Ask whether the patient can get to their follow-up appointment; if not, book transport and confirm the pick-up time with them.',
        es: 'Pregunte si el paciente puede ir a su cita de seguimiento; si no, reserve transporte y confírmele la hora de recogida.',
        lv: 'Pajautājiet, vai pacients var nokļūt uz kontrolvizīti; ja nē, rezervējiet transportu un apstipriniet pacientam izbraukšanas laiku.',
        nb: 'Spør om pasienten kommer seg til kontrolltimen; hvis ikke, bestill transport og bekreft hentetid med pasienten.',
      },
    }),
    step({
      key: 'physical-therapy',
      kind: 'physical-therapy',
      dueBusinessDays: 5,
      required: false,
      title: {
        en: 'Schedule physical therapy',
        es: 'Programar fisioterapia',
        lv: 'Pieteikt fizioterapiju',
        nb: 'Bestille fysioterapi',
      },
      script: {
        en: 'If therapy was ordered, refer the patient and track the referral until the first session is booked.',
        es: 'Si se indicó terapia, derive al paciente y haga seguimiento hasta que la primera sesión esté reservada.',
        lv: 'Ja terapija nozīmēta, nosūtiet pacientu un sekojiet, līdz pirmā nodarbība ir pieteikta.',
        nb: 'Hvis fysioterapi er forordnet: henvis pasienten og følg opp til første time er bestilt.',
      },
    }),
    step({
      key: 'claim-check',
      kind: 'claim-check',
      dueBusinessDays: 10,
      title: {
        en: 'Check the claim',
        es: 'Revisar la reclamación',
        lv: 'Pārbaudīt rēķinu',
        nb: 'Kontroller kravet',
      },
      script: {
        en: 'Check that the hospital stay was billed to the right coverage and that nothing is waiting on the patient.',
        es: 'Compruebe que la estancia se facturó a la cobertura correcta y que nada espera al paciente.',
        lv: 'Pārbaudiet, vai uzturēšanās slimnīcā ir piestādīta pareizajai apdrošināšanai un vai nekas negaida pacientu.',
        nb: 'Kontroller at oppholdet er fakturert riktig dekning og at ingenting venter på pasienten.',
      },
    }),
    step({
      key: 'survey',
      kind: 'survey',
      dueBusinessDays: 7,
      required: false,
      title: {
        en: 'Send the discharge survey',
        es: 'Enviar la encuesta del alta',
        lv: 'Nosūtīt aptauju par izrakstīšanu',
        nb: 'Send spørreundersøkelsen om utskrivningen',
      },
      script: {
        en: 'Ask the patient how the discharge went and whether anything was unclear.',
        es: 'Pregunte al paciente cómo fue el alta y si algo no quedó claro.',
        lv: 'Pajautājiet pacientam, kā noritēja izrakstīšana un vai kaut kas palika neskaidrs.',
        nb: 'Spør pasienten hvordan utskrivningen gikk og om noe var uklart.',
      },
    }),
  ],
};
