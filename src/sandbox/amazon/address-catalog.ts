/** Street, city and phone data per country for generated delivery addresses. */
export interface CountryAddressData {
  /** [city, postal code, state or region] */
  cities: readonly (readonly [string, string, string])[];
  streets: readonly string[];
  /** "12 High Street" (true) or "Hauptstraße 12" (false). */
  numberFirst: boolean;
  phonePrefix: string;
  line2: readonly string[];
}

const rows = (text: string): (readonly [string, string, string])[] =>
  text.split(';').map((row) => {
    const [city = '', postal = '', region = ''] = row.split('|');
    return [city.trim(), postal.trim(), region.trim()] as const;
  });

export const ADDRESS_DATA: Readonly<Record<string, CountryAddressData>> = {
  US: {
    cities: rows(
      'Seattle|98101|WA;Los Angeles|90012|CA;New York|10001|NY;Austin|78701|TX;Miami|33101|FL;' +
        'Chicago|60601|IL;Portland|97201|OR;Philadelphia|19103|PA;Boston|02108|MA;Denver|80202|CO',
    ),
    streets: ['Main Street', 'Oak Avenue', 'Pine Road', 'Maple Drive', 'Cedar Lane', 'Elm Street', 'Broadway'],
    numberFirst: true,
    phonePrefix: '+1 206 555',
    line2: ['Apt 4B', 'Suite 200', 'Unit 12', 'Floor 3'],
  },
  CA: {
    cities: rows('Toronto|M5V 2T6|ON;Montréal|H3B 1A7|QC;Vancouver|V6B 1A1|BC;Calgary|T2P 1J9|AB;Halifax|B3H 1A1|NS'),
    streets: ['King Street West', 'Rue Sainte-Catherine', 'Granville Street', 'Jasper Avenue'],
    numberFirst: true,
    phonePrefix: '+1 416 555',
    line2: ['Apt 1203', 'Suite 400', 'Unit 7'],
  },
  JP: {
    cities: rows(
      '渋谷区|150-0002|東京都;大阪市北区|530-0001|大阪府;横浜市西区|220-0012|神奈川県;' +
        '札幌市中央区|060-0001|北海道;福岡市博多区|812-0011|福岡県',
    ),
    streets: ['渋谷2-21-1', '梅田3-1-3', 'みなとみらい2-2-1', '北1条西2-1', '博多駅中央街1-1'],
    numberFirst: true,
    phonePrefix: '+81 3 5555',
    line2: ['ヒカリエ 11F', 'グランフロント 305号室', 'ランドマークタワー 20F'],
  },
  IN: {
    cities: rows(
      'Mumbai|400001|Maharashtra;Bengaluru|560001|Karnataka;New Delhi|110001|Delhi;Chennai|600001|Tamil Nadu',
    ),
    streets: ['MG Road', 'Linking Road', 'Anna Salai', 'Connaught Place'],
    numberFirst: true,
    phonePrefix: '+91 98 4555',
    line2: ['Flat 302, Shanti Apartments', 'Near City Mall', 'Opp. Railway Station'],
  },
  GB: {
    cities: rows(
      'London|SW1A 1AA|Greater London;Manchester|M1 2AB|Greater Manchester;Edinburgh|EH1 1YZ|Scotland;' +
        'Cardiff|CF10 1EP|Wales;Belfast|BT1 5GS|Northern Ireland;Bristol|BS1 4DJ|Bristol',
    ),
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', "King's Road"],
    numberFirst: true,
    phonePrefix: '+44 20 7946',
    line2: ['Flat 2A', 'Unit 4B', 'Rose Cottage'],
  },
  DE: {
    cities: rows(
      'Berlin|10115|Berlin;München|80331|Bayern;Hamburg|20095|Hamburg;Köln|50667|Nordrhein-Westfalen;' +
        'Frankfurt am Main|60311|Hessen;Stuttgart|70173|Baden-Württemberg',
    ),
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Goethestraße', 'Lindenallee', 'Müllerstraße'],
    numberFirst: false,
    phonePrefix: '+49 30 5555',
    line2: ['c/o Schmidt', 'Hinterhaus, 3. OG', 'Packstation 123'],
  },
  FR: {
    cities: rows(
      "Paris|75001|Île-de-France;Lyon|69002|Auvergne-Rhône-Alpes;Marseille|13001|Provence-Alpes-Côte d'Azur;" +
        'Toulouse|31000|Occitanie;Lille|59000|Hauts-de-France',
    ),
    streets: ['rue de la Paix', 'avenue des Champs-Élysées', 'boulevard Voltaire', 'rue Victor Hugo'],
    numberFirst: true,
    phonePrefix: '+33 1 5555',
    line2: ['Bâtiment B', 'Appartement 12', 'Escalier C, 4e étage'],
  },
  IT: {
    cities: rows('Roma|00184|RM;Milano|20121|MI;Napoli|80132|NA;Torino|10121|TO;Firenze|50122|FI'),
    streets: ['Via Roma', 'Via Garibaldi', 'Corso Vittorio Emanuele II', 'Via Dante'],
    numberFirst: false,
    phonePrefix: '+39 06 5555',
    line2: ['Scala B, Interno 7', 'Piano 3'],
  },
  ES: {
    cities: rows('Madrid|28013|Madrid;Barcelona|08002|Barcelona;Valencia|46002|Valencia;Sevilla|41001|Sevilla'),
    streets: ['Calle Mayor', 'Gran Vía', 'Calle de Alcalá', 'Avenida de la Constitución'],
    numberFirst: false,
    phonePrefix: '+34 91 555',
    line2: ['3º B', 'Escalera 2, 1º Izq.'],
  },
  NL: {
    cities: rows('Amsterdam|1012 JS|Noord-Holland;Rotterdam|3011 AD|Zuid-Holland;Utrecht|3511 LX|Utrecht'),
    streets: ['Damrak', 'Kalverstraat', 'Coolsingel', 'Oudegracht'],
    numberFirst: false,
    phonePrefix: '+31 20 555',
    line2: ['3 hoog', 'Bus 2'],
  },
  BE: {
    cities: rows('Bruxelles|1000|Bruxelles-Capitale;Antwerpen|2000|Antwerpen;Gent|9000|Oost-Vlaanderen'),
    streets: ['Rue Neuve', 'Meir', 'Veldstraat'],
    numberFirst: false,
    phonePrefix: '+32 2 555',
    line2: ['Boîte 3', 'Bus 12'],
  },
  SE: {
    cities: rows('Stockholm|111 20|Stockholm;Göteborg|411 01|Västra Götaland;Malmö|211 20|Skåne'),
    streets: ['Drottninggatan', 'Kungsgatan', 'Södergatan'],
    numberFirst: false,
    phonePrefix: '+46 8 555',
    line2: ['Lgh 1102', 'c/o Andersson'],
  },
  PL: {
    cities: rows('Warszawa|00-001|Mazowieckie;Kraków|31-001|Małopolskie;Gdańsk|80-001|Pomorskie'),
    streets: ['ul. Marszałkowska', 'ul. Floriańska', 'ul. Długa'],
    numberFirst: false,
    phonePrefix: '+48 22 555',
    line2: ['m. 14', 'lok. 3'],
  },
};
