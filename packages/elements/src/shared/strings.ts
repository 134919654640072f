/**
 * Every visible string of the elements. Replace any subset with the `strings` property, or pick a
 * locale pack (`en`, `fr`) with the `lang` attribute. Plurals and numbers go through `Intl`.
 */
import type { JobStatus } from '@sora-kit/core';

/** Orientation of a video size, for labels such as "Landscape 1280×720". */
export type Orientation = 'landscape' | 'portrait' | 'square';

/** The strings of every element. Functions receive already-formatted numbers where it matters. */
export interface SoraStrings {
  /** BCP 47 tag used by `Intl` for numbers, plurals, currencies and relative times. */
  locale: string;
  promptLabel: string;
  promptPlaceholder: string;
  remixLabel: string;
  remixBadge: string;
  referenceBadge: string;
  charCount: (used: number, max: number) => string;
  /** Why Generate is off while the field is empty. */
  promptEmpty: string;
  /** Why Generate is off while the prompt is over the limit. */
  promptTooLong: (over: number) => string;
  model: string;
  size: string;
  length: string;
  seconds: (n: number) => string;
  orientation: Record<Orientation, string>;
  reference: string;
  referenceAdd: string;
  referenceHint: string;
  referenceRemove: string;
  referenceAlt: string;
  referenceType: string;
  referenceTooLarge: (max: string) => string;
  estimatedCost: (usd: string) => string;
  submit: string;
  submitting: string;
  shortcutHint: string;
  shortcutHintMac: string;
  remixing: (prompt: string) => string;
  remixSubmit: string;
  cancelRemix: string;
  retryIn: (seconds: number) => string;
  errorRateLimited: string;
  errorQuota: string;
  errorModeration: string;
  errorNetwork: string;
  errorInvalid: string;
  errorUnknown: string;
  dismiss: string;
  listLabel: string;
  status: Record<JobStatus, string>;
  progressLabel: (prompt: string) => string;
  emptyTitle: string;
  emptyBody: string;
  loading: string;
  loadError: string;
  tryAgain: string;
  loadMore: string;
  offline: string;
  play: string;
  retry: string;
  remix: string;
  reusePrompt: string;
  delete: string;
  confirmDelete: string;
  confirmYes: string;
  cancel: string;
  deleted: string;
  announceStatus: (prompt: string, status: string) => string;
  playerEmpty: string;
  playerLabel: string;
  queuedBody: string;
  inProgressBody: (percent: string) => string;
  failedTitle: string;
  editPrompt: string;
  download: string;
  downloading: string;
  previewLabel: string;
  mediaError: string;
  studioLabel: string;
}

const plural = (locale: string) => new Intl.PluralRules(locale);

/** English, the default pack. */
export const en: SoraStrings = {
  locale: 'en',
  promptLabel: 'Describe your video',
  promptPlaceholder: 'A paper boat drifting down a rainy street at dusk, close-up, soft light…',
  remixLabel: 'Describe what to change',
  remixBadge: 'Remix',
  referenceBadge: 'From an image',
  charCount: (used, max) => `${used.toLocaleString('en')} / ${max.toLocaleString('en')}`,
  promptEmpty: 'Describe the video to generate it.',
  promptTooLong: (over) =>
    `${over.toLocaleString('en')} characters over the limit; shorten the prompt to send it.`,
  model: 'Model',
  size: 'Size',
  length: 'Length',
  seconds: (n) => `${n} ${plural('en').select(n) === 'one' ? 'second' : 'seconds'}`,
  orientation: { landscape: 'Landscape', portrait: 'Portrait', square: 'Square' },
  reference: 'Reference image',
  referenceAdd: 'Add image',
  referenceHint: 'Drop, paste or pick a PNG, JPEG or WebP the video starts from',
  referenceRemove: 'Remove image',
  referenceAlt: 'Reference image preview',
  referenceType: 'Use a PNG, JPEG or WebP image.',
  referenceTooLarge: (max) => `This image is too large; the limit is ${max}.`,
  estimatedCost: (usd) => `Estimated cost ${usd}`,
  submit: 'Generate',
  submitting: 'Sending…',
  shortcutHint: 'Ctrl+Enter to send',
  shortcutHintMac: '⌘+Enter to send',
  remixing: (prompt) => `Remixing “${prompt}”`,
  remixSubmit: 'Remix',
  cancelRemix: 'Cancel remix',
  retryIn: (s) => `You can try again in ${s} s.`,
  errorRateLimited: 'Too many requests right now.',
  errorQuota: 'You have reached your video quota.',
  errorModeration:
    'This request was refused by the content policy. Rephrase it without real people, brands or violent detail.',
  errorNetwork: 'The server could not be reached. Check your connection and try again.',
  errorInvalid: 'Please check the request:',
  errorUnknown: 'Something went wrong. Please try again.',
  dismiss: 'Dismiss',
  listLabel: 'Your videos',
  status: { queued: 'Queued', in_progress: 'Generating', completed: 'Ready', failed: 'Failed' },
  progressLabel: (prompt) => `Progress of “${prompt}”`,
  emptyTitle: 'No videos yet',
  emptyBody: 'Describe a scene above and your videos will appear here.',
  loading: 'Loading your videos…',
  loadError: 'Your videos could not be loaded.',
  tryAgain: 'Try again',
  loadMore: 'Load more',
  offline: 'You are offline. Videos keep being made; progress will update when the connection is back.',
  play: 'Play',
  retry: 'Retry',
  remix: 'Remix',
  reusePrompt: 'Reuse prompt',
  delete: 'Delete',
  confirmDelete: 'Delete this video?',
  confirmYes: 'Delete',
  cancel: 'Cancel',
  deleted: 'Video deleted',
  announceStatus: (prompt, status) => `“${prompt}”: ${status}`,
  playerEmpty: 'Select a video to play it here.',
  playerLabel: 'Video player',
  queuedBody: 'Waiting for a free slot…',
  inProgressBody: (percent) => `Generating… ${percent}`,
  failedTitle: 'This video could not be made',
  editPrompt: 'Edit prompt',
  download: 'Download',
  downloading: 'Preparing…',
  previewLabel: 'Timeline preview',
  mediaError: 'The video could not be played.',
  studioLabel: 'Video studio',
};

