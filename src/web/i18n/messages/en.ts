/**
 * English messages (ICU MessageFormat). This catalogue defines the keys: lv, fr and it must have
 * exactly the same ones (checked by the compiler and by messages.test.ts).
 */
export const en = {
  // common
  'common.loading': 'Loading…',
  'common.loadMore': 'Load more',
  'common.other': 'Other',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.save': 'Save changes',
  'common.saved': 'Your changes are saved.',
  'common.none': 'None',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.back': 'Back',
  'error.network': 'Kopa could not be reached. Check your connection and try again.',
  'error.unexpected': 'Something went wrong. Please try again.',
  'error.loadFailed': 'This could not be loaded.',
  'form.optional': '(optional)',
  'form.sending': 'Sending…',
  'validation.required': 'This field is required.',
  'validation.email': 'Enter an e-mail address, such as name@example.org.',
  'validation.tooShort': 'Use at least {min} characters.',
  'validation.tooLong': 'Use at most {max} characters.',
  'validation.number': 'Enter a whole number in the allowed range.',
  'validation.format': 'This value does not have the expected format.',
  'validation.invalid': 'This value is not valid.',

  // frame
  'nav.skipToContent': 'Skip to main content',
  'nav.main': 'Main',
  'nav.home': 'home',
  'nav.clusters': 'Clusters',
  'nav.outbox': 'Outbox',
  'nav.account': 'Account ({name})',
  'nav.signIn': 'Sign in',
  'nav.signUp': 'Create an account',
  'nav.signOut': 'Sign out',
  'locale.switcher': 'Language',
  'footer.about':
    'Kopa — one place for a social-economy cluster: members, co-design, funding and a public log anyone can verify.',
  'footer.api': 'API documentation',
  'footer.licence': 'Free software (AGPL-3.0)',
  'session.signedIn': 'You are signed in.',
  'session.signedOut': 'You are signed out.',

  // home
  'home.title': 'Social-economy clusters',
  'home.heading': 'Regenerate a place, together',
  'home.lead':
    'Kopa is where a social-economy cluster lives: the co-operatives, associations, municipalities, universities and residents of one territory, their members and decisions, in their own languages — with a public log anyone can check.',
  'home.createCluster': 'Start a cluster',
  'home.pillarsHeading': 'What a cluster does with Kopa',
  'home.pillar.funding.title': 'Financial sustainability',
  'home.pillar.funding.text':
    'Diversify funding beyond the first grant and keep value circulating in the local economy.',
  'home.pillar.engagement.title': 'Stakeholder engagement',
  'home.pillar.engagement.text':
    'Co-design with public bodies, the third sector, academia and residents — and show what came of each idea.',
  'home.pillar.transparency.title': 'Transparent governance',
  'home.pillar.transparency.text':
    'Members, decisions and changes on a tamper-evident public record that anyone can verify.',
  'home.myClusters': 'Your clusters',
  'home.allClusters': 'Clusters on this Kopa',
  'home.noClusters': 'There are no clusters yet. Start the first one.',

  // accounts
  'field.email': 'E-mail address',
  'field.password': 'Password',
  'field.newPassword': 'Choose a password',
  'field.password.help':
    'At least {min} characters. A few words in a row make a strong password that is easy to remember.',
  'field.displayName': 'Your name',
  'field.displayName.help': 'As others in your clusters will see it.',
  'field.locale': 'Language',
  'field.locale.help': 'For Kopa’s pages and the e-mails it sends you.',
  'signIn.title': 'Sign in',
  'signIn.submit': 'Sign in',
  'signIn.forgot': 'Forgot your password?',
  'signIn.noAccount': 'New to Kopa? <link>Create an account</link>.',
  'signUp.title': 'Create an account',
  'signUp.lead': 'One account for every cluster you take part in.',
  'signUp.submit': 'Create account',
  'signUp.haveAccount': 'Already have an account? <link>Sign in</link>.',
  'checkMail.title': 'Check your e-mail',
  'checkMail.lead': 'Your account is almost ready.',
  'checkMail.text':
    'We have sent a confirmation link to the address you gave. Open it to confirm that the address is yours; then you can sign in.',
  'checkMail.notArrived': 'Nothing arrived? Look in your spam folder. The link stays valid for 48 hours.',
  'verify.title': 'Confirm your e-mail address',
  'verify.done': 'Thank you — your e-mail address is confirmed. You can now sign in.',
  'verify.missingToken':
    'This address lacks its confirmation code. Open the link from the e-mail exactly as it was sent.',
  'verify.failedHelp': 'If the link has expired, you can <link>create your account again</link>.',
  'notFound.title': 'Page not found',
  'notFound.text': 'There is nothing at this address, or it is not shared with you.',
  'notFound.home': 'Go to the home page',

  // clusters
  'cluster.memberCount':
    '{count, plural, =0 {No member organisations yet} one {# member organisation} other {# member organisations}}',

  // people
  'people.roles': 'Roles',

  // catalogue: legal forms
  'legalForm.municipality': 'Municipality',
  'legalForm.public_body': 'Public body',
  'legalForm.foundation': 'Foundation',
  'legalForm.association': 'Association',
  'legalForm.social_cooperative': 'Social co-operative',
  'legalForm.cooperative': 'Co-operative',
  'legalForm.business_employment_cooperative': 'Business and employment co-operative',
  'legalForm.scic': 'Collective-interest co-operative (SCIC)',
  'legalForm.social_enterprise': 'Social enterprise',
  'legalForm.company': 'Company',
  'legalForm.sole_trader': 'Sole trader',
  'legalForm.university': 'University',
  'legalForm.research_institute': 'Research institute',
  'legalForm.chamber': 'Chamber of commerce or crafts',
  'legalForm.school': 'School',
  'legalForm.informal_group': 'Informal group',

  // catalogue: sectors (quadruple helix)
  'sector.government': 'Public authorities',
  'sector.industry': 'Business',
  'sector.academia': 'Academia and research',
  'sector.civil_society': 'Civil society',

  'clusterType.spatial': 'Place-based cluster',
  'clusterType.sectoral': 'Sector cluster',
  'visibility.public': 'Public',
  'visibility.members': 'Members only',

  // catalogue: languages (named in the reader's language)
  'language.lv': 'Latvian',
  'language.en': 'English',
  'language.fr': 'French',
  'language.it': 'Italian',

  // catalogue: roles and membership statuses
  'role.coordinator': 'Coordinator',
  'role.representative': 'Representative',
  'role.participant': 'Participant',
  'role.mediator': 'Mediator',
  'role.observer': 'Observer',
  'status.applicant': 'Applicant',
  'status.active': 'Active member',
  'status.suspended': 'Suspended',
  'status.left': 'Former member',

  // catalogue: countries
  'country.AT': 'Austria',
  'country.BE': 'Belgium',
  'country.BG': 'Bulgaria',
  'country.CY': 'Cyprus',
  'country.CZ': 'Czechia',
  'country.DE': 'Germany',
  'country.DK': 'Denmark',
  'country.EE': 'Estonia',
  'country.ES': 'Spain',
  'country.FI': 'Finland',
  'country.FR': 'France',
  'country.GR': 'Greece',
  'country.HR': 'Croatia',
  'country.HU': 'Hungary',
  'country.IE': 'Ireland',
  'country.IT': 'Italy',
  'country.LT': 'Lithuania',
  'country.LU': 'Luxembourg',
  'country.LV': 'Latvia',
  'country.MT': 'Malta',
  'country.NL': 'Netherlands',
  'country.PL': 'Poland',
  'country.PT': 'Portugal',
  'country.RO': 'Romania',
  'country.SE': 'Sweden',
  'country.SI': 'Slovenia',
  'country.SK': 'Slovakia',
  'country.NO': 'Norway',
  'country.IS': 'Iceland',
  'country.CH': 'Switzerland',
  'country.GB': 'United Kingdom',
  'country.UA': 'Ukraine',
  'country.RS': 'Serbia',
  'country.BA': 'Bosnia and Herzegovina',
  'country.ME': 'Montenegro',
  'country.MK': 'North Macedonia',
  'country.AL': 'Albania',
  'country.MD': 'Moldova',
};

export type Messages = { readonly [K in keyof typeof en]: string };
