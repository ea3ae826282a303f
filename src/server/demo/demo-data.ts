/**
 * The three demo clusters of the SEA4NEB article — Roccavaldina (Sicily), PLOUCS (Landes) and
 * Lūznava (Rēzekne) — with the members the article names and plausible others. Demo only.
 */

import type { MembershipStatus } from '../../domain/clusters/membership.ts';
import type { ClusterRole } from '../../domain/clusters/roles.ts';
import type { ClusterProfileInput } from '../clusters/service.ts';
import type { OrganisationInput } from '../organisations/service.ts';

export const DEMO_PASSWORD = 'kopa-demo-2024';

export interface DemoPerson {
  readonly email: string;
  readonly displayName: string;
  readonly locale: 'lv' | 'en' | 'fr' | 'it';
  readonly roles: readonly ClusterRole[];
  /** Index of the organisation they represent, if any. */
  readonly represents?: number;
}

export interface DemoOrganisation extends OrganisationInput {
  readonly history: readonly { to: MembershipStatus; on: string; reason?: string }[];
}

export interface DemoCluster {
  readonly profile: ClusterProfileInput;
  readonly people: readonly DemoPerson[];
  readonly organisations: readonly DemoOrganisation[];
}

const admitted = (on: string) => [{ to: 'active' as const, on }];

export const DEMO_ADMIN = { email: 'admin@kopa.example', displayName: 'Kopa Admin', locale: 'en' as const };