/** French. */
export const fr: SoraStrings = {
  locale: 'fr',
  promptLabel: 'Décrivez votre vidéo',
  promptPlaceholder: 'Un bateau en papier descend une rue pluvieuse au crépuscule, gros plan, lumière douce…',
  remixLabel: 'Décrivez ce qui change',
  remixBadge: 'Remix',
  referenceBadge: 'À partir d’une image',
  charCount: (used, max) => `${used.toLocaleString('fr')} / ${max.toLocaleString('fr')}`,
  promptEmpty: 'Décrivez la vidéo pour la générer.',
  promptTooLong: (over) =>
    `${over.toLocaleString('fr')} caractères de trop ; raccourcissez le texte pour l’envoyer.`,
  model: 'Modèle',
  size: 'Format',
  length: 'Durée',
  seconds: (n) => `${n} ${plural('fr').select(n) === 'one' ? 'seconde' : 'secondes'}`,
  orientation: { landscape: 'Paysage', portrait: 'Portrait', square: 'Carré' },
  reference: 'Image de référence',
  referenceAdd: 'Ajouter une image',
  referenceHint: 'Déposez, collez ou choisissez une image PNG, JPEG ou WebP de départ',
  referenceRemove: 'Retirer l’image',
  referenceAlt: 'Aperçu de l’image de référence',
  referenceType: 'Utilisez une image PNG, JPEG ou WebP.',
  referenceTooLarge: (max) => `Cette image est trop lourde ; la limite est de ${max}.`,
  estimatedCost: (usd) => `Coût estimé ${usd}`,
  submit: 'Générer',
  submitting: 'Envoi…',
  shortcutHint: 'Ctrl+Entrée pour envoyer',
  shortcutHintMac: '⌘+Entrée pour envoyer',
  remixing: (prompt) => `Remix de « ${prompt} »`,
  remixSubmit: 'Remixer',
  cancelRemix: 'Annuler le remix',
  retryIn: (s) => `Vous pourrez réessayer dans ${s} s.`,
  errorRateLimited: 'Trop de demandes pour le moment.',
  errorQuota: 'Vous avez atteint votre quota de vidéos.',
  errorModeration:
    'Cette demande a été refusée par la politique de contenu. Reformulez-la sans personnes réelles, marques ni détails violents.',
  errorNetwork: 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.',
  errorInvalid: 'Vérifiez la demande :',
  errorUnknown: 'Un problème est survenu. Réessayez.',
  dismiss: 'Fermer',
  listLabel: 'Vos vidéos',
  status: { queued: 'En attente', in_progress: 'En cours', completed: 'Prête', failed: 'Échec' },
  progressLabel: (prompt) => `Progression de « ${prompt} »`,
  emptyTitle: 'Aucune vidéo pour l’instant',
  emptyBody: 'Décrivez une scène ci-dessus : vos vidéos apparaîtront ici.',
  loading: 'Chargement de vos vidéos…',
  loadError: 'Impossible de charger vos vidéos.',
  tryAgain: 'Réessayer',
  loadMore: 'Afficher plus',
  offline:
    'Vous êtes hors ligne. Les vidéos continuent d’être créées ; la progression reprendra au retour de la connexion.',
  play: 'Lire',
  retry: 'Relancer',
  remix: 'Remixer',
  reusePrompt: 'Réutiliser',
  delete: 'Supprimer',
  confirmDelete: 'Supprimer cette vidéo ?',
  confirmYes: 'Supprimer',
  cancel: 'Annuler',
  deleted: 'Vidéo supprimée',
  announceStatus: (prompt, status) => `« ${prompt} » : ${status}`,
  playerEmpty: 'Sélectionnez une vidéo pour la lire ici.',
  playerLabel: 'Lecteur vidéo',
  queuedBody: 'En attente d’un créneau…',
  inProgressBody: (percent) => `Génération… ${percent}`,
  failedTitle: 'Cette vidéo n’a pas pu être créée',
  editPrompt: 'Modifier la demande',
  download: 'Télécharger',
  downloading: 'Préparation…',
  previewLabel: 'Aperçu de la timeline',
  mediaError: 'La vidéo n’a pas pu être lue.',
  studioLabel: 'Studio vidéo',
};

/** The packs the elements pick from by `lang`; add your own with `strings`. */
export const locales: Readonly<Record<string, SoraStrings>> = { en, fr };

/** The pack for a BCP 47 tag (`fr-CA` → `fr`), English when unknown, with overrides on top. */
export function resolveStrings(lang: string | undefined, overrides?: Partial<SoraStrings>): SoraStrings {
  const base = lang ? (locales[lang] ?? locales[lang.split('-')[0] ?? ''] ?? en) : en;
  return overrides ? { ...base, ...overrides } : base;
}
