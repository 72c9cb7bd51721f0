import type { SeededRandom } from './seeded-random.js';

/** First and last names per country (comma-separated), with the diacritics and particles real buyers have. */
const LATIN: Readonly<Record<string, readonly [string, string]>> = {
  US: [
    'James,Mary,Robert,Patricia,Michael,Jennifer,Luis,Aaliyah,DeShawn,Chloé',
    "Smith,Johnson,O'Connor,García,Nguyen,Brown,Kowalski-Reed",
  ],
  CA: ['Liam,Olivia,Noah,Émilie,Jean-François,Aiden', 'Tremblay,Gagnon,Roy,MacDonald,Singh,Côté'],
  IN: ['Aarav,Priya,Rohan,Ananya,Vikram,Lakshmi', 'Sharma,Patel,Iyer,Reddy,Gupta,Nair'],
  GB: ['Oliver,Amelia,Harry,Isla,George,Siobhán', "Smith,Jones,Taylor,O'Brien,Davies,Ní Bhriain"],
  DE: ['Jürgen,Anna,Lukas,Sophie,Maximilian,Gülşen', 'Müller,Schmidt,Schneider,Weiß,Groß,Öztürk'],
  FR: ['Amélie,Louis,Chloé,François,Léa,Hélène', "Dubois,Martin,Lefèvre,D'Almeida,Girard,Moreau"],
  IT: ['Giulia,Francesco,Sofia,Niccolò,Chiara,Matteo', "Rossi,Russo,Bianchi,D'Angelo,Esposito,Ricci"],
  ES: ['Lucía,Hugo,Martina,José María,Íñigo,Begoña', 'García Fernández,Núñez,López,Martínez,Ibáñez'],
  NL: ['Daan,Emma,Sem,Julia,Bram,Fenna', 'de Jong,Jansen,van den Berg,Bakker,Visser,de Vries'],
  BE: ['Lars,Elise,Noah,Marie,Arthur,Louise', 'Peeters,Janssens,Maes,Dubois,Lambert,Claes'],
  SE: ['Erik,Astrid,Lars,Ingrid,Björn,Åsa', 'Andersson,Johansson,Karlsson,Nilsson,Öberg,Lindström'],
  PL: ['Jakub,Zofia,Łukasz,Małgorzata,Paweł,Agnieszka', 'Nowak,Kowalski,Wiśniewski,Wójcik,Kamiński,Zieliński'],
};

const JAPANESE: readonly [readonly string[], readonly string[]] = [
  ['太郎', '花子', '翔太', '美咲', '健一', '陽菜'],
  ['山田', '佐藤', '鈴木', '高橋', '田中', '渡辺'],
];

/** Full names in other scripts: buyers abroad write their own. */
const OTHER_SCRIPTS: readonly string[] = [
  'Γιώργος Παπαδόπουλος',
  'Μαρία Κωνσταντίνου',
  'Иван Петров',
  'Ольга Смирнова',
  'محمد العلي',
  'فاطمة الزهراء',
];

/** People with a single name (common in some countries; breaks first/last splitting). */
const ONE_WORD: readonly string[] = ['Sukarno', 'Ngozi', 'Teller', 'Madhu', 'Oyelaran'];

const COMPANIES: readonly string[] = [
  'Müller & Söhne GmbH',
  'Acme Supplies Ltd',
  'Wilson Electronics Ltd',
  'Société Générale de Bureau SARL',
  'Tecnologia Rossi S.r.l.',
  'Nordic Office AB',
  'Pacific Trading Co., Inc.',
  '株式会社サンプル商事',
];

export function pickCompany(rng: SeededRandom): string {
  return rng.pick(COMPANIES);
}

/** A buyer or recipient name for a country: mostly local, sometimes another script or one word. */
export function pickPersonName(rng: SeededRandom, country: string): string {
  const roll = rng.next();
  if (country === 'JP' && roll < 0.85) return `${rng.pick(JAPANESE[1])} ${rng.pick(JAPANESE[0])}`;
  if (roll < 0.05) return rng.pick(OTHER_SCRIPTS);
  if (roll < 0.08) return rng.pick(ONE_WORD);
  const [first, last] = LATIN[country] ?? LATIN.US ?? ['Alex', 'Doe'];
  return `${rng.pick(first.split(','))} ${rng.pick(last.split(','))}`;
}