export const DEMO_CLUSTERS: readonly DemoCluster[] = [
  {
    profile: {
      slug: 'roccavaldina',
      name: 'Roccavaldina — Parco dello splendore e della scienza',
      country: 'IT',
      region: 'Sicilia, Città metropolitana di Messina',
      languages: ['it', 'en'],
      defaultLocale: 'it',
      clusterType: 'spatial',
      description:
        'Un borgo dal ricco patrimonio che rigenera un’area artigianale dismessa in un polo di ricerca, formazione e produzione: centro di ricerca, impianto di bioplastiche, laboratorio di innovazione, oltre 2.000 alberi su un’ex discarica e un hub di inclusione sociale per persone con disabilità.',
      visibility: 'public',
    },
    people: [
      {
        email: 'coordinatrice@roccavaldina.example',
        displayName: 'Giulia Russo',
        locale: 'it',
        roles: ['coordinator'],
      },
      {
        email: 'comune@roccavaldina.example',
        displayName: 'Salvatore Bonanno',
        locale: 'it',
        roles: ['representative'],
        represents: 0,
      },
      {
        email: 'messina@roccavaldina.example',
        displayName: 'Francesca Lombardo',
        locale: 'it',
        roles: ['representative'],
        represents: 1,
      },
      {
        email: 'mediatore@roccavaldina.example',
        displayName: 'Marco Greco',
        locale: 'it',
        roles: ['mediator'],
      },
      {
        email: 'residente@roccavaldina.example',
        displayName: 'Rosa Caruso',
        locale: 'it',
        roles: ['participant'],
      },
      {
        email: 'osservatore@roccavaldina.example',
        displayName: 'Luca Ferrara',
        locale: 'en',
        roles: ['observer'],
      },
    ],
    organisations: [
      {
        name: 'Comune di Roccavaldina',
        legalForm: 'municipality',
        sector: 'government',
        country: 'IT',
        website: '',
        description:
          'Il comune: individua i beneficiari dell’hub di inclusione e fissa i criteri di accessibilità.',
        voteWeight: 1,
        history: admitted('2022-03-01'),
      },
      {
        name: 'Fondazione MeSSInA',
        legalForm: 'foundation',
        sector: 'civil_society',
        country: 'IT',
        website: '',
        description:
          'Fondazione di comunità per lo sviluppo umano e l’economia sociale del territorio messinese.',
        voteWeight: 1,
        history: admitted('2022-03-01'),
      },
      {
        name: 'Ecos-Med Società Cooperativa Sociale',
        legalForm: 'social_cooperative',
        sector: 'civil_society',
        country: 'IT',
        website: '',
        description: 'Cooperativa sociale: inserimento lavorativo, economia circolare, bioplastiche.',
        voteWeight: 1,
        history: admitted('2022-03-01'),
      },
      {
        name: 'Fondazione Horcynus Orca',
        legalForm: 'foundation',
        sector: 'civil_society',
        country: 'IT',
        website: '',
        description: 'Fondazione per l’arte, la ricerca e l’innovazione sociale nello Stretto di Messina.',
        voteWeight: 1,
        history: admitted('2022-03-01'),
      },
      {
        name: 'Università degli Studi di Messina',
        legalForm: 'university',
        sector: 'academia',
        country: 'IT',
        website: '',
        description: 'Ricerca sui materiali bioplastici e sulla riforestazione.',
        voteWeight: 1,
        history: admitted('2022-09-15'),
      },
      {
        name: 'Camera di Commercio di Messina',
        legalForm: 'chamber',
        sector: 'industry',
        country: 'IT',
        website: '',
        description: 'Sostegno alle imprese del territorio.',
        voteWeight: 1,
        history: admitted('2023-01-10'),
      },
      {
        name: 'Bioplastiche Peloritane S.r.l.',
        legalForm: 'company',
        sector: 'industry',
        country: 'IT',
        website: '',
        description: 'PMI per la produzione di bioplastiche da scarti agricoli.',
        voteWeight: 1,
        history: admitted('2023-05-02'),
      },
      {
        name: 'Associazione Amici del Bosco di Roccavaldina',
        legalForm: 'association',
        sector: 'civil_society',
        country: 'IT',
        website: '',
        description: 'Volontari per la piantumazione e la cura del nuovo bosco.',
        voteWeight: 1,
        history: [],
      },
      {
        name: 'Laboratorio Artigiano Valdina',
        legalForm: 'sole_trader',
        sector: 'industry',
        country: 'IT',
        website: '',
        description: 'Bottega di ceramica e restauro.',
        voteWeight: 1,
        history: [
          { to: 'active', on: '2023-02-01' },
          { to: 'suspended', on: '2024-06-01', reason: 'Quote associative non versate per due anni.' },
        ],
      },
    ],
  },
  {
    profile: {
      slug: 'ploucs',
      name: 'PLOUCS — Pôle territorial de coopération économique des Landes',
      country: 'FR',
      region: 'Nouvelle-Aquitaine, Landes',
      languages: ['fr', 'en'],
      defaultLocale: 'fr',
      clusterType: 'sectoral',
      description:
        'Pôle territorial de coopération économique fondé en 2017 par quatre associations et une coopérative d’activité et d’emploi : incubateur de projets d’ESS, Coopératives Jeunesse de Services, diffusion artistique (Landes’Art), économie circulaire et agriculture durable. Les membres sont des personnes morales.',
      visibility: 'public',
    },
    people: [
      {
        email: 'coordination@ploucs.example',
        displayName: 'Camille Dupont',
        locale: 'fr',
        roles: ['coordinator'],
      },
      {
        email: 'cae@ploucs.example',
        displayName: 'Julien Lacoste',
        locale: 'fr',
        roles: ['representative'],
        represents: 0,
      },
      {
        email: 'landesart@ploucs.example',
        displayName: 'Élodie Darrigade',
        locale: 'fr',
        roles: ['representative'],
        represents: 1,
      },
      { email: 'mediation@ploucs.example', displayName: 'Sophie Labat', locale: 'fr', roles: ['mediator'] },
      { email: 'habitant@ploucs.example', displayName: 'Pierre Dufau', locale: 'fr', roles: ['participant'] },
    ],
    organisations: [
      {
        name: 'Coopérative d’activité et d’emploi des Landes',
        legalForm: 'business_employment_cooperative',
        sector: 'industry',
        country: 'FR',
        website: '',
        description: 'CAE fondatrice, porteuse juridique des Coopératives Jeunesse de Services.',
        voteWeight: 1,
        history: admitted('2017-06-01'),
      },
      {
        name: 'Association Landes’Art',
        legalForm: 'association',
        sector: 'civil_society',
        country: 'FR',
        website: '',
        description: 'Diffusion artistique en milieu rural.',
        voteWeight: 1,
        history: admitted('2017-06-01'),
      },
      {
        name: 'Association Kess’Essa',
        legalForm: 'association',
        sector: 'civil_society',
        country: 'FR',
        website: '',
        description: 'Outils pédagogiques pour découvrir l’économie sociale et solidaire.',
        voteWeight: 1,
        history: admitted('2017-06-01'),
      },
      {
        name: 'Ressourcerie des Landes',
        legalForm: 'association',
        sector: 'civil_society',
        country: 'FR',
        website: '',
        description: 'Réemploi, réparation et sensibilisation à l’économie circulaire.',
        voteWeight: 1,
        history: admitted('2017-06-01'),
      },
      {
        name: 'Association Jeunesse et Coopération',
        legalForm: 'association',
        sector: 'civil_society',
        country: 'FR',
        website: '',
        description: 'Éducation populaire et accompagnement des jeunes.',
        voteWeight: 1,
        history: admitted('2017-06-01'),
      },
      {
        name: 'SCIC Bois et Forêt des Landes',
        legalForm: 'scic',
        sector: 'industry',
        country: 'FR',
        website: '',
        description: 'Filière bois locale en société coopérative d’intérêt collectif.',
        voteWeight: 1,
        history: admitted('2019-03-12'),
      },
      {
        name: 'Université de Pau et des Pays de l’Adour',
        legalForm: 'university',
        sector: 'academia',
        country: 'FR',
        website: '',
        description: 'Recherche-action sur les pôles territoriaux de coopération.',
        voteWeight: 1,
        history: admitted('2020-10-01'),
      },
      {
        name: 'Communauté d’agglomération du Marsan',
        legalForm: 'public_body',
        sector: 'government',
        country: 'FR',
        website: '',
        description: 'Partenaire public de l’incubateur.',
        voteWeight: 1,
        history: admitted('2018-01-15'),
      },
      {
        name: 'Ferme du Marsan SARL',
        legalForm: 'company',
        sector: 'industry',
        country: 'FR',
        website: '',
        description: 'Maraîchage biologique et circuits courts.',
        voteWeight: 1,
        history: [],
      },
      {
        name: 'Atelier vélo solidaire',
        legalForm: 'association',
        sector: 'civil_society',
        country: 'FR',
        website: '',
        description: 'Atelier participatif de réparation de vélos.',
        voteWeight: 1,
        history: [
          { to: 'active', on: '2019-05-01' },
          { to: 'left', on: '2023-12-31', reason: 'Dissolution de l’association.' },
        ],
      },
    ],
  },
  {
    profile: {
      slug: 'luznava',
      name: 'Lūznavas muižas sociālās ekonomikas klasteris',
      country: 'LV',
      region: 'Latgale, Rēzeknes novads',
      languages: ['lv', 'en'],
      defaultLocale: 'lv',
      clusterType: 'spatial',
      description:
        'Lūznavas muiža kopš 2015. gada ir iekļaujoša kultūras vieta: identificēti vairāk nekā 40 potenciāli sociālie uzņēmumi, ikmēneša semināri, “resursu tirgus” pārstrādes darbnīca, priekšfinansēšanas mehānisms NVO ES projektiem un plānots centrs vecajā koka skolā.',
      visibility: 'public',
    },
    people: [
      {
        email: 'koordinatore@luznava.example',
        displayName: 'Ilze Bērziņa',
        locale: 'lv',
        roles: ['coordinator'],
      },
      {
        email: 'novads@luznava.example',
        displayName: 'Jānis Ozols',
        locale: 'lv',
        roles: ['representative'],
        represents: 0,
      },
      {
        email: 'lsua@luznava.example',
        displayName: 'Anna Kalniņa',
        locale: 'lv',
        roles: ['representative'],
        represents: 2,
      },
      {
        email: 'mediators@luznava.example',
        displayName: 'Pēteris Liepiņš',
        locale: 'lv',
        roles: ['mediator'],
      },
      {
        email: 'iedzivotaja@luznava.example',
        displayName: 'Marta Zariņa',
        locale: 'lv',
        roles: ['participant'],
      },
    ],
    organisations: [
      {
        name: 'Rēzeknes novada pašvaldība',
        legalForm: 'municipality',
        sector: 'government',
        country: 'LV',
        website: '',
        description: 'Pašvaldība, Lūznavas muižas īpašniece.',
        voteWeight: 1,
        history: admitted('2021-02-01'),
      },
      {
        name: 'Lūznavas muiža',
        legalForm: 'public_body',
        sector: 'government',
        country: 'LV',
        website: '',
        description: 'Iekļaujoša kultūras vieta un klastera mājvieta.',
        voteWeight: 1,
        history: admitted('2021-02-01'),
      },
      {
        name: 'Latvijas Sociālās uzņēmējdarbības asociācija',
        legalForm: 'association',
        sector: 'civil_society',
        country: 'LV',
        website: '',
        description: 'SEA4NEB partneris Latvijā.',
        voteWeight: 1,
        history: admitted('2021-02-01'),
      },
      {
        name: 'Biedrība “Resursu tirgus”',
        legalForm: 'association',
        sector: 'civil_society',
        country: 'LV',
        website: '',
        description: 'Pārstrādes un atkārtotas izmantošanas darbnīca.',
        voteWeight: 1,
        history: admitted('2022-04-20'),
      },
      {
        name: 'Rēzeknes Tehnoloģiju akadēmija',
        legalForm: 'university',
        sector: 'academia',
        country: 'LV',
        website: '',
        description: 'Pētniecība un izglītība reģiona attīstībai.',
        voteWeight: 1,
        history: admitted('2022-09-01'),
      },
      {
        name: 'Latvijas Tirdzniecības un rūpniecības kamera, Latgales nodaļa',
        legalForm: 'chamber',
        sector: 'industry',
        country: 'LV',
        website: '',
        description: 'Uzņēmēju atbalsts Latgalē.',
        voteWeight: 1,
        history: admitted('2023-03-15'),
      },
      {
        name: 'SIA “Latgales amatnieki”',
        legalForm: 'company',
        sector: 'industry',
        country: 'LV',
        website: '',
        description: 'Keramikas un koka amatniecības darbnīca.',
        voteWeight: 1,
        history: admitted('2023-06-01'),
      },
      {
        name: 'Sociālais uzņēmums “Koka skola”',
        legalForm: 'social_enterprise',
        sector: 'civil_society',
        country: 'LV',
        website: '',
        description: 'Topošais centrs vecajā koka skolā.',
        voteWeight: 1,
        history: [],
      },
    ],
  },
];
