import type { MacroInput } from '@caredesk/core';
import { demoMacro } from './demo-macro-types';

/**
 * Demo macros, part 1: answers to requests (refills, claims, insurance cards, tests).
 * Written for the demo clinic in all four languages; a date stands after a colon so that
 * the neutral word used when it is missing ("as soon as we can") reads as well as a date.
 */
export const REQUEST_MACROS: MacroInput[] = [
  demoMacro(
    { en: 'Refill received', es: 'Receta recibida', lv: 'Recepte saņemta', nb: 'Resept mottatt' },
    { setCategory: 'refill', setStatus: 'pending-third-party', addTags: ['refill'] },
    {
      en: [
        'Refill request received – case {{case.number}}',
        'Hello {{patient.firstName}},\n\nThank you. We have received your request to refill your prescription and sent it to your prescriber for review. We will tell you when it has been approved and sent to your pharmacy.\n\nExpected answer: {{case.dueDate}}\n\nIf you run out of the medicine before then, or feel unwell, please call us.\n\nBest regards,\n{{agent.firstName}}, {{organization.name}}',
      ],
      es: [
        'Solicitud de receta recibida – caso {{case.number}}',
        'Hola, {{patient.firstName}}:\n\nGracias. Hemos recibido su solicitud de renovación de receta y la hemos enviado a su médico para que la revise. Le avisaremos cuando esté aprobada y enviada a su farmacia.\n\nRespuesta prevista: {{case.dueDate}}\n\nSi se le acaba el medicamento antes o no se encuentra bien, llámenos.\n\nUn saludo,\n{{agent.firstName}}, {{organization.name}}',
      ],
      lv: [
        'Receptes pieprasījums saņemts – lieta {{case.number}}',
        'Labdien, {{patient.firstName}}!\n\nPaldies! Esam saņēmuši jūsu pieprasījumu atjaunot recepti un nosūtījuši to jūsu ārstam izskatīšanai. Mēs jums paziņosim, kad recepte būs apstiprināta un nosūtīta uz aptieku.\n\nParedzamā atbilde: {{case.dueDate}}\n\nJa zāles beidzas ātrāk vai jūs nejūtaties labi, lūdzu, zvaniet mums.\n\nAr cieņu\n{{agent.firstName}}, {{organization.name}}',
      ],
      nb: [
        'Forespørsel om resept mottatt – sak {{case.number}}',
        'Hei {{patient.firstName}},\n\nTakk! Vi har mottatt forespørselen din om å fornye resepten og sendt den til legen din for vurdering. Vi gir deg beskjed når den er godkjent og sendt til apoteket.\n\nForventet svar: {{case.dueDate}}\n\nHvis du går tom for medisinen før det, eller ikke føler deg bra, må du ringe oss.\n\nVennlig hilsen\n{{agent.firstName}}, {{organization.name}}',
      ],
    },
  ),
  demoMacro(
    {
      en: 'Claim help: next steps',
      es: 'Ayuda con reclamación: próximos pasos',
      lv: 'Palīdzība ar atlīdzību: nākamie soļi',
      nb: 'Hjelp med forsikringskrav: neste steg',
    },
    { setCategory: 'claim-help', setStatus: 'pending-third-party', addTags: ['claim'] },
    {
      en: [
        'Your insurance claim – case {{case.number}}',
        'Hello {{patient.firstName}},\n\nThank you for asking us about your insurance claim. This is what happens next:\n\n1. We go through the claim with your insurer and ask why it was reduced or refused.\n2. If papers are missing, we tell you exactly which ones and how to send them.\n3. We write to you with the insurer’s answer.\n\nYou can follow the case and send us documents in the patient portal: {{portal.link}}\n\nExpected answer: {{case.dueDate}}\n\nBest regards,\n{{agent.firstName}}, {{organization.name}}',
      ],
      es: [
        'Su reclamación al seguro – caso {{case.number}}',
        'Hola, {{patient.firstName}}:\n\nGracias por consultarnos sobre su reclamación al seguro. Estos son los próximos pasos:\n\n1. Revisamos la reclamación con su aseguradora y preguntamos por qué se redujo o se rechazó.\n2. Si falta algún documento, le diremos exactamente cuál y cómo enviarlo.\n3. Le escribiremos con la respuesta de la aseguradora.\n\nPuede seguir el caso y enviarnos documentos en el portal del paciente: {{portal.link}}\n\nRespuesta prevista: {{case.dueDate}}\n\nUn saludo,\n{{agent.firstName}}, {{organization.name}}',
      ],
      lv: [
        'Jūsu apdrošināšanas atlīdzība – lieta {{case.number}}',
        'Labdien, {{patient.firstName}}!\n\nPaldies, ka vērsāties pie mums par apdrošināšanas atlīdzību. Tālāk notiks šādi:\n\n1. Mēs kopā ar jūsu apdrošinātāju pārskatīsim pieprasījumu un noskaidrosim, kāpēc atlīdzība samazināta vai atteikta.\n2. Ja kāds dokuments trūkst, mēs precīzi pateiksim, kurš tas ir un kā to nosūtīt.\n3. Mēs jums uzrakstīsim, tiklīdz saņemsim apdrošinātāja atbildi.\n\nLietas gaitai varat sekot un dokumentus nosūtīt pacientu portālā: {{portal.link}}\n\nParedzamā atbilde: {{case.dueDate}}\n\nAr cieņu\n{{agent.firstName}}, {{organization.name}}',
      ],
      nb: [
        'Forsikringskravet ditt – sak {{case.number}}',
        'Hei {{patient.firstName}},\n\nTakk for at du tok kontakt om forsikringskravet ditt. Slik går vi videre:\n\n1. Vi går gjennom kravet med forsikringsselskapet og spør hvorfor det ble redusert eller avslått.\n2. Hvis det mangler dokumenter, sier vi nøyaktig hvilke og hvordan du sender dem.\n3. Vi skriver til deg når vi har fått svar fra forsikringsselskapet.\n\nDu kan følge saken og sende oss dokumenter i pasientportalen: {{portal.link}}\n\nForventet svar: {{case.dueDate}}\n\nVennlig hilsen\n{{agent.firstName}}, {{organization.name}}',
      ],
    },
  ),
  demoMacro(
    {
      en: 'We need your insurance card photo',
      es: 'Necesitamos foto de la tarjeta del seguro',
      lv: 'Vajadzīgs apdrošināšanas kartes foto',
      nb: 'Trenger bilde av forsikringskortet',
    },
    { setStatus: 'pending-patient', addTags: ['insurance-card'] },
    {
      en: [
        'Please send a photo of your insurance card – case {{case.number}}',
        'Hello {{patient.firstName}},\n\nTo go on with your request we need a clear photo of both sides of your insurance card.\n\nYou can upload it in the patient portal ({{portal.link}}) or reply to this message with the photo attached. Please check that your name, your member number and the insurer’s name can be read.\n\nYour case stays open while we wait for the photo.\n\nThank you,\n{{agent.firstName}}, {{organization.name}}',
      ],
      es: [
        'Envíenos una foto de su tarjeta del seguro – caso {{case.number}}',
        'Hola, {{patient.firstName}}:\n\nPara continuar con su solicitud necesitamos una foto nítida de las dos caras de su tarjeta del seguro.\n\nPuede subirla en el portal del paciente ({{portal.link}}) o responder a este mensaje con la foto adjunta. Compruebe que se leen bien su nombre, su número de afiliado y el nombre de la aseguradora.\n\nSu caso sigue abierto mientras esperamos la foto.\n\nGracias,\n{{agent.firstName}}, {{organization.name}}',
      ],
      lv: [
        'Lūdzu, atsūtiet apdrošināšanas kartes fotoattēlu – lieta {{case.number}}',
        'Labdien, {{patient.firstName}}!\n\nLai turpinātu darbu ar jūsu pieprasījumu, mums vajadzīgs skaidrs jūsu apdrošināšanas kartes abu pušu fotoattēls.\n\nTo varat augšupielādēt pacientu portālā ({{portal.link}}) vai atbildēt uz šo ziņu, pievienojot fotoattēlu. Lūdzu, pārliecinieties, ka ir salasāms jūsu vārds, polises numurs un apdrošinātāja nosaukums.\n\nKamēr gaidām fotoattēlu, jūsu lieta paliek atvērta.\n\nPaldies!\n{{agent.firstName}}, {{organization.name}}',
      ],
      nb: [
        'Send oss et bilde av forsikringskortet ditt – sak {{case.number}}',
        'Hei {{patient.firstName}},\n\nFor å komme videre med henvendelsen din trenger vi et tydelig bilde av begge sider av forsikringskortet ditt.\n\nDu kan laste det opp i pasientportalen ({{portal.link}}) eller svare på denne meldingen med bildet vedlagt. Sjekk at navnet ditt, medlemsnummeret og navnet på forsikringsselskapet er lesbare.\n\nSaken din er åpen mens vi venter på bildet.\n\nTakk!\n{{agent.firstName}}, {{organization.name}}',
      ],
    },
  ),
  demoMacro(
    {
      en: 'Test preparation sent',
      es: 'Preparación de la prueba enviada',
      lv: 'Sagatavošanās norādījumi nosūtīti',
      nb: 'Forberedelse til prøve sendt',
    },
    { setCategory: 'test-arrangement', setStatus: 'resolved', addTags: ['preparation-sent'] },
    {
      en: [
        'How to prepare for your test – case {{case.number}}',
        'Hello {{patient.firstName}},\n\nYour test is arranged. We have put the preparation instructions in the patient portal ({{portal.link}}). Please read them a few days before the test: some tests need you to fast or to pause a medicine.\n\nIf anything in the instructions is unclear, or you cannot come at the time given, reply to this message and we will help.\n\nBest regards,\n{{agent.firstName}}, {{organization.name}}',
      ],
      es: [
        'Cómo prepararse para su prueba – caso {{case.number}}',
        'Hola, {{patient.firstName}}:\n\nSu prueba ya está organizada. Hemos dejado las instrucciones de preparación en el portal del paciente ({{portal.link}}). Léalas unos días antes de la prueba: algunas pruebas requieren ayuno o dejar un medicamento durante un tiempo.\n\nSi algo de las instrucciones no está claro o no puede acudir a la hora indicada, responda a este mensaje y le ayudaremos.\n\nUn saludo,\n{{agent.firstName}}, {{organization.name}}',
      ],
      lv: [
        'Kā sagatavoties izmeklējumam – lieta {{case.number}}',
        'Labdien, {{patient.firstName}}!\n\nJūsu izmeklējums ir sarunāts. Sagatavošanās norādījumi ir pieejami pacientu portālā ({{portal.link}}). Lūdzu, izlasiet tos dažas dienas pirms izmeklējuma: dažiem izmeklējumiem jāierodas tukšā dūšā vai uz laiku jāpārtrauc kādu zāļu lietošana.\n\nJa kaut kas norādījumos nav skaidrs vai jūs nevarat ierasties noteiktajā laikā, atbildiet uz šo ziņu, un mēs palīdzēsim.\n\nAr cieņu\n{{agent.firstName}}, {{organization.name}}',
      ],
      nb: [
        'Slik forbereder du deg til prøven – sak {{case.number}}',
        'Hei {{patient.firstName}},\n\nPrøven din er avtalt. Vi har lagt instruksjonene for forberedelse i pasientportalen ({{portal.link}}). Les dem noen dager før prøven: noen prøver krever at du faster eller tar en pause fra en medisin.\n\nHvis noe i instruksjonene er uklart, eller du ikke kan komme til oppsatt tid, kan du svare på denne meldingen, så hjelper vi deg.\n\nVennlig hilsen\n{{agent.firstName}}, {{organization.name}}',
      ],
    },
  ),
];
