import type { MacroInput } from '@caredesk/core';
import { demoMacro } from './demo-macro-types';

/**
 * Demo macros, part 2: bills, financial help, closing a request and a follow-up call.
 * The text in square brackets is for the agent to replace before sending.
 */
export const FOLLOW_UP_MACROS: MacroInput[] = [
  demoMacro(
    {
      en: 'Bill explained',
      es: 'Factura explicada',
      lv: 'Rēķins paskaidrots',
      nb: 'Regning forklart',
    },
    { setCategory: 'billing-question', setStatus: 'resolved', addTags: ['billing'] },
    {
      en: [
        'About your bill – case {{case.number}}',
        'Hello {{patient.firstName}},\n\nThank you for your question about your bill. We have gone through it line by line:\n\n[Explain the charges here: what each line is for, what your insurer paid and what is left for you to pay.]\n\nIf you cannot pay the amount at once, we can agree a payment plan, and you may be able to get financial help. Just reply to this message.\n\nBest regards,\n{{agent.firstName}}, {{organization.name}}',
      ],
      es: [
        'Sobre su factura – caso {{case.number}}',
        'Hola, {{patient.firstName}}:\n\nGracias por su consulta sobre la factura. La hemos revisado línea por línea:\n\n[Explique aquí los cargos: a qué corresponde cada línea, qué pagó su aseguradora y qué le queda por pagar.]\n\nSi no puede pagar el importe de una vez, podemos acordar un plan de pagos, y quizá pueda recibir ayuda económica. Solo tiene que responder a este mensaje.\n\nUn saludo,\n{{agent.firstName}}, {{organization.name}}',
      ],
      lv: [
        'Par jūsu rēķinu – lieta {{case.number}}',
        'Labdien, {{patient.firstName}}!\n\nPaldies par jautājumu par rēķinu. Esam to pārskatījuši pa rindiņai:\n\n[Šeit paskaidrojiet maksājumus: par ko ir katra rinda, ko samaksāja apdrošinātājs un cik atliek samaksāt pacientam.]\n\nJa nevarat samaksāt visu summu uzreiz, varam vienoties par maksājumu grafiku, un, iespējams, jums pienākas finansiāla palīdzība. Vienkārši atbildiet uz šo ziņu.\n\nAr cieņu\n{{agent.firstName}}, {{organization.name}}',
      ],
      nb: [
        'Om regningen din – sak {{case.number}}',
        'Hei {{patient.firstName}},\n\nTakk for spørsmålet om regningen. Vi har gått gjennom den linje for linje:\n\n[Forklar beløpene her: hva hver linje gjelder, hva forsikringen dekket, og hva som gjenstår for deg å betale.]\n\nHvis du ikke kan betale hele beløpet på én gang, kan vi avtale en nedbetalingsplan, og du kan kanskje få økonomisk hjelp. Svar bare på denne meldingen.\n\nVennlig hilsen\n{{agent.firstName}}, {{organization.name}}',
      ],
    },
  ),
  demoMacro(
    {
      en: 'Financial-help application received',
      es: 'Solicitud de ayuda económica recibida',
      lv: 'Finansiālās palīdzības pieteikums saņemts',
      nb: 'Søknad om økonomisk hjelp mottatt',
    },
    {
      setCategory: 'financial-assistance',
      setStatus: 'pending-third-party',
      addTags: ['financial-help'],
    },
    {
      en: [
        'We have received your application for financial help – case {{case.number}}',
        'Hello {{patient.firstName}},\n\nWe have received your application for financial help. Our financial counsellor will review it and may contact you if we need more documents, such as proof of income.\n\nWhile your application is being reviewed, we will not send the bills it covers to collection.\n\nExpected answer: {{case.dueDate}}\n\nBest regards,\n{{agent.firstName}}, {{organization.name}}',
      ],
      es: [
        'Hemos recibido su solicitud de ayuda económica – caso {{case.number}}',
        'Hola, {{patient.firstName}}:\n\nHemos recibido su solicitud de ayuda económica. Nuestro asesor financiero la revisará y puede que se ponga en contacto con usted si necesitamos más documentos, como un justificante de ingresos.\n\nMientras revisamos su solicitud, no enviaremos a cobro las facturas que incluye.\n\nRespuesta prevista: {{case.dueDate}}\n\nUn saludo,\n{{agent.firstName}}, {{organization.name}}',
      ],
      lv: [
        'Esam saņēmuši jūsu pieteikumu finansiālajai palīdzībai – lieta {{case.number}}',
        'Labdien, {{patient.firstName}}!\n\nEsam saņēmuši jūsu pieteikumu finansiālajai palīdzībai. Mūsu finanšu konsultants to izskatīs un sazināsies ar jums, ja būs vajadzīgi papildu dokumenti, piemēram, ienākumu apliecinājums.\n\nKamēr pieteikums tiek izskatīts, mēs nenodosim piedziņai rēķinus, uz kuriem tas attiecas.\n\nParedzamā atbilde: {{case.dueDate}}\n\nAr cieņu\n{{agent.firstName}}, {{organization.name}}',
      ],
      nb: [
        'Vi har mottatt søknaden din om økonomisk hjelp – sak {{case.number}}',
        'Hei {{patient.firstName}},\n\nVi har mottatt søknaden din om økonomisk hjelp. Økonomiveilederen vår går gjennom den og tar kontakt hvis vi trenger flere dokumenter, for eksempel dokumentasjon på inntekt.\n\nMens søknaden behandles, sender vi ikke regningene den gjelder, til inkasso.\n\nForventet svar: {{case.dueDate}}\n\nVennlig hilsen\n{{agent.firstName}}, {{organization.name}}',
      ],
    },
  ),
  demoMacro(
    {
      en: 'Request resolved',
      es: 'Solicitud resuelta',
      lv: 'Pieprasījums atrisināts',
      nb: 'Henvendelse løst',
    },
    { setStatus: 'resolved' },
    {
      en: [
        'Your request is resolved – case {{case.number}}',
        'Hello {{patient.firstName}},\n\nWe are glad to let you know that your request “{{case.subject}}” is now resolved.\n\nIf something is still not right, reply to this message within 7 days and we will open the case again. You will also get a short survey: we would be grateful to hear how we did.\n\nBest regards,\n{{agent.firstName}}, {{organization.name}}',
      ],
      es: [
        'Su solicitud está resuelta – caso {{case.number}}',
        'Hola, {{patient.firstName}}:\n\nNos alegra comunicarle que su solicitud «{{case.subject}}» ya está resuelta.\n\nSi algo sigue sin estar bien, responda a este mensaje en un plazo de 7 días y volveremos a abrir el caso. También recibirá una breve encuesta: nos ayudará mucho conocer su opinión.\n\nUn saludo,\n{{agent.firstName}}, {{organization.name}}',
      ],
      lv: [
        'Jūsu pieprasījums ir atrisināts – lieta {{case.number}}',
        'Labdien, {{patient.firstName}}!\n\nAr prieku paziņojam, ka jūsu pieprasījums “{{case.subject}}” ir atrisināts.\n\nJa kaut kas joprojām nav kārtībā, atbildiet uz šo ziņu 7 dienu laikā, un mēs lietu atvērsim no jauna. Jūs saņemsiet arī īsu aptauju: būsim pateicīgi par jūsu vērtējumu.\n\nAr cieņu\n{{agent.firstName}}, {{organization.name}}',
      ],
      nb: [
        'Henvendelsen din er løst – sak {{case.number}}',
        'Hei {{patient.firstName}},\n\nVi er glade for å kunne fortelle at henvendelsen din «{{case.subject}}» nå er løst.\n\nHvis noe fortsatt ikke er i orden, kan du svare på denne meldingen innen 7 dager, så åpner vi saken igjen. Du får også en kort spørreundersøkelse: vi setter stor pris på å høre hvordan vi gjorde det.\n\nVennlig hilsen\n{{agent.firstName}}, {{organization.name}}',
      ],
    },
  ),
  demoMacro(
    {
      en: 'Follow-up call scheduled',
      es: 'Llamada de seguimiento programada',
      lv: 'Kontrolzvans ieplānots',
      nb: 'Oppfølgingssamtale avtalt',
    },
    { addTags: ['follow-up-call'] },
    {
      en: [
        'We will call you – case {{case.number}}',
        'Hello {{patient.firstName}},\n\nWe have set up a follow-up call with you to hear how you are doing.\n\nTime of the call: {{case.dueDate}}\n\nWe will call the phone number we have on file. If that time does not suit you, or your number has changed, reply to this message or update your number in the patient portal: {{portal.link}}\n\nBest regards,\n{{agent.firstName}}, {{organization.name}}',
      ],
      es: [
        'Le llamaremos – caso {{case.number}}',
        'Hola, {{patient.firstName}}:\n\nHemos programado una llamada de seguimiento para saber cómo se encuentra.\n\nHora de la llamada: {{case.dueDate}}\n\nLe llamaremos al número de teléfono que tenemos registrado. Si esa hora no le viene bien o su número ha cambiado, responda a este mensaje o actualícelo en el portal del paciente: {{portal.link}}\n\nUn saludo,\n{{agent.firstName}}, {{organization.name}}',
      ],
      lv: [
        'Mēs jums piezvanīsim – lieta {{case.number}}',
        'Labdien, {{patient.firstName}}!\n\nEsam ieplānojuši jums piezvanīt, lai uzzinātu, kā jums klājas.\n\nZvana laiks: {{case.dueDate}}\n\nZvanīsim uz tālruņa numuru, kas norādīts jūsu datos. Ja šis laiks jums neder vai jūsu numurs ir mainījies, atbildiet uz šo ziņu vai atjauniniet numuru pacientu portālā: {{portal.link}}\n\nAr cieņu\n{{agent.firstName}}, {{organization.name}}',
      ],
      nb: [
        'Vi ringer deg – sak {{case.number}}',
        'Hei {{patient.firstName}},\n\nVi har satt opp en oppfølgingssamtale på telefon for å høre hvordan det går med deg.\n\nTidspunkt: {{case.dueDate}}\n\nVi ringer nummeret vi har registrert på deg. Hvis tidspunktet ikke passer, eller nummeret ditt er endret, kan du svare på denne meldingen eller oppdatere nummeret i pasientportalen: {{portal.link}}\n\nVennlig hilsen\n{{agent.firstName}}, {{organization.name}}',
      ],
    },
  ),
];
