/**
 * Words that say nothing about what a message is about, in the four languages, already
 * folded (no accents, lower case). Besides each language's function words, the polite
 * filler every message to a help desk carries ("hello", "please", "thank you", "I have a
 * question") is here too: it would otherwise match every article that says it.
 */
const ENGLISH = `a about above after again against all also am an and any are aren as at be
because been before being below between both but by can cannot could did do does doing don
down during each few for from further had has have having he her here hers herself him himself
his how i if in into is isn it its itself just let me more most my myself no nor not now of off
on once only or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours
yourself yourselves hello hi dear thanks thank please regards kind best question questions
help need needs want wanted would like get got know tell could can also still yet ok okay sorry
morning afternoon evening today yesterday tomorrow`;

const SPANISH = `a al algo algunas algunos ante antes como con contra cual cuando de del desde
donde durante e el ella ellas ellos en entre era eran es esa esas ese eso esos esta estaba
estado estan estar estas este esto estos estoy fue fueron ha habia han hasta hay la las le les
lo los mas me mi mis mucho muy nada ni no nos nosotros o os otra otras otro otros para pero poco
por porque que quien se sea ser si sin sobre soy su sus tambien tanto te tengo tiene tienen
todo todos tu tus un una uno unos usted ustedes y ya yo hola buenos buenas dias tardes noches
gracias favor saludos estimado estimada pregunta preguntas ayuda necesito quiero quisiera
puedo puede podria hoy ayer manana`;

const LATVIAN = `un ar par uz no pie pa ka ko kas kur kad ja jo bet vai ir nav bija bus
es tu vins vina mes jus vini vinas man tev vinam vinai mums jums vinu mans mana mani manas tavs
tava savs sava sevi sis si sie tas ta tie tas ari vel jau tikai loti kads kada kadi kadas
tad tur te seit citi cita cits visi visas viss bez lai kaut gan ne nu sveiki labdien sveiks
paldies ludzu ludzam jautajums jautajumi palidziba vajag vajadzetu gribu gribetu varu var
varetu sodien vakar rit`;

const NORWEGIAN = `og i jeg det at en et den til er som pa de med han av ikke der sa var meg
seg men ett har om vi min mitt ha hadde hun na over da ved fra du ut sin dem oss opp man kan
hans hvor eller hva skal selv sjol her alle vil bli ble blitt kunne inn nar vaere kom noen
noe ville dere deres kun ja etter ned skulle denne for deg si sine sitt mot a meget hvorfor dette
disse uten hvordan ingen din ditt blir samme hvilken hvilke sann inni mellom var vart hei hallo
takk tusen vennlig hilsen sporsmal hjelp trenger onsker lurer gjerne kanskje
idag igar imorgen`;

export const STOPWORDS: ReadonlySet<string> = new Set(
  [ENGLISH, SPANISH, LATVIAN, NORWEGIAN].flatMap((list) => list.split(/\s+/).filter(Boolean)),
);
